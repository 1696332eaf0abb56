// The playground's command-line options: --workbook FILE, --today YYYY-MM-DD, --lang zh|en, --help; PORT from the environment.
import * as path from 'node:path';
import { isIsoDate } from '../../core/dates';
import type { Lang } from '../../core/i18n/messages';

export const DEFAULT_PORT = 8080;
/** Where the playground keeps its own files when no workbook is named. */
export const LOCAL_DIR = '.local';

export interface PlaygroundOptions {
  /** The .xlsx workbook (created from the sample school when missing). */
  workbook: string;
  /** The remembered person and other per-user values (a JSON file). */
  storeFile: string;
  /** 0 picks a free port. */
  port: number;
  /** A fixed school day (tests, demos); default: the real date in the school's time zone. */
  today?: string;
  /** Language of a workbook made from the sample school. */
  lang: Lang;
  /** The signed-in email the sidebar is told of ('' like a consumer account). */
  email: string;
}

export class OptionError extends Error {
  constructor(
    readonly option: string,
    readonly hint: string,
  ) {
    super(`${option}: ${hint}`);
  }
}

/** Whether the arguments ask for the usage (--help or -h anywhere, as the command line reads them). */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.some((arg) => arg === '--help' || arg === '-h');
}

/** The language of the usage: --lang when given (zh|en), else the locale's (LC_ALL, LC_MESSAGES, LANG), Chinese by default. */
export function helpLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = arg.startsWith('--lang=')
      ? arg.slice('--lang='.length)
      : arg === '--lang'
        ? argv[i + 1]
        : undefined;
    if (value === 'zh' || value === 'en') return value;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(locale) ? 'en' : 'zh';
}

/** Reads argv (after `npm start --`) and the environment; relative paths are taken from `cwd`. */
export function parseOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): PlaygroundOptions {
  const options: PlaygroundOptions = {
    workbook: path.resolve(cwd, LOCAL_DIR, 'workbook.xlsx'),
    storeFile: path.resolve(cwd, LOCAL_DIR, 'playground-store.json'),
    port: DEFAULT_PORT,
    lang: 'zh',
    email: env.VISIT_LEDGER_EMAIL ?? '',
  };
  if (env.PORT !== undefined && env.PORT !== '') {
    const port = Number(env.PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new OptionError('PORT', '0–65535');
    options.port = port;
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new OptionError(name ?? arg, 'needs a value');
      return v;
    };
    switch (name) {
      case '--workbook':
        options.workbook = path.resolve(cwd, value());
        break;
      case '--today': {
        const day = value();
        if (!isIsoDate(day)) throw new OptionError('--today', 'YYYY-MM-DD');
        options.today = day;
        break;
      }
      case '--lang': {
        const lang = value();
        if (lang !== 'zh' && lang !== 'en') throw new OptionError('--lang', 'zh | en');
        options.lang = lang;
        break;
      }
      default:
        throw new OptionError(arg, '--workbook FILE.xlsx | --today YYYY-MM-DD | --lang zh|en');
    }
  }
  return options;
}
