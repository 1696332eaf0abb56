// Starting and stopping the playground: open (or make) the workbook, listen on 127.0.0.1, stop cleanly after the last write.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { hostname } from 'node:os';
import * as path from 'node:path';
import type { Clock } from '../../app/ports';
import { recompute } from '../../app/recompute';
import { WorkbookSession } from '../../app/session';
import { dateInZone } from '../../core/dates';
import { DEFAULT_TIME_ZONE } from '../../core/defaults';
import { format, texts, type Lang } from '../../core/i18n/messages';
import { newWorkbook } from '../commands/init';
import { outboxDirOf } from '../outbox';
import { busyMessage, lockFailedMessage, refusedMessage, workbookFileMessage } from '../file-messages';
import { checkWritable, WriteRefusedError } from '../safe-write';
import { FileSendJournal, journalFileOf, mergeJournal } from '../send-journal';
import { WorkbookBusyError, WorkbookLock } from '../workbook-lock';
import { openXlsx, WorkbookFileError, type XlsxWorkbook } from '../xlsx-workbook';
import { FileStore, localUser, playgroundClock, ProcessLock } from './adapters';
import { FileWriter, type WriterOptions } from './file-writer';
import { listen, playgroundServer, type Pages } from './http';
import type { PlaygroundOptions } from './options';
import { PlaygroundSession } from './session';
import { TrackedWorkbook } from './tracked-workbook';

/** A start that cannot go on: one line for the person, and the exit code. */
export class StartError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export interface RunningPlayground {
  url: string;
  port: number;
  workbook: string;
  /** The workbook was made from the sample school by this start. */
  created: boolean;
  session: PlaygroundSession;
  lang: Lang;
  /** Stops taking requests, writes every change not yet in the file (rejects if that fails), then closes. */
  stop(): Promise<void>;
}

/** The script the file writer's worker thread runs: the built dist-node/start.js (it turns writer there). */
export function writerScript(root: string): string {
  const script = path.join(root, 'dist-node', 'start.js');
  if (!existsSync(script)) throw new Error('dist-node/start.js is not built yet: run npm run build');
  return script;
}

/** The built pages: dist-node/playground.html and dist/sidebar.html under the project root. */
export function builtPages(root: string): Pages {
  const read = (file: string) => () => {
    const full = path.join(root, file);
    if (!existsSync(full)) throw new Error(`${file} is not built yet: run npm run build`);
    return readFileSync(full, 'utf8');
  };
  return { playground: read('dist-node/playground.html'), sidebar: read('dist/sidebar.html') };
}

/** The CLI's one-line reason for a file that is not a workbook (the same words as the command line), in `lang`. */
function fileReason(error: WorkbookFileError, lang: Lang): string {
  return workbookFileMessage(error, lang);
}

/** The command a person typed to hold the workbook, as the lock file names it. */
export const PLAYGROUND_COMMAND = 'npm start';

/**
 * Takes the workbook's lock for the playground's whole run (every other writer, `visit-ledger remind` too,
 * then refuses to write the file), and checks the file may be written; a refusal is a StartError (exit 2).
 */
function holdForRun(file: string, lang: Lang): WorkbookLock {
  const lock = new WorkbookLock(file, PLAYGROUND_COMMAND);
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    lock.take();
  } catch (error) {
    if (error instanceof WorkbookBusyError) throw new StartError(busyMessage(error, lang, hostname()), 2);
    throw new StartError(lockFailedMessage(file, error as NodeJS.ErrnoException, lang), 2);
  }
  try {
    checkWritable(file);
  } catch (error) {
    lock.release();
    if (error instanceof WriteRefusedError) throw new StartError(refusedMessage(error, lang), 2);
    throw error;
  }
  return lock;
}

/**
 * Opens the workbook file; a file that exists but is no workbook, or lacks a required sheet or column,
 * is left alone and stops the start (with the CLI's one-line reason and how to go on).
 */
