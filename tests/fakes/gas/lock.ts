// A fake of LockService: one document lock and one script lock shared by every "execution", counted.
import type { CallLog } from './calls';

const TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

/** Who holds one lock: a lock object of this test's code, 'other' (another execution), or nobody. */
export class LockState {
  holder: FakeLock | 'other' | null = null;
  /**
   * Called when a lock finds this one held and is willing to wait (waitLock, or tryLock with a timeout).
   * A test uses it to play the other execution: do its work, then release() so the waiter gets the lock.
   */
  onWait: ((waiter: FakeLock) => void) | undefined;

  /** Simulates a lock held by another execution (a concurrent save, a recompute). */
  holdByOther(): void {
    this.holder = 'other';
  }
  /** The other execution lets go. */
  release(): void {
    this.holder = null;
  }
}

export class FakeLock {
  constructor(
    private readonly calls: CallLog,
    private readonly state: LockState,
  ) {}

  private acquire(wait: boolean): boolean {
    if (this.state.holder === null || this.state.holder === this) {
      this.state.holder = this;
      return true;
    }
    if (wait && this.state.onWait) {
      this.state.onWait(this);
      if (this.state.holder === null) {
        this.state.holder = this;
        return true;
      }
    }
    return false;
  }

  tryLock(timeoutInMillis: number): boolean {
    this.calls.hit('Lock.tryLock');
    return this.acquire(timeoutInMillis > 0);
  }
  waitLock(_timeoutInMillis: number): void {
    this.calls.hit('Lock.waitLock');
    if (!this.acquire(true)) throw new Error(TIMEOUT);
  }
  releaseLock(): void {
    this.calls.hit('Lock.releaseLock');
    if (this.state.holder === this) this.state.holder = null;
  }
  hasLock(): boolean {
    this.calls.hit('Lock.hasLock');
    return this.state.holder === this;
  }
}

export class FakeLockService {
  readonly document = new LockState();
  readonly script = new LockState();

  constructor(private readonly calls: CallLog) {}

  getDocumentLock(): FakeLock {
    this.calls.hit('LockService.getDocumentLock');
    return new FakeLock(this.calls, this.document);
  }
  getScriptLock(): FakeLock {
    this.calls.hit('LockService.getScriptLock');
    return new FakeLock(this.calls, this.script);
  }
  getUserLock(): FakeLock {
    this.calls.hit('LockService.getUserLock');
    return new FakeLock(this.calls, new LockState());
  }
}
