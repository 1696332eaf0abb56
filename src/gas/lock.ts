// The Lock port over LockService's document lock: wait a bounded time, always release.
import type { Lock } from '../app/ports';

/** Thrown when another execution (a save, a recompute) held the lock for longer than the wait. */
export class LockBusyError extends Error {
  constructor(cause: unknown) {
    super(`The document is busy: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'LockBusyError';
  }
}

export class GasLock implements Lock {
  /** @param waitMillis how long to wait for another execution to finish (simple triggers have 30 s in all). */
  constructor(private readonly waitMillis = 10_000) {}

  withLock<T>(fn: () => T): T {
    const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
    try {
      lock.waitLock(this.waitMillis);
    } catch (error) {
      throw new LockBusyError(error);
    }
    try {
      return fn();
    } finally {
      lock.releaseLock();
    }
  }
}