async function openExisting(file: string, lang: Lang, clock: Clock): Promise<XlsxWorkbook | undefined> {
  let workbook: XlsxWorkbook;
  try {
    workbook = await openXlsx(file);
  } catch (error) {
    if (!(error instanceof WorkbookFileError)) throw error;
    if (error.problem === 'missing') return undefined;
    throw new StartError(
      format(texts(lang).playground.corrupt, { file, reason: fileReason(error, lang) }),
      2,
    );
  }
  // As the CLI: a workbook without a required sheet or column is not counted, and not written to.
  const session = WorkbookSession.open(workbook, clock);
  const problems = session.structuralProblem();
  if (problems !== null) {
    const t = texts(session.lang);
    const reason = format(t.cliText.shapeProblem, { file, problems });
    throw new StartError(format(t.playground.wrongShape, { file, reason }), 2);
  }
  return workbook;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

/** Starts the playground; rejects with a StartError (port in use, unreadable workbook). */
export async function startPlayground(
  options: PlaygroundOptions,
  root: string,
  writerOptions: WriterOptions = {},
): Promise<RunningPlayground> {
  const clock = playgroundClock(options.today);
  // Held before the file is read, so no other process writes it between this read and the playground's saves.
  const lock = holdForRun(options.workbook, options.lang);
  const releaseOnExit = () => lock.release();
  process.once('exit', releaseOnExit);
  const letGo = () => {
    lock.release();
    process.off('exit', releaseOnExit);
  };
  try {
    return await startHolding(options, root, writerOptions, clock, letGo);
  } catch (error) {
    letGo();
    throw error;
  }
}

async function startHolding(
  options: PlaygroundOptions,
  root: string,
  writerOptions: WriterOptions,
  clock: Clock,
  letGo: () => void,
): Promise<RunningPlayground> {
  const existing = await openExisting(options.workbook, options.lang, clock);
  let workbook = existing;
  const created = workbook === undefined;
  // Made in memory first: nothing is written until the port is ours.
  workbook ??= newWorkbook(options.lang, options.today ?? dateInZone(clock.now(), DEFAULT_TIME_ZONE), true);
  // A reminder run that died (here or on the command line) left its journal: its mails are logged first.
  const journal = new FileSendJournal(journalFileOf(options.workbook));
  const merged =
    existing === undefined
      ? 0
      : mergeJournal(workbook, WorkbookSession.open(workbook, clock).campaign, journal);
  const writer = new FileWriter(options.workbook, writerScript(root), writerOptions);
  const reopen = async () => new TrackedWorkbook(await openXlsx(options.workbook));
  const session = new PlaygroundSession(
    new TrackedWorkbook(workbook),
    options.workbook,
    outboxDirOf(options.workbook),
    {
      lock: new ProcessLock(),
      store: new FileStore(options.storeFile),
      user: localUser(options.email),
      clock,
      journal,
    },
    writer,
    reopen,
  );
  const lang = session.lang();
  const server = playgroundServer(session, builtPages(root));
  let port: number;
  try {
    port = await listen(server, options.port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new StartError(
        format(texts(lang).playground.portInUse, { port: options.port, next: options.port + 1 }),
        1,
      );
    }
    throw new StartError(String((error as Error).message), 1);
  }
  if (created) {
    // As after 初始化/修复工作簿 in Sheets: 校验 filled in and 进度 written, by the same use case.
    recompute(WorkbookSession.open(workbook, clock));
    mkdirSync(path.dirname(options.workbook), { recursive: true });
    await workbook.save(options.workbook);
  } else if (merged > 0) {
    await workbook.save(options.workbook);
  }
  journal.remove();
  let stopping: Promise<void> | undefined;
  return {
    url: `http://localhost:${port}`,
    port,
    workbook: options.workbook,
    created,
    session,
    lang,
    stop() {
      stopping ??= (async () => {
        const closed = closeServer(server);
        try {
          await session.close();
        } finally {
          server.closeAllConnections();
          await closed;
          letGo();
        }
      })();
      return stopping;
    },
  };
}
