// The playground's edges: Origin checked on every write, no framing by other sites, months and days within reach, edits capped to the sheet and refused on generated sheets, the workbook held for the whole run.
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { hostname } from 'node:os';
import { texts } from '../../src/core/i18n/messages';
import { readHolder } from '../../src/local/workbook-lock';
import { XLSX_MAX_TEXT } from '../../src/local/xlsx-limits';
import { startTestPlayground, type TestPlayground } from '../e2e/playground-fixture';
import { cli, sha256 } from './helpers';

const t = texts('zh');
let playground: TestPlayground;
let base: string;

beforeAll(async () => {
  playground = await startTestPlayground();
  base = `http://127.0.0.1:${playground.running.port}`;
}, 120_000);
afterAll(async () => {
  await playground?.close();
});

/** A raw request (node:http: the Origin header is ours to set). */
function call(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      { method, headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const help = { action: 'help' };

describe('requests', () => {
  it('refuses a write from another site’s page (or Origin: null), and takes one from its own page', async () => {
    for (const origin of ['http://evil.example', 'null', 'http://localhost:1']) {
      const answer = await call('POST', '/api/menu', { origin }, help);
      expect({ origin, status: answer.status }).toEqual({ origin, status: 403 });
    }
    const cross = await call('POST', '/api/menu', { 'sec-fetch-site': 'cross-site' }, help);
    expect(cross.status).toBe(403);
    expect((await call('POST', '/api/menu', { origin: base }, help)).status).toBe(200);
    expect((await call('POST', '/api/menu', {}, help)).status).toBe(200);
  });

  it('forbids framing by other sites on every answer', async () => {
    for (const path of ['/', '/sidebar.html', '/api/book']) {
      const answer = await call('GET', path, {});
      expect(answer.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(answer.headers['content-security-policy']).toBe("frame-ancestors 'self'");
    }
  });
});

describe('months and days', () => {
  it('refuses a report for 9999-12 or 1900-01, and a daily job for 9999-12-01', async () => {
    for (const month of ['9999-12', '1900-01']) {
      const answer = await call('POST', '/api/menu', { origin: base }, { action: 'report', month });
      expect(answer.status).toBe(400);
      expect((JSON.parse(answer.text) as { error: string }).error).toContain(
        `“${month}”不在可以生成月报的范围内`,
      );
    }
    const day = await call('POST', '/api/menu', { origin: base }, { action: 'daily', day: '9999-12-01' });
    expect(day.status).toBe(400);
    expect(day.text).toContain('不在可以运行每日任务的范围内');
    expect(
      playground.running.session
        .view()
        .sheets.map((s) => s.name)
        .join(),
    ).not.toContain('9999');
  });
});

describe('edits', () => {
  const edit = (sheet: string, row: number, col: number, text: string) =>
    call('POST', '/api/edit', { origin: base }, { sheet, row, col, text });

  it('refuses row 15,000,000 and column 20,000 outright, and a row far below the records with the limit named', async () => {
    expect((await edit(t.sheets.suggestions, 15_000_000, 1, 'x')).status).toBe(400);
    expect((await edit(t.sheets.suggestions, 2, 20_000, 'x')).status).toBe(400);
    const far = await edit(t.sheets.suggestions, 500_000, 1, '很远的一行');
    expect(far.status).toBe(400);
    expect(far.text).toContain('超出了可编辑的范围');
    const book = playground.running.session.view();
    const rows = book.sheets.find((s) => s.name === t.sheets.suggestions)?.cells.length ?? 0;
    expect(rows).toBeLessThan(1000);
  });

  it('refuses an edit to the generated 进度 sheet, saying so; the file keeps what it had', async () => {
    await playground.running.session.idle();
    const before = await sha256(playground.workbook);
    const answer = await edit(t.sheets.status, 3, 1, '改一下进度');
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('是生成的工作表，不能在这里修改');
    await playground.running.session.idle();
    expect(await sha256(playground.workbook)).toBe(before);
  });

  it('stamps a new 问题整改 row typed in the page with R-n and 登记日期, as onEdit does in Sheets', async () => {
    const book = playground.running.session.view();
    const ledger = book.sheets.find((s) => s.name === t.sheets.rectification)!;
    const header = ledger.cells[0]!;
    const row = ledger.cells.length + 1;
    const largest = Math.max(
      0,
      ...ledger.cells.slice(1).map((r) => Number(/^R-(\d+)$/.exec(r[0] ?? '')?.[1] ?? 0)),
    );
    const answer = await edit(t.sheets.rectification, row, header.indexOf('问题'), '楼道灯坏了');
    expect(answer.status).toBe(200);
    const after = playground.running.session.view();
    const line = after.sheets.find((s) => s.name === t.sheets.rectification)!.cells[row - 1]!;
    expect(line[header.indexOf('编号')]).toBe(`R-${largest + 1}`);
    expect(line[header.indexOf('登记日期')]).toBe(after.today);
    expect(line[header.indexOf('完成日期')] ?? '').toBe('');
  });

  it('keeps the first 32,767 characters of a longer text, and says so', async () => {
    const book = playground.running.session.view();
    const suggestions = book.sheets.find((s) => s.name === t.sheets.suggestions)!;
    const answer = await edit(t.sheets.suggestions, suggestions.cells.length + 1, 1, '长'.repeat(40_000));
    expect(answer.status).toBe(200);
    expect((JSON.parse(answer.text) as { message?: string }).message).toBe(t.files.editShortened);
    const grid = playground.running.session.view().sheets.find((s) => s.name === t.sheets.suggestions)!;
    expect(grid.cells[suggestions.cells.length]?.[1]?.length).toBe(XLSX_MAX_TEXT);
  });
});

describe('the workbook held for the whole run', () => {
  it('names npm start in its lock, and the command line refuses to write while it runs', async () => {
    const lock = `${playground.workbook}.lock`;
    expect(readHolder(lock)).toMatchObject({ pid: process.pid, host: hostname(), command: 'npm start' });
    await playground.running.session.idle();
    const before = await sha256(playground.workbook);
    const run = await cli(['remind', playground.workbook, '--today', '2027-04-20']);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`由 npm start（进程 ${process.pid}，始于`);
    expect(await sha256(playground.workbook)).toBe(before);
    expect(readFileSync(lock, 'utf8')).toContain('npm start');
    // Stopped, it lets go; started again, it holds it again.
    await playground.restart();
    base = `http://127.0.0.1:${playground.running.port}`;
    expect(existsSync(lock)).toBe(true);
  }, 120_000);
});
