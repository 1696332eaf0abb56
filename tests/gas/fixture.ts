// Shared set-up for the Apps Script tests: fakes installed per test, workbooks typed in, edit events, snapshots.
import { changeLogHeader, LOG_FORMAT } from '../../src/app/change-log';
import { GasWorkbook } from '../../src/gas/workbook';
import type { Cell } from '../../src/core/grid';
import {
  FakeRange,
  installGasFakes,
  type FakeSheet,
  type FakeSpreadsheet,
  type FakeValue,
  type GasFakes,
} from '../fakes/gas';

/** A cell as a test types it: what the engine reads, or a Date as Sheets holds a date cell. */
export type TypedCell = Cell | FakeValue;

/** A school day morning in Shanghai (2027-04-20 10:00 +08:00). */
export const NOW = new Date('2027-04-20T02:00:00Z');

/** Installs fresh fakes before each test (clock at NOW) and removes them after; returns a getter. */
export function useGasFakes(now: Date = NOW): () => GasFakes {
  let fakes: GasFakes | undefined;
  beforeEach(() => {
    jest.useFakeTimers({ now, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    fakes = installGasFakes();
  });
  afterEach(() => {
    fakes?.uninstall();
    fakes = undefined;
    jest.useRealTimers();
  });
  return () => {
    if (fakes === undefined) throw new Error('The fakes are installed per test only.');
    return fakes;
  };
}

/**
 * Puts sheets into the fake spreadsheet as a person would type them: '2027-04-05' becomes a date,
 * '13800000001' a number; Date cells stay dates. The sheet grows to hold every row.
 */
export function typeSheets(
  spreadsheet: FakeSpreadsheet,
  sheets: readonly { name: string; grid: readonly (readonly TypedCell[])[] }[],
): void {
  for (const { name, grid } of sheets) {
    const sheet = spreadsheet.addSheet(name);
    sheet.store.maxRows = Math.max(sheet.store.maxRows, grid.length + 1);
    typeRows(sheet, 1, grid);
  }
}

/** Types rows starting at a sheet row (1-based); null cells are left alone. */
export function typeRows(sheet: FakeSheet, firstRow: number, rows: readonly (readonly TypedCell[])[]): void {
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell !== null && cell !== '') sheet.store.type(firstRow + r, c + 1, cell);
    }),
  );
}

/** An onEdit event for rows first..last (columns 1..width) of a sheet, as Apps Script passes it. */
export function editEvent(
  fakes: GasFakes,
  sheet: FakeSheet,
  firstRow: number,
  lastRow: number,
  width = 1,
): GoogleAppsScript.Events.SheetsOnEdit {
  const range = new FakeRange(fakes.calls, sheet, firstRow, 1, lastRow - firstRow + 1, width);
  const single = firstRow === lastRow && width === 1;
  return {
    authMode: 'LIMITED',
    range,
    source: fakes.spreadsheet,
    user: { getEmail: () => '' },
    ...(single ? { value: String(sheet.store.peek(firstRow, 1)?.value ?? '') } : {}),
  } as unknown as GoogleAppsScript.Events.SheetsOnEdit;
}

/** Everything a person could see of a sheet's used range: values, notes, formats, colours, validations. */
export function snapshot(sheet: FakeSheet): unknown {
  return {
    values: sheet.store.map((c) => (c.value instanceof Date ? `Date(${c.value.toISOString()})` : c.value)),
    formulas: sheet.store.map((c) => c.formula),
    notes: sheet.store.notes(),
    formats: sheet.store.map((c) => c.numberFormat),
    backgrounds: sheet.store.map((c) => c.background),
    weights: sheet.store.map((c) => c.fontWeight),
    validations: sheet.store.map((c) => c.validation),
    frozen: sheet.store.frozenRows,
    widths: [...sheet.store.columnWidths.entries()],
    rules: sheet.conditionalFormatRules.length,
    protections: sheet.protections.length,
  };
}

/** A column's values by header text, rows 2..last used row. */
export function columnValues(sheet: FakeSheet, header: string): unknown[] {
  const values = sheet.store.values();
  const index = (values[0] ?? []).indexOf(header);
  if (index < 0) throw new Error(`No column ${header} in ${sheet.name}`);
  return values.slice(1).map((row) => row[index]);
}

/** A column's notes by header text, rows 2..last used row. */
export function columnNotes(sheet: FakeSheet, header: string): string[] {
  const index = (sheet.store.values()[0] ?? []).indexOf(header);
  if (index < 0) throw new Error(`No column ${header} in ${sheet.name}`);
  return sheet.store
    .notes()
    .slice(1)
    .map((row) => row[index] ?? '');
}

/**
 * A 修改日志 with its header only, as set-up or the first logged change leaves it, with room for 50,000 lines
 * (a full log grows by 100 rows at a time: one call more on that run). The service-call budgets are of a
 * workbook that has its log: making it is a one-off.
 */
export function typeChangeLog(spreadsheet: FakeSpreadsheet, header = changeLogHeader('zh')): FakeSheet {
  new GasWorkbook(spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet).create(
    '修改日志',
    header,
    LOG_FORMAT,
  );
  const sheet = spreadsheet.sheet('修改日志');
  sheet.store.maxRows = 50_000;
  return sheet;
}
