// A fake google.script.run for sidebar tests: records each call (as JSON) and answers asynchronously with a handler.
import type { ServerApi, ServerFunction } from '../../src/contract/server-api';
import { SERVER_FUNCTIONS } from '../../src/contract/server-api';
import type { ScriptRunner } from '../../src/client/server';

export type Handlers = {
  [K in ServerFunction]?: (...args: Parameters<ServerApi[K]>) => ReturnType<ServerApi[K]>;
};

export interface FakeRun {
  runner: ScriptRunner;
  calls: { name: ServerFunction; args: unknown[] }[];
  handlers: Handlers;
}

/** Like the real one, arguments and results cross as JSON (a Date would not survive) and answers come later. */
export function fakeScriptRun(handlers: Handlers): FakeRun {
  const calls: FakeRun['calls'] = [];
  const make = (ok?: (value: unknown) => void, fail?: (error: unknown) => void): ScriptRunner => {
    const runner: Record<string, unknown> = {
      withSuccessHandler: (fn: (value: unknown) => void) => make(fn, fail),
      withFailureHandler: (fn: (error: unknown) => void) => make(ok, fn),
    };
    for (const name of SERVER_FUNCTIONS)
      runner[name] = (...args: unknown[]) => {
        const sent = JSON.parse(JSON.stringify(args)) as unknown[];
        calls.push({ name, args: sent });
        setTimeout(() => {
          const handler = fake.handlers[name] as ((...a: unknown[]) => unknown) | undefined;
          try {
            if (!handler) throw new Error(`no fake for ${name}`);
            ok?.(JSON.parse(JSON.stringify(handler(...sent))));
          } catch (error) {
            fail?.(error);
          }
        }, 0);
      };
    return runner as unknown as ScriptRunner;
  };
  const fake: FakeRun = { runner: make(), calls, handlers };
  return fake;
}

/** Lets pending fake answers and the page's promise chains run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
