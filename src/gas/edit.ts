// The onEdit hint: checks the edited rows of a visit sheet (a full recompute is the truth).
import { checkEditedRows, editAnswer } from '../app/check-edit';
import { logSheetEdit, type EditedRange } from '../app/change-log-edit';
import { checkLedgerEdit, isLedgerTable } from '../app/ledger-stamps';
import { dateTimeInZone } from '../core/dates';
import { enteredBy } from '../app/who';
import { tableOfSheet } from '../core/tables';
import { GasLock, LockBusyError } from './lock';
import { GasUser, GasUserStore } from './user';
import { GasWorkbook } from './workbook';

/** Simple triggers have 30 s in all: wait a little for a save, then give up (the recompute catches up). */
const EDIT_LOCK_WAIT_MS = 5_000;

/** The 录入人 stamp, or '' when neither the email nor a remembered name can be had. */
function currentEnterer(): string {
  try {
    return enteredBy(new GasUser(), new GasUserStore());
  } catch {
    return '';
  }
}

/** How long the toast with a row's problem stays, in seconds. */
const TOAST_SECONDS = 10;

/**
 * The edited range for 修改日志: Apps Script gives e.value / e.oldValue for one typed cell only (a paste, or a
 * clear of several cells, has neither), so only then is the old value known.
 */
function editedRange(e: GoogleAppsScript.Events.SheetsOnEdit, rows: number): EditedRange {
  const firstColumn = e.range.getColumn() - 1;
  const columns = e.range.getNumColumns();
  const typed = rows === 1 && columns === 1 && ('value' in e || 'oldValue' in e);
  const oldValue = (e as { oldValue?: unknown }).oldValue;
  return {
    firstColumn,
    columns,
    ...(typed ? { typed: { oldValue: oldValue === undefined ? '' : String(oldValue) } } : {}),
  };
}

/**
 * Handles one edit event. A multi-cell paste has no e.value, so the rows come from e.range. Edits of
 * generated sheets cost two calls, edits of the header row alone four, and nothing else. An edit of a visit
 * sheet is checked and logged (修改日志: the person's edit and the stamps, one append); an edit of a ledger sheet
 * (问题整改, 献计, 讨论活动) is stamped (R-n / S-n / D-n, 登记日期, 完成日期) and logged the same way; an edit of
 * another sheet people fill in (人员, 学生 …) is logged only. A row with a problem gets its answer where the person is looking
 * (校验 may be off screen): a note on the edited cells and a toast — two calls more (its notes, the toast),
 * whatever the number of rows; a clean edit costs nothing more.
 */
export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet().getName();
  const table = tableOfSheet(sheet);
  if (table === undefined) return;
  const firstRow = range.getRow();
  const lastRow = range.getLastRow();
  if (lastRow < 2) return;
  const wb = new GasWorkbook(e.source ?? SpreadsheetApp.getActiveSpreadsheet());
  const edit = editedRange(e, lastRow - firstRow + 1);
  if (table !== 'visits' && table !== 'homeVisits') {
    try {
      const rows = { first: firstRow, last: lastRow };
      const ctx = { now: new Date(), who: currentEnterer() };
      // A ledger sheet's edited rows get their stamps (R-n, 登记日期, 完成日期 …) with the log line.
      new GasLock(EDIT_LOCK_WAIT_MS).withLock(() =>
        isLedgerTable(table)
          ? checkLedgerEdit(wb, sheet, rows, edit, ctx)
          : logSheetEdit(wb, sheet, rows, edit, ctx),
      );
    } catch (error) {
      if (!(error instanceof LockBusyError)) throw error;
    }
    return;
  }
  const ctx = { now: new Date(), userEmail: currentEnterer(), edit };
  let result;
  try {
    result = new GasLock(EDIT_LOCK_WAIT_MS).withLock(() =>
      checkEditedRows(wb, sheet, firstRow, lastRow, ctx),
    );
  } catch (error) {
    if (!(error instanceof LockBusyError)) throw error;
    return;
  }
  const answer = editAnswer(result, dateTimeInZone(ctx.now, result.timeZone ?? 'Asia/Shanghai'));
  if (answer === undefined || !answer.problem) return;
  const columns = edit.columns;
  const firstColumn = edit.firstColumn;
  const verdictNote = new Map(result.verdicts.map((v) => [v.row, v.note]));
  range.setNotes(
    Array.from({ length: lastRow - firstRow + 1 }, (_, r) =>
      Array.from({ length: columns }, (_, c) =>
        // The 校验 cell keeps the verdict's own note (written a moment ago); the others get the answer.
        firstColumn + c === result.checkColumn
          ? (verdictNote.get(firstRow + r) ?? '')
          : (answer.notes.get(firstRow + r) ?? ''),
      ),
    ),
  );
  (e.source ?? SpreadsheetApp.getActiveSpreadsheet()).toast(answer.message, answer.title, TOAST_SECONDS);
}
