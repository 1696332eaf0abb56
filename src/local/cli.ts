// The `visit-ledger` command line: picks the command from a table, parses its options, maps failures to exit codes.
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { format, texts, type Lang, type Messages } from '../core/i18n/messages';
import { CliError, DEFAULT_LANG, type CliCommand, type CliIo } from './commands/command';
import { initCommand } from './commands/init';
import { validateCommand } from './commands/validate';
import { statusCommand } from './commands/status';
import { reportCommand } from './commands/report';
import { remindCommand } from './commands/remind';
import { exportCommand } from './commands/export';
import { eraseCommand } from './commands/erase';
import { summaryCommand } from './commands/summary';
import { newYearCommand } from './commands/new-year';
import { lineWriter } from './closed-stdout';

/** Every command, by name. A new command is one import and one line here. */
const COMMANDS: Record<string, CliCommand> = {
  init: initCommand,
  validate: validateCommand,
  status: statusCommand,
  report: reportCommand,
  remind: remindCommand,
  export: exportCommand,
  erase: eraseCommand,
  summary: summaryCommand,
  'new-year': newYearCommand,
};

export const processIo: CliIo = {
  // Piped into a reader that closes early (`| head`): no EPIPE crash, the command ends with its own code.
  out: lineWriter(process.stdout),
  err: (text) => process.stderr.write(`${text}\n`),
  now: () => new Date(),
  env: process.env,
};

/** The language of help before a workbook is read: the locale's (LC_ALL, LC_MESSAGES, LANG), Chinese by default. */
export function localeLang(env: Readonly<Record<string, string | undefined>> = {}): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(locale) ? 'en' : 'zh';
}

/** One command's line of the usage text ('validate FILE [--today YYYY-MM-DD] [--json]'). */
function commandLine(t: Messages, name: string): string {
  const line = t.cli.usage.split('\n').find((l) => l.trim().startsWith(`${name} `));
  return (line ?? name).trim();
}

const isHelp = (arg: string) => arg === '--help' || arg === '-h';

/** Runs the command line on its arguments (without node and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const t = texts(DEFAULT_LANG);
  const usage = (message: string) => {
    io.err(message);
    io.err(t.cli.usage);
    return 2;
  };
  const [name, ...rest] = argv;
  const help = texts(localeLang(io.env));
  if (name === '--version' || name === '-v' || name === 'version') {
    io.out(version);
    return 0;
  }
  if (name !== undefined && (isHelp(name) || name === 'help')) {
    io.out(help.cli.usage);
    return 0;
  }
  if (name === undefined) return usage(t.cliText.fileRequired);
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) return usage(format(t.cli.unknownCommand, { command: name }));
  if (rest.some(isHelp)) {
    io.out(format(help.cliText.commandUsage, { line: commandLine(help, name) }));
    return 0;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    return usage(optionProblem(error as Error & { code?: string }, rest, t));
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) return usage(t.cliText.fileRequired);
  if (extra.length > 0) return usage(format(t.cliText.extraArgument, { value: extra[0] ?? '' }));
  try {
    return await command.run(file, parsed.values as Record<string, string | boolean | undefined>, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      if (error.showUsage) io.err(t.cli.usage);
      return error.exitCode;
    }
    io.err(String((error as Error).message ?? error).split('\n')[0] ?? '');
    return 2;
  }
}

/** Node's parseArgs errors (English, with advice about '--') in the school's words. */
function optionProblem(error: Error & { code?: string }, args: readonly string[], t: Messages): string {
  const message = error.message.split('\n')[0] ?? '';
  const option = /'(-{1,2}[^'\s]+)/.exec(message)?.[1] ?? args.join(' ');
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return format(t.cliText.unknownOption, { option });
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return format(/does not take/.test(message) ? t.cliText.optionTakesNoValue : t.cliText.optionNeedsValue, {
      option,
    });
  }
  return format(t.cli.badOption, { option, hint: message });
}
