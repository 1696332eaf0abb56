// A SheetFormat applied to a Google sheet with batched calls: one range per formatted column, shared rules.
import type { SheetFormat } from '../app/ports';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DATE_FORMAT = 'yyyy-mm-dd';
export const TEXT_FORMAT = '@';

/** Consecutive columns of equal width as (first 1-based column, count, width): one setColumnWidths each. */
export function widthRuns(widths: readonly (number | undefined)[]): [number, number, number][] {
  const runs: [number, number, number][] = [];
  widths.forEach((width, index) => {
    if (width === undefined || width <= 0) return;
    const last = runs[runs.length - 1];
    if (last !== undefined && last[0] + last[1] === index + 1 && last[2] === width) last[1] += 1;
    else runs.push([index + 1, 1, width]);
  });
  return runs;
}

/** Where the format is going: the sheet, its rows below the header, and whether it was just made. */
export interface FormatTarget {
  book: Spreadsheet;
  sheet: Sheet;
  /** The sheet's number of rows (getMaxRows), so that column ranges reach the bottom. */
  maxRows: number;
  /** A sheet made a moment ago has no rules or protections to keep. */
  fresh: boolean;
  /**
   * A generated sheet rewritten in place: clear() kept its frozen rows and column widths (set when it was
   * made, or by the person since), so they are not set again — four calls fewer on every 进度 refresh.
   */
  rewritten?: boolean;
  /** The grid just written (its shape bounds backgrounds and bold rows), and its range when the caller has it. */
  written?: { rows: number; columns: number; range?: Range };
  /** Finds another sheet by name (for roster dropdowns); cached by the workbook. */
  sheetByName(name: string): Sheet | undefined;
  /** Validation rules already built in this execution, by what they require: built once, set many times. */
  rules: Map<string, GoogleAppsScript.Spreadsheet.DataValidation>;
}

/** A rule from the cache, or built and cached. */
function cachedRule(
  target: FormatTarget,
  key: string,
  build: () => GoogleAppsScript.Spreadsheet.DataValidation | undefined,
): GoogleAppsScript.Spreadsheet.DataValidation | undefined {
  let rule = target.rules.get(key);
  if (rule === undefined) {
    rule = build();
    if (rule !== undefined) target.rules.set(key, rule);
  }
  return rule;
}

/** Applies every part of a format; never writes a value. */
export function applySheetFormat(target: FormatTarget, format: SheetFormat): void {
  const { sheet } = target;
  if (!target.rewritten) {
    if (format.frozenRows !== undefined) sheet.setFrozenRows(format.frozenRows);
    for (const [column, count, width] of widthRuns(format.widths ?? []))
      sheet.setColumnWidths(column, count, width);
  }
  if (format.frozenColumns !== undefined && !target.rewritten) sheet.setFrozenColumns(format.frozenColumns);
  applyColumnRules(target, format);
  applyWrittenLook(target, format);
  applyHighlights(target, format);
  if (format.protect) protectWarningOnly(target);
}

/** Dropdowns, date and text formats: one range per column, one validation per column range. */
function applyColumnRules(target: FormatTarget, format: SheetFormat): void {
  const dataRows = target.maxRows - 1;
  if (dataRows < 1) return;
  const ranges = new Map<number, Range>();
  const columnRange = (column: number): Range => {
    let range = ranges.get(column);
    if (range === undefined) {
      range = target.sheet.getRange(2, column + 1, dataRows, 1);
      ranges.set(column, range);
    }
    return range;
  };
  for (const choice of format.choices ?? []) {
    const rule = cachedRule(target, `list:${JSON.stringify(choice.values)}`, () =>
      SpreadsheetApp.newDataValidation()
        .requireValueInList(choice.values, true)
        .setAllowInvalid(true)
        .build(),
    );
    if (rule !== undefined) columnRange(choice.column).setDataValidation(rule);
  }
  for (const roster of format.rosterChoices ?? []) {
    const rule = cachedRule(target, `range:${roster.sheet}:${roster.sourceColumn}`, () => {
      const source = target.sheetByName(roster.sheet);
      if (source === undefined) return undefined;
      const rows = Math.max(1, source.getMaxRows() - 1);
      return SpreadsheetApp.newDataValidation()
        .requireValueInRange(source.getRange(2, roster.sourceColumn + 1, rows, 1), true)
        .setAllowInvalid(true)
        .build();
    });
    if (rule !== undefined) columnRange(roster.column).setDataValidation(rule);
  }
  for (const column of format.dateColumns ?? []) {
    const rule = cachedRule(target, 'date', () =>
      SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(true).build(),
    );
    const range = columnRange(column).setNumberFormat(DATE_FORMAT);
    if (rule !== undefined) range.setDataValidation(rule);
  }
  // Adjacent text columns are formatted as one range: two calls a run, not two a column.
  for (const [start, width] of runsOf(format.textColumns ?? [])) {
    target.sheet.getRange(2, start + 1, dataRows, width).setNumberFormat(TEXT_FORMAT);
  }
}

