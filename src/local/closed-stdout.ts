// A reader that closes the pipe early (`… | head`): stdout's EPIPE ends the output quietly, the command runs to its end.

/** The part of a stream this needs: Node's process.stdout is one. */
export interface OutputStream {
  write(text: string): unknown;
  on(event: 'error', listener: (error: Error & { code?: string }) => void): unknown;
}

/**
 * A writer of lines to `stream` that stops writing, without a word, once the reader has gone (EPIPE): the
 * command still finishes its work (a workbook being saved is saved) and exits with its own code. Any other
 * error of the stream is thrown as before.
 */
export function lineWriter(stream: OutputStream): (text: string) => void {
  let closed = false;
  let watching = false;
  return (text) => {
    if (!watching) {
      watching = true;
      stream.on('error', (error) => {
        if (error.code !== 'EPIPE') throw error;
        closed = true;
      });
    }
    if (!closed) stream.write(`${text}\n`);
  };
}
