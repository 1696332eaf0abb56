// dist/Code.js in node:vm over the counting fakes of tests/fakes/gas: service calls per operation, the sidebar payload.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import type { SheetInput } from '../../src/core/engine';
import { createGasFakes, FakeRange, type FakeSheet, type FakeValue } from '../../tests/fakes/gas';
import { school, TODAY } from './school';

/** The repository root: the bench runs as dist-node/bench.js. */
export const ROOT = join(__dirname, '..');
const CODE = join(ROOT, 'dist', 'Code.js');

/** 10:00 in Shanghai on the benchmarks' day (a reminder day). */
const NOW = Date.parse(`${TODAY}T02:00:00Z`);
/** The leader who is also a class teacher (校长室 and 全体教师, 1班); the sidebar's signed-in user. */
const EMAIL = 't0@school.example';

export interface GasOperation {
  operation: string;
  calls: number;
  /** Calls made while the document lock was held. */
  underLock: number;
  /** The method with the most calls, for a reader who wonders where they go. */
  top: string;
}

export interface GasResult {
  rows: number;
  operations: GasOperation[];
  /** Mails the daily job sent (one MailApp.sendEmail call each). */
  mails: number;
}

export interface PayloadResult {
  students: number;
  targets: number;
  visitRows: number;
  bytes: number;
  gzipBytes: number;
  person: string;
}

type EntryPoint = (...args: unknown[]) => unknown;

/**
 * A Date for the script whose `new Date()` and `Date.now()` are the benchmarks' moment; Dates made by the
 * fakes are still `instanceof Date` inside the script (one realm, as in Apps Script).
 */
function fixedDate(now: number): DateConstructor {
  const Real = Date;
  function FixedDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new Real(now).toString();
    return args.length === 0
      ? new Real(now)
      : new (Real as unknown as new (...a: unknown[]) => Date)(...args);
  }
  FixedDate.prototype = Real.prototype;
  Object.assign(FixedDate, { now: () => now, UTC: Real.UTC, parse: Real.parse });
  return FixedDate as unknown as DateConstructor;
}

/** A date serial as Sheets gives a date cell: that day's midnight in Shanghai (no daylight saving). */
function serialToSheetDate(serial: number): Date {
  return new Date((serial - 25_569) * 86_400_000 - 8 * 3_600_000);
}

/** Types a generated school into the fake spreadsheet as a person would: date cells are dates. */
function fill(sheet: FakeSheet, grid: SheetInput['grid'], dateColumn: number | null): void {
  sheet.store.maxRows = Math.max(sheet.store.maxRows, grid.length + 60);
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null || cell === '') return;
      const value: FakeValue =
        r > 0 && c === dateColumn && typeof cell === 'number' ? serialToSheetDate(cell) : cell;
      sheet.store.type(r + 1, c + 1, value);
    }),
  );
}

function loadSchool(sheets: readonly SheetInput[]) {
  if (!existsSync(CODE)) throw new Error('dist/Code.js is missing: run `npm run build` first.');
  const fakes = createGasFakes({ htmlFolder: join(ROOT, 'dist') });
  fakes.Session.activeEmail = EMAIL;
  fakes.MailApp.remainingQuota = 1500; // a Workspace account
  for (const { name, grid } of sheets)
    fill(fakes.spreadsheet.addSheet(name), grid, name === '走访记录' || name === '家访记录' ? 1 : null);
  const context = vm.createContext({ console, Date: fixedDate(NOW), ...fakes.globals() });
  vm.runInContext(readFileSync(CODE, 'utf8'), context, { filename: 'Code.js' });
  const call = (name: string, ...args: unknown[]): unknown => (context[name] as EntryPoint)(...args);

  // Count, beside every call, the calls made while the document lock is held.
  let underLock = 0;
  const hit = fakes.calls.hit.bind(fakes.calls);
  fakes.calls.hit = (method: string) => {
    hit(method);
    if (fakes.LockService.document.holder !== null) underLock++;
  };
  const measure = (operation: string, run: () => void): GasOperation => {
    fakes.calls.reset();
    underLock = 0;
    run();
    const [top, n] = Object.entries(fakes.calls.byMethod()).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    return { operation, calls: fakes.calls.total(), underLock, top: `${top} ×${n}` };
  };
  return { fakes, call, measure };
}

