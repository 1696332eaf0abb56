// Draws an exceljs workbook's sheets as the page shows them: display text, widths, frozen rows, colours, notes.
import type { Cell as ExcelCell, Row, Worksheet } from 'exceljs';
import { tableOfSheet } from '../../core/tables';
import type { XlsxWorkbook } from '../xlsx-workbook';
import { fromExcel, serialNumberToDate } from '../xlsx-cells';
import type { CellStyle, RowView, SheetChart, SheetView } from '../../contract/playground-protocol';
import type { SheetFormat } from '../../app/ports';
import { readOverdueFormula, type OverdueRule } from '../../app/overdue-format';

const PX_PER_WIDTH_UNIT = 7;
const DEFAULT_WIDTH_PX = 100;

/** exceljs keeps conditional formats on the sheet; its typings omit the list. */
interface ConditionalRule {
  formulae?: string[];
  style?: { fill?: { bgColor?: { argb?: string } } };
}
interface WithConditional {
  conditionalFormattings?: { ref: string; rules: ConditionalRule[] }[];
}

/** A 'LEFT(O2,1)="✗"' rule of set-up: column O, prefix ✗, colour. */
interface PrefixHighlight {
  col: number;
  prefix: string;
  color: string;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function prefixHighlights(ws: Worksheet): PrefixHighlight[] {
  const out: PrefixHighlight[] = [];
  for (const cf of (ws as unknown as WithConditional).conditionalFormattings ?? []) {
    for (const rule of cf.rules) {
      const m = /^LEFT\(([A-Z]+)\d+,\d+\)="((?:[^"]|"")*)"$/.exec(rule.formulae?.[0] ?? '');
      const argb = rule.style?.fill?.bgColor?.argb;
      if (!m || !argb) continue;
      out.push({
        col: columnIndex(m[1] ?? 'A'),
        prefix: (m[2] ?? '').replace(/""/g, '"'),
        color: `#${argb.slice(-6)}`,
      });
    }
  }
  return out;
}

/** The overdue rule of 问题整改 (overdue-format.ts) with its colour: the page works the formula out itself. */
interface OverdueLook extends OverdueRule {
  color: string;
}

function overdueLooks(ws: Worksheet): OverdueLook[] {
  const out: OverdueLook[] = [];
  for (const cf of (ws as unknown as WithConditional).conditionalFormattings ?? []) {
    for (const rule of cf.rules) {
      const read = readOverdueFormula(rule.formulae?.[0] ?? '');
      const argb = rule.style?.fill?.bgColor?.argb;
      if (read && argb) out.push({ ...read, color: `#${argb.slice(-6)}` });
    }
  }
  return out;
}

/** The colour of a 期限 cell by the overdue rule: a date (as the spreadsheet holds one) before today, 状态 open. */
function overdueColor(cell: ExcelCell, row: Row, col: number, rules: readonly OverdueLook[], today?: string) {
  if (today === undefined) return undefined;
  const rule = rules.find((r) => r.deadline === col - 1);
  if (rule === undefined) return undefined;
  const isDate = cell.value instanceof Date || (typeof cell.value === 'number' && isDateFormat(cell.numFmt));
  if (!isDate) return undefined;
  const status = displayText(row.getCell(rule.status + 1)).trim();
  return displayText(cell).slice(0, 10) < today && rule.words.includes(status) ? rule.color : undefined;
}

function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt || numFmt === '@' || numFmt === 'General') return false;
  return /[yd]/i.test(numFmt.replace(/"[^"]*"|\[[^\]]*\]/g, ''));
}

