// Filling a column's empty cells only: the new values grouped into runs of consecutive rows, one write each.
import type { Cell } from '../core/grid';
import type { WorkbookPort } from './ports';

/** A value for one sheet row (1-based). */
export interface RowValue {
  row: number;
  value: Cell;
}

/** Consecutive rows and their values, written with one writeColumn. */
export interface Run {
  firstRow: number;
  values: Cell[];
}

/** Groups values of ascending rows into runs of consecutive rows. */
export function runsOf(fills: readonly RowValue[]): Run[] {
  const runs: Run[] = [];
  let last: Run | undefined;
  for (const { row, value } of fills) {
    if (last !== undefined && row === last.firstRow + last.values.length) last.values.push(value);
    else runs.push((last = { firstRow: row, values: [value] }));
  }
  return runs;
}

/**
 * Writes each run with its own writeColumn, so that no cell between two runs is written: a formula a
 * person put there keeps its formula, and a value typed there since the sheet was read is kept.
 */
export function writeRuns(wb: WorkbookPort, sheet: string, column: number, runs: readonly Run[]): void {
  for (const run of runs) wb.writeColumn(sheet, column, run.firstRow, run.values);
}
