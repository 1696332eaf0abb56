// Writing the playground's .xlsx in the background: a worker thread keeps its own copy of the workbook, repeats each change, and writes the file after a quiet spell.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { FileState } from '../../contract/playground-protocol';
import { openXlsx, type XlsxWorkbook } from '../xlsx-workbook';
import { applyOp, type WorkbookOp } from './tracked-workbook';

/** The workerData that makes the playground's script (dist-node/start.js) the file writer. */
export const WRITER_ROLE = 'visit-ledger-xlsx-writer';

type ToWriter = { type: 'ops'; ops: WorkbookOp[] } | { type: 'write'; seq: number };
type FromWriter =
  | { type: 'written'; seq: number }
  | { type: 'failed'; seq: number; error: string }
  | { type: 'openFailed'; error: string };

export interface WriterOptions {
  /** Quiet time after the last change before the file is written. */
  quietMs?: number;
  /** A file is written at the latest this long after its first unsaved change, even while changes go on. */
  maxDelayMs?: number;
  /** First wait before a failed write is tried again (doubled each time, up to 30 s). */
  retryMs?: number;
  /** Told of every change of state (the status line shows a failure). */
  onState?(state: FileState, error?: string): void;
}

interface Batch {
  seq: number;
  ops: WorkbookOp[];
}

/**
 * The writer seen from the server. The workbook in memory is the truth; each change's writes are sent to the
 * worker as they are made, and after `quietMs` without change the worker writes its copy to the file (temp file
 * and rename: whole or not at all). One write at a time. A failed write is reported and tried again; a worker
 * that dies is started again from the file with every change not yet written. flush() writes now and waits.
 */
export class FileWriter {
  private worker: Worker | undefined;
  private seq = 0;
  /** Changes sent since the last write that succeeded (resent to a new worker). */
  private unsaved: Batch[] = [];
  private timer: NodeJS.Timeout | undefined;
  private firstUnsaved: number | undefined;
  private writing: { seq: number; done: Promise<void>; settle(error?: string): void } | undefined;
  private failure: string | undefined;
  private retryMs: number;
  private closed = false;
  private readonly quietMs: number;
  private readonly maxDelayMs: number;

  constructor(
    readonly file: string,
    private readonly script: string,
    private readonly options: WriterOptions = {},
  ) {
    this.quietMs = options.quietMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 10_000;
    this.retryMs = options.retryMs ?? 2000;
  }

  /** Saved, waiting to be written, or failed (and why). */
  state(): FileState {
    if (this.failure !== undefined) return { state: 'failed', message: this.failure };
    return this.unsaved.length > 0 ? { state: 'pending' } : { state: 'saved' };
  }

  /** Takes one change's writes: sent to the worker now, written to the file after the quiet spell. */
  push(ops: WorkbookOp[]): void {
    if (ops.length === 0) return;
    if (this.closed) throw new Error('The file writer is closed');
    this.unsaved.push({ seq: ++this.seq, ops });
    this.firstUnsaved ??= Date.now();
    this.post({ type: 'ops', ops });
    this.options.onState?.(this.state());
    // While a write is failing, the retry's wait stands; otherwise the quiet spell starts again.
    if (this.failure === undefined) this.schedule(this.quietMs);
    else if (this.timer === undefined && !this.writing) this.retryLater();
  }

  /** Writes every change now (after the write in progress) and resolves once the file holds them; rejects if that write fails. */
  async flush(): Promise<void> {
    this.cancelTimer();
    for (;;) {
      if (this.writing) {
        await this.writing.done.catch(() => undefined);
        continue;
      }
      if (this.unsaved.length === 0) return;
      const error = await this.write();
      if (error !== undefined) throw new Error(error);
    }
  }

