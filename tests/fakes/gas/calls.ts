// The call log every fake Apps Script service writes to: one count per method name ("Range.getValues").

export class CallLog {
  private readonly counts = new Map<string, number>();

  /** Records one call of a service method. */
  hit(method: string): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
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
  }
}
