// One-at-a-time execution of the playground's workbook tasks (change, then save), and waiting for the last one.
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  /** Runs task after every task queued before it has finished (whether it succeeded or failed). */
  run<T>(task: () => Promise<T> | T): Promise<T> {
    this.pending++;
    const result = this.tail.then(task);
    this.tail = result.then(
      () => this.pending--,
      () => this.pending--,
    );
    return result;
  }

  /** Tasks queued or running. */
  get busy(): number {
    return this.pending;
  }

  /** Resolves once every task queued so far has finished. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
