// The WorkbookPort over an in-memory exceljs workbook, opened from and saved to an .xlsx file.
import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { SheetFormat, WorkbookPort } from '../app/ports';
import type { Cell, Grid } from '../core/grid';
import { fromExcel, toExcel } from './xlsx-cells';
import { applySheetFormat } from './xlsx-format';
import { shortenLongTexts } from './xlsx-limits';
import { writeFileSafely } from './safe-write';
import { partsProblem } from './file-kind';

/** What a save did beyond writing: texts too long for a cell, shortened. */
export interface SaveResult {
  shortened: number;
}

/** Why a file cannot be opened as a workbook. */
export type WorkbookFileProblem =
  'missing' | 'notXlsx' | 'empty' | 'unreadable' | 'folder' | 'encrypted' | 'tooLarge' | 'ods';

export class WorkbookFileError extends Error {
  constructor(
    readonly problem: WorkbookFileProblem,
    readonly file: string,
    reason: string,
    /** For tooLarge: the part and its declared size in bytes. */
    readonly part?: { name: string; size: number },
  ) {
    super(reason);
    this.name = 'WorkbookFileError';
  }
}

/** exceljs orders tabs by worksheet.orderNo, which its typings omit. */
interface WithOrder {
  orderNo: number;
}

function isEmptyValue(cell: Cell): boolean {
  return cell === null || cell === '';
}

export class XlsxWorkbook implements WorkbookPort {
  constructor(
    readonly book: ExcelJS.Workbook = new ExcelJS.Workbook(),
    /** Opened without dropdowns and conditional colours, to read faster; such a workbook cannot be saved. */
    readonly readOnly = false,
  ) {}

  private sheet(name: string): Worksheet | undefined {
    return this.book.getWorksheet(name);
  }

  private requireSheet(name: string): Worksheet {
    const ws = this.sheet(name);
    if (!ws) throw new Error(`No sheet "${name}"`);
    return ws;
  }

  sheetNames(): string[] {
    return this.book.worksheets.map((ws) => ws.name);
  }

  read(sheet: string): Grid | undefined {
    const ws = this.sheet(sheet);
    if (!ws) return undefined;
    const rows = new Map<number, Cell[]>();
    let lastRow = 0;
    let width = 0;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        // A merged cell's value lives in its top-left cell only, as in Google Sheets.
        const value = cell.isMerged && cell.master !== cell ? null : fromExcel(cell.value);
        if (isEmptyValue(value)) return;
        cells[col - 1] = value;
        width = Math.max(width, col);
      });
      if (cells.length > 0) {
        rows.set(rowNumber, cells);
        lastRow = Math.max(lastRow, rowNumber);
      }
    });
    const grid: Grid = [];
    for (let r = 1; r <= lastRow; r++) {
      const source = rows.get(r) ?? [];
      const out: Cell[] = new Array<Cell>(width);
      for (let c = 0; c < width; c++) out[c] = source[c] ?? null;
      grid.push(out);
    }
    return grid;
  }

  create(sheet: string, header: Cell[], format: SheetFormat): void {
    if (this.sheet(sheet)) return;
    const ws = this.book.addWorksheet(sheet);
    ws.getRow(1).values = header.map(toExcel);
    applySheetFormat(ws, format);
  }

  applyFormat(sheet: string, format: SheetFormat): void {
    applySheetFormat(this.requireSheet(sheet), format);
  }

  replace(sheet: string, grid: Grid, format: SheetFormat): void {
    const old = this.sheet(sheet);
    const orderNo = (old as WithOrder | undefined)?.orderNo;
    if (old) this.book.removeWorksheet(old.id);
    const ws = this.book.addWorksheet(sheet);
    // Keep the sheet where it was among the tabs.
    if (orderNo !== undefined) (ws as unknown as WithOrder).orderNo = orderNo;
    grid.forEach((row, r) => {
      const excelRow = ws.getRow(r + 1);
      row.forEach((cell, c) => {
        const value = toExcel(cell);
        if (value !== null) excelRow.getCell(c + 1).value = value;
      });
    });
    applySheetFormat(ws, format);
  }

  /** The number of the last row holding any value (0 for an empty sheet). */
  private lastUsedRow(ws: Worksheet): number {
    let last = 0;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      let used = false;
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (!isEmptyValue(fromExcel(cell.value))) used = true;
      });
      if (used) last = rowNumber;
    });
    return last;
  }

  append(sheet: string, rows: Cell[][]): number {
    const ws = this.requireSheet(sheet);
    const first = this.lastUsedRow(ws) + 1;
    rows.forEach((row, i) => {
      const excelRow = ws.getRow(first + i);
      row.forEach((cell, c) => {
        const value = toExcel(cell);
        // A string is stored as a string value, so "=1+2" or "+86…" stays text, never a formula.
        if (value !== null) excelRow.getCell(c + 1).value = value;
      });
    });
    return first;
  }

  writeColumn(sheet: string, column: number, firstRow: number, values: Cell[], notes?: string[]): void {
    const ws = this.requireSheet(sheet);
    values.forEach((value, i) => {
      const cell = ws.getCell(firstRow + i, column + 1);
      cell.value = toExcel(value);
      if (notes) {
        const note = notes[i] ?? '';
        if (note !== '') cell.note = note;
        else (cell as unknown as { _comment?: unknown })._comment = undefined;
      }
    });
  }

  formulaCells(sheet: string, column: number, firstRow: number, count: number): boolean[] {
    const ws = this.requireSheet(sheet);
    return Array.from({ length: Math.max(count, 0) }, (_, i) => {
      const value = ws.getCell(firstRow + i, column + 1).value;
      return typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);
    });
  }

  deleteSheet(sheet: string): void {
    const ws = this.sheet(sheet);
    if (ws) this.book.removeWorksheet(ws.id);
  }

  /**
   * Writes the workbook whole or not at all (src/local/safe-write.ts: a temporary file beside the real file,
   * links followed, mode kept, renamed over it; a read-only or macro file refused). Texts longer than a cell
   * may hold are shortened first, and counted in the result.
   */
  async save(file: string): Promise<SaveResult> {
    if (this.readOnly)
      throw new Error('A workbook opened read-only cannot be saved (its dropdowns were not read)');
    const shortened = shortenLongTexts(this.book);
    const buffer = await this.book.xlsx.writeBuffer();
    await writeFileSafely(file, new Uint8Array(buffer as ArrayBuffer));
    return { shortened };
  }
}

