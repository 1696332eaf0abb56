// Writing a workbook file whole or not at all: through symbolic links to the real file, its mode kept, a read-only or macro file refused.
import { closeSync, openSync, promises as fs, readSync, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { testPause } from './test-pause';
import { realFileOf } from './workbook-lock';

/** Why a workbook file is not written. */
export type WriteRefusal = 'readOnly' | 'macros' | 'notFile';

export class WriteRefusedError extends Error {
  constructor(
    readonly reason: WriteRefusal,
    readonly file: string,
  ) {
    super(
      `${file}: ${reason === 'readOnly' ? 'read-only' : reason === 'macros' ? 'holds macros' : 'not a file'}`,
    );
    this.name = 'WriteRefusedError';
  }
}

/** A file nobody may write: no write bit set (root ignores the bits, so they are read, not access()). */
function readOnlyMode(stats: Stats): boolean {
  return (stats.mode & 0o222) === 0;
}

const MACRO_EXTENSIONS = new Set(['.xlsm', '.xltm', '.xlam']);
/** The part an .xlsm keeps its macros in; its name is stored plainly in the zip's central directory. */
const VBA_PART = Buffer.from('vbaProject.bin', 'latin1');
/** The central directory sits at the end of a zip: this much of the tail holds it for any workbook. */
const TAIL_BYTES = 4 * 1024 * 1024;

/** Whether a workbook file holds macros (an .xlsm by name, or a vbaProject part whatever its name). */
export function holdsMacros(file: string): boolean {
  if (MACRO_EXTENSIONS.has(path.extname(file).toLowerCase())) return true;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = statSync(file).size;
    const length = Math.min(size, TAIL_BYTES);
    const tail = Buffer.alloc(length);
    readSync(fd, tail, 0, length, size - length);
    return tail.includes(VBA_PART);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Checks that `file` may be written, before any work is done (a reminder run checks before its first mail):
 * the real file (links followed) is missing, or a plain file with a write bit and no macros. Throws
 * WriteRefusedError. Returns the real file.
 */
export function checkWritable(file: string): string {
  const real = realFileOf(file);
  let stats: Stats;
  try {
    stats = statSync(real);
  } catch {
    if (MACRO_EXTENSIONS.has(path.extname(real).toLowerCase())) throw new WriteRefusedError('macros', file);
    return real;
  }
  if (!stats.isFile()) throw new WriteRefusedError('notFile', file);
  if (readOnlyMode(stats)) throw new WriteRefusedError('readOnly', file);
  if (holdsMacros(real)) throw new WriteRefusedError('macros', file);
  return real;
}

/**
 * Writes `bytes` to `file` whole or not at all: a temporary file beside the real file (symbolic links
 * followed, so the link stays a link and the real file gets the bytes), made with the old file's mode (and
 * owner, where allowed), fsync'd, then renamed over it. A read-only file, a folder, or a workbook with macros
 * is refused (WriteRefusedError) and left as it was.
 */
export async function writeFileSafely(file: string, bytes: Uint8Array): Promise<void> {
  const real = checkWritable(file);
  let old: Stats | undefined;
  try {
    old = await fs.stat(real);
  } catch {
    old = undefined;
  }
  const mode = old === undefined ? 0o666 : old.mode & 0o7777;
  const temp = path.join(path.dirname(real), `.${path.basename(real)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await fs.open(temp, 'wx', mode);
  try {
    try {
      await handle.writeFile(bytes);
      // open() applies the umask: an existing file's mode is set exactly (0600 stays 0600, 0666 stays 0666).
      if (old !== undefined) {
        await handle.chmod(mode);
        if (process.getuid?.() === 0) await handle.chown(old.uid, old.gid).catch(() => undefined);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    testPause('save');
    await fs.rename(temp, real);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await syncFolder(path.dirname(real));
}

/** Makes the rename itself durable (best effort: not every system lets a folder be opened). */
async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Nothing more to do.
  }
}
