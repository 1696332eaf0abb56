// Reads every record sheet of a workbook once, for the engine (sheets it does not recognise are not read).
import type { Grid } from '../core/grid';
import { tableOfSheet } from '../core/tables';
import type { WorkbookPort } from './ports';

export interface SheetGrid {
  name: string;
  grid: Grid;
}

/** Each sheet whose name is a record table's (Chinese or English), read with one grid read. */
export function readSheets(wb: WorkbookPort): SheetGrid[] {
  const sheets: SheetGrid[] = [];
  for (const name of wb.sheetNames()) {
    if (tableOfSheet(name) === undefined) continue;
    const grid = wb.read(name);
    if (grid !== undefined) sheets.push({ name, grid });
  }
  return sheets;
}
