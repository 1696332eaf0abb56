// `npm start` as a person runs it (node dist-node/start.js): the URL and workbook printed, port in use, a corrupt file, Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { format, texts } from '../../src/core/i18n/messages';
import { newWorkbook } from '../../src/local/commands/init';
import { cli } from '../local/helpers';
import { ROOT, TODAY, requireBuild } from './playground-fixture';

const t = texts('zh').playground;
const START = join(ROOT, 'dist-node', 'start.js');

interface Run {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exit: Promise<number | null>;
  /** Resolves once stdout holds `text`; rejects when the program exits first, or after `limit` ms. */
  printed(text: string, limit?: number): Promise<void>;
}

/**
 * How long a start may take before a test gives up. A start on a busy 2-core machine took 12.3 s; the tests
 * wait on the program's own lines, never a fixed time, and this limit only ends a start that hangs.
 */
const START_LIMIT = 120_000;
/** A test that starts the playground may take the start's limit, and its own work after it. */
const TEST_LIMIT = START_LIMIT + 60_000;

function run(args: string[], cwd: string, port: number): Run {
  const child = spawn(process.execPath, [START, ...args], {
    cwd,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const printed = (text: string, limit = START_LIMIT) =>
    new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        clearTimeout(timer);
        child.stdout?.off('data', check);
        child.off('exit', exited);
        if (error) reject(error);
        else resolve();
      };
      const check = () => {
        if (out.includes(text)) done();
      };
      const exited = (code: number | null) =>
        done(new Error(`exited (${code}) before printing "${text}"; stderr: ${err}; stdout: ${out}`));
      const timer = setTimeout(
        () => done(new Error(`"${text}" not printed within ${limit} ms; stdout: ${out}; stderr: ${err}`)),
        limit,
      );
      child.stdout?.on('data', check);
      child.on('exit', exited);
      check();
    });
  return { child, out: () => out, err: () => err, exit, printed };
}

/** The line the playground prints once it listens on `port`. */
const listeningLine = (port: number) => format(t.listening, { url: `http://localhost:${port}` });

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

let dir: string;
const children: ChildProcess[] = [];

