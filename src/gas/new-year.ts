// The 开始新学年 menu item: what the move-up will do, confirmed (YES/NO), then done under the document lock.
import { texts } from '../core/i18n/messages';
import { doneText, planNewSchoolYear, planText, startNewSchoolYear } from '../app/new-school-year';
import type { Clock } from '../app/ports';
import { WorkbookSession } from '../app/session';
import { enteredBy } from '../app/who';
import { GasLock, LockBusyError } from './lock';
import { GasUser, GasUserStore } from './user';
import { GasWorkbook } from './workbook';

const systemClock: Clock = { now: () => new Date() };

/**
 * Menu 开始新学年: the plan worked out on the workbook as read (before the lock: nobody waits on a person
 * reading a question) and shown with its numbers; on YES the 学生 sheet is read again under the lock and the
 * rows appended whole (a refusal found then is said, and nothing is written).
 */
export function newSchoolYearMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const session = WorkbookSession.open(new GasWorkbook(SpreadsheetApp.getActiveSpreadsheet()), systemClock);
  const t = texts(session.lang);
  const outcome = planNewSchoolYear(session);
  if (!outcome.ok) {
    ui.alert(outcome.message);
    return;
  }
  const { plan } = outcome;
  const question = `${planText(session, plan)}\n\n${t.schoolYear.confirm}`;
  if (ui.alert(t.schoolYear.menu, question, ui.ButtonSet.YES_NO) !== ui.Button.YES) {
    ui.alert(t.schoolYear.cancelled);
    return;
  }
  let result: ReturnType<typeof startNewSchoolYear>;
  try {
    result = new GasLock().withLock(() =>
      startNewSchoolYear(session, enteredBy(new GasUser(), new GasUserStore()), {
        from: plan.from.name,
        to: plan.to.name,
      }),
    );
  } catch (error) {
    if (!(error instanceof LockBusyError)) throw error;
    ui.alert(t.menu.busy);
    return;
  }
  ui.alert('ok' in result ? result.message : doneText(session, result));
}
