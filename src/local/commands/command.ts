// What every command of the command line shares: its input/output, its option table, and one-line failures.
import { promises as fs } from 'node:fs';
import type { ParseArgsConfig } from 'node:util';
import { format, texts, type Lang } from '../../core/i18n/messages';
import { isIsoDate, isIsoMonth } from '../../core/dates';

/** Where a command writes and what time it is (tests replace all three). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  now(): Date;
  /** The environment (LANG picks the language of help); tests may leave it out. */
  env?: Readonly<Record<string, string | undefined>>;
}

export type OptionValues = Record<string, string | boolean | undefined>;

export interface CliCommand {
  /** The command's options for node:util parseArgs (the workbook file is the one positional). */
  options: NonNullable<ParseArgsConfig['options']>;
  run(file: string, values: OptionValues, io: CliIo): Promise<number>;
}

/** A failure told in one line, with the exit code it gives. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    /** Print the usage text after the message. */
    readonly showUsage = false,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The language of messages before the workbook tells its own. */
export const DEFAULT_LANG: Lang = 'zh';

export function usageError(lang: Lang, option: string, hint: string): CliError {
  return new CliError(format(texts(lang).cli.badOption, { option, hint }), 2, true);
}

/** --today, checked; undefined when not given. */
export function todayOption(values: OptionValues, lang: Lang = DEFAULT_LANG): string | undefined {
  const today = values.today;
  if (today === undefined) return undefined;
  if (typeof today !== 'string' || !isIsoDate(today)) {
    const t = texts(lang).cliText;
    // The right form for a day that does not exist (2027-02-30) says so, rather than asking for the form.
    const hint = /^\d{4}-\d{2}-\d{2}$/.test(String(today))
      ? format(t.noSuchDate, { value: String(today) })
      : t.dateHint;
    throw usageError(lang, `--today ${String(today)}`, hint);
  }
  return today;
}

/** --month, checked; undefined when not given. */
export function monthOption(values: OptionValues, lang: Lang = DEFAULT_LANG): string | undefined {
  const month = values.month;
  if (month === undefined) return undefined;
  if (typeof month !== 'string' || !isIsoMonth(month)) {
    const t = texts(lang).cliText;
    const hint = /^\d{4}-\d{2}$/.test(String(month))
      ? format(t.noSuchMonth, { value: String(month) })
      : t.monthHint;
    throw usageError(lang, `--month ${String(month)}`, hint);
  }
  return month;
}

/** Whether something (a file, a folder, a link even to nothing) stands at a path. */
export async function fileExists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}
