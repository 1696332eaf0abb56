// Numbering the rows that lack a 编号 (edit check and recompute alike): empty, formula-free cells only, few writes.
import { isEmptyCell, type Cell, type Grid } from '../core/grid';
import { runsOf, writeRuns, type Run, type RowValue } from './column-runs';
import type { WorkbookPort } from './ports';
import { ID_PREFIX, largestId, nextRecordIds } from './record-id';

/** At most this many separate runs of rows lacking a 编号 are written one by one (2 service calls each). */
export const MAX_ID_RUNS = 4;

export interface Numbering {
  sheet: string;
  table: keyof typeof ID_PREFIX;
  /** The sheet as read, header row first. */
  grid: Grid;
  /** The 编号 column (0-based). */
  column: number;
  /** Sheet rows (1-based, ascending) that may lack a 编号: the edited rows, or every data row. */
  rows: readonly number[];
}

/**
 * Gives every row of `rows` whose 编号 cell is empty the next number after the largest in use (nextRecordIds).
 * read() gives a formula's value only, so one read of the column's formulas over the rows concerned tells a
 * formula showing '' from an empty cell: a formula is never written over. Only the empty cells are written,
 * one write per run of consecutive rows, so a cell between two runs (a formula, a value typed since the
 * read) is not touched. The calls must not grow with the rows, so beyond MAX_ID_RUNS runs the span from the
 * first to the last lacking row is written in ONE write — only when every other cell of it holds no formula
 * and was read as a plain 编号 of this sheet (V-n / H-n as text) or empty: written back as read, those lose
 * nothing. Otherwise only the first MAX_ID_RUNS runs are numbered now, and the next run numbers the next
 * ones (numbers stay unique: each is after the largest in use). Returns the rows numbered and their numbers
 * (for 修改日志).
 */
export function numberRows(wb: WorkbookPort, job: Numbering): RowValue[] {
  const { sheet, grid, column } = job;
  const empty = job.rows.filter(
    (row) => row >= 2 && row <= grid.length && isEmptyCell(grid[row - 1]?.[column]),
  );
  const first = empty[0];
  const last = empty[empty.length - 1];
  if (first === undefined || last === undefined) return [];
  const formulas = wb.formulaCells?.(sheet, column, first, last - first + 1) ?? [];
  const hasFormula = (row: number) => formulas[row - first] === true;
  const lacking = empty.filter((row) => !hasFormula(row));
  if (lacking.length === 0) return [];
  const fresh = nextRecordIds(job.table, grid, column, lacking.length);
  const given = lacking.map((row, k) => ({ row, value: fresh[k] ?? '' }));
  const runs = runsOf(given);
  if (runs.length <= MAX_ID_RUNS) {
    writeRuns(wb, sheet, column, runs);
    return given;
  }
  const prefix = ID_PREFIX[job.table];
  const plain = (row: number) => {
    const cell = grid[row - 1]?.[column] ?? null;
    return (
      !hasFormula(row) && (isEmptyCell(cell) || (typeof cell === 'string' && largestId([cell], prefix) > 0))
    );
  };
  const span = joined(grid, column, runs, plain);
  const written = span === undefined ? runs.slice(0, MAX_ID_RUNS) : [span];
  writeRuns(wb, sheet, column, written);
  const end = written.reduce((max, run) => Math.max(max, run.firstRow + run.values.length - 1), 0);
  return given.filter((g) => g.row <= end);
}

/** The runs joined into one, the cells between them written back as read; undefined unless all are plain. */
function joined(
  grid: readonly Cell[][],
  column: number,
  runs: readonly Run[],
  plain: (row: number) => boolean,
): Run | undefined {
  const first = runs[0]?.firstRow ?? 2;
  const values: Cell[] = [];
  for (const run of runs) {
    for (let row = first + values.length; row < run.firstRow; row++) {
      if (!plain(row)) return undefined;
      values.push(grid[row - 1]?.[column] ?? '');
    }
    values.push(...run.values);
  }
  return { firstRow: first, values };
}
