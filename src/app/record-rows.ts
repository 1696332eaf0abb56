// Rows of the record sheets by 编号 for the follow-through actions: find one, build one by column key, make an optional sheet.
import { cellText, parseGrid, type Cell, type Grid } from '../core/grid';
import { format, texts, type Lang } from '../core/i18n/messages';
import { defaultHeaders, sheetName, type TableKey } from '../core/tables';
import type { ChangeEntry } from './change-log';
import type { WorkbookPort } from './ports';
import { ID_PREFIX } from './record-id';
import type { WorkbookSession } from './session';
import { tableFormat } from './table-format';

/** The tables the follow-through actions write to. */
export type ActionTable = 'visits' | 'homeVisits' | 'rectification' | 'suggestions' | 'discussions';

/** The table an 编号 names by its letter (V, H, R, S, D), any case. */
export function tableOfRecordId(id: string): ActionTable | undefined {
  const m = /^([A-Z])-\d+$/i.exec(id.trim());
  const letter = m?.[1]?.toUpperCase();
  const found = (Object.keys(ID_PREFIX) as (keyof typeof ID_PREFIX)[]).find((k) => ID_PREFIX[k] === letter);
  return found;
}

/** 编号 as the add-on writes it: trimmed, NFKC, upper case, no spaces ('v - 3' → 'V-3'). */
export function normalId(value: unknown): string {
  return typeof value === 'string' ? value.normalize('NFKC').replace(/\s+/gu, '').toUpperCase() : '';
}

/** One data row of a sheet found by 编号: its sheet row number and its cells by column key. */
export interface FoundRow {
  row: number;
  cells: Partial<Record<string, Cell>>;
  columns: Partial<Record<string, number>>;
  header: readonly Cell[];
}

/** The row of a sheet's grid whose 编号 is `id` (compared as the add-on writes it), if any. */
export function findById(table: TableKey, sheet: string, grid: Grid, id: string): FoundRow | undefined {
  const parsed = parseGrid(table, sheet, grid);
  const found = parsed.rows.find((r) => normalId(cellText(r.cells.id ?? null)) === id);
  if (found === undefined) return undefined;
  return {
    row: found.row,
    cells: found.cells as Partial<Record<string, Cell>>,
    columns: parsed.columnIndex as Partial<Record<string, number>>,
    header: grid[0] ?? [],
  };
}

/** A row as wide as the sheet's header, each value under its column's header (columns the sheet lacks are left out). */
export function rowByColumns(
  table: TableKey,
  sheet: string,
  grid: Grid,
  cells: Record<string, Cell>,
): Cell[] {
  const { columnIndex } = parseGrid(table, sheet, grid);
  const row: Cell[] = Array.from({ length: (grid[0] ?? []).length }, () => '');
  for (const [key, index] of Object.entries(columnIndex)) if (key in cells) row[index] = cells[key] ?? '';
  return row;
}

/** The header text of a column as the sheet spells it, else the default in the school's language. */
export function headerOf(
  table: TableKey,
  found: { header: readonly Cell[] },
  column: number,
  key: string,
  lang: Lang,
): string {
  const typed = cellText(found.header[column] ?? null).trim();
  return typed !== '' ? typed : ((texts(lang).columns[table] as Record<string, string>)[key] ?? key);
}

/**
 * The sheet of an optional table (问题整改, 献计, 讨论活动), made with its header and look when the workbook has
 * none (as set-up makes it); call it under the lock. Returns its name and the change-log line of a sheet made.
 */
export function ensureTableSheet(
  session: WorkbookSession,
  table: TableKey,
  who: string,
  time: string,
): { sheet: string; made: ChangeEntry | undefined } {
  const known = session.sheetOf(table)?.name;
  if (known !== undefined) return { sheet: known, made: undefined };
  const lang = session.lang;
  const name = sheetName(table, lang);
  const wb: WorkbookPort = session.workbook;
  const header = defaultHeaders(table, lang);
  const index = parseGrid(table, name, [header]).columnIndex as Record<string, number>;
  // create() does nothing when another execution made the sheet meanwhile: the re-read that follows sees it.
  wb.create(name, header, tableFormat(table, lang, index, {}));
  const note = format(texts(lang).todo.log.sheetCreated, { sheet: name });
  return { sheet: name, made: { time, who, sheet: name, id: '', note } };
}

/** The change-log line of a cell filled (before: '' as the cell was empty). */
export function filledCell(
  base: { time: string; who: string; sheet: string; id: string; row: number },
  column: string,
  after: Cell,
  note: string,
): ChangeEntry {
  return { ...base, column, before: '', after, note };
}
