// Menu 恢复行 inside Google Sheets: asks for the row and the time, restores it from 修改日志 under the document lock.
import { dateTimeInZone } from '../core/dates';
import { format, texts } from '../core/i18n/messages';
import type { Clock } from '../app/ports';
import { restoreRow } from '../app/restore';
import { WorkbookSession } from '../app/session';
import { enteredBy } from '../app/who';
import { GasLock, LockBusyError } from './lock';
import { GasUser, GasUserStore } from './user';
import { GasWorkbook } from './workbook';

const systemClock: Clock = { now: () => new Date() };

/** Two prompts (the row, then the time), then one alert saying what was restored and what was not. */
export function promptRestoreRow(): void {
  const wb = new GasWorkbook(SpreadsheetApp.getActiveSpreadsheet());
  const ui = SpreadsheetApp.getUi();
  const settings = WorkbookSession.open(wb, systemClock, { only: ['settings'] });
  const t = texts(settings.lang).changeLog;
  const target = ui.prompt(t.promptTitle, t.promptTarget, ui.ButtonSet.OK_CANCEL);
  if (target.getSelectedButton() !== ui.Button.OK) return;
  const now = dateTimeInZone(settings.now, settings.settings.timeZone);
  const since = ui.prompt(
    t.promptTitle,
    format(t.promptSince, { now, today: settings.today }),
    ui.ButtonSet.OK_CANCEL,
  );
  if (since.getSelectedButton() !== ui.Button.OK) return;
  let who = '';
  try {
    who = enteredBy(new GasUser(), new GasUserStore());
  } catch {
    who = '';
  }
  let message: string;
  try {
    message = restoreRow(
      wb,
      { clock: systemClock, lock: new GasLock() },
      { target: target.getResponseText(), since: since.getResponseText(), who },
    ).message;
  } catch (error) {
    if (!(error instanceof LockBusyError)) throw error;
    message = texts(settings.lang).menu.busy;
  }
  ui.alert(message);
}
