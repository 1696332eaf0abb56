// Appending one complete row to an optional sheet (献计, 讨论活动) under the lock: numbered, made first when missing, logged.
import { parseGrid, type Cell } from '../core/grid';
import { format, texts } from '../core/i18n/messages';
import { logChanges, type ChangeEntry } from './change-log';
import { refreshAfter, withActionLock, type ActionOutcome, type Actor } from './follow-through-action';
import type { Lock } from './ports';
import { nextRecordIds } from './record-id';
import { ensureTableSheet, rowByColumns } from './record-rows';
import type { WorkbookSession } from './session';

/**
 * Under the lock: the sheet made with its header when the workbook has none, read again, the next 编号 taken
 * after the largest in it, the row appended right after the rows read (text starting = + - @ stays text: the
 * workbook port writes it so), one 修改日志 line (who, when, the new 编号), 进度 refreshed.
 */
export function appendRecord(
  session: WorkbookSession,
  lock: Lock,
  table: 'suggestions' | 'discussions',
  cells: Record<string, Cell>,
  actor: Actor,
  saved: string,
): ActionOutcome {
  const lang = session.lang;
  return withActionLock(lock, lang, () => {
    const { sheet, made } = ensureTableSheet(session, table, actor.who, actor.time);
    session.reread(sheet);
    const grid = session.gridOf(sheet);
    const id = nextRecordIds(table, grid, parseGrid(table, sheet, grid).columnIndex.id, 1)[0] as string;
    const row = rowByColumns(table, sheet, grid, { ...cells, id });
    const written = session.appendRows(sheet, [row], grid.length);
    const entries: ChangeEntry[] = made === undefined ? [] : [made];
    const note = format(texts(lang).todo.log.appended, { id });
    entries.push({ ...actor, sheet, id, row: written, note });
    logChanges(session.workbook, lang, entries);
    refreshAfter(session, id);
    return { ok: true, id, message: format(saved, { id }) };
  });
}
