// The office's 献计转整改: the 献计 row under the active cell turned into a rectification item by the one use case.
import { cellText, parseGrid } from '../core/grid';
import { format, texts } from '../core/i18n/messages';
import { sheetName, tableOfSheet } from '../core/tables';
import { convertToRectification } from './convert-rectification';
import type { ActionOutcome } from './follow-through-action';
import type { Lock } from './ports';
import { normalId } from './record-rows';
import type { WorkbookSession } from './session';

/** The suggestion a cell stands on: its 编号 and title; or why there is none, in the school's words. */
export type SuggestionAt = { ok: true; id: string; title: string } | { ok: false; message: string };

/** The 献计 data row of a cell (sheet name, 1-based row), as read by the session. */
export function suggestionAt(session: WorkbookSession, sheet: string, row: number): SuggestionAt {
  const lang = session.lang;
  const m = texts(lang).todo.menu;
  const expected = session.sheetOf('suggestions')?.name ?? sheetName('suggestions', lang);
  const refusal = { ok: false as const, message: format(m.notSuggestionRow, { sheet: expected }) };
  if (tableOfSheet(sheet) !== 'suggestions' || !Number.isInteger(row) || row < 2) return refusal;
  const grid = session.gridOf(sheet);
  const found = parseGrid('suggestions', sheet, grid).rows.find((r) => r.row === row);
  if (found === undefined) return refusal;
  const id = normalId(cellText(found.cells.id ?? null));
  if (!/^S-\d+$/.test(id)) return { ok: false, message: format(m.noId, { sheet, row }) };
  const title =
    cellText(found.cells.title ?? null).trim() ||
    cellText(found.cells.text ?? null)
      .trim()
      .slice(0, 40);
  return { ok: true, id, title };
}

/** Converts the suggestion of that row (problem: its title and text; 责任人 and 期限 left to the office). */
export function convertSuggestionAt(
  session: WorkbookSession,
  lock: Lock,
  at: { sheet: string; row: number; who: string },
): ActionOutcome {
  const found = suggestionAt(session, at.sheet, at.row);
  if (!found.ok) return { ok: false, errors: [{ field: '', message: found.message }] };
  const note = texts(session.lang).todo.log.appendedMenu;
  return convertToRectification(session, lock, {
    id: found.id,
    problem: '',
    owner: '',
    deadline: '',
    who: at.who,
    note,
  });
}
