// Menu 献计转整改 inside Google Sheets: the 献计 row of the active cell, confirmed, turned into a rectification item.
import { format, texts } from '../core/i18n/messages';
import type { Clock } from '../app/ports';
import { WorkbookSession } from '../app/session';
import { convertSuggestionAt, suggestionAt } from '../app/suggestion-to-rectification';
import { enteredBy } from '../app/who';
import { GasLock, LockBusyError } from './lock';
import { GasUser, GasUserStore } from './user';
import { GasWorkbook } from './workbook';

const systemClock: Clock = { now: () => new Date() };

/** One question (go on?), then one alert saying what was done, or why not. */
export function convertActiveSuggestion(): void {
  const book = SpreadsheetApp.getActiveSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  const range = book.getActiveRange();
  const sheet = range === null ? '' : range.getSheet().getName();
  const row = range === null ? 0 : range.getRow();
  const session = WorkbookSession.open(new GasWorkbook(book), systemClock);
  const m = texts(session.lang).todo.menu;
  const found = suggestionAt(session, sheet, row);
  if (!found.ok) {
    ui.alert(found.message);
    return;
  }
  const answer = ui.alert(
    m.suggestionToRect,
    format(m.confirm, { id: found.id, title: found.title }),
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) {
    ui.alert(m.cancelled);
    return;
  }
  let who = '';
  try {
    who = enteredBy(new GasUser(), new GasUserStore());
  } catch {
    who = '';
  }
  let message: string;
  try {
    const outcome = convertSuggestionAt(session, new GasLock(), { sheet, row, who });
    message = outcome.ok ? outcome.message : outcome.errors.map((e) => e.message).join('\n');
  } catch (error) {
    if (!(error instanceof LockBusyError)) throw error;
    message = texts(session.lang).menu.busy;
  }
  ui.alert(message);
}
