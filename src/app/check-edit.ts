// The edit check: verdicts for the edited rows of a visit sheet, and 编号 / 录入人 / 录入时间 on rows that lack them.
import { dateTimeInZone, type IsoDate } from '../core/dates';
import { isEmptyCell, type Cell } from '../core/grid';
import { tableOfSheet, type TableKey } from '../core/tables';
import { format, texts, type Lang } from '../core/i18n/messages';
import type { Staff } from '../core/schemas';
import { logChanges, type ChangeEntry } from './change-log';
import { editEntries, headerOf, idReader, type EditedRange } from './change-log-edit';
import { runsOf, writeRuns } from './column-runs';
import { numberRows } from './numbering';
import type { WorkbookPort } from './ports';
import { WorkbookSession } from './session';
import { rowVerdicts, type RecordTable } from './verdict';

export interface EditContext {
  now: Date;
  /** The 录入人 stamp (email or remembered name; an email on 人员 is written as that name); '' leaves 录入人 empty. */
  userEmail: string;
  /** The school's date; computed from 设置's time zone when absent. */
  today?: IsoDate;
  /** The range the edit event names (and a typed cell's old value): the person's edit is logged in 修改日志. */
  edit?: EditedRange;
}

export interface EditCheckResult {
  /** Data rows whose 校验 cell was written. */
  checked: number;
  /** Rows that got a 编号, 录入人 or 录入时间. */
  stamped: number;
  /** Lines written to 修改日志 (the person's edit and the stamps), with one append. */
  logged?: number;
  /** The verdict of each checked row (✓, ✗ …, ⚠ …, or '' for an empty row), for the answer shown where the person looks. */
  verdicts: { row: number; text: string; note: string }[];
  /** The workbook's language and the school's time zone (设置). */
  lang?: Lang;
  timeZone?: string;
  /** The 0-based 校验 column (its cells keep the verdict's own note). */
  checkColumn?: number;
}

const NOTHING: EditCheckResult = { checked: 0, stamped: 0, verdicts: [] };

/** The staff name of an email on 人员 (an active row first), else the stamp as given. */
function staffNameOf(stamp: string, staff: readonly Staff[]): string {
  if (!stamp.includes('@')) return stamp;
  const wanted = stamp.trim().toLowerCase();
  const matches = staff.filter((p) => p.email.trim().toLowerCase() === wanted);
  return (matches.find((p) => p.active) ?? matches[0])?.name ?? stamp;
}

/**
 * What a visit row is checked against: 问题整改 for its 整改编号 (so the edit's verdict is recompute's); the
 * suggestion and discussion sheets play no part.
 */
