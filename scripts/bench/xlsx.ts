// The .xlsx split: reading a workbook file (open read-only, every sheet read) against the engine on what was read.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { computeStatus, loadCampaign, type SheetInput } from '../../src/core/engine';
import { monthOf } from '../../src/core/dates';
import { newXlsx, saveXlsx } from '../../src/local/xlsx-workbook';
import { openWorkbookFile } from '../../src/local/commands/open-campaign';
import { school, TODAY } from './school';

export interface XlsxResult {
  rows: number;
  fileBytes: number;
  runs: number;
  /** openWorkbookFile(file, { readOnly: true }) and a read of every sheet, median. */
  readMs: number;
  /** loadCampaign and the month's figures on the sheets read, median. */
  engineMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Writes a generated school to a temporary .xlsx (dates as date cells), then times reading it and the engine. */
export async function runXlsx(rows: number, runs: number): Promise<XlsxResult> {
  const dir = mkdtempSync(join(tmpdir(), 'visit-ledger-bench-'));
  const file = join(dir, 'school.xlsx');
  try {
    const wb = newXlsx();
    for (const { name, grid } of school({ visitRows: rows })) {
      const dated = name === '走访记录' || name === '家访记录';
      wb.replace(name, grid, dated ? { dateColumns: [1] } : {});
    }
    await saveXlsx(wb, file);
    const fileBytes = statSync(file).size;

    const read: number[] = [];
    const engine: number[] = [];
    for (let run = 0; run < runs; run++) {
      let t = performance.now();
      const opened = await openWorkbookFile(file, { readOnly: true });
      const sheets: SheetInput[] = [];
      for (const name of opened.sheetNames()) {
        const grid = opened.read(name);
        if (grid !== undefined) sheets.push({ name, grid });
      }
      read.push(performance.now() - t);
      t = performance.now();
      const campaign = loadCampaign(sheets, TODAY);
      computeStatus(campaign, monthOf(TODAY), TODAY);
      engine.push(performance.now() - t);
      if (campaign.structural.length > 0) throw new Error('the .xlsx read back lacks a sheet or a column');
      if (campaign.visits.length !== rows)
        throw new Error(`read ${campaign.visits.length} visits of ${rows}`);
    }
    return { rows, fileBytes, runs, readMs: median(read), engineMs: median(engine) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