/** The service calls of each operation on a school of `rows` visit rows, after one recompute (steady state). */
export function runGas(rows: number): GasResult {
  const { fakes, call, measure } = loadSchool(school({ visitRows: rows }));
  call('menuRecompute'); // 进度 and 校验 exist, as in a workbook in use
  const visits = fakes.spreadsheet.sheet('走访记录');
  const operations: GasOperation[] = [];

  operations.push(measure('sidebar bootstrap (sidebarBootstrap)', () => void call('sidebarBootstrap')));
  operations.push(
    measure('sidebar save of one visit (sidebarSave)', () => {
      const result = call('sidebarSave', {
        kind: 'visit',
        date: '2027-11-19',
        visitor: '教师0',
        coVisitors: [],
        targets: ['家委会成员3'],
        mode: 'faceToFace',
        purpose: '',
        record: '听取意见',
        suggestions: '',
        followUp: null,
        followUpOwner: '',
      }) as { ok: boolean };
      if (!result.ok) throw new Error(`sidebarSave failed: ${JSON.stringify(result)}`);
    }),
  );
  operations.push(measure('recompute (menuRecompute)', () => void call('menuRecompute')));

  // One cell retyped in an existing row.
  const row = 2;
  visits.store.type(row, 8, '情况记录（补充）');
  operations.push(
    measure('edit check, one row (onEdit)', () =>
      call('onEdit', {
        authMode: 'LIMITED',
        range: new FakeRange(fakes.calls, visits, row, 8, 1, 1),
        source: fakes.spreadsheet,
        user: { getEmail: () => '' },
        value: '情况记录（补充）',
      }),
    ),
  );

  // 50 new rows pasted below the last one, without 编号 (the check numbers them).
  const first = visits.store.lastRow() + 1;
  for (let i = 0; i < 50; i++) {
    const cells: FakeValue[] = [
      '',
      serialToSheetDate(46_700 + (i % 10)),
      `教师${i % 15}`,
      '',
      `家委会成员${i % 20}`,
      '电话',
      '',
      '情况记录',
    ];
    cells.forEach((v, c) => v !== '' && visits.store.type(first + i, c + 1, v));
  }
  operations.push(
    measure('edit check, a 50-row paste (onEdit)', () =>
      call('onEdit', {
        authMode: 'LIMITED',
        range: new FakeRange(fakes.calls, visits, first, 1, 50, 15),
        source: fakes.spreadsheet,
        user: { getEmail: () => '' },
      }),
    ),
  );

  const sentBefore = fakes.MailApp.sent.length;
  operations.push(measure(`daily job on a reminder day (runDaily, ${TODAY})`, () => void call('runDaily')));
  return { rows, operations, mails: fakes.MailApp.sent.length - sentBefore };
}

/** sidebarBootstrap's JSON for a leader who is also a class teacher, at 1,000 students and 200 targets. */
export function bootstrapPayload(): PayloadResult {
  const visitRows = 1000;
  const { call } = loadSchool(school({ visitRows, classes: 25, targetsPerGroup: 25 }));
  const payload = call('sidebarBootstrap') as { person: { name: string } | null };
  if (payload.person === null) throw new Error('sidebarBootstrap found no person for the signed-in user');
  const json = JSON.stringify(payload);
  return {
    students: 1000,
    targets: 200,
    visitRows,
    bytes: Buffer.byteLength(json),
    gzipBytes: gzipSync(json).length,
    person: payload.person.name,
  };
}
