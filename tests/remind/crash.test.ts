// A reminder run killed (kill -9) mid-send and mid-write, a lock left by a dead process, a lock held by a live one: no mail twice, no row lost.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import * as path from 'node:path';
import { parseSendLog } from '../../src/core/report/send-log';
import { startPlayground } from '../../src/local/playground/run';
import { PAUSED_LINE, TEST_PAUSE_ENV } from '../../src/local/test-pause';
import { journalFileOf } from '../../src/local/send-journal';
import { openXlsx } from '../../src/local/xlsx-workbook';
import { cli, sha256, tempDir } from '../local/helpers';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'visit-ledger.js');
const NOW = new Date('2027-04-20T00:10:00Z');
const TODAY = '2027-04-20';
/** A run that hangs instead of stopping at its point only ends the test after this long (never a timing assertion). */
const LIMIT = 120_000;

let dir: string;
let file: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'dist-node', 'cli.js'))) throw new Error('run npm run build first');
});
beforeEach(async () => {
  dir = await tempDir();
  file = path.join(dir, 'school.xlsx');
  expect((await cli(['init', file, '--sample', '--today', TODAY], NOW)).code).toBe(0);
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await fs.rm(dir, { recursive: true, force: true });
});

interface Child {
  child: ChildProcess;
  exit: Promise<number | null>;
  err: () => string;
  /** Resolves once stderr holds `text`; rejects if the process exits first. */
  said(text: string): Promise<void>;
}

/** `visit-ledger ...args` as its own process (the installed command), with extra environment. */
function spawnCli(args: string[], env: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let err = '';
  child.stdout?.resume();
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const said = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (err.includes(text)) {
          child.stderr?.off('data', check);
          resolve();
        }
      };
      child.stderr?.on('data', check);
      void exit.then(() => (err.includes(text) ? resolve() : reject(new Error(`exited first: ${err}`))));
      check();
    });
  return { child, exit, err: () => err, said };
}

async function killedAt(point: string): Promise<void> {
  const run = spawnCli(['remind', file, '--today', TODAY, '--json'], { [TEST_PAUSE_ENV]: point });
  await run.said(`${PAUSED_LINE} ${point}`);
  run.child.kill('SIGKILL');
  expect(await run.exit).toBeNull();
}

const outbox = () => {
  try {
    return readdirSync(path.join(dir, 'outbox')).filter((f) => f.endsWith('.eml'));
  } catch {
    return [];
  }
};

async function sendLog() {
  return parseSendLog((await openXlsx(file)).read('发送日志'));
}

/** The recipients and subjects of every .eml in the outbox (two the same would be a mail sent twice). */
async function mails(): Promise<string[]> {
  return Promise.all(
    outbox().map(async (name) => {
      const raw = await fs.readFile(path.join(dir, 'outbox', name), 'utf8');
      return `${/^To: (.*)$/m.exec(raw)?.[1]} ${/^Subject: (.*)$/m.exec(raw)?.[1]}`;
    }),
  );
}

async function planned(): Promise<number> {
  const run = await cli(['remind', file, '--today', TODAY, '--dry-run', '--json'], NOW);
  return (JSON.parse(run.out) as { messages: unknown[] }).messages.length;
}

test(
  'killed (kill -9) after 5 mails: the journal knows them, the stale lock is taken over at once, the re-run sends only the rest',
  async () => {
    const total = await planned();
    expect(total).toBeGreaterThan(8);
    const before = await sha256(file);
    await killedAt('mail:5');
    // The dead run left its lock and its journal; the workbook is as it was (its save never came).
    expect(outbox()).toHaveLength(5);
    expect(existsSync(`${file}.lock`)).toBe(true);
    expect((await fs.readFile(journalFileOf(file), 'utf8')).trim().split('\n')).toHaveLength(5);
    expect(await sha256(file)).toBe(before);

    const again = await cli(['remind', file, '--today', TODAY, '--json'], NOW);
    expect(again).toMatchObject({ code: 0, err: '' });
    expect((JSON.parse(again.out) as { messages: unknown[] }).messages).toHaveLength(total - 5);
    // Every planned mail once: none twice, none lost; every one logged sent once.
    const sent = await mails();
    expect(sent).toHaveLength(total);
    expect(new Set(sent).size).toBe(total);
    const log = await sendLog();
    expect(log.filter((e) => e.status === 'sent')).toHaveLength(total);
    expect(new Set(log.map((e) => e.key)).size).toBe(log.length);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(existsSync(journalFileOf(file))).toBe(false);
    // And a third run sends nothing.
    const third = await cli(['remind', file, '--today', TODAY, '--json'], NOW);
    expect((JSON.parse(third.out) as { messages: unknown[] }).messages).toHaveLength(0);
  },
  LIMIT,
);

