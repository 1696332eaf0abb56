// The edit check: verdicts for the edited rows of a visit sheet, and 编号 / 录入人 / 录入时间 on rows that lack them.
import { dateTimeInZone, type IsoDate } from '../core/dates';
import { loadCampaign } from '../core/engine';
import { isEmptyCell, type Cell, type Grid } from '../core/grid';
import { tableOfSheet, type TableKey } from '../core/tables';
import type { WorkbookPort } from './ports';
import { readSheets } from './read';
import { nextIds, ID_PREFIX } from './record-id';
import { schoolToday } from './today';
import { rowVerdicts, type RecordTable } from './verdict';

export interface EditContext {
  now: Date;
  /** The 录入人 stamp (email or remembered name); '' leaves 录入人 empty. */
  userEmail: string;
  /** The school's date; computed from 设置's time zone when absent. */
  today?: IsoDate;
}

export interface EditCheckResult {
  /** Data rows whose 校验 cell was written. */
  checked: number;
  /** Rows that got a 编号, 录入人 or 录入时间. */
  stamped: number;
}

const NOTHING: EditCheckResult = { checked: 0, stamped: 0 };

/** What a visit row is checked against: the rectification and suggestion ledgers play no part. */
const TABLES_READ: readonly TableKey[] = [
  'settings',
  'units',
  'staff',
  'targets',
  'students',
  'visits',
  'homeVisits',
];

function isRecordTable(table: string | undefined): table is RecordTable {
  return table === 'visits' || table === 'homeVisits';
}

/**
 * Checks rows firstRow..lastRow of an edited sheet. Only 走访记录 / 家访记录 (or Visits / Home
 * visits) are checked; the header row never gets a verdict. Writes the 校验 column of the edited
 * rows, and stamps the rows that lack 编号, 录入人 or 录入时间 — each column in one write over the
 * edited rows, every other cell of it written back as read. Nothing the person typed is changed.
 */
export function checkEditedRows(
  wb: WorkbookPort,
  sheet: string,
  firstRow: number,
  lastRow: number,
  ctx: EditContext,
): EditCheckResult {
  const table = tableOfSheet(sheet);
  const first = Math.max(firstRow, 2);
  if (!isRecordTable(table) || lastRow < first) return NOTHING;
  const sheets = readSheets(wb, TABLES_READ);
  const campaign = loadCampaign(sheets, ctx.today ?? schoolToday(sheets, ctx.now));
  const parsed = campaign.tables[table];
  if (parsed === undefined || parsed.sheet !== sheet) return NOTHING;
  const grid = sheets.find((s) => s.name === sheet)?.grid ?? [];
  const filled = new Set(parsed.rows.filter((r) => r.row >= first && r.row <= lastRow).map((r) => r.row));

  let checked = 0;
  const check = parsed.columnIndex.check;
  if (check !== undefined) {
    const verdicts = rowVerdicts(campaign, table, first, lastRow);
    wb.writeColumn(
      sheet,
      check,
      first,
      verdicts.map((v) => v.text),
      verdicts.map((v) => v.note),
    );
    checked = lastRow - first + 1;
  }

  const stampedRows = new Set<number>();
  const stamp = (column: number | undefined, fill: (count: number) => Cell[]) => {
    if (column === undefined) return;
    const current = rowsOf(grid, column, first, lastRow);
    const lacking = current.flatMap((cell, i) => (filled.has(first + i) && isEmptyCell(cell) ? [i] : []));
    if (lacking.length === 0) return;
    const fresh = fill(lacking.length);
    lacking.forEach((i, k) => {
      current[i] = fresh[k] ?? '';
      stampedRows.add(first + i);
    });
    wb.writeColumn(sheet, column, first, current);
  };
  const id = parsed.columnIndex.id;
  stamp(id, (count) =>
    nextIds(id === undefined ? [] : grid.map((row) => row[id] ?? null), ID_PREFIX[table], count),
  );
  if (ctx.userEmail !== '') stamp(parsed.columnIndex.enteredBy, (count) => Array(count).fill(ctx.userEmail));
  // The school's wall-clock time as text, as the sidebar writes it: a Date instant would show in
  // UTC in an .xlsx file, and in the spreadsheet's own zone (not always the school's) in Sheets.
  const enteredAt = dateTimeInZone(ctx.now, campaign.settings.timeZone);
  stamp(parsed.columnIndex.enteredAt, (count) => Array<Cell>(count).fill(enteredAt));
  return { checked, stamped: stampedRows.size };
}

/** The cells of one column over sheet rows first..last ('' beyond the used range). */
function rowsOf(grid: Grid, column: number, first: number, last: number): Cell[] {
  return Array.from({ length: last - first + 1 }, (_, i) => grid[first + i - 1]?.[column] ?? '');
}
