// An in-memory, call-counting fake of SpreadsheetApp: spreadsheet, sheets, ranges, validation and formatting rules.
import type { CallLog } from './calls';
import { SheetStore, storedValue, type FakeValue } from './sheet-store';
import { FakeEmbeddedChartBuilder, type FakeEmbeddedChart } from './charts';
import type { FakeUi } from './ui';

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;

const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';

function grid<T>(rows: number, columns: number, at: (r: number, c: number) => T): T[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => at(r, c)));
}

export class FakeDataValidation {
  constructor(
    readonly criteria: 'VALUE_IN_LIST' | 'VALUE_IN_RANGE' | 'DATE_IS_VALID_DATE',
    readonly values: readonly unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}
}

export class FakeDataValidationBuilder {
  private criteria: FakeDataValidation['criteria'] = 'VALUE_IN_LIST';
  private values: unknown[] = [];
  private allowInvalid = true;
  private helpText = '';

  constructor(private readonly calls: CallLog) {}

  requireValueInList(values: string[], showDropdown = true): this {
    this.calls.hit('DataValidationBuilder.requireValueInList');
    this.criteria = 'VALUE_IN_LIST';
    this.values = [[...values], showDropdown];
    return this;
  }
  requireValueInRange(range: FakeRange, showDropdown = true): this {
    this.calls.hit('DataValidationBuilder.requireValueInRange');
    this.criteria = 'VALUE_IN_RANGE';
    this.values = [range, showDropdown];
    return this;
  }
  requireDate(): this {
    this.calls.hit('DataValidationBuilder.requireDate');
    this.criteria = 'DATE_IS_VALID_DATE';
    this.values = [];
    return this;
  }
  setAllowInvalid(allow: boolean): this {
    this.calls.hit('DataValidationBuilder.setAllowInvalid');
    this.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string): this {
    this.calls.hit('DataValidationBuilder.setHelpText');
    this.helpText = text;
    return this;
  }
  build(): FakeDataValidation {
    this.calls.hit('DataValidationBuilder.build');
    return new FakeDataValidation(this.criteria, this.values, this.allowInvalid, this.helpText);
  }
}

export class FakeConditionalFormatRule {
  constructor(
    readonly startsWith: string,
    readonly background: string,
    readonly ranges: readonly FakeRange[],
    /** A custom formula rule's formula ('' for a text rule). */
    readonly formula = '',
  ) {}
}

export class FakeConditionalFormatRuleBuilder {
  private startsWith = '';
  private background = '';
  private ranges: FakeRange[] = [];

  constructor(private readonly calls: CallLog) {}

  private formula = '';

  whenTextStartsWith(text: string): this {
    this.calls.hit('ConditionalFormatRuleBuilder.whenTextStartsWith');
    this.startsWith = text;
    return this;
  }
  whenFormulaSatisfied(formula: string): this {
    this.calls.hit('ConditionalFormatRuleBuilder.whenFormulaSatisfied');
    this.formula = formula;
    return this;
  }
  setBackground(color: string): this {
    this.calls.hit('ConditionalFormatRuleBuilder.setBackground');
    this.background = color;
    return this;
  }
  setRanges(ranges: FakeRange[]): this {
    this.calls.hit('ConditionalFormatRuleBuilder.setRanges');
    this.ranges = [...ranges];
    return this;
  }
  build(): FakeConditionalFormatRule {
    this.calls.hit('ConditionalFormatRuleBuilder.build');
    return new FakeConditionalFormatRule(this.startsWith, this.background, this.ranges, this.formula);
  }
}

export class FakeProtection {
  warningOnly = false;
  description = '';
  removed = false;

  constructor(
    private readonly calls: CallLog,
    readonly type: string,
  ) {}

  setWarningOnly(warningOnly: boolean): this {
    this.calls.hit('Protection.setWarningOnly');
    this.warningOnly = warningOnly;
    return this;
  }
  isWarningOnly(): boolean {
    this.calls.hit('Protection.isWarningOnly');
    return this.warningOnly;
  }
  setDescription(description: string): this {
    this.calls.hit('Protection.setDescription');
    this.description = description;
    return this;
  }
  remove(): void {
    this.calls.hit('Protection.remove');
    this.removed = true;
  }
}

