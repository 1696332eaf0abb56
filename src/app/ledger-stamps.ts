// Stamps of the ledger sheets (edit check and recompute alike): R-n / S-n / D-n, and 问题整改's 登记日期 and 完成日期, in empty cells only.
import { dateTimeInZone } from '../core/dates';
import { cellAt, cellText, isEmptyCell, type Cell, type Grid } from '../core/grid';
import { texts } from '../core/i18n/messages';
import { tableOfSheet } from '../core/tables';
import { parseRectStatus } from '../core/values';
import { logChanges, type ChangeEntry } from './change-log';
import { editEntries, headerOf, idReader, type EditedRange } from './change-log-edit';
import { runsOf, writeRuns, type RowValue } from './column-runs';
import { MAX_ID_RUNS, numberRows } from './numbering';
import type { WorkbookPort } from './ports';
import { WorkbookSession } from './session';

export const LEDGER_TABLES = ['rectification', 'suggestions', 'discussions'] as const;
export type LedgerTable = (typeof LEDGER_TABLES)[number];

export function isLedgerTable(table: string | undefined): table is LedgerTable {
  return LEDGER_TABLES.includes(table as LedgerTable);
}

/** Who stamps and why, as 修改日志 says it. */
interface Stamper {
  who: string;
  time: string;
  note: string;
}

/**
 * Writes `fills` into the empty, formula-free cells of one column: one read of the column's formulas over
 * the rows concerned, then one write per run of consecutive rows, at most MAX_ID_RUNS runs (the calls must
 * not grow with the rows: what is left is filled by the next recompute). Returns the fills written.
 */
function fillEmpty(
  wb: WorkbookPort,
  sheet: string,
  grid: Grid,
  column: number,
  fills: RowValue[],
): RowValue[] {
  const empty = fills.filter(({ row }) => isEmptyCell(grid[row - 1]?.[column]));
  const first = empty[0]?.row;
  const last = empty[empty.length - 1]?.row;
  if (first === undefined || last === undefined) return [];
  const formulas = wb.formulaCells?.(sheet, column, first, last - first + 1) ?? [];
  const plain = empty.filter(({ row }) => formulas[row - first] !== true);
  const runs = runsOf(plain).slice(0, MAX_ID_RUNS);
  writeRuns(wb, sheet, column, runs);
  const end = runs.reduce((max, run) => Math.max(max, run.firstRow + run.values.length - 1), 0);
  return plain.filter(({ row }) => row <= end);
}

/**
 * Stamps the rows of a ledger sheet that hold something (all of them, or those of `only`): the next 编号
 * (numbering.ts, as the visit sheets) where it is empty; on 问题整改 also 登记日期 = today where it is empty,
 * and 完成日期 = today where 状态 reads 已完成 or 已建章立制 and it is empty. `datesOn` limits the two dates:
 * 'edited' (the edit check: the rows the person is working on now), or 'numbered' (recompute: only the rows
 * it numbers in this run, new to the add-on — a row numbered before was opened, or done, before today).
 * Only empty, formula-free cells are written; nothing typed is changed. Returns the 修改日志 lines of what was
 * written (not yet logged).
 */
