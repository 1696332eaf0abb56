// Withdrawing one's own record of the last minutes: the row kept as typed, its 校验 cell marked 已撤回, logged in 修改日志 (change-log.ts).
import { dateTimeInZone } from '../core/dates';
import { personProgress } from '../core/engine';
import { cellText, parseGrid, type Cell } from '../core/grid';
import { format, texts } from '../core/i18n/messages';
import { nameKey } from '../core/names';
import { isWithdrawn } from '../core/withdrawn';
import type { WithdrawResult } from '../contract/sidebar-payload';
import { WITHDRAW_MINUTES } from './log-visit';
import { ensureChangeLog, logChanges } from './change-log';
import { writeStatusSheet } from './recompute';
import { openSession, PERSON_KEY, type SidebarPorts } from './sidebar';
import { progressLines } from './sidebar-view';

type RecordTable = 'visits' | 'homeVisits';

/** The table a 编号 belongs to: V-n 走访记录, H-n 家访记录. */
function tableOfId(id: string): RecordTable | undefined {
  if (/^V-\d+$/i.test(id)) return 'visits';
  if (/^H-\d+$/i.test(id)) return 'homeVisits';
  return undefined;
}

/** Minutes from one 'YYYY-MM-DD HH:mm' to another (NaN when either cannot be read). */
export function minutesBetween(from: string, to: string): number {
  const at = (text: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/.exec(text);
    return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!) : NaN;
  };
  return (at(to) - at(from)) / 60_000;
}

/**
 * Withdraws a record for the person this user said they are: only a record they entered (录入人), within
 * WITHDRAW_MINUTES of its 录入时间, not withdrawn already. Under the lock the sheet is read again, the row's
 * 校验 cell gets "已撤回 by X at T" (nothing typed is touched; the engine skips the row from then on), one line
 * goes to 修改日志 (who, when, sheet, 编号, what changed) and 进度 is refreshed.
 */
export function withdrawRecord(ports: SidebarPorts, value: unknown): WithdrawResult {
  const session = openSession(ports);
  const lang = session.lang;
  const u = texts(lang).sidebarUx;
  const id = typeof value === 'string' ? value.trim().toUpperCase() : '';
  const person = ports.store.get(PERSON_KEY) ?? '';
  if (nameKey(person) === '') return { ok: false, message: u.withdrawNoPerson };
  const table = tableOfId(id);
  const sheet = table === undefined ? undefined : session.sheetOf(table);
  if (table === undefined || sheet === undefined)
    return { ok: false, message: format(u.withdrawNotFound, { id: id || String(value ?? '') }) };
  const zone = session.settings.timeZone;
  const now = dateTimeInZone(session.now, zone);
  // Adapters hand date cells over as wall-clock text ('YYYY-MM-DD HH:mm').
  const timeOf = (cell: Cell | undefined) => cellText(cell ?? null);

  const done = ports.lock.withLock((): WithdrawResult => {
    session.reread(sheet.name);
    const grid = session.gridOf(sheet.name);
    const parsed = parseGrid(table, sheet.name, grid);
    const found = parsed.rows.find((r) => cellText(r.cells.id).toUpperCase() === id);
    const checkColumn = parsed.columnIndex.check;
    if (found === undefined || checkColumn === undefined)
      return { ok: false, message: format(u.withdrawNotFound, { id }) };
    if (isWithdrawn(found.cells.check)) return { ok: false, message: format(u.withdrawAlready, { id }) };
    if (nameKey(cellText(found.cells.enteredBy)) !== nameKey(person))
      return { ok: false, message: format(u.withdrawNotOwn, { id }) };
    const age = minutesBetween(timeOf(found.cells.enteredAt), now);
    if (!(age >= -1 && age <= WITHDRAW_MINUTES))
      return { ok: false, message: format(u.withdrawTooLate, { id, minutes: WITHDRAW_MINUTES }) };

    const before = cellText(found.cells.check);
    const mark = format(u.withdrawMark, { name: person, time: now });
    session.workbook.writeColumn(sheet.name, checkColumn, found.row, [mark], ['']);
    // 修改日志 (change-log.ts): the 校验 cell's old and new text, the header brought up to date first.
    ensureChangeLog(session.workbook, lang);
    const header = cellText(grid[0]?.[checkColumn] ?? null) || texts(lang).columns[table].check;
    logChanges(session.workbook, lang, [
      {
        time: now,
        who: person,
        sheet: sheet.name,
        id,
        row: found.row,
        column: header,
        before,
        after: mark,
        note: format(u.changeWithdrawn, { before, after: mark }),
      },
    ]);
    session.reread(sheet.name);
    try {
      writeStatusSheet(session);
    } catch (error) {
      console.error(`${id} withdrawn; 进度 not refreshed:`, error);
    }
    return { ok: true, id, message: format(u.withdrawn, { id }), progress: [] };
  });
  if (!done.ok) return done;
  const campaign = session.campaign;
  return { ...done, progress: progressLines(campaign, personProgress(campaign, person, session.today)) };
}
