// The onEdit hint: checks the edited rows of a visit sheet (a full recompute is the truth).
import { checkEditedRows } from '../app/check-edit';
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

/**
 * Handles one edit event. A multi-cell paste has no e.value, so the rows come from e.range. Edits of
 * other sheets cost two calls, edits of the header row alone four, and nothing else.
 */
export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet().getName();
  const table = tableOfSheet(sheet);
  if (table !== 'visits' && table !== 'homeVisits') return;
  const firstRow = range.getRow();
  const lastRow = range.getLastRow();
  if (lastRow < 2) return;
  const wb = new GasWorkbook(e.source ?? SpreadsheetApp.getActiveSpreadsheet());
  const ctx = { now: new Date(), userEmail: currentEnterer() };
  try {
    new GasLock(EDIT_LOCK_WAIT_MS).withLock(() => checkEditedRows(wb, sheet, firstRow, lastRow, ctx));
  } catch (error) {
    if (!(error instanceof LockBusyError)) throw error;
  }
}
