// The workbook session every use case starts from: each table read once, the school's today worked out once, the campaign loaded once.
import { loadCampaign, problemsOf } from '../core/engine';
import type { IsoDate } from '../core/dates';
import type { Cell, Grid } from '../core/grid';
import type { Lang } from '../core/i18n/messages';
import type { Campaign } from '../core/model';
import type { Settings } from '../core/schemas';
import { tableOfSheet, type TableKey } from '../core/tables';
import type { Clock, WorkbookPort } from './ports';
import { readSheets, type SheetGrid } from './read';
import { schoolSettings, schoolToday } from './today';

export interface SessionOptions {
  /** The school's calendar day; default: the clock's day in 设置's time zone. */
  today?: IsoDate;
  /** Read only these tables (the edit check does without the ledgers). */
  only?: readonly TableKey[];
}

/** A row judged before it is written: the campaign as it will stand with it, and where it will stand. */
export interface DraftRow {
  sheet: string;
  row: Cell[];
  /** The row's number once appended: after the last row of the used range read. */
  rowNumber: number;
  /** The campaign with the row in place. */
  campaign: Campaign;
}

/** Two grids hold the same values (what a fresh read is compared with). */
function sameGrid(a: Grid, b: Grid): boolean {
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r] ?? [];
    const y = b[r] ?? [];
    if (x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) if (x[c] !== y[c]) return false;
  }
  return true;
}

/**
 * One look at a workbook. open() reads every record table once (one grid read each); `today` and the
 * campaign are worked out from those grids at most once. Under the lock a use case re-reads only the table
 * it appends to (reread), and an append is applied to the grids in hand (commitDraft), so the campaign after
 * a save is the one the save already judged its row with: nothing is read or loaded a second time.
 */
export class WorkbookSession {
  private loaded: Campaign | undefined;
  private settingsRead: Settings | undefined;

  private constructor(
    readonly workbook: WorkbookPort,
    /** The instant the session was opened (stamps such as 录入时间 use it). */
    readonly now: Date,
    private grids: SheetGrid[],
    readonly today: IsoDate,
  ) {}

  static open(workbook: WorkbookPort, clock: Clock, options: SessionOptions = {}): WorkbookSession {
    const grids = readSheets(workbook, options.only);
    const now = clock.now();
    return new WorkbookSession(workbook, now, grids, options.today ?? schoolToday(grids, now));
  }

  /** The checked campaign of the grids in hand, loaded on first use only. */
  get campaign(): Campaign {
    this.loaded ??= loadCampaign(this.grids, this.today);
    return this.loaded;
  }

  /** 设置 as the campaign reads it, without loading the campaign (a save judges its row on a draft's load). */
  get settings(): Settings {
    if (this.loaded !== undefined) return this.loaded.settings;
    this.settingsRead ??= schoolSettings(this.grids, this.today);
    return this.settingsRead;
  }

  get lang(): Lang {
    return this.settings.language;
  }

  /** The record sheets as read (name and grid), in tab order. */
  get sheets(): readonly SheetGrid[] {
    return this.grids;
  }

  /** The sheet of a table as read, if the workbook has one. */
  sheetOf(table: TableKey): SheetGrid | undefined {
    return this.grids.find((s) => tableOfSheet(s.name) === table);
  }

  /** The grid of a sheet by name as read ([] when the session has not read it). */
  gridOf(sheet: string): Grid {
    return this.grids.find((s) => s.name === sheet)?.grid ?? [];
  }

  /** Structural problems (a missing sheet or required column) in words, joined; null when there are none. */
  structuralProblem(table?: TableKey): string | null {
    const campaign = this.campaign;
    const found = campaign.structural.filter((f) => table === undefined || f.table === table);
    if (found.length === 0) return null;
    return problemsOf(campaign, found)
      .map((p) => p.message)
      .join(campaign.lang === 'en' ? '; ' : '；');
  }

  /**
   * Reads one sheet again (under the lock, before appending to it): another execution may have written it
   * since open(). Returns true when it changed; the campaign is then loaded again on next use.
   */
  reread(sheet: string): boolean {
    const fresh = this.workbook.read(sheet) ?? [];
    if (sameGrid(fresh, this.gridOf(sheet))) return false;
    this.replaceGrid(sheet, fresh);
    return true;
  }

  /**
   * The campaign as it will stand once `row` is appended to `sheet` (one load, the session's own campaign
   * is not loaded for it). Nothing is written.
   */
  draft(sheet: string, row: Cell[]): DraftRow {
    const grid = this.gridOf(sheet);
    const after = this.grids.map((s) => (s.name === sheet ? { name: s.name, grid: [...grid, row] } : s));
    return { sheet, row, rowNumber: grid.length + 1, campaign: loadCampaign(after, this.today) };
  }

  /**
   * Appends a drafted row (the caller holds the lock and has re-read the sheet, unchanged since the draft,
   * so the row goes right after the rows read) and takes the draft's campaign as the session's: returns the
   * row number written.
   */
  commitDraft(draft: DraftRow): number {
    const written = this.workbook.append(draft.sheet, [draft.row], draft.rowNumber - 1);
    this.replaceGrid(draft.sheet, [...this.gridOf(draft.sheet), draft.row]);
    this.loaded = draft.campaign;
    return written;
  }

  /**
   * Appends rows through the port (the caller holds the lock) and keeps the sheet's grid as it now stands, so
   * nothing is read back; the campaign is loaded again on next use. Returns the first new row's number.
   */
  appendRows(sheet: string, rows: Cell[][], lastRow: number): number {
    const written = this.workbook.append(sheet, rows, lastRow);
    const grid = [...this.gridOf(sheet)];
    while (grid.length < written - 1) grid.push([]);
    grid.splice(written - 1, rows.length, ...rows);
    this.replaceGrid(sheet, grid);
    return written;
  }

  /** Writes one column (0-based) from a row (1-based) through the port, and into the sheet's grid likewise. */
  writeColumn(sheet: string, column: number, firstRow: number, values: Cell[]): void {
    this.workbook.writeColumn(sheet, column, firstRow, values);
    const grid = [...this.gridOf(sheet)];
    values.forEach((value, i) => {
      const line = [...(grid[firstRow - 1 + i] ?? [])];
      while (line.length < column) line.push(null);
      line[column] = value;
      grid[firstRow - 1 + i] = line;
    });
    this.replaceGrid(sheet, grid);
  }

  private replaceGrid(sheet: string, grid: Grid): void {
    const index = this.grids.findIndex((s) => s.name === sheet);
    if (index < 0) this.grids = [...this.grids, { name: sheet, grid }];
    else this.grids = this.grids.map((s, i) => (i === index ? { name: sheet, grid } : s));
    this.loaded = undefined;
  }
}