  /** Flushes, then stops the worker; rejects (the worker stopped all the same) when the last write failed. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      this.closed = true;
      this.cancelTimer();
      const worker = this.worker;
      this.worker = undefined;
      await worker?.terminate();
    }
  }

  /** The next write in `delay` ms; a quiet spell is cut short at maxDelayMs after the first unsaved change (a retry is not). */
  private schedule(delay: number, retry = false): void {
    this.cancelTimer();
    if (this.closed) return;
    const latest = (this.firstUnsaved ?? Date.now()) + this.maxDelayMs - Date.now();
    const wait = retry ? delay : Math.max(0, Math.min(delay, latest));
    this.timer = setTimeout(() => void this.tick(), wait);
    this.timer.unref?.();
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The timer's write: one at a time; changes made meanwhile get the next write. */
  private async tick(): Promise<void> {
    this.timer = undefined;
    if (this.writing || this.unsaved.length === 0) return;
    const error = await this.write();
    if (error === undefined && this.unsaved.length > 0) this.schedule(this.quietMs);
  }

  /**
   * Asks the worker to write everything sent so far; resolves to the error, or undefined once written. A
   * failed write (whoever asked for it) is tried again later, waiting longer each time.
   */
  private write(): Promise<string | undefined> {
    const seq = this.seq;
    let settle!: (error?: string) => void;
    const done = new Promise<void>((resolve, reject) => {
      settle = (error) => (error === undefined ? resolve() : reject(new Error(error)));
    });
    this.writing = { seq, done, settle };
    this.post({ type: 'write', seq });
    return done.then(
      () => undefined,
      (error: Error) => {
        this.retryLater();
        return error.message;
      },
    );
  }

  private retryLater(): void {
    if (this.closed || this.unsaved.length === 0) return;
    this.schedule(this.retryMs, true);
    this.retryMs = Math.min(this.retryMs * 2, 30_000);
  }

  /** Sends to the worker; a new worker (the first, or after one was lost) is first sent every unsaved change. */
  private post(message: ToWriter): void {
    if (!this.worker) {
      this.worker = this.spawn();
      if (message.type === 'ops') return;
    }
    this.worker.postMessage(message);
  }

  /** A worker that opens the file (every write before is in it) and is sent every change since. */
  private spawn(): Worker {
    const worker = new Worker(this.script, { workerData: { role: WRITER_ROLE, file: this.file } });
    worker.unref();
    worker.on('message', (message: FromWriter) => {
      if (this.worker === worker) this.onMessage(message);
    });
    worker.on('error', (error) => this.lost(worker, error.message));
    worker.on('exit', (code) => this.lost(worker, `the file writer stopped (exit code ${code})`));
    for (const batch of this.unsaved) worker.postMessage({ type: 'ops', ops: batch.ops } satisfies ToWriter);
    return worker;
  }

  /** The worker died or cannot open the file: the write in flight fails, and the next try starts a new one. */
  private lost(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    void worker.terminate();
    this.failed(reason);
    const writing = this.writing;
    this.writing = undefined;
    writing?.settle(reason);
    if (!writing) this.retryLater();
  }

  private onMessage(message: FromWriter): void {
    if (message.type === 'openFailed') {
      if (this.worker) this.lost(this.worker, message.error);
      return;
    }
    const writing = this.writing;
    if (message.type === 'written') {
      this.unsaved = this.unsaved.filter((b) => b.seq > message.seq);
      this.firstUnsaved = this.unsaved.length > 0 ? Date.now() : undefined;
      this.failure = undefined;
      this.retryMs = this.options.retryMs ?? 2000;
      this.options.onState?.(this.state());
    } else this.failed(message.error);
    if (writing && writing.seq === message.seq) {
      this.writing = undefined;
      writing.settle(message.type === 'failed' ? message.error : undefined);
    }
  }

  private failed(error: string): void {
    this.failure = error;
    this.options.onState?.(this.state(), error);
  }
}

/**
 * The worker's side (dist-node/start.js started with workerData.role = WRITER_ROLE): opens the file, then
 * repeats each change and writes the file when asked, one message after the other.
 */
export function runFileWriter(): void {
  const port = parentPort;
  const { file } = workerData as { file: string };
  if (!port) return;
  let chain: Promise<XlsxWorkbook | undefined> = openXlsx(file).catch((error: unknown) => {
    const reason = String((error as Error).message ?? error);
    port.postMessage({ type: 'openFailed', error: reason } satisfies FromWriter);
    return undefined;
  });
  port.on('message', (message: ToWriter) => {
    chain = chain.then(async (wb) => {
      if (message.type === 'ops') {
        if (wb) for (const op of message.ops) applyOp(wb, op);
        return wb;
      }
      try {
        if (!wb) throw new Error(`${file} could not be opened for writing`);
        await wb.save(file);
        port.postMessage({ type: 'written', seq: message.seq } satisfies FromWriter);
      } catch (error) {
        const reason = String((error as Error).message ?? error);
        port.postMessage({ type: 'failed', seq: message.seq, error: reason } satisfies FromWriter);
      }
      return wb;
    });
  });
}
