// The playground's workbook in memory: the exceljs workbook, its sheets' grids kept between requests, and a record of what each change wrote.
import type { Workbook, Worksheet } from 'exceljs';
import type { SheetFormat, WorkbookPort } from '../../app/ports';
import type { Cell, Grid } from '../../core/grid';
import { fromExcel, toExcel } from '../xlsx-cells';
import type { XlsxWorkbook } from '../xlsx-workbook';

/**
 * One write to the workbook, as data: what the file writer's own copy of the workbook repeats (a worker
 * thread; structured-clone values only). An append is recorded with the row it was written at, so both
 * copies write the same rows whatever their own idea of the used range.
 */
export type WorkbookOp =
  | { op: 'create'; sheet: string; header: Cell[]; format: SheetFormat }
  | { op: 'applyFormat'; sheet: string; format: SheetFormat }
  | { op: 'replace'; sheet: string; grid: Grid; format: SheetFormat }
  | { op: 'rows'; sheet: string; firstRow: number; rows: Cell[][] }
  | { op: 'writeColumn'; sheet: string; column: number; firstRow: number; values: Cell[]; notes?: string[] }
  | { op: 'deleteSheet'; sheet: string };

/** Writes rows from firstRow on, as XlsxWorkbook.append writes them (empty cells left alone, text kept text). */
export function writeRowsAt(book: Workbook, sheet: string, firstRow: number, rows: Cell[][]): void {
  const ws = book.getWorksheet(sheet);
  if (!ws) throw new Error(`No sheet "${sheet}"`);
  rows.forEach((row, i) => {
    const excelRow = ws.getRow(firstRow + i);
    row.forEach((cell, c) => {
      const value = toExcel(cell);
      if (value !== null) excelRow.getCell(c + 1).value = value;
    });
  });
}

/** Repeats one recorded write on a workbook. */
export function applyOp(wb: XlsxWorkbook, op: WorkbookOp): void {
  switch (op.op) {
    case 'create':
      return wb.create(op.sheet, op.header, op.format);
    case 'applyFormat':
      return wb.applyFormat(op.sheet, op.format);
    case 'replace':
      return wb.replace(op.sheet, op.grid, op.format);
    case 'rows':
      return writeRowsAt(wb.book, op.sheet, op.firstRow, op.rows);
    case 'writeColumn':
      return wb.writeColumn(op.sheet, op.column, op.firstRow, op.values, op.notes);
    case 'deleteSheet':
      return wb.deleteSheet(op.sheet);
  }
}

/** What changes wrote since they were last taken: rows by sheet, and sheets made, replaced or reformatted whole. */
export interface Changes {
  rows: Map<string, Set<number>>;
  whole: Set<string>;
}

const isEmpty = (cell: Cell) => cell === null || cell === '';

/** One row of a worksheet as read() gives it, `width` cells wide; undefined when a value lies beyond `width`. */
function rowOf(ws: Worksheet, row: number, width: number): Cell[] | undefined {
  const cells: Cell[] = new Array<Cell>(width).fill(null);
  let beyond = false;
  ws.getRow(row).eachCell({ includeEmpty: false }, (cell, col) => {
    const value = cell.isMerged && cell.master !== cell ? null : fromExcel(cell.value);
    if (isEmpty(value)) return;
    if (col > width) beyond = true;
    else cells[col - 1] = value;
  });
  return beyond ? undefined : cells;
}

/**
 * The WorkbookPort the playground's use cases run on. A sheet is read from exceljs once (a 100k-row sheet
 * takes about half a second) and its grid kept: a write updates the rows it touched, so the next read costs
 * nothing. Grids handed out are never changed afterwards (a write makes a new outer array), so a session's
 * reread() still sees what another change did. Every write is also recorded as a WorkbookOp (for the file
 * writer) and as changed rows (for the page's patch).
 */
export class TrackedWorkbook implements WorkbookPort {
  private readonly grids = new Map<string, Grid>();
  private ops: WorkbookOp[] = [];
  private changes: Changes = { rows: new Map(), whole: new Set() };
  /** Each generated sheet's chart as last written (an .xlsx keeps no chart: the playground draws it). */
  readonly charts = new Map<string, NonNullable<SheetFormat['chart']>>();

  constructor(readonly inner: XlsxWorkbook) {}

  /** The exceljs workbook (for drawing the sheets). */
  get book(): Workbook {
    return this.inner.book;
  }

  sheetNames(): string[] {
    return this.inner.sheetNames();
  }

