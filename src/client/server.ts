// A typed, promise-returning wrapper over google.script.run for the functions of ServerApi.
import { SERVER_FUNCTIONS, type ServerApi, type ServerFunction } from '../contract/server-api';

/** The part of google.script.run the wrapper uses (the real one, or a fake in tests and the playground). */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
}

/** ServerApi as the browser sees it: the same names and arguments, results as promises. */
export type Server = {
  readonly [K in ServerFunction]: (...args: Parameters<ServerApi[K]>) => Promise<ReturnType<ServerApi[K]>>;
};

/** google.script.run of the page, when the page runs inside Apps Script (or a playground that provides it). */
export function pageScriptRunner(): ScriptRunner | undefined {
  const g = (globalThis as { google?: { script?: { run?: ScriptRunner } } }).google;
  return g?.script?.run;
}

/** The message of whatever a failure handler received. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}

/** Wraps a runner: each call is one round trip, resolved with the server's result or rejected with its error. */
export function connectServer(runner: ScriptRunner): Server {
  const call =
    (name: ServerFunction) =>
    (...args: unknown[]): Promise<unknown> =>
      new Promise((resolve, reject) => {
        const run = runner
          .withSuccessHandler(resolve)
          .withFailureHandler((error) =>
            reject(error instanceof Error ? error : new Error(errorMessage(error))),
          );
        const fn = (run as unknown as Record<string, unknown>)[name];
        if (typeof fn !== 'function') {
          reject(new Error(`google.script.run has no function ${name}`));
          return;
        }
        (fn as (...a: unknown[]) => void).apply(run, args);
      });
  const server: Record<string, unknown> = {};
  for (const name of SERVER_FUNCTIONS) server[name] = call(name);
  return server as Server;
}
