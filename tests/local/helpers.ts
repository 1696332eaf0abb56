// Test helpers for the command line: run it in-process with captured output, temp folders, file hashes.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/local/cli';

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs `visit-ledger ...args` in this process; "now" is fixed so that defaults are predictable. */
export async function cli(args: string[], now = new Date('2027-11-15T04:00:00Z')): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), now: () => now });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

export async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'vl-cli-'));
}

export async function sha256(file: string): Promise<string> {
  return createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');
}
