// The edit check: verdicts for the edited rows of a visit sheet, and 编号 / 录入人 / 录入时间 on rows that lack them.
import { dateTimeInZone, type IsoDate } from '../core/dates';
import { isEmptyCell, type Cell } from '../core/grid';
import { tableOfSheet, type TableKey } from '../core/tables';
import { runsOf, writeRuns } from './column-runs';
import { numberRows } from './numbering';
import type { WorkbookPort } from './ports';
import { WorkbookSession } from './session';
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
 * rows, and stamps the rows that lack 编号, 录入人 or 录入时间 — only their empty cells, one write per run of consecutive
 * rows. Nothing the person typed is changed.
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
  const session = WorkbookSession.open(wb, { now: () => ctx.now }, { today: ctx.today, only: TABLES_READ });
  const { campaign } = session;
  const parsed = campaign.tables[table];
  if (parsed === undefined || parsed.sheet !== sheet) return NOTHING;
  const grid = session.gridOf(sheet);
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
  // 编号 follows the one numbering rule (numbering.ts), as recompute and a save do.
  const id = parsed.columnIndex.id;
  if (id !== undefined)
    for (const row of numberRows(wb, { sheet, table, grid, column: id, rows: [...filled] }))
      stampedRows.add(row);
  // 录入人 and 录入时间: only the empty cells of the edited rows, one write per run of consecutive rows (at
  // most one run per two edited rows): a cell between two runs — a stamp typed since the read — is never written.
  const stamp = (column: number | undefined, fill: (count: number) => Cell[]) => {
    if (column === undefined) return;
    const lacking = [...filled].filter((row) => isEmptyCell(grid[row - 1]?.[column]));
    if (lacking.length === 0) return;
    const fresh = fill(lacking.length);
    writeRuns(wb, sheet, column, runsOf(lacking.map((row, k) => ({ row, value: fresh[k] ?? '' }))));
    for (const row of lacking) stampedRows.add(row);
  };
  if (ctx.userEmail !== '') stamp(parsed.columnIndex.enteredBy, (count) => Array(count).fill(ctx.userEmail));
  // The school's wall-clock time as text, as the sidebar writes it: a Date instant would show in
  // UTC in an .xlsx file, and in the spreadsheet's own zone (not always the school's) in Sheets.
  const enteredAt = dateTimeInZone(ctx.now, campaign.settings.timeZone);
  stamp(parsed.columnIndex.enteredAt, (count) => Array<Cell>(count).fill(enteredAt));
  return { checked, stamped: stampedRows.size };
}
