// The 导出个人数据 and 删除个人数据 menu items: ask for the name or 学号, show what would be written or changed, confirm, then act under the document lock.
import { format, texts, type Messages } from '../core/i18n/messages';
import {
  changesBySheet,
  erasePersonData,
  exportGrids,
  exportSheetName,
  findPersonData,
  subjectText,
  type PersonDataPlan,
  type Subject,
} from '../app/person-data';
import type { Clock } from '../app/ports';
import { WorkbookSession } from '../app/session';
import { enteredBy } from '../app/who';
import { GasLock, LockBusyError } from './lock';
import { GasUser, GasUserStore } from './user';
import { GasWorkbook } from './workbook';

const systemClock: Clock = { now: () => new Date() };

/**
 * What the person typed: a 学号 of 学生 is a student, anything else a person's name. The plan is worked out
 * on the session as read (before the lock: nobody waits on a person reading a question).
 */
function askSubject(
  session: WorkbookSession,
  p: Messages['personData'],
  title: string,
): PersonDataPlan | undefined {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(title, p.prompt, ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return undefined;
  const typed = answer.getResponseText().trim();
  if (typed === '') {
    ui.alert(p.emptyAnswer);
    return undefined;
  }
  const asStudent = findPersonData(session, { kind: 'student', id: typed });
  if (asStudent.kind === 'student') return asStudent;
  return findPersonData(session, { kind: 'person', name: typed });
}

/** Runs `action` under the document lock; the busy message when another execution holds it. */
function underLock<T>(t: Messages, action: () => T): T | undefined {
  try {
    return new GasLock().withLock(action);
  } catch (error) {
    if (!(error instanceof LockBusyError)) throw error;
    SpreadsheetApp.getUi().alert(t.menu.busy);
    return undefined;
  }
}

/** The menu item's start: the workbook read, the question asked, a subject found somewhere (else said so). */
interface Asked {
  wb: GasWorkbook;
  lang: 'zh' | 'en';
  t: Messages;
  plan: PersonDataPlan;
  who: string;
}

function askedPlan(
  title: (p: Messages['personData']) => string,
  found: (plan: PersonDataPlan) => boolean,
): Asked | undefined {
  const wb = new GasWorkbook(SpreadsheetApp.getActiveSpreadsheet());
  const session = WorkbookSession.open(wb, systemClock);
  const lang = session.lang;
  const t = texts(lang);
  const plan = askSubject(session, t.personData, title(t.personData));
  if (plan === undefined) return undefined;
  const who = subjectText(plan.subject);
  if (!found(plan)) {
    SpreadsheetApp.getUi().alert(format(t.personData.notFound, { who }));
    return undefined;
  }
  return { wb, lang, t, plan, who };
}

/** A YES/NO question; anything but YES says it was cancelled. */
function confirmed(title: string, question: string, cancelled: string): boolean {
  const ui = SpreadsheetApp.getUi();
  if (ui.alert(title, question, ui.ButtonSet.YES_NO) === ui.Button.YES) return true;
  ui.alert(cancelled);
  return false;
}

const sheetsText = (plan: PersonDataPlan, lang: 'zh' | 'en') =>
  plan.sheets.map((s) => `${s.sheet} ${s.rows.length}`).join(lang === 'en' ? ', ' : '、');

/**
 * Menu 导出个人数据: every row naming the person or student, with each sheet's header, in a new protected sheet
 * 个人数据导出 <name> (the add-on's scope is this spreadsheet only: it cannot make a file). The dialog says to
 * download it and delete the sheet.
 */
export function exportPersonDataMenu(): void {
  const asked = askedPlan(
    (p) => p.menuExport,
    (plan) => plan.sheets.length > 0,
  );
  if (asked === undefined) return;
  const { wb, lang, t, plan, who } = asked;
  const p = t.personData;
  const ui = SpreadsheetApp.getUi();
  const sheet = exportSheetName(lang, plan.subject);
  const rows = plan.sheets.reduce((n, s) => n + s.rows.length, 0);
  const confirm = format(p.exportConfirm, { who, rows, sheets: sheetsText(plan, lang), sheet });
  if (!confirmed(p.menuExport, confirm, p.cancelled)) return;
  const written = underLock(t, () => {
    // Read again under the lock: rows saved since the question are in the export.
    const fresh = findPersonData(WorkbookSession.open(wb, systemClock), plan.subject);
    const grid = exportGrids(fresh).flatMap(({ sheet: name, grid: g }) => [[name], ...g, []]);
    wb.replace(sheet, grid, { protect: true });
    return sheet;
  });
  if (written === undefined) return;
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName(written)?.activate();
  ui.alert(format(p.exportDone, { sheet: written }));
}

/** Menu 删除个人数据: what would change, confirmed (YES/NO), then written under the lock with one 修改日志 line. */
export function erasePersonDataMenu(): void {
  const asked = askedPlan(
    (p) => p.menuErase,
    (plan) => plan.changes.length > 0 || plan.exportSheets.length > 0,
  );
  if (asked === undefined) return;
  const { wb, lang, t, plan, who } = asked;
  const p = t.personData;
  const ui = SpreadsheetApp.getUi();
  const confirm = format(p.eraseConfirm, {
    who,
    cells: plan.changes.length,
    sheets: changesBySheet(plan, lang),
    marker: plan.marker,
  });
  if (!confirmed(p.menuErase, confirm, p.cancelled)) return;
  const subject: Subject = plan.subject;
  const result = underLock(t, () =>
    // Read again under the lock: the cells changed are the ones that stand now.
    erasePersonData(
      WorkbookSession.open(wb, systemClock),
      subject,
      enteredBy(new GasUser(), new GasUserStore()),
    ),
  );
  if (result === undefined) return;
  let message = format(p.erased, {
    cells: result.cells,
    sheets: changesBySheet(result.plan, lang),
    marker: result.plan.marker,
  });
  for (const sheet of result.plan.exportSheets) message += `\n${format(p.exportSheetDeleted, { sheet })}`;
  if (result.plan.ambiguous > 0) message += `\n${format(p.ambiguous, { count: result.plan.ambiguous })}`;
  ui.alert(message);
}
