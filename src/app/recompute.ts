// Recompute: re-checks every row of both visit sheets (one 校验 write each), numbers rows onEdit missed, rewrites 进度.
import { dateTimeInZone, monthOf, type IsoDate } from '../core/dates';
import { computeStatus, loadCampaign } from '../core/engine';
import { en } from '../core/i18n/en';
import type { Lang } from '../core/i18n/messages';
import { zh } from '../core/i18n/zh';
import { isEmptyCell, type Cell } from '../core/grid';
import type { Campaign, StatusResult } from '../core/model';
import { phaseLabel } from '../core/phase';
import { sheetName } from '../core/tables';
import { runsOf, writeRuns, type Run } from './column-runs';
import type { WorkbookPort } from './ports';
import { readSheets, type SheetGrid } from './read';
import { ID_PREFIX, largestId, nextIds } from './record-id';
import { statusSheet } from './status-sheet';
import { schoolToday } from './today';
import { rowVerdicts, type RecordTable } from './verdict';

export interface RecomputeContext {
  now: Date;
  /** The school's date; computed from 设置's time zone when absent. */
  today?: IsoDate;
}

export interface RecomputeResult {
  today: IsoDate;
  /** The workbook's language (设置's 语言). */
  lang: Lang;
  errors: number;
  warnings: number;
  status: StatusResult;
  /** The name of the status sheet written. */
  statusSheet: string;
}

const RECORD_TABLES: readonly RecordTable[] = ['visits', 'homeVisits'];

/** Writes the whole 校验 column of a record sheet, rows 2 to its last row, with notes: one write. */
function writeVerdicts(
  wb: WorkbookPort,
  campaign: Campaign,
  sheets: readonly SheetGrid[],
  table: RecordTable,
): void {
  const parsed = campaign.tables[table];
  const check = parsed?.columnIndex.check;
  if (parsed === undefined || check === undefined) return;
  const lastRow = sheets.find((s) => s.name === parsed.sheet)?.grid.length ?? 0;
  if (lastRow < 2) return;
  const verdicts = rowVerdicts(campaign, table, 2, lastRow);
  wb.writeColumn(
    parsed.sheet,
    check,
    2,
    verdicts.map((v) => v.text),
    verdicts.map((v) => v.note),
  );
}

/** At most this many separate runs of rows lacking a 编号 are written one by one (2 service calls each). */
export const MAX_ID_RUNS = 4;

/**
 * Gives every non-empty row lacking a 编号 the next number after the largest in use (onEdit is only a
 * hint: it misses rows in bursts, while the lock is busy, and rows written by scripts). read() gives a
 * formula's value only, so one read of the column's formulas over the rows concerned tells a formula
 * showing '' from an empty cell: a formula is never written over. Only the empty cells are written, one
 * write per run of consecutive rows, so a cell between two runs (a formula, a value typed since the read)
 * is not touched. The calls must not grow with the rows, so beyond MAX_ID_RUNS runs the span from the
 * first to the last lacking row is written in ONE write — only when every other cell of it holds no
 * formula and was read as a plain 编号 of this sheet (V-n / H-n as text) or empty: written back as read,
 * those lose nothing. Otherwise only the first MAX_ID_RUNS runs are numbered now, and each later
 * recompute numbers the next ones (numbers stay unique: each is after the largest in use).
 */
function fillIds(
  wb: WorkbookPort,
  campaign: Campaign,
  sheets: readonly SheetGrid[],
  table: RecordTable,
): void {
  const parsed = campaign.tables[table];
  const column = parsed?.columnIndex.id;
  if (parsed === undefined || column === undefined) return;
  const empty = parsed.rows.filter((r) => isEmptyCell(r.cells.id)).map((r) => r.row);
  const first = empty[0];
  const last = empty[empty.length - 1];
  if (first === undefined || last === undefined) return;
  const formulas = wb.formulaCells?.(parsed.sheet, column, first, last - first + 1) ?? [];
  const hasFormula = (row: number) => formulas[row - first] === true;
  const lacking = empty.filter((row) => !hasFormula(row));
  if (lacking.length === 0) return;
  const grid = sheets.find((s) => s.name === parsed.sheet)?.grid ?? [];
  const ids = grid.slice(1).map((row) => row[column] ?? null);
  const prefix = ID_PREFIX[table];
  const fresh = nextIds(ids, prefix, lacking.length);
  const runs = runsOf(lacking.map((row, k) => ({ row, value: fresh[k] ?? '' })));
  if (runs.length <= MAX_ID_RUNS) writeRuns(wb, parsed.sheet, column, runs);
  else {
    const plain = (row: number) => {
      const cell = grid[row - 1]?.[column] ?? null;
      return (
        !hasFormula(row) && (isEmptyCell(cell) || (typeof cell === 'string' && largestId([cell], prefix) > 0))
      );
    };
    const span = joined(grid, column, runs, plain);
    writeRuns(wb, parsed.sheet, column, span === undefined ? runs.slice(0, MAX_ID_RUNS) : [span]);
  }
}

/** The runs joined into one, the cells between them written back as read; undefined unless all are plain. */
function joined(
  grid: readonly Cell[][],
  column: number,
  runs: readonly Run[],
  plain: (row: number) => boolean,
): Run | undefined {
  const first = runs[0]?.firstRow ?? 2;
  const values: Cell[] = [];
  for (const run of runs) {
    for (let row = first + values.length; row < run.firstRow; row++) {
      if (!plain(row)) return undefined;
      values.push(grid[row - 1]?.[column] ?? '');
    }
    values.push(...run.values);
  }
  return { firstRow: first, values };
}

/** The status sheet's name: the existing one in either language, else the school's language's. */
function statusSheetName(wb: WorkbookPort, campaign: Campaign): string {
  const names = wb.sheetNames();
  return (
    [zh.sheets.status, en.sheets.status].find((n) => names.includes(n)) ?? sheetName('status', campaign.lang)
  );
}

/** Re-checks every record row, numbers rows lacking a 编号, rewrites 进度 for this month. Reads each sheet once. */
export function recompute(wb: WorkbookPort, ctx: RecomputeContext): RecomputeResult {
  const sheets = readSheets(wb);
  const today = ctx.today ?? schoolToday(sheets, ctx.now);
  const campaign = loadCampaign(sheets, today);
  for (const table of RECORD_TABLES) {
    writeVerdicts(wb, campaign, sheets, table);
    fillIds(wb, campaign, sheets, table);
  }

  const problems = [...campaign.structural, ...campaign.findings];
  const errors = problems.filter((f) => f.severity === 'error').length;
  const warnings = problems.length - errors;
  const status = computeStatus(campaign, monthOf(today), today);
  const name = statusSheetName(wb, campaign);
  const sheet = statusSheet({
    lang: campaign.lang,
    campaignName: campaign.settings.campaignName,
    status,
    phase: phaseLabel(today, campaign.settings, campaign.lang),
    computedAt: `${dateTimeInZone(ctx.now, campaign.settings.timeZone)} (${campaign.settings.timeZone})`,
    errors,
    warnings,
  });
  wb.replace(name, sheet.grid, sheet.format);
  return { today, lang: campaign.lang, errors, warnings, status, statusSheet: name };
}
