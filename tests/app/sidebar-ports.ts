// In-memory ports for the sidebar use-case tests: a call-counting workbook, a store, a user, a fixed clock, a lock.
import type { Clock, Lock, SheetFormat, Store, UserInfo, WorkbookPort } from '../../src/app/ports';
import type { SidebarPorts } from '../../src/app/sidebar';
import type { Cell, Grid } from '../../src/core/grid';
import type { SheetInput } from '../../src/core/engine';

/** A workbook of grids; counts every port call by method name. */
export class MemoryWorkbook implements WorkbookPort {
  readonly sheets = new Map<string, Grid>();
  readonly calls: Record<string, number> = {};

  constructor(sheets: readonly SheetInput[]) {
    for (const { name, grid } of sheets)
      this.sheets.set(
        name,
        grid.map((row) => [...row]),
      );
  }

  private hit(method: string): void {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
  }

  sheetNames(): string[] {
    this.hit('sheetNames');
    return [...this.sheets.keys()];
  }
  read(sheet: string): Grid | undefined {
    this.hit('read');
    return this.sheets.get(sheet)?.map((row) => [...row]);
  }
  create(sheet: string, header: Cell[], _format: SheetFormat): void {
    this.hit('create');
    if (!this.sheets.has(sheet)) this.sheets.set(sheet, [[...header]]);
  }
  applyFormat(_sheet: string, _format: SheetFormat): void {
    this.hit('applyFormat');
  }
  replace(sheet: string, grid: Grid, _format: SheetFormat): void {
    this.hit('replace');
    this.sheets.set(
      sheet,
      grid.map((row) => [...row]),
    );
  }
  append(sheet: string, rows: Cell[][]): number {
    this.hit('append');
    const grid = this.sheets.get(sheet);
    if (!grid) throw new Error(`No sheet named ${sheet}`);
    const first = grid.length + 1;
    grid.push(...rows.map((row) => [...row]));
    return first;
  }
  writeColumn(sheet: string, column: number, firstRow: number, values: Cell[]): void {
    this.hit('writeColumn');
    const grid = this.sheets.get(sheet);
    if (!grid) throw new Error(`No sheet named ${sheet}`);
    values.forEach((value, i) => {
      const row = (grid[firstRow - 1 + i] ??= []);
      row[column] = value;
    });
  }
  deleteSheet(sheet: string): void {
    this.hit('deleteSheet');
    this.sheets.delete(sheet);
  }
  total(): number {
    return Object.values(this.calls).reduce((a, b) => a + b, 0);
  }
}

export class MemoryStore implements Store {
  readonly values = new Map<string, string>();
  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  set(key: string, value: string): void {
    this.values.set(key, value);
  }
}

/** A lock another "execution" may hold: while it is held, onWait plays that execution; then it is free or not. */
export class TestLock implements Lock {
  held = false;
  onWait: (() => void) | undefined;
  acquired = 0;

  withLock<T>(fn: () => T): T {
    if (this.held && this.onWait) this.onWait();
    if (this.held) throw new Error('Lock timeout: another process was holding the lock for too long.');
    this.held = true;
    this.acquired++;
    try {
      return fn();
    } finally {
      this.held = false;
    }
  }
}

/** 2027-04-20 10:00 in Shanghai (02:00 UTC). */
export const NOW = new Date('2027-04-20T02:00:00Z');

export function ports(
  sheets: readonly SheetInput[],
  options: { email?: string; now?: Date } = {},
): SidebarPorts & { workbook: MemoryWorkbook; store: MemoryStore; lock: TestLock } {
  const user: UserInfo = { email: () => options.email ?? '' };
  const clock: Clock = { now: () => options.now ?? NOW };
  return {
    workbook: new MemoryWorkbook(sheets),
    store: new MemoryStore(),
    lock: new TestLock(),
    user,
    clock,
  };
}
