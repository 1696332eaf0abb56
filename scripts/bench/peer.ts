// The peer a school would build by hand: per-person monthly counts as COUNTIFS formulas, evaluated by HyperFormula.
import { performance } from 'node:perf_hooks';
import { HyperFormula } from 'hyperformula';
import { loadCampaign } from '../../src/core/engine';
import { countIndex, personLines } from '../../src/core/counting';
import { addMonths, dateToSerial, monthOf, type IsoMonth } from '../../src/core/dates';
import type { Cell, Grid } from '../../src/core/grid';
import { CAMPAIGN_START, gridOf, school, TODAY, unitOfVisitor, VISITORS } from './school';
import { columnLetter } from '../../src/core/a1';
import { defaultHeaders } from '../../src/core/tables';

export interface PeerResult {
  rows: number;
  /** Formula cells: visitors × months. */
  formulas: number;
  /** Engine: load (parse + check every row), count, and every month's quota lines; median of `engineRuns`. */
  engineMs: number;
  engineRuns: number;
  /** HyperFormula: build the workbook and evaluate every formula (one run). */
  peerMs: number;
  /** HyperFormula: one visit date typed over, and the recalculation it triggers (null: not timed). */
  editMs: number | null;
  /** (visitor, month) pairs compared, and how many visits they hold. */
  compared: number;
  visits: number;
}

const VISITS = '走访记录';
const COUNTS = '进度';

function months(): IsoMonth[] {
  const out: IsoMonth[] = [];
  for (let m = monthOf(CAMPAIGN_START); m <= monthOf(TODAY); m = addMonths(m, 1)) out.push(m);
  return out;
}

/** Where 走访日期 and 走访人 stand in a new workbook's 走访记录 (columns are found by header, as the engine does). */
const HEADERS = defaultHeaders('visits', 'zh');
const DATE_COLUMN = HEADERS.indexOf('走访日期');
const VISITOR_COLUMN = HEADERS.indexOf('走访人');

/**
 * The 进度 sheet a school would write: one row per visitor, one column per month (its first day in row 1),
 * each cell counting the rows of 走访记录 with that visitor dated in that month.
 */
function countsSheet(rows: number, monthList: IsoMonth[]): (string | number)[][] {
  const last = rows + 1;
  const v = columnLetter(VISITOR_COLUMN);
  const d = columnLetter(DATE_COLUMN);
  const who = `'${VISITS}'!$${v}$2:$${v}$${last}`;
  const when = `'${VISITS}'!$${d}$2:$${d}$${last}`;
  const header: (string | number)[] = ['姓名', ...monthList.map((m) => dateToSerial(`${m}-01`))];
  const lines = Array.from({ length: VISITORS }, (_, v) => {
    const r = v + 2;
    return [
      `教师${v}`,
      ...monthList.map((_, j) => {
        const c = columnLetter(j + 1);
        return `=COUNTIFS(${who},$A${r},${when},">="&${c}$1,${when},"<"&EDATE(${c}$1,1))`;
      }),
    ];
  });
  return [header, ...lines];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** HyperFormula's cells: strings, numbers, booleans; empty cells null. */
function hfGrid(grid: Grid): (string | number | boolean | null)[][] {
  return grid.map((row) => row.map((cell: Cell) => (cell === '' ? null : cell)));
}

/** Engine and peer on the same plain rows, in this process; fails loudly when a count differs. */
export function runPeer(rows: number, engineRuns: number, timeEdit: boolean): PeerResult {
  const sheets = school({ visitRows: rows, plain: true });
  const monthList = months();

  // The engine: every row checked, every (person, unit, month) counted once, then each month's quota lines.
  const engineTimes: number[] = [];
  let engineCounts = new Map<string, number>();
  for (let run = 0; run < engineRuns; run++) {
    const t = performance.now();
    const campaign = loadCampaign(sheets, TODAY);
    const index = countIndex(campaign);
    const counts = new Map<string, number>();
    for (const month of monthList)
      for (const line of personLines(index, month, TODAY))
        counts.set(`${line.name}|${line.unit}|${month}`, line.count);
    engineTimes.push(performance.now() - t);
    engineCounts = counts;
    const invalid = campaign.visits.filter((v) => !v.valid).length;
    if (invalid > 0)
      throw new Error(`peer rows: ${invalid} visit rows are not valid; the comparison needs every row valid`);
  }

  // The peer: 走访记录 as the school keeps it, and the formulas of 进度.
  const visits = gridOf(sheets, 'visits');
  const config = { licenseKey: 'gpl-v3', maxRows: Math.max(40_000, rows + 10) };
  let t = performance.now();
  const hf = HyperFormula.buildFromSheets(
    { [VISITS]: hfGrid(visits), [COUNTS]: countsSheet(rows, monthList) },
    config,
  );
  const countsId = hf.getSheetId(COUNTS);
  const visitsId = hf.getSheetId(VISITS);
  if (countsId === undefined || visitsId === undefined) throw new Error('HyperFormula lost a sheet');
  const values = hf.getSheetValues(countsId);
  const peerMs = performance.now() - t;

  // Both must agree on every (visitor, month).
  let compared = 0;
  let total = 0;
  const differences: string[] = [];
  for (let v = 0; v < VISITORS; v++) {
    monthList.forEach((month, j) => {
      const peer = values[v + 1]?.[j + 1];
      const engine = engineCounts.get(`教师${v}|${unitOfVisitor(v)}|${month}`) ?? 0;
      compared++;
      total += typeof peer === 'number' ? peer : 0;
      if (peer !== engine) differences.push(`教师${v} ${month}: engine ${engine}, COUNTIFS ${String(peer)}`);
    });
  }
  if (total !== rows) differences.push(`COUNTIFS counted ${total} visits of ${rows}`);
  if (differences.length > 0)
    throw new Error(
      `The engine and COUNTIFS disagree at ${rows} rows (${differences.length}):\n  ${differences.slice(0, 10).join('\n  ')}`,
    );

  // One edit: a visit's date typed over with the next day; every COUNTIFS over that column recalculates.
  let editMs: number | null = null;
  if (timeEdit) {
    const date = visits[1]?.[DATE_COLUMN];
    if (typeof date !== 'number') throw new Error('the first visit has no serial date');
    t = performance.now();
    hf.setCellContents({ sheet: visitsId, row: 1, col: DATE_COLUMN }, date + 1);
    editMs = performance.now() - t;
  }
  hf.destroy();

  return {
    rows,
    formulas: VISITORS * monthList.length,
    engineMs: median(engineTimes),
    engineRuns,
    peerMs,
    editMs,
    compared,
    visits: total,
  };
}
