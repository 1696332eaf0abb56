// The 自检 menu item inside Google Sheets: asks about a test mail, runs the checks under the document lock, shows the dialog.
import { texts } from '../core/i18n/messages';
import { workbookLanguage } from '../app/language';
import type { Clock } from '../app/ports';
import { dailyJobTrigger } from '../app/scheduler';
import { runSelfTest, type DailyTriggerView, type SelfTestPort, type SelfTestResult } from '../app/self-test';
import { selfTestHtml } from '../app/self-test-view';
import { WorkbookSession } from '../app/session';
import { GasLock, LockBusyError } from './lock';
import { MailAppMailer } from './mailer';
import { GasScheduler } from './triggers';
import { GasUser } from './user';
import { GasWorkbook } from './workbook';

const systemClock: Clock = { now: () => new Date() };

/** What only Apps Script knows: the two time zones, who is signed in, the daily trigger, a clock. */
export class GasSelfTestPort implements SelfTestPort {
  constructor(private readonly book: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  spreadsheetTimeZone(): string {
    return this.book.getSpreadsheetTimeZone();
  }
  scriptTimeZone(): string {
    return Session.getScriptTimeZone();
  }
  signedInEmail(): string {
    return new GasUser().email();
  }
  /** A menu item runs as the person who chose it: the effective user is them (even when the active one is hidden). */
  mailAddress(): string {
    return new GasScheduler().currentUser();
  }
  dailyTrigger(): DailyTriggerView {
    const scheduler = new GasScheduler();
    return { state: dailyJobTrigger(scheduler), mine: scheduler.ownTriggers() > 0 };
  }
  millis(): number {
    return Date.now();
  }
}

/**
 * Menu 自检: first asks (YES/NO) whether to send a test mail to the person running it, then, under the
 * document lock, runs every check on one session and writes the 自检 sheet; the dialog shows the same lines.
 */
export function runSelfTestMenu(): void {
  const book = SpreadsheetApp.getActiveSpreadsheet();
  const wb = new GasWorkbook(book);
  const ui = SpreadsheetApp.getUi();
  const t = texts(workbookLanguage(wb, 'zh'));
  // Asked before the lock is taken: nobody waits on a person reading a question.
  const sendTestMail = ui.alert(t.selfTest.title, t.selfTest.askMail, ui.ButtonSet.YES_NO) === ui.Button.YES;
  let result: SelfTestResult;
  try {
    result = new GasLock().withLock(() =>
      runSelfTest(WorkbookSession.open(wb, systemClock), {
        port: new GasSelfTestPort(book),
        mailer: new MailAppMailer(),
        sendTestMail,
      }),
    );
  } catch (error) {
    if (!(error instanceof LockBusyError)) throw error;
    ui.alert(t.menu.busy);
    return;
  }
  const html = HtmlService.createHtmlOutput(selfTestHtml(result)).setWidth(900).setHeight(600);
  ui.showModalDialog(html, texts(result.lang).selfTest.title);
}
