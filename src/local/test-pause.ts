// A test-only stop point: VISIT_LEDGER_TEST_PAUSE=mail:N or save makes the process say so on stderr and hang there, so a test can kill it (kill -9) mid-send or mid-write.
import { writeSync } from 'node:fs';

/** The environment variable that names the stop point (unset in real use: then nothing here does anything). */
export const TEST_PAUSE_ENV = 'VISIT_LEDGER_TEST_PAUSE';
/** The line written on stderr when the process stops at the point. */
export const PAUSED_LINE = 'VISIT_LEDGER_PAUSED';

/**
 * Stops here for good when the environment names this point ('save': the temporary file written, not yet
 * renamed; 'mail:N': N mails sent and logged, the next one not yet sent). The process then waits to be killed.
 */
export function testPause(point: string): void {
  const wanted = process.env[TEST_PAUSE_ENV];
  if (wanted === undefined || wanted !== point) return;
  writeSync(2, `${PAUSED_LINE} ${point}\n`);
  // Blocks this thread for ever (no timeout): only a signal ends the process.
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
