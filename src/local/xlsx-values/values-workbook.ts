// A read-only WorkbookPort over an .xlsx file's cell values (fflate + saxes), for the commands that only read.
import type { SheetFormat, WorkbookPort } from '../../app/ports';
import type { Cell, Grid } from '../../core/grid';
import { readWorkbookBytes, WorkbookFileError } from '../xlsx-workbook';
import {
  isType,
  readDateStyles,
  readRelationships,
  readSharedStrings,
  readWorkbook,
  workbookPart,
} from './parts';
import { readSheetGrid } from './sheet';
import { ZipArchive } from './zip';

interface ValuesSheet {
  name: string;
  grid: Grid;
}

/**
 * The values of every worksheet of an .xlsx, read once when opened: read() gives exactly the grid
 * XlsxWorkbook.read gives for the same file, in a fraction of the time and memory, because only the
 * parts that hold values are parsed (no styles beyond date formats, no dropdowns, no drawings).
 * Every method that would change the workbook throws.
 */
export class XlsxValuesWorkbook implements WorkbookPort {
  private constructor(private readonly sheets: readonly ValuesSheet[]) {}

  /** Reads the workbook's worksheets from the bytes of an .xlsx; throws on a damaged or foreign file. */
  static fromBytes(bytes: Uint8Array): XlsxValuesWorkbook {
    const zip = new ZipArchive(bytes);
    const bookPart = workbookPart(zip);
    const book = readWorkbook(zip, bookPart);
    if (book === undefined) return new XlsxValuesWorkbook([]);
    const rels = readRelationships(zip, bookPart);
    const partOf = (kind: string) => [...rels.values()].find((rel) => isType(rel, kind))?.target;
    const context = {
      sharedStrings: readSharedStrings(zip, partOf('sharedStrings')),
      dateStyles: readDateStyles(zip, partOf('styles')),
      date1904: book.date1904,
    };
    const sheets: ValuesSheet[] = [];
    for (const sheet of book.sheets) {
      const rel = rels.get(sheet.rid);
      // Chart sheets and dialog sheets hold no cells; exceljs leaves them out of its worksheets too.
      if (rel === undefined || !isType(rel, 'worksheet') || !zip.has(rel.target)) continue;
      sheets.push({ name: sheet.name, grid: readSheetGrid(zip, rel.target, context) });
    }
    return new XlsxValuesWorkbook(sheets);
  }

  sheetNames(): string[] {
    return this.sheets.map((sheet) => sheet.name);
  }

  /** A fresh copy of the sheet's grid each time (callers may change what they are given). */
  read(sheet: string): Grid | undefined {
    return this.sheets.find((s) => s.name === sheet)?.grid.map((row) => row.slice());
  }

  private refuse(): never {
    throw new Error('This workbook was opened read-only (cell values only) and cannot be changed');
  }

  create(_sheet: string, _header: Cell[], _format: SheetFormat): void {
    this.refuse();
  }

  applyFormat(_sheet: string, _format: SheetFormat): void {
    this.refuse();
  }

  replace(_sheet: string, _grid: Grid, _format: SheetFormat): void {
    this.refuse();
  }

  append(_sheet: string, _rows: Cell[][]): number {
    this.refuse();
  }

  writeColumn(_sheet: string, _column: number, _firstRow: number, _values: Cell[], _notes?: string[]): void {
    this.refuse();
  }

  /** Formulas are not kept (only their values): a use case that asks is one that writes. */
  formulaCells(_sheet: string, _column: number, _firstRow: number, _count: number): boolean[] {
    this.refuse();
  }

  deleteSheet(_sheet: string): void {
    this.refuse();
  }
}

/**
 * Opens an .xlsx file for reading its values. Throws the WorkbookFileError openXlsx throws for the same
 * file (missing, not an .xlsx workbook, no sheet), with the same messages; the file itself is only read.
 */
export async function openXlsxValues(file: string): Promise<XlsxValuesWorkbook> {
  const bytes = await readWorkbookBytes(file);
  let workbook: XlsxValuesWorkbook;
  try {
    workbook = XlsxValuesWorkbook.fromBytes(bytes);
  } catch (error) {
    throw new WorkbookFileError(
      'notXlsx',
      file,
      `${file} is not an .xlsx workbook: ${(error as Error).message}`,
    );
  }
  if (workbook.sheetNames().length === 0) throw new WorkbookFileError('empty', file, `${file} has no sheets`);
  return workbook;
}
