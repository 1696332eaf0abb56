// google.script.run for the sidebar iframe: each server function is one POST, answered by the same server functions.
import type { BookPatch } from '../../contract/playground-protocol';
import { SERVER_FUNCTIONS, type ServerFunction } from '../../contract/server-api';
import type { ScriptRunner } from '../server';
import { api } from './api';

type Handler = (value: unknown) => void;

/** A runner as Apps Script hands one out: with…Handler returns a new runner, each function name sends one call. */
export interface ShimRunner extends ScriptRunner {
  withSuccessHandler(handler: Handler): ShimRunner;
  withFailureHandler(handler: Handler): ShimRunner;
  withUserObject(object: unknown): ShimRunner;
}

/**
 * Builds google.script.run. Results are JSON (as Apps Script's are); a server error reaches the failure
 * handler as an Error with the server's message. `after` is told of every finished call, with what it changed in the book (the page draws it).
 */
export function scriptRun(after: (name: ServerFunction, patch: BookPatch | undefined) => void): ShimRunner {
  const make = (
    success?: (v: unknown, u: unknown) => void,
    failure?: (e: unknown, u: unknown) => void,
    user?: unknown,
  ) => {
    const runner: Record<string, unknown> = {
      withSuccessHandler: (handler: (v: unknown, u: unknown) => void) => make(handler, failure, user),
      withFailureHandler: (handler: (e: unknown, u: unknown) => void) => make(success, handler, user),
      withUserObject: (object: unknown) => make(success, failure, object),
    };
    for (const name of SERVER_FUNCTIONS) {
      runner[name] = (...args: unknown[]) => {
        // Arguments cross as JSON, as with Apps Script (a Date would not survive there either).
        const sent = JSON.parse(JSON.stringify(args ?? [])) as unknown[];
        api.run(name, sent).then(
          (result) => {
            if (result.ok) success?.(result.value, user);
            else failure?.(new Error(result.error), user);
            after(name, result.patch);
          },
          (error: unknown) => failure?.(error instanceof Error ? error : new Error(String(error)), user),
        );
      };
    }
    return runner as unknown as ShimRunner;
  };
  return make();
}
