// What every command that writes the workbook does around its work: hold the workbook's lock, check the file may be written, save it and say what the save shortened.
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import * as path from 'node:path';
import { format, texts, type Lang } from '../../core/i18n/messages';
import { busyMessage, lockFailedMessage, refusedMessage } from '../file-messages';
import { checkWritable, WriteRefusedError } from '../safe-write';
import { WorkbookBusyError, WorkbookLock } from '../workbook-lock';
import type { XlsxWorkbook } from '../xlsx-workbook';
import { CliError, DEFAULT_LANG, type CliIo } from './command';

/**
 * Runs `work` holding the workbook's lock (FILE.lock), and lets go after. Another live holder: its name in
 * one line, exit 2, nothing done. A lock left by a process that no longer exists is taken over at once.
 */
export async function holdWorkbook<T>(
  file: string,
  command: string,
  io: CliIo,
  work: () => Promise<T>,
  /** The command makes the file (init): a missing folder is told as such, not as a missing file. */
  creates = false,
): Promise<T> {
  const lock = new WorkbookLock(file, command);
  try {
    lock.take(io.now());
  } catch (error) {
    if (error instanceof WorkbookBusyError)
      throw new CliError(busyMessage(error, DEFAULT_LANG, hostname()), 2);
    const failure = error as NodeJS.ErrnoException;
    const folder = path.dirname(path.resolve(file));
    if (failure.code === 'ENOENT' && !existsSync(folder)) {
      const t = texts(DEFAULT_LANG);
      throw new CliError(
        creates ? format(t.cliText.folderMissing, { file, folder }) : format(t.cli.fileMissing, { file }),
        2,
      );
    }
    throw new CliError(lockFailedMessage(file, failure, DEFAULT_LANG), 2);
  }
  try {
    return await work();
  } finally {
    lock.release();
  }
}

/** Refuses, before any work, a workbook that could not be saved (read-only, macros, a folder). */
export function checkWorkbookWritable(file: string, lang: Lang): void {
  try {
    checkWritable(file);
  } catch (error) {
    if (error instanceof WriteRefusedError) throw new CliError(refusedMessage(error, lang), 2);
    throw error;
  }
}

/** Saves the workbook; a refusal or a failure is one line (exit 2), texts shortened to fit a cell are told. */
export async function saveWorkbook(
  workbook: XlsxWorkbook,
  file: string,
  lang: Lang,
  io: CliIo,
): Promise<void> {
  const t = texts(lang);
  let shortened: number;
  try {
    ({ shortened } = await workbook.save(file));
  } catch (error) {
    if (error instanceof WriteRefusedError) throw new CliError(refusedMessage(error, lang), 2);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new CliError(
        format(t.cliText.folderMissing, { file, folder: path.dirname(path.resolve(file)) }),
        2,
      );
    throw new CliError(format(t.cliText.writeFailed, { file, reason: code ?? (error as Error).message }), 2);
  }
  if (shortened > 0) io.err(format(t.files.shortened, { count: shortened, file }));
}
