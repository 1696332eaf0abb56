// Reads every record sheet of a workbook once, for the engine (sheets it does not recognise are not read).
import type { Grid } from '../core/grid';
import { tableOfSheet, type TableKey } from '../core/tables';
import type { WorkbookPort } from './ports';

export interface SheetGrid {
  name: string;
  grid: Grid;
}

/**
 * Each sheet whose name is a record table's (Chinese or English), read with one grid read;
 * `only` limits the reading to some tables.
 */
export function readSheets(wb: WorkbookPort, only?: readonly TableKey[]): SheetGrid[] {
  const sheets: SheetGrid[] = [];
  for (const name of wb.sheetNames()) {
    const table = tableOfSheet(name);
    if (table === undefined || (only !== undefined && !only.includes(table))) continue;
    const grid = wb.read(name);
    if (grid !== undefined) sheets.push({ name, grid });
  }
  return sheets;
}
