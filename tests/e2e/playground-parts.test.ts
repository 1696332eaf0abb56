// The playground server's small parts: options and PORT, the google.script.run shim in the sidebar page, typed cells.
import { join } from 'node:path';
import { parseOptions, OptionError } from '../../src/local/playground/options';
import { sidebarWithShim } from '../../src/local/playground/http';
import { typedCell } from '../../src/local/playground/cell-input';
import { parseDateCell } from '../../src/core/dates';
import { Serial } from '../../src/local/playground/serial';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { format, texts } from '../../src/core/i18n/messages';
import { newWorkbook } from '../../src/local/commands/init';
import { FileStore, localUser, playgroundClock, ProcessLock } from '../../src/local/playground/adapters';
import { PlaygroundSession } from '../../src/local/playground/session';
import { FileWriter } from '../../src/local/playground/file-writer';
import { TrackedWorkbook } from '../../src/local/playground/tracked-workbook';

const t = texts('zh');

test('defaults: port 8080 and .local/workbook.xlsx under the folder it starts in; PORT and --workbook override', () => {
  const base = parseOptions([], {}, '/project');
  expect(base.port).toBe(8080);
  expect(base.workbook).toBe(join('/project', '.local', 'workbook.xlsx'));
  expect(base.storeFile.startsWith(join('/project', '.local'))).toBe(true);
  const given = parseOptions(
    ['--workbook', 'school.xlsx', '--today=2027-04-20'],
    { PORT: '9000' },
    '/project',
  );
  expect(given).toMatchObject({ port: 9000, workbook: join('/project', 'school.xlsx'), today: '2027-04-20' });
});

test('bad options are refused, naming the option', () => {
  expect(() => parseOptions(['--today', '2027-4-20'], {}, '/p')).toThrow(OptionError);
  expect(() => parseOptions([], { PORT: 'eighty' }, '/p')).toThrow('PORT');
  expect(() => parseOptions(['--workbook'], {}, '/p')).toThrow('--workbook');
  expect(() => parseOptions(['--sample'], {}, '/p')).toThrow('--sample');
});

test('the sidebar page is served unchanged, with the shim as the first thing in <head>', () => {
  const page =
    '<!doctype html><html><head><meta charset="utf-8"><script>app()</script></head><body></body></html>';
  const served = sidebarWithShim(page);
  expect(served.replace(/<script>\(function\(\)\{var p=window\.parent.*?<\/script>/, '')).toBe(page);
  expect(served.indexOf('visitLedgerPlayground')).toBeLessThan(served.indexOf('app()'));
  expect(served.indexOf('visitLedgerPlayground')).toBeGreaterThan(served.indexOf('<head>'));
});

test('typed text: a date in a date column becomes a date, a bad date and other text stay exactly as typed', () => {
  const sheet = t.sheets.visits;
  // A date cell of .xlsx: the serial number, in a column set-up formats as yyyy-mm-dd.
  const date = typedCell(sheet, t.columns.visits.date, '2027/4/5');
  expect(date).toBe(46482);
  expect(parseDateCell(date)).toBe('2027-04-05');
  expect(typedCell(sheet, t.columns.visits.date, '2027-13-45')).toBe('2027-13-45');
  expect(typedCell(sheet, t.columns.visits.record, ' =1+2 ')).toBe(' =1+2 ');
  expect(typedCell(sheet, t.columns.visits.record, '')).toBeNull();
  expect(typedCell(t.sheets.units, t.columns.units.minimum, '5')).toBe(5);
  expect(typedCell(t.sheets.units, t.columns.units.unit, '5')).toBe('5');
});

test('workbook tasks run one at a time, in order, and idle() waits for the last', async () => {
  const serial = new Serial();
  const order: string[] = [];
  const slow = serial.run(async () => {
    await new Promise((r) => setTimeout(r, 50));
    order.push('slow');
  });
  const failing = serial.run(() => {
    order.push('failing');
    throw new Error('boom');
  });
  const fast = serial.run(() => order.push('fast'));
  await serial.idle();
  expect(order).toEqual(['slow', 'failing', 'fast']);
  await expect(failing).rejects.toThrow('boom');
  await slow;
  await fast;
});

test('the words of the page follow the workbook language: labels, the workbook line, the month question', () => {
  const dir = mkdtempSync(join(tmpdir(), 'visit-ledger-parts-'));
  try {
    for (const lang of ['zh', 'en'] as const) {
      const file = join(dir, `${lang}.xlsx`);
      const workbook = new TrackedWorkbook(newWorkbook(lang, '2027-01-12', false));
      const session = new PlaygroundSession(
        workbook,
        file,
        join(dir, 'outbox'),
        {
          lock: new ProcessLock(),
          store: new FileStore(join(dir, 'store.json')),
          user: localUser(''),
          clock: playgroundClock('2027-01-12'),
        },
        // Nothing is changed here, so the writer never starts its worker.
        new FileWriter(file, 'unused.js'),
        () => Promise.resolve(workbook),
      );
      const p = texts(lang).playground;
      expect(session.view().texts).toMatchObject({
        menuBar: p.menuBar,
        sheetTabs: p.sheetTabs,
        close: p.close,
        workbookLine: format(p.usingWorkbook, { file }),
        monthPrompt: format(texts(lang).remind.reportPrompt, { month: '2026-12' }),
        lastMonth: '2026-12',
        dailyJob: p.dailyJob,
        dayPrompt: format(p.dayPrompt, { today: '2027-01-12' }),
      });
    }
    expect(texts('zh').playground.usingWorkbook).toContain('：');
    expect(texts('en').playground.menuBar).not.toBe(texts('zh').playground.menuBar);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