export class FakeRange {
  constructor(
    private readonly calls: CallLog,
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  private get store(): SheetStore {
    return this.sheet.store;
  }

  private each<T>(at: (r: number, c: number) => T): T[][] {
    return grid(this.numRows, this.numColumns, (r, c) => at(this.row + r, this.column + c));
  }

  /** Throws as Apps Script does when a 2-D array does not match the range. */
  private checkShape(values: readonly (readonly unknown[])[]): void {
    if (values.length !== this.numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.numRows}.`,
      );
    }
    for (const line of values) {
      if (line.length !== this.numColumns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${this.numColumns}.`,
        );
      }
    }
  }

  private setEach<T>(values: readonly (readonly T[])[], put: (r: number, c: number, value: T) => void): this {
    this.checkShape(values);
    values.forEach((line, r) => line.forEach((value, c) => put(this.row + r, this.column + c, value)));
    return this;
  }

  getRow(): number {
    this.calls.hit('Range.getRow');
    return this.row;
  }
  getColumn(): number {
    this.calls.hit('Range.getColumn');
    return this.column;
  }
  getLastRow(): number {
    this.calls.hit('Range.getLastRow');
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    this.calls.hit('Range.getLastColumn');
    return this.column + this.numColumns - 1;
  }
  getNumRows(): number {
    this.calls.hit('Range.getNumRows');
    return this.numRows;
  }
  getNumColumns(): number {
    this.calls.hit('Range.getNumColumns');
    return this.numColumns;
  }
  getSheet(): FakeSheet {
    this.calls.hit('Range.getSheet');
    return this.sheet;
  }
  getA1Notation(): string {
    this.calls.hit('Range.getA1Notation');
    const col = (n: number): string =>
      (n > 26 ? col(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
    const start = `${col(this.column)}${this.row}`;
    const end = `${col(this.column + this.numColumns - 1)}${this.row + this.numRows - 1}`;
    return start === end ? start : `${start}:${end}`;
  }

  getValues(): FakeValue[][] {
    this.calls.hit('Range.getValues');
    return this.each((r, c) => {
      const v = this.store.peek(r, c)?.value ?? '';
      return v instanceof Date ? new Date(v.getTime()) : v;
    });
  }
  getValue(): FakeValue {
    this.calls.hit('Range.getValue');
    const v = this.store.peek(this.row, this.column)?.value ?? '';
    return v instanceof Date ? new Date(v.getTime()) : v;
  }
  getDisplayValues(): string[][] {
    this.calls.hit('Range.getDisplayValues');
    return this.each((r, c) => {
      const v = this.store.peek(r, c)?.value ?? '';
      return v instanceof Date ? v.toISOString() : String(v);
    });
  }
  getFormulas(): string[][] {
    this.calls.hit('Range.getFormulas');
    return this.each((r, c) => this.store.peek(r, c)?.formula ?? '');
  }
  setValues(values: unknown[][]): this {
    this.calls.hit('Range.setValues');
    const zone = this.sheet.timeZone();
    return this.setEach(values, (r, c, v) => {
      const cell = this.store.cell(r, c);
      Object.assign(cell, storedValue(v, cell.numberFormat, zone));
    });
  }
  setValue(value: unknown): this {
    this.calls.hit('Range.setValue');
    const cell = this.store.cell(this.row, this.column);
    Object.assign(cell, storedValue(value, cell.numberFormat, this.sheet.timeZone()));
    return this;
  }

  getNotes(): string[][] {
    this.calls.hit('Range.getNotes');
    return this.each((r, c) => this.store.peek(r, c)?.note ?? '');
  }
  getNote(): string {
    this.calls.hit('Range.getNote');
    return this.store.peek(this.row, this.column)?.note ?? '';
  }
  setNotes(notes: (string | null)[][]): this {
    this.calls.hit('Range.setNotes');
    return this.setEach(notes, (r, c, note) => (this.store.cell(r, c).note = note ?? ''));
  }
  setNote(note: string | null): this {
    this.calls.hit('Range.setNote');
    this.store.cell(this.row, this.column).note = note ?? '';
    return this;
  }

  getNumberFormats(): string[][] {
    this.calls.hit('Range.getNumberFormats');
    return this.each((r, c) => this.store.peek(r, c)?.numberFormat ?? 'General');
  }
  setNumberFormat(format: string): this {
    this.calls.hit('Range.setNumberFormat');
    this.each((r, c) => (this.store.cell(r, c).numberFormat = format));
    return this;
  }
  setNumberFormats(formats: string[][]): this {
    this.calls.hit('Range.setNumberFormats');
    return this.setEach(formats, (r, c, f) => (this.store.cell(r, c).numberFormat = f));
  }

  getDataValidations(): (FakeDataValidation | null)[][] {
    this.calls.hit('Range.getDataValidations');
    return this.each((r, c) => (this.store.peek(r, c)?.validation as FakeDataValidation | null) ?? null);
  }
  setDataValidation(rule: FakeDataValidation | null): this {
    this.calls.hit('Range.setDataValidation');
    this.each((r, c) => (this.store.cell(r, c).validation = rule));
    return this;
  }
  setDataValidations(rules: (FakeDataValidation | null)[][]): this {
    this.calls.hit('Range.setDataValidations');
    return this.setEach(rules, (r, c, rule) => (this.store.cell(r, c).validation = rule));
  }

  getBackgrounds(): string[][] {
    this.calls.hit('Range.getBackgrounds');
    return this.each((r, c) => this.store.peek(r, c)?.background ?? '#ffffff');
  }
  setBackground(color: string | null): this {
    this.calls.hit('Range.setBackground');
    this.each((r, c) => (this.store.cell(r, c).background = color ?? '#ffffff'));
    return this;
  }
  setBackgrounds(colors: (string | null)[][]): this {
    this.calls.hit('Range.setBackgrounds');
    return this.setEach(colors, (r, c, color) => (this.store.cell(r, c).background = color ?? '#ffffff'));
  }

  getFontWeights(): string[][] {
    this.calls.hit('Range.getFontWeights');
    return this.each((r, c) => this.store.peek(r, c)?.fontWeight ?? 'normal');
  }
  setFontWeight(weight: string | null): this {
    this.calls.hit('Range.setFontWeight');
    this.each((r, c) => (this.store.cell(r, c).fontWeight = weight ?? 'normal'));
    return this;
  }
  setFontWeights(weights: (string | null)[][]): this {
    this.calls.hit('Range.setFontWeights');
    return this.setEach(weights, (r, c, w) => (this.store.cell(r, c).fontWeight = w ?? 'normal'));
  }

  setWrap(_wrap: boolean): this {
    this.calls.hit('Range.setWrap');
    return this;
  }
  clearContent(): this {
    this.calls.hit('Range.clearContent');
    this.each((r, c) => Object.assign(this.store.cell(r, c), { value: '', formula: '' }));
    return this;
  }
}

export class FakeSheet {
  readonly store: SheetStore;
  readonly protections: FakeProtection[] = [];
  /** Embedded charts, in insertion order (clear() keeps them, as in Sheets). */
  readonly charts: FakeEmbeddedChart[] = [];
  conditionalFormatRules: FakeConditionalFormatRule[] = [];

  constructor(
    private readonly calls: CallLog,
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    readonly id: number,
  ) {
    this.store = new SheetStore(() => spreadsheet.timeZone);
  }

  timeZone(): string {
    return this.spreadsheet.timeZone;
  }

  getName(): string {
    this.calls.hit('Sheet.getName');
    return this.name;
  }
  setName(name: string): this {
    this.calls.hit('Sheet.setName');
    this.name = name;
    return this;
  }
  getSheetId(): number {
    this.calls.hit('Sheet.getSheetId');
    return this.id;
  }
  getIndex(): number {
    this.calls.hit('Sheet.getIndex');
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }
  getParent(): FakeSpreadsheet {
    this.calls.hit('Sheet.getParent');
    return this.spreadsheet;
  }
  activate(): this {
    this.calls.hit('Sheet.activate');
    this.spreadsheet.activeSheet = this;
    return this;
  }

  getRange(row: number | string, column = 1, numRows = 1, numColumns = 1): FakeRange {
    this.calls.hit('Sheet.getRange');
    if (typeof row === 'string')
      throw new Error('The fake supports getRange(row, column, numRows, numColumns) only.');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row < 1 || column < 1) throw new Error(OUTSIDE);
    if (row + numRows - 1 > this.store.maxRows || column + numColumns - 1 > this.store.maxColumns) {
      throw new Error(OUTSIDE);
    }
    return new FakeRange(this.calls, this, row, column, numRows, numColumns);
  }
  getDataRange(): FakeRange {
    this.calls.hit('Sheet.getDataRange');
    const rows = Math.max(1, this.store.lastRow());
    const columns = Math.max(1, this.store.lastColumn());
    return new FakeRange(this.calls, this, 1, 1, rows, columns);
  }
  getLastRow(): number {
    this.calls.hit('Sheet.getLastRow');
    return this.store.lastRow();
  }
  getLastColumn(): number {
    this.calls.hit('Sheet.getLastColumn');
    return this.store.lastColumn();
  }
  getMaxRows(): number {
    this.calls.hit('Sheet.getMaxRows');
    return this.store.maxRows;
  }
  getMaxColumns(): number {
    this.calls.hit('Sheet.getMaxColumns');
    return this.store.maxColumns;
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.calls.hit('Sheet.insertRowsAfter');
    this.store.insertRows(afterPosition, howMany);
    return this;
  }
  insertColumnsAfter(_afterPosition: number, howMany: number): this {
    this.calls.hit('Sheet.insertColumnsAfter');
    this.store.maxColumns += howMany;
    return this;
  }
  appendRow(values: unknown[]): this {
    this.calls.hit('Sheet.appendRow');
    const row = this.store.lastRow() + 1;
    if (row > this.store.maxRows) this.store.maxRows = row;
    if (values.length > this.store.maxColumns) this.store.maxColumns = values.length;
    values.forEach((v, c) => {
      const cell = this.store.cell(row, c + 1);
      Object.assign(cell, storedValue(v, cell.numberFormat, this.timeZone()));
    });
    return this;
  }

  setFrozenRows(rows: number): void {
    this.calls.hit('Sheet.setFrozenRows');
    this.store.frozenRows = rows;
  }
  getFrozenRows(): number {
    this.calls.hit('Sheet.getFrozenRows');
    return this.store.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.calls.hit('Sheet.setFrozenColumns');
    this.store.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    this.calls.hit('Sheet.getFrozenColumns');
    return this.store.frozenColumns;
  }
  setColumnWidth(column: number, width: number): this {
    this.calls.hit('Sheet.setColumnWidth');
    this.store.columnWidths.set(column, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.calls.hit('Sheet.setColumnWidths');
    for (let c = startColumn; c < startColumn + numColumns; c++) this.store.columnWidths.set(c, width);
    return this;
  }
  getColumnWidth(column: number): number {
    this.calls.hit('Sheet.getColumnWidth');
    return this.store.columnWidths.get(column) ?? 100;
  }

  protect(): FakeProtection {
    this.calls.hit('Sheet.protect');
    const protection = new FakeProtection(this.calls, ProtectionType.SHEET);
    this.protections.push(protection);
    return protection;
  }
  getProtections(type: string): FakeProtection[] {
    this.calls.hit('Sheet.getProtections');
    return this.protections.filter((p) => p.type === type && !p.removed);
  }

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    this.calls.hit('Sheet.getConditionalFormatRules');
    return [...this.conditionalFormatRules];
  }
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    this.calls.hit('Sheet.setConditionalFormatRules');
    this.conditionalFormatRules = [...rules];
  }

  newChart(): FakeEmbeddedChartBuilder {
    this.calls.hit('Sheet.newChart');
    return new FakeEmbeddedChartBuilder(this.calls);
  }
  insertChart(chart: FakeEmbeddedChart): void {
    this.calls.hit('Sheet.insertChart');
    this.charts.push(chart);
  }
  getCharts(): FakeEmbeddedChart[] {
    this.calls.hit('Sheet.getCharts');
    return [...this.charts];
  }
  removeChart(chart: FakeEmbeddedChart): void {
    this.calls.hit('Sheet.removeChart');
    const index = this.charts.findIndex((c) => c.id === chart.id);
    if (index >= 0) this.charts.splice(index, 1);
  }

  clear(): this {
    this.calls.hit('Sheet.clear');
    this.store.clear(false);
    return this;
  }
  clearContents(): this {
    this.calls.hit('Sheet.clearContents');
    this.store.clear(true);
    return this;
  }
}