const TABLES_READ: readonly TableKey[] = [
  'settings',
  'units',
  'staff',
  'targets',
  'students',
  'visits',
  'homeVisits',
  'rectification',
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
  let verdicts: EditCheckResult['verdicts'] = [];
  const check = parsed.columnIndex.check;
  if (check !== undefined) {
    const rows = rowVerdicts(campaign, table, first, lastRow);
    verdicts = rows.map((v, i) => ({ row: first + i, text: v.text, note: v.note }));
    wb.writeColumn(
      sheet,
      check,
      first,
      rows.map((v) => v.text),
      rows.map((v) => v.note),
    );
    checked = lastRow - first + 1;
  }

  // 录入人 is a staff name wherever one can be had: the email of a 人员 row stands for that person's name.
  const enterer = staffNameOf(ctx.userEmail, campaign.rosters.staff);
  // The school's wall-clock time as text, as the sidebar writes it: a Date instant would show in
  // UTC in an .xlsx file, and in the spreadsheet's own zone (not always the school's) in Sheets.
  const enteredAt = dateTimeInZone(ctx.now, campaign.settings.timeZone);
  const line = { who: enterer, time: enteredAt, lang: campaign.lang };
  const stamps: ChangeEntry[] = [];
  const stampedRows = new Set<number>();
  const logStamp = (column: number, row: number, value: Cell) =>
    stamps.push({
      ...line,
      sheet,
      id: '',
      row,
      column: headerOf(grid, column),
      before: '',
      after: value,
      note: texts(campaign.lang).changeLog.stamped,
    });
  // 编号 follows the one numbering rule (numbering.ts), as recompute and a save do.
  const id = parsed.columnIndex.id;
  const numbered = new Map<number, string>();
  if (id !== undefined)
    for (const { row, value } of numberRows(wb, { sheet, table, grid, column: id, rows: [...filled] })) {
      stampedRows.add(row);
      numbered.set(row, String(value ?? ''));
      logStamp(id, row, value);
    }
  // 录入人 and 录入时间: only the empty cells of the edited rows, one write per run of consecutive rows (at
  // most one run per two edited rows): a cell between two runs — a stamp typed since the read — is never written.
  const stamp = (column: number | undefined, fill: (count: number) => Cell[]) => {
    if (column === undefined) return;
    const lacking = [...filled].filter((row) => isEmptyCell(grid[row - 1]?.[column]));
    if (lacking.length === 0) return;
    const fresh = fill(lacking.length);
    writeRuns(wb, sheet, column, runsOf(lacking.map((row, k) => ({ row, value: fresh[k] ?? '' }))));
    lacking.forEach((row, k) => {
      stampedRows.add(row);
      logStamp(column, row, fresh[k] ?? '');
    });
  };
  if (enterer !== '') stamp(parsed.columnIndex.enteredBy, (count) => Array(count).fill(enterer));
  stamp(parsed.columnIndex.enteredAt, (count) => Array<Cell>(count).fill(enteredAt));

  // 修改日志: the person's edit (the values as read, before the stamps), then the stamps; one append.
  // 校验 verdicts are not logged: they are worked out again on every check and recompute.
  const readId = idReader(grid, id);
  const idOf = (row: number) => numbered.get(row) ?? readId(row);
  const entries = [
    ...(ctx.edit ? editEntries(grid, sheet, { first, last: lastRow }, ctx.edit, line, idOf) : []),
    ...stamps.map((e) => ({ ...e, id: idOf(e.row ?? 0) })),
  ];
  logChanges(wb, campaign.lang, entries);
  return {
    checked,
    stamped: stampedRows.size,
    logged: entries.length,
    verdicts,
    lang: campaign.lang,
    timeZone: campaign.settings.timeZone,
    checkColumn: check,
  };
}

/** What an edit's check says where the person is looking: a toast in Sheets, the status line in the playground. */
export interface EditAnswer {
  title: string;
  message: string;
  /** Some edited row has an error or a warning: its cells get the note below. */
  problem: boolean;
  /** The note put on the edited cells of a row with a problem, by row. */
  notes: Map<number, string>;
}

const isProblem = (text: string) => text.startsWith('✗') || text.startsWith('⚠');

/**
 * The answer to an edit: the first problem of the edited rows (and how many more rows have one), or ✓ for a
 * single clean row; nothing for rows left empty. The note says when it was written, so that a note left on a
 * cell after the row was put right reads as history: the 校验 column has the current verdict.
 */
export function editAnswer(result: EditCheckResult, at: string): EditAnswer | undefined {
  const t = texts(result.lang ?? 'zh').overview.edit;
  const written = result.verdicts.filter((v) => v.text !== '');
  if (written.length === 0) return undefined;
  const first = written[0]!;
  const last = written[written.length - 1]!;
  const title =
    first.row === last.row
      ? format(t.title, { row: first.row })
      : format(t.rows, { first: first.row, last: last.row });
  const problems = written.filter((v) => isProblem(v.text));
  const notes = new Map(
    problems.map((v) => [v.row, format(t.note, { at, verdict: v.text, details: v.note })] as const),
  );
  if (problems.length === 0) {
    return { title, message: format(t.ok, { row: first.row }), problem: false, notes };
  }
  const lead = problems[0]!;
  const more = problems.length > 1 ? ` ${format(t.more, { count: problems.length - 1 })}` : '';
  return {
    title,
    message: `${format(t.problem, { row: lead.row, verdict: lead.text })}${more}`,
    problem: true,
    notes,
  };
}
