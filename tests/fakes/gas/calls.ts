// The call log every fake Apps Script service writes to: one count per method name ("Range.getValues").

export class CallLog {
  private readonly counts = new Map<string, number>();
  private locked = 0;
  /** Whether this test's code holds the document (or script) lock now; set by the LockService fake. */
  lockHeld: () => boolean = () => false;

  /** Records one call of a service method (and whether it was made holding the lock). */
  hit(method: string): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    if (this.lockHeld()) this.locked++;
  }

  /** Calls made while the lock was held (other executions wait for these), since the last reset. */
  underLock(): number {
    return this.locked;
  }

  /** Calls of one method, e.g. count('Range.setValues'). */
  count(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  /** Every call of every method since the last reset. */
  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  /** The counts by method name, sorted, for a readable failure message. */
  byMethod(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
    this.locked = 0;
  }
}
