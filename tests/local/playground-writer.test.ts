// The playground's workbook in memory (grids kept, writes recorded) and its background file writer (worker thread, retried on failure).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { texts } from '../../src/core/i18n/messages';
import { newWorkbook } from '../../src/local/commands/init';
import { openXlsx } from '../../src/local/xlsx-workbook';
import { FileWriter } from '../../src/local/playground/file-writer';
import { writerScript } from '../../src/local/playground/run';
import { TrackedWorkbook } from '../../src/local/playground/tracked-workbook';

const ROOT = join(__dirname, '..', '..');
const TODAY = '2027-04-20';
const t = texts('zh');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'visit-ledger-writer-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('kept grids read as a fresh read would after appends, column writes and a cleared last row', () => {
  const tracked = new TrackedWorkbook(newWorkbook('zh', TODAY, true));
  const sheet = t.sheets.visits;
  const before = tracked.read(sheet) ?? [];
  const width = before[0]?.length ?? 0;
  const row = tracked.append(sheet, [Array.from({ length: width }, (_, c) => (c === 1 ? '甲' : null))]);
  expect(row).toBe(before.length + 1);
  tracked.writeColumn(sheet, 2, 2, ['乙', '丙']);
  tracked.writeColumn(sheet, 1, row, [null]);
  // A grid handed out before stays as it was.
  expect(tracked.read(sheet)).not.toBe(before);
  expect(before).toHaveLength(row - 1);
  expect(tracked.read(sheet)).toEqual(tracked.inner.read(sheet));
  const changes = tracked.takeChanges();
  expect([...(changes.rows.get(sheet) ?? [])].sort((a, b) => a - b)).toEqual([2, 3, row]);
  expect(tracked.takeOps().map((o) => o.op)).toEqual(['rows', 'writeColumn', 'writeColumn']);
});

test('a write that fails is reported and tried again until it succeeds; flush then finds nothing to write', async () => {
  const folder = join(dir, 'not-yet');
  const file = join(folder, 'w.xlsx');
  const states: string[] = [];
  const writer = new FileWriter(file, writerScript(ROOT), {
    quietMs: 10,
    retryMs: 50,
    onState: (s) => states.push(s.state),
  });
  try {
    const tracked = new TrackedWorkbook(newWorkbook('zh', TODAY, true));
    // The file cannot be opened (its folder is missing): the writer says so, and the change is kept.
    tracked.writeColumn(t.sheets.suggestions, 1, 2, ['写入失败后重试的一条']);
    writer.push(tracked.takeOps());
    await expect(writer.flush()).rejects.toThrow(/not found/);
    expect(writer.state()).toMatchObject({ state: 'failed' });
    // The folder and file come back: a later try writes the change.
    mkdirSync(folder);
    await newWorkbook('zh', TODAY, true).save(file);
    const end = Date.now() + 60_000;
    while (writer.state().state !== 'saved' && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(writer.state()).toEqual({ state: 'saved' });
    expect(states).toContain('failed');
    await writer.flush();
    const grid = (await openXlsx(file)).read(t.sheets.suggestions) ?? [];
    expect(grid[1]?.[1]).toBe('写入失败后重试的一条');
    expect(existsSync(join(folder, 'w.xlsx'))).toBe(true);
  } finally {
    await writer.close().catch(() => undefined);
  }
}, 120_000);