  read(sheet: string): Grid | undefined {
    const kept = this.grids.get(sheet);
    if (kept !== undefined) return kept;
    const grid = this.inner.read(sheet);
    if (grid !== undefined) this.grids.set(sheet, grid);
    return grid;
  }

  create(sheet: string, header: Cell[], format: SheetFormat): void {
    if (this.inner.book.getWorksheet(sheet)) return;
    this.inner.create(sheet, header, format);
    this.wrote({ op: 'create', sheet, header, format });
  }

  applyFormat(sheet: string, format: SheetFormat): void {
    this.inner.applyFormat(sheet, format);
    this.wrote({ op: 'applyFormat', sheet, format });
  }

  replace(sheet: string, grid: Grid, format: SheetFormat): void {
    if (format.chart === undefined) this.charts.delete(sheet);
    else this.charts.set(sheet, format.chart);
    this.inner.replace(sheet, grid, format);
    this.wrote({ op: 'replace', sheet, grid, format });
  }

  /** After the last row of the used range as kept (read()'s last row), without scanning the sheet again. */
  append(sheet: string, rows: Cell[][]): number {
    if (!this.inner.book.getWorksheet(sheet)) throw new Error(`No sheet "${sheet}"`);
    const firstRow = (this.read(sheet) ?? []).length + 1;
    writeRowsAt(this.inner.book, sheet, firstRow, rows);
    this.wrote({ op: 'rows', sheet, firstRow, rows }, firstRow, rows.length);
    return firstRow;
  }

  writeColumn(sheet: string, column: number, firstRow: number, values: Cell[], notes?: string[]): void {
    this.inner.writeColumn(sheet, column, firstRow, values, notes);
    this.wrote({ op: 'writeColumn', sheet, column, firstRow, values, notes }, firstRow, values.length);
  }

  formulaCells(sheet: string, column: number, firstRow: number, count: number): boolean[] {
    return this.inner.formulaCells(sheet, column, firstRow, count);
  }

  deleteSheet(sheet: string): void {
    if (!this.inner.book.getWorksheet(sheet)) return;
    this.inner.deleteSheet(sheet);
    this.wrote({ op: 'deleteSheet', sheet });
  }

  /** The writes recorded since last taken, in order. */
  takeOps(): WorkbookOp[] {
    const ops = this.ops;
    this.ops = [];
    return ops;
  }

  /** The rows and sheets written since last taken. */
  takeChanges(): Changes {
    const changes = this.changes;
    this.changes = { rows: new Map(), whole: new Set() };
    return changes;
  }

  /** Records a write: rows firstRow..firstRow+count-1 of op.sheet, or (without rows) the whole sheet. */
  private wrote(op: WorkbookOp, firstRow?: number, count = 0): void {
    this.ops.push(op);
    if (firstRow === undefined) {
      this.grids.delete(op.sheet);
      this.changes.whole.add(op.sheet);
      return;
    }
    const rows = this.changes.rows.get(op.sheet) ?? new Set<number>();
    for (let r = firstRow; r < firstRow + count; r++) rows.add(r);
    this.changes.rows.set(op.sheet, rows);
    this.refreshRows(op.sheet, firstRow, count);
  }

  /**
   * Reads the written rows back into the kept grid (new outer array), as read() would give them; a grid whose
   * width the write changed is dropped and read whole next time.
   */
  private refreshRows(sheet: string, firstRow: number, count: number): void {
    const grid = this.grids.get(sheet);
    if (grid === undefined) return;
    const ws = this.inner.book.getWorksheet(sheet);
    const width = grid[0]?.length ?? 0;
    if (!ws || width === 0) {
      this.grids.delete(sheet);
      return;
    }
    const next = grid.slice();
    for (let r = firstRow; r < firstRow + count; r++) {
      const cells = rowOf(ws, r, width);
      // A value beyond the used width, or the last column emptied: the width changes; read it whole.
      if (
        cells === undefined ||
        (!isEmpty(next[r - 1]?.[width - 1] ?? null) && isEmpty(cells[width - 1] ?? null))
      ) {
        this.grids.delete(sheet);
        return;
      }
      if (r <= next.length) next[r - 1] = cells;
      else if (cells.some((c) => !isEmpty(c))) {
        while (next.length < r - 1) next.push(new Array<Cell>(width).fill(null));
        next.push(cells);
      }
    }
    // The used range ends at the last row holding a value.
    while (next.length > 0 && (next[next.length - 1] ?? []).every(isEmpty)) next.pop();
    this.grids.set(sheet, next);
  }
}