export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  activeSheet: FakeSheet | undefined;
  readonly toasts: { message: string; title: string }[] = [];
  private nextId = 0;

  constructor(
    private readonly calls: CallLog,
    public timeZone = 'Asia/Shanghai',
    public locale = 'zh_CN',
    readonly name = '走访台账',
  ) {}

  /** Test helper (not counted): a sheet added as if a person had made it, optionally filled. */
  addSheet(name: string, values?: readonly (readonly (FakeValue | null)[])[]): FakeSheet {
    const sheet = new FakeSheet(this.calls, this, name, this.nextId++);
    this.sheets.push(sheet);
    if (values) sheet.store.load(values);
    this.activeSheet ??= sheet;
    return sheet;
  }

  /** Test helper (not counted): a sheet by name, or throws. */
  sheet(name: string): FakeSheet {
    const found = this.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`The fake spreadsheet has no sheet ${name}`);
    return found;
  }

  getId(): string {
    this.calls.hit('Spreadsheet.getId');
    return 'fake-spreadsheet-id';
  }
  getName(): string {
    this.calls.hit('Spreadsheet.getName');
    return this.name;
  }
  getUrl(): string {
    this.calls.hit('Spreadsheet.getUrl');
    return 'https://docs.google.com/spreadsheets/d/fake-spreadsheet-id/edit';
  }
  getSpreadsheetTimeZone(): string {
    this.calls.hit('Spreadsheet.getSpreadsheetTimeZone');
    return this.timeZone;
  }
  setSpreadsheetTimeZone(zone: string): void {
    this.calls.hit('Spreadsheet.setSpreadsheetTimeZone');
    this.timeZone = zone;
  }
  getSpreadsheetLocale(): string {
    this.calls.hit('Spreadsheet.getSpreadsheetLocale');
    return this.locale;
  }
  getSheets(): FakeSheet[] {
    this.calls.hit('Spreadsheet.getSheets');
    return [...this.sheets];
  }
  getSheetByName(name: string): FakeSheet | null {
    this.calls.hit('Spreadsheet.getSheetByName');
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  getActiveSheet(): FakeSheet | null {
    this.calls.hit('Spreadsheet.getActiveSheet');
    return this.activeSheet ?? this.sheets[0] ?? null;
  }
  /** The row of the active cell (a test sets it with selectCell; row 1 by default). */
  activeRow = 1;
  /** Clicks a cell: its sheet becomes the active one and the row the active range's. */
  selectCell(sheet: FakeSheet, row: number): void {
    this.activeSheet = sheet;
    this.activeRow = row;
  }
  getActiveRange(): FakeRange | null {
    this.calls.hit('Spreadsheet.getActiveRange');
    const sheet = this.activeSheet ?? this.sheets[0];
    return sheet === undefined ? null : new FakeRange(this.calls, sheet, this.activeRow, 1, 1, 1);
  }
  insertSheet(name?: string, index?: number): FakeSheet {
    this.calls.hit('Spreadsheet.insertSheet');
    const sheetName = name ?? `Sheet${this.sheets.length + 1}`;
    if (this.sheets.some((s) => s.name === sheetName)) {
      throw new Error(`A sheet with the name "${sheetName}" already exists. Please enter another name.`);
    }
    const sheet = new FakeSheet(this.calls, this, sheetName, this.nextId++);
    if (index === undefined) this.sheets.push(sheet);
    else this.sheets.splice(index, 0, sheet);
    this.activeSheet = sheet;
    return sheet;
  }
  deleteSheet(sheet: FakeSheet): void {
    this.calls.hit('Spreadsheet.deleteSheet');
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    const at = this.sheets.indexOf(sheet);
    if (at < 0) throw new Error('Sheet not found.');
    this.sheets.splice(at, 1);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
  }
  toast(message: string, title?: string): void {
    this.calls.hit('Spreadsheet.toast');
    this.toasts.push({ message, title: title ?? '' });
  }
}