beforeAll(() => requireBuild());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'visit-ledger-start-'));
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test(
  'prints the URL and the workbook it made from the sample school under .local/, and serves the page',
  async () => {
    const port = await freePort();
    const r = run(['--today', TODAY], dir, port);
    children.push(r.child);
    await r.printed(listeningLine(port));
    await r.printed(t.stopHint);
    const workbook = join(dir, '.local', 'workbook.xlsx');
    expect(r.out()).toContain(format(t.createdWorkbook, { file: workbook }));
    expect(existsSync(workbook)).toBe(true);
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="sidebar-frame"');
    // Another site's page (or a rebound DNS name) gets nothing.
    const foreign = await new Promise<number | undefined>((resolve, reject) =>
      request({ host: '127.0.0.1', port, path: '/api/book', headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
        .on('error', reject)
        .end(),
    );
    expect(foreign).toBe(403);
    r.child.kill('SIGINT');
    expect(await r.exit).toBe(0);
  },
  TEST_LIMIT,
);

test(
  'a port in use: one clear line, exit code 1, no workbook written',
  async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const workbook = join(dir, 'w.xlsx');
      const r = run(['--workbook', workbook], dir, port);
      children.push(r.child);
      expect(await r.exit).toBe(1);
      expect(r.err().trim()).toBe(format(t.portInUse, { port, next: port + 1 }));
      expect(r.err().trim().split('\n')).toHaveLength(1);
      expect(existsSync(workbook)).toBe(false);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  },
  TEST_LIMIT,
);

/** Runs the playground on `workbook` and expects a refusal: exit 2, one line on stderr, the file as it was. */
async function expectRefused(workbook: string): Promise<string> {
  const bytes = readFileSync(workbook);
  const r = run(['--workbook', workbook, '--today', TODAY], dir, await freePort());
  children.push(r.child);
  // Refused: it exits; a playground that started instead fails the test at once (and is killed after it).
  const code = await Promise.race([
    r.exit,
    r.printed(t.stopHint).then(
      () => 'started' as const,
      () => r.exit,
    ),
  ]);
  expect({ code, err: r.err() }).toMatchObject({ code: 2 });
  expect(r.out()).toBe('');
  const message = r.err().trim();
  expect(message.split('\n')).toHaveLength(1);
  expect(readFileSync(workbook).equals(bytes)).toBe(true);
  expect(readdirSync(dir)).toEqual([basename(workbook)]);
  return message;
}

/** The one line `visit-ledger validate FILE` prints on stderr for the file. */
async function cliReason(workbook: string): Promise<string> {
  const result = await cli(['validate', workbook, '--today', TODAY]);
  expect(result.code).toBe(2);
  expect(result.err.split('\n')).toHaveLength(1);
  return result.err;
}

test(
  'a corrupt workbook is kept byte for byte, with the CLI reason and how to start fresh',
  async () => {
    const workbook = join(dir, 'broken.xlsx');
    writeFileSync(
      workbook,
      Buffer.from('PK\u0003\u0004 this is not really a zip file \u0000\u0001\u0002', 'binary'),
    );
    const message = await expectRefused(workbook);
    expect(message).toBe(format(t.corrupt, { file: workbook, reason: await cliReason(workbook) }));
    expect(message).toContain(`rm ${workbook}`);
    expect(message).toContain('--workbook');
  },
  TEST_LIMIT,
);

test(
  'a text file named .xlsx: the CLI one-line reason, never the words of the zip library',
  async () => {
    const workbook = join(dir, 'bad.xlsx');
    writeFileSync(workbook, '姓名,部门\n张三,校长室\n');
    const message = await expectRefused(workbook);
    const reason = await cliReason(workbook);
    expect(reason).toBe(format(texts('zh').cli.notXlsx, { file: workbook }));
    expect(message.startsWith(`${reason}。`)).toBe(true);
    expect(message).toContain(`rm ${workbook}`);
    expect(message).not.toMatch(/zip|central directory|stuk/i);
  },
  TEST_LIMIT,
);

test(
  'an .xlsx without a required sheet is refused as the CLI refuses it, untouched, with how to fix it',
  async () => {
    const workbook = join(dir, 'shape.xlsx');
    const book = newWorkbook('zh', TODAY, false);
    book.deleteSheet(texts('zh').sheets.staff);
    await book.save(workbook);
    const message = await expectRefused(workbook);
    const reason = await cliReason(workbook);
    expect(reason).toContain(texts('zh').sheets.staff);
    expect(message).toBe(format(t.wrongShape, { file: workbook, reason }));
    expect(message).toContain('visit-ledger init');
    expect(message).toContain(texts('zh').menu.setUp);
  },
  TEST_LIMIT,
);

test(
  'Ctrl-C while a change is being saved: the write finishes, the file is whole, exit code 0',
  async () => {
    const port = await freePort();
    const workbook = join(dir, 'w.xlsx');
    const r = run(['--workbook', workbook, '--today', TODAY], dir, port);
    children.push(r.child);
    await r.printed(listeningLine(port));
    const book = (await (await fetch(`http://127.0.0.1:${port}/api/book`)).json()) as {
      sheets: { name: string; cells: string[][] }[];
    };
    const suggestions = book.sheets.find((s) => s.name === texts('zh').sheets.suggestions);
    const row = (suggestions?.cells.length ?? 0) + 1;
    const col = suggestions?.cells[0]?.indexOf(texts('zh').columns.suggestions.text) ?? -1;
    const edit = fetch(`http://127.0.0.1:${port}/api/edit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sheet: suggestions?.name, row, col, text: '停止前写入的一条建议' }),
    }).then(
      (response) => response.status,
      () => 0,
    );
    // The signal arrives while the edit is being checked, or once it is answered but before the quiet spell
    // after which the file is written: either way the edit must reach the file before the program exits.
    await new Promise((resolve) => setTimeout(resolve, 100));
    r.child.kill('SIGINT');
    expect(await r.exit).toBe(0);
    const status = await edit;
    expect(r.out()).toContain(t.stopping);
    expect(r.out()).toContain(t.stopped);
    // No temporary file is left, and the workbook opens with the edit in it: the answered edit was written.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const { openXlsx } = await import('../../src/local/xlsx-workbook');
    const reopened = await openXlsx(workbook);
    const grid = reopened.read(texts('zh').sheets.suggestions) ?? [];
    expect(status).toBe(200);
    expect(grid[row - 1]?.[col]).toBe('停止前写入的一条建议');
  },
  TEST_LIMIT,
);

test(
  'the playground holds its workbook while it runs: remind is refused naming it; after kill -9 its lock is taken over at once',
  async () => {
    const port = await freePort();
    const workbook = join(dir, 'held.xlsx');
    const r = run(['--workbook', workbook, '--today', TODAY], dir, port);
    children.push(r.child);
    await r.printed(listeningLine(port));
    const bytes = readFileSync(workbook);
    const refused = await cli(['remind', workbook, '--today', TODAY]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`由 npm start（进程 ${r.child.pid}，始于`);
    expect(readFileSync(workbook).equals(bytes)).toBe(true);
    expect(existsSync(join(dir, 'outbox'))).toBe(false);
    r.child.kill('SIGKILL');
    await r.exit;
    expect(existsSync(`${workbook}.lock`)).toBe(true);
    const taken = await cli(['remind', workbook, '--today', TODAY]);
    expect(taken.code).toBe(0);
    expect(existsSync(`${workbook}.lock`)).toBe(false);
  },
  TEST_LIMIT,
);
