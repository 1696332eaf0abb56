// The engine alone (parse, check, count) on a generated school of one size, with this process's memory.
import { performance } from 'node:perf_hooks';
import { parseGrid } from '../../src/core/grid';
import { computeStatus, loadCampaign } from '../../src/core/engine';
import { sheetName, TABLE_KEYS } from '../../src/core/tables';
import { monthOf } from '../../src/core/dates';
import { school, TODAY } from './school';

export interface EngineResult {
  rows: number;
  homeRows: number;
  runs: number;
  /** Medians, milliseconds. */
  parseMs: number;
  checkMs: number;
  countMs: number;
  totalMs: number;
  /** Resident memory once the generated sheets exist (after a GC), and the process's peak, in bytes. */
  inputRss: number;
  peakRss: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const gc = (globalThis as { gc?: () => void }).gc;

export function runEngine(rows: number, runs: number): EngineResult {
  const sheets = school({ visitRows: rows });
  gc?.();
  const inputRss = process.memoryUsage().rss;
  const parse: number[] = [];
  const load: number[] = [];
  const count: number[] = [];
  const month = monthOf(TODAY);
  for (let run = 0; run < runs; run++) {
    let t = performance.now();
    for (const s of sheets)
      parseGrid(TABLE_KEYS.find((k) => sheetName(k, 'zh') === s.name) ?? 'visits', s.name, s.grid);
    parse.push(performance.now() - t);
    t = performance.now();
    const campaign = loadCampaign(sheets, TODAY);
    load.push(performance.now() - t);
    t = performance.now();
    computeStatus(campaign, month, TODAY);
    count.push(performance.now() - t);
  }
  const p = median(parse);
  const l = median(load);
  const c = median(count);
  const homeRows = (sheets.find((s) => s.name === sheetName('homeVisits', 'zh'))?.grid.length ?? 1) - 1;
  return {
    rows,
    homeRows,
    runs,
    parseMs: p,
    checkMs: l - p,
    countMs: c,
    totalMs: median(load.map((x, i) => x + (count[i] ?? 0))),
    inputRss,
    peakRss: process.resourceUsage().maxRSS * 1024,
  };
}
