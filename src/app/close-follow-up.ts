// Closing an open follow-up (及时汇报 / 研究实践): fills its empty 跟进结果 and 办结日期 under the lock, logged in 修改日志.
import { cellText, isEmptyCell } from '../core/grid';
import { format, texts } from '../core/i18n/messages';
import type { FieldError } from '../core/input-errors';
import { OPEN_FOLLOW_UPS } from '../core/follow-through';
import { parseFollowUp } from '../core/values';
import { logChanges, type ChangeEntry } from './change-log';
import {
  actorOf,
  refreshAfter,
  refuse,
  textField,
  withActionLock,
  type ActionOutcome,
} from './follow-through-action';
import type { Lock } from './ports';
import { filledCell, findById, headerOf, normalId, tableOfRecordId, type FoundRow } from './record-rows';
import type { WorkbookSession } from './session';

/** A result typed when closing is at most this long. */
export const RESULT_MAX = 2000;

export interface CloseRequest {
  id: unknown;
  result: unknown;
  /** Who closes it (the sidebar's remembered name). */
  who: string;
}

/**
 * Why a record found by 编号 is not an open follow-up now, in words; undefined when it is one. Shared with the
 * conversion to a rectification item.
 */
export function notOpenFollowUp(session: WorkbookSession, id: string, found: FoundRow): string | undefined {
  const u = texts(session.lang).todo;
  const followUp = parseFollowUp(cellText(found.cells.followUp ?? null));
  if (followUp === undefined || !OPEN_FOLLOW_UPS.includes(followUp)) return format(u.notFollowUp, { id });
  if (!isEmptyCell(found.cells.closedOn))
    return format(u.alreadyClosed, { id, date: cellText(found.cells.closedOn ?? null).slice(0, 10) });
  return undefined;
}

/**
 * Closes a follow-up V-n / H-n: under the lock its sheet is read again, the row found by 编号 must be 及时汇报 or
 * 研究实践 with 办结日期 empty; then 跟进结果 gets the result (when empty: a result already typed in the sheet is kept
 * and the one given goes to 修改日志's note) and 办结日期 today. 处理方式 is never touched. One 修改日志 line per cell
 * filled, with who and when; 进度 is refreshed.
 */
export function closeFollowUp(session: WorkbookSession, lock: Lock, request: CloseRequest): ActionOutcome {
  const lang = session.lang;
  const u = texts(lang).todo;
  const id = normalId(request.id);
  const table = tableOfRecordId(id);
  if (table !== 'visits' && table !== 'homeVisits') return refuse(format(u.notFound, { id: id || '?' }));
  const errors: FieldError[] = [];
  const result = textField(errors, lang, 'result', u.result, request.result, RESULT_MAX, true);
  if (errors.length > 0) return { ok: false, errors };
  const sheet = session.sheetOf(table)?.name;
  if (sheet === undefined) return refuse(format(u.notFound, { id }));
  const actor = actorOf(session, request.who);
  const today = session.today;

  return withActionLock(lock, lang, () => {
    session.reread(sheet);
    const found = findById(table, sheet, session.gridOf(sheet), id);
    if (found === undefined) return refuse(format(u.notFound, { id }));
    const why = notOpenFollowUp(session, id, found);
    if (why !== undefined) return refuse(why);
    const resultColumn = found.columns.followUpResult;
    const closedColumn = found.columns.closedOn;
    if (closedColumn === undefined)
      return refuse(
        format(texts(lang).problems.COLUMN_MISSING, { sheet, column: texts(lang).columns[table].closedOn }),
      );
    const base = { ...actor, sheet, id, row: found.row };
    const entries: ChangeEntry[] = [];
    const keptResult = resultColumn === undefined || !isEmptyCell(found.cells.followUpResult);
    if (!keptResult) {
      session.writeColumn(sheet, resultColumn, found.row, [result]);
      entries.push(
        filledCell(base, headerOf(table, found, resultColumn, 'followUpResult', lang), result, u.log.closed),
      );
    }
    session.writeColumn(sheet, closedColumn, found.row, [today]);
    const note = keptResult ? `${u.log.closed}：${result}` : u.log.closed;
    entries.push(filledCell(base, headerOf(table, found, closedColumn, 'closedOn', lang), today, note));
    logChanges(session.workbook, lang, entries);
    refreshAfter(session, id);
    return { ok: true, id, message: format(keptResult ? u.closedKeptResult : u.closed, { id, date: today }) };
  });
}