test(
  'killed (kill -9) while saving the workbook: the file is whole (the old one), and the re-run logs every mail once, sending none',
  async () => {
    const total = await planned();
    const before = await sha256(file);
    await killedAt('save');
    expect(outbox()).toHaveLength(total);
    expect(await sha256(file)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);

    const again = await cli(['remind', file, '--today', TODAY, '--json'], NOW);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.out) as { messages: unknown[] }).messages).toHaveLength(0);
    expect(outbox()).toHaveLength(total);
    const log = await sendLog();
    expect(log.filter((e) => e.status === 'sent')).toHaveLength(total);
    expect(new Set(log.map((e) => e.key)).size).toBe(log.length);
    // The dead save's temporary file is cleared away by the next holder of the lock.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(journalFileOf(file))).toBe(false);
  },
  LIMIT,
);

test(
  'the playground started after a run killed mid-send puts that run’s mails in 发送日志 first: nothing is sent twice',
  async () => {
    const total = await planned();
    await killedAt('mail:4');
    const options = {
      workbook: file,
      storeFile: path.join(dir, 'store.json'),
      port: 0,
      today: TODAY,
      lang: 'zh' as const,
      email: '',
    };
    const running = await startPlayground(options, ROOT);
    await running.stop();
    expect(existsSync(journalFileOf(file))).toBe(false);
    expect((await sendLog()).filter((e) => e.status === 'sent')).toHaveLength(4);
    const again = await cli(['remind', file, '--today', TODAY, '--json'], NOW);
    expect((JSON.parse(again.out) as { messages: unknown[] }).messages).toHaveLength(total - 4);
    expect(new Set(await mails()).size).toBe(total);
  },
  LIMIT,
);

/** A process id no process has (checked). */
function deadPid(): number {
  for (let pid = 999_999; pid > 900_000; pid--) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
  throw new Error('no free pid');
}

test('a lock left by a process that no longer exists is taken over at once (new and old lock formats)', async () => {
  const holder = {
    pid: deadPid(),
    host: hostname(),
    command: 'visit-ledger remind',
    since: NOW.toISOString(),
  };
  writeFileSync(`${file}.lock`, JSON.stringify(holder));
  const first = await cli(['remind', file, '--today', TODAY, '--json'], NOW);
  expect(first).toMatchObject({ code: 0, err: '' });
  expect(existsSync(`${file}.lock`)).toBe(false);
  // An older lock held only the pid.
  writeFileSync(`${file}.lock`, String(deadPid()));
  expect((await cli(['remind', file, '--today', '2027-04-21', '--json'], NOW)).code).toBe(0);
  expect(existsSync(`${file}.lock`)).toBe(false);
});

test('a lock held by a live process: every writer says who holds it and exits 2, the file unchanged; readers go on', async () => {
  const live = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(live);
  const since = new Date(2027, 3, 20, 8, 5);
  writeFileSync(
    `${file}.lock`,
    JSON.stringify({ pid: live.pid, host: hostname(), command: 'npm start', since: since.toISOString() }),
  );
  const before = await sha256(file);
  const remind = await cli(['remind', file, '--today', TODAY], NOW);
  expect(remind.code).toBe(2);
  expect(remind.err).toContain(`由 npm start（进程 ${live.pid}，始于 2027-04-20 08:05）占用`);
  expect(remind.err.split('\n')).toHaveLength(1);
  const init = await cli(['init', file, '--force', '--today', TODAY], NOW);
  expect(init.code).toBe(2);
  expect(init.err).toContain('npm start');
  expect(outbox()).toEqual([]);
  expect(await sha256(file)).toBe(before);
  // Reading needs no lock.
  expect((await cli(['status', file, '--today', TODAY], NOW)).code).toBe(0);
  expect((await cli(['remind', file, '--today', TODAY, '--dry-run'], NOW)).code).toBe(0);
  expect(await sha256(file)).toBe(before);
  expect(existsSync(`${file}.lock`)).toBe(true);
});

test('a missing folder: the file is named as missing, never an ENOENT of a lock file', async () => {
  const missing = path.join(dir, 'no-such-folder', 'x.xlsx');
  const run = await cli(['remind', missing, '--today', TODAY], NOW);
  expect(run).toMatchObject({ code: 2, err: `找不到文件：${missing}` });
  const init = await cli(['init', missing, '--today', TODAY], NOW);
  expect(init.code).toBe(2);
  expect(init.err).toContain('文件夹');
  expect(init.err).not.toMatch(/ENOENT|\.lock/);
});

test('an outbox that cannot be made (a file is in the way): one line in the school’s words, no mail, exit 2', async () => {
  writeFileSync(path.join(dir, 'outbox'), 'not a folder');
  const before = await sha256(file);
  const run = await cli(['remind', file, '--today', TODAY], NOW);
  expect(run.code).toBe(2);
  expect(run.err).toContain('无法建立发件箱文件夹');
  expect(run.err).toContain('没有发送任何邮件');
  expect(await sha256(file)).toBe(before);
  expect(existsSync(`${file}.lock`)).toBe(false);
});