/** Sorted runs of consecutive column indexes, as [first, count]. */
function runsOf(columns: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const column of [...new Set(columns)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[0] + last[1] === column) last[1] += 1;
    else runs.push([column, 1]);
  }
  return runs;
}

/** Backgrounds and bold rows of the grid just written: one call each over the whole grid. */
function applyWrittenLook(target: FormatTarget, format: SheetFormat): void {
  const rows = target.written?.rows ?? format.backgrounds?.length ?? 0;
  const columns = target.written?.columns ?? Math.max(0, ...(format.backgrounds ?? []).map((r) => r.length));
  if (rows < 1 || columns < 1) return;
  const backgrounds = format.backgrounds;
  const bold = new Set(format.boldRows ?? []);
  if ((backgrounds === undefined || backgrounds.length === 0) && bold.size === 0) return;
  const range = target.written?.range ?? target.sheet.getRange(1, 1, rows, columns);
  if (backgrounds !== undefined && backgrounds.length > 0) {
    range.setBackgrounds(
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: columns }, (_, c) => backgrounds[r]?.[c] ?? null),
      ),
    );
  }
  if (bold.size > 0) {
    range.setFontWeights(
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: columns }, () => (bold.has(r) ? 'bold' : null)),
      ),
    );
  }
}

/** Conditional colours by text prefix and by formula, added to the sheet's own rules (a fresh sheet has none to read). */
function applyHighlights(target: FormatTarget, format: SheetFormat): void {
  const highlights = format.highlights ?? [];
  const formulas = format.formulaHighlights ?? [];
  const dataRows = target.maxRows - 1;
  if (highlights.length + formulas.length === 0 || dataRows < 1) return;
  const rules = [
    ...highlights.map((h) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenTextStartsWith(h.prefix)
        .setBackground(h.color)
        .setRanges([target.sheet.getRange(2, h.column + 1, dataRows, 1)])
        .build(),
    ),
    ...formulas.map((h) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(`=${h.formula}`)
        .setBackground(h.color)
        .setRanges([target.sheet.getRange(2, h.column + 1, dataRows, 1)])
        .build(),
    ),
  ];
  const kept = target.fresh ? [] : target.sheet.getConditionalFormatRules();
  target.sheet.setConditionalFormatRules([...kept, ...rules]);
}

/** A warning-only protection of the whole sheet, added once. */
function protectWarningOnly(target: FormatTarget): void {
  const type = SpreadsheetApp.ProtectionType.SHEET;
  // clear() keeps a protection: a sheet rewritten in place was protected when it was made.
  if (target.rewritten) return;
  if (!target.fresh && target.sheet.getProtections(type).length > 0) return;
  target.sheet.protect().setWarningOnly(true);
}

/**
 * The embedded chart of a generated sheet: earlier charts of the sheet go (clear() keeps them), then a bar
 * chart over the format's label and value columns is inserted at its anchor.
 */
export function replaceCharts(sheet: Sheet, chart: SheetFormat['chart']): void {
  for (const old of sheet.getCharts()) sheet.removeChart(old);
  if (chart === undefined || chart.lastRow < chart.firstRow) return;
  const rows = chart.lastRow - chart.firstRow + 1;
  const built = sheet
    .newChart()
    .asBarChart()
    .addRange(sheet.getRange(chart.firstRow + 1, chart.labelColumn + 1, rows, 1))
    .addRange(sheet.getRange(chart.firstRow + 1, chart.valueColumn + 1, rows, 1))
    .setPosition(chart.anchorRow + 1, chart.anchorColumn + 1, 0, 0)
    .setOption('title', chart.title)
    .setOption('legend', { position: 'none' })
    .setOption('hAxis', { minValue: 0, maxValue: 100 })
    .build();
  sheet.insertChart(built);
}