/** The SpreadsheetApp global. */
export class FakeSpreadsheetApp {
  readonly ProtectionType = ProtectionType;
  /** The active spreadsheet; null when a test simulates no document (AuthMode.NONE). */
  active: FakeSpreadsheet | null;

  constructor(
    private readonly calls: CallLog,
    spreadsheet: FakeSpreadsheet,
    private readonly ui: FakeUi,
  ) {
    this.active = spreadsheet;
  }

  private activeOrThrow(): FakeSpreadsheet {
    if (this.active === null)
      throw new Error('You do not have permission to call SpreadsheetApp.getActiveSpreadsheet');
    return this.active;
  }

  getActiveSpreadsheet(): FakeSpreadsheet {
    this.calls.hit('SpreadsheetApp.getActiveSpreadsheet');
    return this.activeOrThrow();
  }
  getActive(): FakeSpreadsheet {
    this.calls.hit('SpreadsheetApp.getActive');
    return this.activeOrThrow();
  }
  getUi(): FakeUi {
    this.calls.hit('SpreadsheetApp.getUi');
    return this.ui;
  }
  flush(): void {
    this.calls.hit('SpreadsheetApp.flush');
  }
  newDataValidation(): FakeDataValidationBuilder {
    this.calls.hit('SpreadsheetApp.newDataValidation');
    return new FakeDataValidationBuilder(this.calls);
  }
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    this.calls.hit('SpreadsheetApp.newConditionalFormatRule');
    return new FakeConditionalFormatRuleBuilder(this.calls);
  }
}
