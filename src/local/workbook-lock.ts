// One lock per workbook file (FILE.lock: pid, host, command, since), taken by every process that writes it; a lock whose process is gone is taken over.
import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import * as path from 'node:path';

/** What a lock file says about its holder. */
export interface LockHolder {
  pid: number;
  host: string;
  /** What holds it, as a person would type it: 'npm start', 'visit-ledger remind'. */
  command: string;
  /** When it was taken (ISO). */
  since: string;
}

/** The workbook is held by another live process. */
export class WorkbookBusyError extends Error {
  constructor(
    readonly file: string,
    readonly lockFile: string,
    readonly holder: LockHolder | undefined,
  ) {
    super(`${file} is held by ${holder ? `${holder.command} (pid ${holder.pid})` : 'another process'}`);
    this.name = 'WorkbookBusyError';
  }
}

/**
 * The real file a path names: symbolic links followed (a dangling link gives the path it points to), so two
 * paths to one workbook share one lock and a save lands in the real file.
 */
export function realFileOf(file: string): string {
  let current = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    try {
      return realpathSync(current);
    } catch {
      // Missing (or a dangling link): follow the link by hand, else the folder's real path and the name.
    }
    let target: string;
    try {
      target = readlinkSync(current);
    } catch {
      let dir = path.dirname(current);
      try {
        dir = realpathSync(dir);
      } catch {
        // The folder is missing too: the caller says so.
      }
      return path.join(dir, path.basename(current));
    }
    current = path.resolve(path.dirname(current), target);
  }
  return current;
}

/** The lock file of a workbook: beside the real file, named after it. */
export function lockFileOf(file: string): string {
  return `${realFileOf(file)}.lock`;
}

/** Whether a process with this id runs on this computer (EPERM: it runs, as another user). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The holder a lock file names; a bare pid (an older lock) is read too; undefined when unreadable. */
export function readHolder(lockFile: string): LockHolder | undefined {
  let text: string;
  try {
    text = readFileSync(lockFile, 'utf8');
  } catch {
    return undefined;
  }
  if (/^\s*\d+\s*$/.test(text)) return { pid: Number(text), host: hostname(), command: '', since: '' };
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number') return undefined;
    return {
      pid: value.pid,
      host: typeof value.host === 'string' ? value.host : '',
      command: typeof value.command === 'string' ? value.command : '',
      since: typeof value.since === 'string' ? value.since : '',
    };
  } catch {
    return undefined;
  }
}

/** Lock paths this process holds (a second holder inside one process is refused like another process). */
const heldHere = new Set<string>();

/** An unreadable lock file (a crash between making it and writing it) is stale after this long. */
const UNREADABLE_STALE_MS = 5_000;

/**
 * Whether a lock may be taken over: its holder ran on this computer and no longer runs (or is this process,
 * which does not hold it: a lock left by an earlier run of the same process id).
 */
function isStale(lockFile: string, holder: LockHolder | undefined): boolean {
  if (holder === undefined) {
    try {
      return Date.now() - statSync(lockFile).mtimeMs > UNREADABLE_STALE_MS;
    } catch {
      return true;
    }
  }
  if (holder.host !== '' && holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return !heldHere.has(lockFile);
  return !processAlive(holder.pid);
}

/** Temporary files a save left beside `real` when its process was killed mid-write (the process is gone). */
function removeDeadTemps(real: string): void {
  const dir = path.dirname(real);
  const prefix = `.${path.basename(real)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !processAlive(pid))
      rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * The lock of one workbook file. take() makes FILE.lock exclusively ('wx') with the holder's details, fsync'd;
 * a lock file left by a process that no longer exists is moved aside and taken at once; one held by a live
 * process throws WorkbookBusyError (naming it). release() removes the file only while it is still ours.
 */
export class WorkbookLock {
  readonly lockFile: string;
  private content: string | undefined;

  constructor(
    readonly file: string,
    readonly command: string,
  ) {
    this.lockFile = lockFileOf(file);
  }

  get held(): boolean {
    return this.content !== undefined;
  }

  take(now: Date = new Date()): this {
    if (this.content !== undefined) return this;
    const holder: LockHolder = {
      pid: process.pid,
      host: hostname(),
      command: this.command,
      since: now.toISOString(),
    };
    const content = `${JSON.stringify(holder)}\n`;
    for (let attempt = 0; attempt < 5; attempt++) {
      let fd: number;
      try {
        fd = openSync(this.lockFile, 'wx', 0o644);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const found = readHolder(this.lockFile);
        if (!isStale(this.lockFile, found)) throw new WorkbookBusyError(this.file, this.lockFile, found);
        this.takeOver(found);
        continue;
      }
      try {
        writeSync(fd, content);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      this.content = content;
      heldHere.add(this.lockFile);
      removeDeadTemps(realFileOf(this.file));
      return this;
    }
    throw new WorkbookBusyError(this.file, this.lockFile, readHolder(this.lockFile));
  }

  /**
   * Moves a stale lock aside (rename: of two processes taking it over, one moves it) and removes it; if what
   * was moved turns out to be a live holder's new lock, it is put back.
   */
  private takeOver(stale: LockHolder | undefined): void {
    const aside = `${this.lockFile}.${process.pid}.stale`;
    try {
      renameSync(this.lockFile, aside);
    } catch {
      return;
    }
    const moved = readHolder(aside);
    const same =
      (moved === undefined && stale === undefined) ||
      (moved !== undefined && stale !== undefined && moved.pid === stale.pid && moved.since === stale.since);
    if (!same) {
      try {
        linkSync(aside, this.lockFile);
      } catch {
        // Someone else made a lock meanwhile: theirs stands.
      }
    }
    rmSync(aside, { force: true });
  }

  release(): void {
    if (this.content === undefined) return;
    try {
      if (readFileSync(this.lockFile, 'utf8') === this.content) rmSync(this.lockFile, { force: true });
    } catch {
      // Gone already.
    }
    heldHere.delete(this.lockFile);
    this.content = undefined;
  }

  /** Runs fn holding the lock, and lets go after (even when fn fails). */
  async around<T>(fn: () => Promise<T>): Promise<T> {
    this.take();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }
}
