// `npm start`: the local playground on http://localhost:8080 (PORT overrides), backed by .local/workbook.xlsx or --workbook.
import * as path from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';
import { format, texts, type Lang } from '../core/i18n/messages';
import { runFileWriter, WRITER_ROLE } from './playground/file-writer';
import { helpLang, OptionError, parseOptions, wantsHelp } from './playground/options';
import { StartError, startPlayground, type RunningPlayground } from './playground/run';

export interface StartIo {
  out(line: string): void;
  err(line: string): void;
}

const processIo: StartIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** The project root: dist-node/start.js lives one folder below it. */
function projectRoot(): string {
  return path.resolve(__dirname, '..');
}

/**
 * Starts the playground; resolves to the running one, or to the exit code of a start that failed, or 0 after
 * printing the usage (--help, -h).
 */
export async function start(
  argv: readonly string[],
  io: StartIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
  root: string = projectRoot(),
): Promise<RunningPlayground | number> {
  if (wantsHelp(argv)) {
    io.out(texts(helpLang(argv, env)).fixOwner.playgroundHelp);
    return 0;
  }
  let lang: Lang = 'zh';
  try {
    const options = parseOptions(argv, env, cwd);
    lang = options.lang;
    const running = await startPlayground(options, root);
    const t = texts(running.lang).playground;
    io.out(format(t.listening, { url: running.url }));
    io.out(format(running.created ? t.createdWorkbook : t.usingWorkbook, { file: running.workbook }));
    io.out(t.stopHint);
    return running;
  } catch (error) {
    const t = texts(lang).playground;
    if (error instanceof OptionError) {
      io.err(format(t.badOption, { option: error.option, hint: error.hint }));
      io.err(t.usage);
      return 2;
    }
    if (error instanceof StartError) {
      io.err(error.message);
      return error.exitCode;
    }
    io.err(String((error as Error).message ?? error).split('\n')[0] ?? '');
    return 1;
  }
}

/** Ctrl-C (SIGINT) or SIGTERM: stop taking requests, write every change not yet in the file, exit 0 (1 if that write fails). */
function stopOnSignals(running: RunningPlayground, io: StartIo): void {
  const t = texts(running.lang).playground;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    io.out(t.stopping);
    running.stop().then(
      () => {
        io.out(t.stopped);
        process.exit(0);
      },
      (error: unknown) => {
        io.err(String((error as Error).message ?? error));
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (!isMainThread && (workerData as { role?: unknown } | null)?.role === WRITER_ROLE) {
  // The playground's file writer (src/local/playground/file-writer.ts) runs in a worker thread of this script.
  runFileWriter();
} else if (typeof require !== 'undefined' && require.main === module) {
  void start(process.argv.slice(2)).then((result) => {
    if (typeof result === 'number') process.exit(result);
    stopOnSignals(result, processIo);
  });
}
