// The reminder run's journal beside the workbook (FILE.sendlog): one fsync'd line per 发送日志 row, written before the next mail; merged into the sheet by the save, then removed.
import { closeSync, fsyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import type { WorkbookPort } from '../app/ports';
import { ensureSendLog, type SendJournal } from '../app/remind';
import type { Campaign } from '../core/model';
import type { Cell } from '../core/grid';
import { realFileOf } from './workbook-lock';

/** The journal file of a workbook. */
export function journalFileOf(workbook: string): string {
  return `${realFileOf(workbook)}.sendlog`;
}

/**
 * Saving the whole .xlsx after each mail takes seconds at size; a line appended and fsync'd takes a
 * millisecond. So each 发送日志 row a run appends in memory is first made durable here, and the run sends
 * its next mail only after. The workbook's save takes the rows into the sheet; the journal is then removed.
 * A run that died leaves the journal: the next one (or the playground's start) merges it first, so every
 * mail the dead run sent is known sent.
 */
export class FileSendJournal implements SendJournal {
  constructor(readonly file: string) {}

  logged(rows: readonly Cell[][]): void {
    if (rows.length === 0) return;
    const text = rows.map((row) => `${JSON.stringify(row)}\n`).join('');
    const fd = openSync(this.file, 'a', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** The rows written so far; a last line cut short by a crash is left out. */
  rows(): Cell[][] {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return [];
    }
    const rows: Cell[][] = [];
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const row = JSON.parse(line) as unknown;
        if (Array.isArray(row))
          rows.push(row.map((c) => (c === null || typeof c === 'object' ? null : c) as Cell));
      } catch {
        // A torn last line: that row never reached the disk whole, and no mail was sent after it.
      }
    }
    return rows;
  }

  remove(): void {
    rmSync(this.file, { force: true });
  }
}

const rowKey = (row: readonly Cell[]): string => {
  const cells = row.map((c) => (c === null ? '' : String(c)));
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return JSON.stringify(cells);
};

/**
 * Puts the journal's rows that 发送日志 lacks at its end (a run that died after its save and before removing
 * the journal left rows the sheet has already). Returns how many rows were added.
 */
export function mergeJournal(wb: WorkbookPort, campaign: Campaign, journal: FileSendJournal): number {
  const rows = journal.rows();
  if (rows.length === 0) return 0;
  const sheet = ensureSendLog(wb, campaign);
  const present = new Set((wb.read(sheet) ?? []).map(rowKey));
  const missing = rows.filter((row) => !present.has(rowKey(row)));
  if (missing.length > 0) wb.append(sheet, missing);
  return missing.length;
}
