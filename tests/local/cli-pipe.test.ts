// Piped into a reader that closes after the first line (`| head -1`): the command ends quietly with its own code, no EPIPE stack.
import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { EventEmitter } from 'node:events';
import { lineWriter } from '../../src/local/closed-stdout';
import { QUOTA_ENV } from '../../src/local/outbox';
import { saveXlsx } from '../../src/local/xlsx-workbook';
import { tinySchool } from '../remind/helpers';
import { cli, tempDir } from './helpers';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'visit-ledger.js');
/** Far more than a pipe holds (64 KiB on Linux), so the writer is still writing when the reader goes. */
const BIG = 256 * 1024;

/** Runs the command with its stdout read until the first line, then closed; resolves to what was seen. */
function firstLineThenClose(args: string[]): Promise<{ code: number | null; first: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, [QUOTA_ENV]: '1000' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) child.stdout.destroy();
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, first: out.split('\n')[0] ?? '', err }));
  });
}

describe('a reader that closes early', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(path.join(ROOT, 'dist-node', 'cli.js'))) throw new Error('run npm run build first');
  });
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

  it('remind --dry-run --json | head -1: exit 0, nothing on stderr', async () => {
    // 600 leaders, all behind on the reminder day: one mail each (quota 1000), the JSON far larger than a pipe.
    const leaders = Array.from({ length: 600 }, (_, i) => `教师${String(i + 1).padStart(4, '0')}`);
    const file = path.join(dir, 's.xlsx');
    await saveXlsx(tinySchool({ leaders }), file);
    const args = ['remind', file, '--dry-run', '--json', '--today', '2027-04-20'];
    process.env[QUOTA_ENV] = '1000';
    const whole = await cli(args).finally(() => delete process.env[QUOTA_ENV]);
    expect(whole.code).toBe(0);
    expect(Buffer.byteLength(whole.out)).toBeGreaterThan(BIG);
    const run = await firstLineThenClose(args);
    expect(run.first).toBe('{');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
  }, 60_000);
});

describe('lineWriter', () => {
  class Stream extends EventEmitter {
    readonly written: string[] = [];
    write(text: string) {
      this.written.push(text);
      return true;
    }
  }

  it('writes lines until EPIPE, then nothing more and no error', () => {
    const stream = new Stream();
    const out = lineWriter(stream);
    out('a');
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    out('b');
    expect(stream.written).toEqual(['a\n']);
  });

  it('any other error of the stream is still thrown', () => {
    const stream = new Stream();
    lineWriter(stream)('a');
    expect(() => stream.emit('error', Object.assign(new Error('disk'), { code: 'EIO' }))).toThrow('disk');
  });
});