/** A new workbook with no sheets. */
export function newXlsx(): XlsxWorkbook {
  return new XlsxWorkbook();
}

export interface OpenOptions {
  /** Skip dropdowns and conditional colours (most of the reading time); the workbook cannot be saved. */
  readOnly?: boolean;
}

/**
 * The bytes of a workbook file, for either reader: a WorkbookFileError when it is missing, no file, cannot
 * be read, or is empty. The file itself is only read.
 */
export async function readWorkbookBytes(file: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new WorkbookFileError('folder', file, `${file} is a folder`);
    if (!stat.isFile()) throw new WorkbookFileError('notXlsx', file, `${file} is not a file`);
    bytes = await fs.readFile(file);
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new WorkbookFileError('missing', file, `${file} not found`);
    if (code === 'EACCES' || code === 'EPERM')
      throw new WorkbookFileError('unreadable', file, `${file} cannot be read: ${code}`);
    throw new WorkbookFileError('notXlsx', file, `${file} cannot be read: ${(error as Error).message}`);
  }
  if (bytes.length === 0) throw new WorkbookFileError('empty', file, `${file} is empty`);
  // An encrypted workbook, an OpenDocument file, or a part too big to inflate is named as such before either
  // reader starts (and before any part is inflated).
  const problem = partsProblem(bytes);
  if (problem?.problem === 'tooLarge') {
    const part = { name: problem.part, size: problem.size };
    throw new WorkbookFileError(
      'tooLarge',
      file,
      `${file}: ${part.name} is ${part.size} bytes inflated`,
      part,
    );
  }
  if (problem !== undefined)
    throw new WorkbookFileError(problem.problem, file, `${file}: ${problem.problem}`);
  return bytes;
}

/**
 * Opens an .xlsx file read into memory. Throws a WorkbookFileError when the file is missing, is not
 * an .xlsx workbook, or holds no sheet. The file itself is only read.
 */
export async function openXlsx(file: string, options: OpenOptions = {}): Promise<XlsxWorkbook> {
  const bytes = await readWorkbookBytes(file);
  const book = new ExcelJS.Workbook();
  try {
    const ignoreNodes = options.readOnly === true ? ['dataValidations', 'conditionalFormatting'] : [];
    await book.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes });
  } catch (error) {
    throw new WorkbookFileError(
      'notXlsx',
      file,
      `${file} is not an .xlsx workbook: ${(error as Error).message}`,
    );
  }
  if (book.worksheets.length === 0) throw new WorkbookFileError('empty', file, `${file} has no sheets`);
  return new XlsxWorkbook(book, options.readOnly === true);
}

/** Saves a workbook to `file` atomically (temporary file in the same folder, then rename). */
export async function saveXlsx(workbook: XlsxWorkbook, file: string): Promise<SaveResult> {
  return workbook.save(file);
}
