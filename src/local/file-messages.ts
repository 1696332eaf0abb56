// The school's words for what went wrong with a workbook file: shared by the command line and the playground, so both say the same.
import * as path from 'node:path';
import { format, texts, type Lang } from '../core/i18n/messages';
import { otherKindOf } from './file-kind';
import { MAX_PART_BYTES } from './file-kind';
import type { WriteRefusedError } from './safe-write';
import { type WorkbookBusyError } from './workbook-lock';
import type { WorkbookFileError } from './xlsx-workbook';

const MB = 1024 * 1024;

/** One line saying why a workbook file cannot be opened, and what to do. */
export function workbookFileMessage(error: WorkbookFileError, lang: Lang): string {
  const t = texts(lang);
  const file = error.file;
  switch (error.problem) {
    case 'missing':
      return format(t.cli.fileMissing, { file });
    case 'unreadable':
      return format(t.files.unreadable, { file, reason: error.message.replace(/^.*: /, '') });
    case 'folder':
      return format(t.files.folder, { file });
    case 'encrypted':
      return format(t.files.encrypted, { file });
    case 'tooLarge':
      return format(t.files.tooLarge, {
        file,
        part: error.part?.name ?? '',
        size: Math.round((error.part?.size ?? 0) / MB),
        limit: Math.round(MAX_PART_BYTES / MB),
      });
    default: {
      const kind = error.problem === 'ods' ? 'ods' : otherKindOf(file);
      if (kind !== undefined) return format(t.cliText.otherKind, { file, kind: t.cliText.kinds[kind] });
      return format(error.problem === 'empty' ? t.cli.emptyWorkbook : t.cli.notXlsx, { file });
    }
  }
}

/** A time as the person's computer shows it: YYYY-MM-DD HH:mm. */
function localTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '?';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** Who holds the workbook, and what to do ("由 npm start（进程 1234，始于 …）占用"). */
export function busyMessage(error: WorkbookBusyError, lang: Lang, thisHost: string): string {
  const t = texts(lang).files;
  const holder = error.holder;
  const lock = error.lockFile;
  if (holder === undefined) return format(t.busyUnknown, { file: error.file, lock });
  const params = {
    file: error.file,
    lock,
    command: holder.command || t.otherProgram,
    pid: holder.pid,
    host: holder.host,
    since: localTime(holder.since),
  };
  return format(holder.host !== '' && holder.host !== thisHost ? t.busyElsewhere : t.busy, params);
}

/** Why a file was not written (read-only, macros, not a file). */
export function refusedMessage(error: WriteRefusedError, lang: Lang): string {
  return format(texts(lang).files[error.reason], { file: error.file });
}

/** The lock file could not be made (its folder missing or not writable). */
export function lockFailedMessage(file: string, error: NodeJS.ErrnoException, lang: Lang): string {
  return format(texts(lang).files.lockFailed, {
    folder: path.dirname(path.resolve(file)),
    reason: error.code ?? error.message,
  });
}