export function stampLedger(
  session: WorkbookSession,
  table: LedgerTable,
  stamper: Stamper,
  datesOn: 'edited' | 'numbered',
  only?: readonly number[],
): ChangeEntry[] {
  const parsed = session.campaign.tables[table];
  if (parsed === undefined) return [];
  const { sheet, columnIndex: at } = parsed;
  const grid = session.gridOf(sheet);
  const wanted = only === undefined ? undefined : new Set(only);
  const lines = parsed.lines
    .map((line, i) => ({ line, row: parsed.rowNumbers[i] ?? 0 }))
    .filter(({ row }) => row >= 2 && (wanted === undefined || wanted.has(row)));
  const rows = lines.map((l) => l.row);
  const wb = session.workbook;
  const ids = at.id === undefined ? [] : numberRows(wb, { sheet, table, grid, column: at.id, rows });
  const written: { column: number; fills: RowValue[] }[] = [];
  if (at.id !== undefined) written.push({ column: at.id, fills: ids });
  if (table === 'rectification') {
    const today: Cell = session.today;
    const fresh = new Set(ids.map((f) => f.row));
    const dated = lines.filter(({ row }) => datesOn === 'edited' || fresh.has(row));
    if (at.openedOn !== undefined) {
      const fills = dated.map(({ row }) => ({ row, value: today }));
      written.push({ column: at.openedOn, fills: fillEmpty(wb, sheet, grid, at.openedOn, fills) });
    }
    if (at.doneOn !== undefined) {
      const done = dated.filter(({ line }) => {
        const status = parseRectStatus(cellText(cellAt(line, at.status)));
        return status === 'done' || status === 'rule';
      });
      const fills = done.map(({ row }) => ({ row, value: today }));
      written.push({ column: at.doneOn, fills: fillEmpty(wb, sheet, grid, at.doneOn, fills) });
    }
  }
  const numbered = new Map(ids.map((f) => [f.row, String(f.value ?? '')]));
  const readId = idReader(grid, at.id);
  const idOf = (row: number) => (at.id === undefined ? '' : (numbered.get(row) ?? readId(row)));
  return written.flatMap(({ column, fills }) =>
    fills.map(({ row, value }) => ({
      time: stamper.time,
      who: stamper.who,
      sheet,
      id: idOf(row),
      row,
      column: headerOf(grid, column),
      before: '',
      after: value,
      note: stamper.note,
    })),
  );
}

/**
 * Recompute's part for the ledgers: every row of 问题整改, 献计 and 讨论活动 stamped by the add-on (the edit
 * check is only a hint, and the sidebar appends rows no edit event sees). Returns the 修改日志 lines.
 */
export function stampLedgers(session: WorkbookSession): ChangeEntry[] {
  const t = texts(session.lang);
  const stamper = {
    who: t.changeLog.addOn,
    time: dateTimeInZone(session.now, session.settings.timeZone),
    note: t.ledger.stampedOnRecompute,
  };
  return LEDGER_TABLES.flatMap((table) => stampLedger(session, table, stamper, 'numbered'));
}

/**
 * An edit of a ledger sheet (onEdit, the playground): the edited rows stamped, and the person's edit and
 * the stamps logged in 修改日志 with one append. Reads the sheet and 设置 only. Returns the lines written.
 */
export function checkLedgerEdit(
  wb: WorkbookPort,
  sheet: string,
  rows: { first: number; last: number },
  edit: EditedRange,
  ctx: { now: Date; who: string },
): number {
  const table = tableOfSheet(sheet);
  if (!isLedgerTable(table) || rows.last < 2) return 0;
  const session = WorkbookSession.open(wb, { now: () => ctx.now }, { only: [table, 'settings'] });
  const grid = session.gridOf(sheet);
  if (grid.length === 0) return 0;
  const lang = session.lang;
  const time = dateTimeInZone(ctx.now, session.settings.timeZone);
  const first = Math.max(rows.first, 2);
  const edited = Array.from({ length: Math.max(rows.last - first + 1, 0) }, (_, i) => first + i);
  // A second sheet of the same table (SHEET_DUPLICATE) is not read by the engine: its rows get no stamps.
  const parsed = session.campaign.tables[table];
  const read = parsed !== undefined && parsed.sheet === sheet;
  const stamper = { who: ctx.who, time, note: texts(lang).changeLog.stamped };
  const stamps = read ? stampLedger(session, table, stamper, 'edited', edited) : [];
  const idColumn = read ? parsed.columnIndex.id : undefined;
  const readId = idReader(grid, idColumn);
  const numbered = new Map(stamps.filter((s) => s.id !== '').map((s) => [s.row ?? 0, s.id]));
  const entries = [
    ...editEntries(
      grid,
      sheet,
      rows,
      edit,
      { who: ctx.who, time, lang },
      (row) => numbered.get(row) ?? readId(row),
    ),
    ...stamps,
  ];
  logChanges(wb, lang, entries);
  return entries.length;
}