/** The calendar date (and time when there is one) of a date cell, as exceljs builds it from the serial (UTC). */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/** The text a spreadsheet shows for a cell. */
export function displayText(cell: ExcelCell): string {
  const raw = cell.value;
  if (raw instanceof Date) return dateText(raw);
  const value = fromExcel(raw);
  if (value === null) return '';
  if (typeof value === 'number' && isDateFormat(cell.numFmt)) return dateText(serialNumberToDate(value));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

function fillColor(cell: ExcelCell): string | undefined {
  const fill = cell.fill;
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return undefined;
  const argb = fill.fgColor?.argb;
  return argb ? `#${argb.slice(-6)}` : undefined;
}

function noteText(cell: ExcelCell): string | undefined {
  const note = cell.note;
  if (note === undefined || note === null) return undefined;
  if (typeof note === 'string') return note || undefined;
  const texts = (note as { texts?: { text: string }[] }).texts;
  const text = texts?.map((t) => t.text).join('') ?? '';
  return text || undefined;
}

/** One row's display text (sparse, 0-based) and styles, and its last used column (1-based; 0 when empty). */
function rowLook(
  row: Row,
  rowNumber: number,
  highlights: readonly PrefixHighlight[],
  overdue: { rules: readonly OverdueLook[]; today?: string } = { rules: [] },
): { line: string[]; styles: CellStyle[]; width: number } {
  const line: string[] = [];
  const styles: CellStyle[] = [];
  let width = 0;
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const text = cell.isMerged && cell.master !== cell ? '' : displayText(cell);
    const style: CellStyle = { row: rowNumber, col: col - 1 };
    const bg =
      fillColor(cell) ??
      highlights.find((h) => h.col === col - 1 && rowNumber > 1 && text.startsWith(h.prefix))?.color ??
      (rowNumber > 1 ? overdueColor(cell, row, col, overdue.rules, overdue.today) : undefined);
    if (bg) style.bg = bg;
    if (cell.font?.bold) style.bold = true;
    const note = noteText(cell);
    if (note) style.note = note;
    if (style.bg || style.bold || style.note) styles.push(style);
    if (text === '') return;
    line[col - 1] = text;
    width = Math.max(width, col);
  });
  return { line, styles, width };
}

/**
 * Some rows of a worksheet as the page draws them, `width` cells wide (the sheet's used width): what a change
 * sends instead of the whole sheet. A row with nothing in it comes as [] (its styles still come).
 */
export function rowViews(ws: Worksheet, rows: Iterable<number>, width: number, today?: string): RowView[] {
  const highlights = prefixHighlights(ws);
  const overdue = { rules: overdueLooks(ws), today };
  return [...rows]
    .sort((a, b) => a - b)
    .map((rowNumber) => {
      const { line, styles, width: used } = rowLook(ws.getRow(rowNumber), rowNumber, highlights, overdue);
      const cells = used === 0 ? [] : Array.from({ length: Math.max(width, used) }, (_, c) => line[c] ?? '');
      return { row: rowNumber, cells, styles };
    });
}

/** One worksheet as the page draws it. */
export function sheetView(ws: Worksheet, today?: string): SheetView {
  const cells: string[][] = [];
  const styles: CellStyle[] = [];
  const highlights = prefixHighlights(ws);
  const overdue = { rules: overdueLooks(ws), today };
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const look = rowLook(row, rowNumber, highlights, overdue);
    styles.push(...look.styles);
    width = Math.max(width, look.width);
    if (look.line.length > 0) cells[rowNumber - 1] = look.line;
  });
  const rows = cells.length;
  const dense: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const source = cells[r] ?? [];
    dense.push(Array.from({ length: width }, (_, c) => source[c] ?? ''));
  }
  const widths = Array.from({ length: Math.max(width, ws.columnCount) }, (_, c) => {
    const w = ws.getColumn(c + 1).width;
    return w ? Math.round(w * PX_PER_WIDTH_UNIT) : DEFAULT_WIDTH_PX;
  });
  const frozen = (ws.views ?? []).find((v) => v.state === 'frozen') as { ySplit?: number } | undefined;
  return {
    name: ws.name,
    editable: tableOfSheet(ws.name) !== undefined,
    frozenRows: frozen?.ySplit ?? 0,
    widths,
    cells: dense,
    styles,
  };
}

/** Every sheet of the workbook, in tab order. */
export function bookSheets(workbook: {
  book: XlsxWorkbook['book'];
  charts?: ReadonlyMap<string, ChartSpec>;
}): SheetView[] {
  return workbook.book.worksheets.map((ws) => withChart(sheetView(ws), workbook.charts?.get(ws.name)));
}

type ChartSpec = NonNullable<SheetFormat['chart']>;

/** A sheet view with its chart: the labels and values of the rows the chart spans, read from the view's cells. */
export function withChart(view: SheetView, spec: ChartSpec | undefined): SheetView {
  if (spec === undefined) return view;
  const bars: SheetChart['bars'] = [];
  for (let r = spec.firstRow; r <= spec.lastRow; r++) {
    const line = view.cells[r] ?? [];
    const label = line[spec.labelColumn] ?? '';
    const text = (line[spec.valueColumn] ?? '').trim();
    const value = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
    if (label !== '' && Number.isFinite(value)) bars.push({ label, value });
  }
  return bars.length === 0 ? view : { ...view, chart: { title: spec.title, bars } };
}
