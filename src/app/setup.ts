// Set-up: creates every missing record sheet (headers, formats, the plan's defaults) and adds missing columns.
import type { IsoDate } from '../core/dates';
import { defaultSettings, settingsRows, unitRows } from '../core/defaults';
import { isEmptyCell, parseGrid, type Cell, type Grid } from '../core/grid';
import { en } from '../core/i18n/en';
import { zh } from '../core/i18n/zh';
import type { Lang } from '../core/i18n/messages';
import {
  defaultHeaders,
  headerText,
  sheetName,
  tableOfSheet,
  TABLE_KEYS,
  TABLES,
  type TableKey,
} from '../core/tables';
import type { WorkbookPort } from './ports';
import { formatOfColumns, tableFormat, type RosterSources } from './table-format';
import { semesterRowsForSetUp } from './setup-semesters';

export interface SetUpResult {
  /** Sheets made, by name. */
  created: string[];
  /** Header cells added to the right of existing sheets' headers. */
  addedColumns: { sheet: string; columns: string[] }[];
}

/** A sheet's language: English if its name is the English one, else the workbook's. */
function languageOfSheet(table: TableKey, name: string, lang: Lang): Lang {
  return name.trim().toLowerCase() === en.sheets[table].toLowerCase() ? 'en' : lang;
}

function isBlank(grid: Grid | undefined): boolean {
  return grid === undefined || grid.every((row) => row.every((cell) => isEmptyCell(cell)));
}

function widthOf(grid: Grid): number {
  return grid.reduce((max, row) => Math.max(max, row.length), 0);
}

/** Column positions of a header row, by column key. */
function indexOfHeader(table: TableKey, name: string, header: readonly Cell[]): Record<string, number> {
  return { ...parseGrid(table, name, [[...header]]).columnIndex };
}

/**
 * Makes a workbook ready: each missing record sheet is created with its header, format and (for
 * 设置 and 部门指标) the plan's defaults; an existing sheet only gets the columns it lacks, added
 * to the right of its header. Nothing that exists is moved, cleared or rewritten. Running it twice
 * changes nothing the second time.
 */
export function setUpWorkbook(wb: WorkbookPort, lang: Lang, today: IsoDate): SetUpResult {
  const result: SetUpResult = { created: [], addedColumns: [] };
  const existing = new Map<TableKey, string>();
  for (const name of wb.sheetNames()) {
    const key = tableOfSheet(name);
    if (key !== undefined && !existing.has(key)) existing.set(key, name);
  }
  // 进度 is laid out when it is made (frozen rows, widths) and only refilled afterwards: an old one goes, and
  // the recompute that follows set-up makes it again with the current layout. It holds nothing typed.
  for (const name of [zh.sheets.status, en.sheets.status])
    if (wb.sheetNames().includes(name)) wb.deleteSheet(name);
  const rosters: RosterSources = {};
  /** 设置 as it stood before set-up (undefined when set-up makes it now): the 学期 rows depend on it. */
  let settingsBefore: { name: string; grid: Grid } | undefined;
  for (const table of TABLE_KEYS) {
    const current = existing.get(table);
    const grid = current === undefined ? undefined : wb.read(current);
    const name = current ?? sheetName(table, lang);
    const sheetLang = languageOfSheet(table, name, lang);
    let header: Cell[];
    if (isBlank(grid)) {
      header = defaultHeaders(table, sheetLang);
      const format = tableFormat(table, sheetLang, indexOfHeader(table, name, header), rosters);
      if (current === undefined) wb.create(name, header, format);
      else wb.replace(name, [header], format);
      result.created.push(name);
      fillDefaults(wb, table, name, sheetLang, today);
      if (table === 'semesters') {
        const rows = semesterRowsForSetUp(settingsBefore, sheetLang, today);
        if (rows.length > 0)
          wb.append(
            name,
            rows.map((s) => [s.name, s.start, s.end]),
          );
      }
    } else {
      if (table === 'settings' && grid !== undefined) settingsBefore = { name, grid };
      header = addMissingColumns(wb, table, name, grid ?? [], sheetLang, rosters, result);
    }
    const index = indexOfHeader(table, name, header);
    if (table === 'staff' && index.name !== undefined)
      rosters.staffNames = { sheet: name, column: index.name };
    if (table === 'students' && index.className !== undefined) {
      rosters.classes = { sheet: name, column: index.className };
    }
  }
  return result;
}

/** 设置 and 部门指标 get the plan's values when set-up makes them, and only then. */
function fillDefaults(wb: WorkbookPort, table: TableKey, name: string, lang: Lang, today: IsoDate): void {
  if (table === 'settings') wb.append(name, settingsRows(defaultSettings(lang, today), lang));
  if (table === 'units') wb.append(name, unitRows(lang));
}

/** Writes the header text of each column the sheet lacks after its last used column; returns the new header. */
function addMissingColumns(
  wb: WorkbookPort,
  table: TableKey,
  name: string,
  grid: Grid,
  lang: Lang,
  rosters: RosterSources,
  result: SetUpResult,
): Cell[] {
  const width = widthOf(grid);
  const header: Cell[] = Array.from({ length: width }, (_, c) => grid[0]?.[c] ?? '');
  const found = indexOfHeader(table, name, header);
  const missing = TABLES[table].columns.filter((c) => found[c.key] === undefined);
  if (missing.length === 0) return header;
  const added = new Set<number>();
  missing.forEach((column, i) => {
    const text = headerText(table, column.key, lang);
    wb.writeColumn(name, width + i, 1, [text]);
    header.push(text);
    added.add(width + i);
  });
  const format = tableFormat(table, lang, indexOfHeader(table, name, header), rosters);
  wb.applyFormat(name, formatOfColumns(format, added));
  result.addedColumns.push({ sheet: name, columns: missing.map((c) => headerText(table, c.key, lang)) });
  return header;
}
