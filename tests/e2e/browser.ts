// Launches Chromium through playwright-core for the end-to-end tests (fresh profile, no sandbox, no GPU).
//
// Which Chromium, in this order:
//   1. CHROMIUM_PATH, when set: that executable.
//   2. Debian's /usr/bin/chromium, when present (and VISIT_LEDGER_CHROMIUM is not `packaged`).
//   3. The Chromium inside the npm package @sparticuz/chromium (a devDependency), so `npm install && npm test`
//      passes on a machine without a system Chromium. VISIT_LEDGER_CHROMIUM=packaged picks it even where
//      /usr/bin/chromium exists (.ci/run runs the browser suites once that way).
// The first launch in a process prints which one runs (stderr), e.g. `e2e: Chromium from the npm package …`.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type BrowserContext } from 'playwright-core';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';
/** Kept for callers that name the system path; the launcher itself decides with chromiumChoice(). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? SYSTEM_CHROMIUM;

export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | 'packaged';

/** Where the Chromium comes from. `path` is absent for the packaged one (it is unpacked on first use). */
export interface ChromiumChoice {
  source: ChromiumSource;
  path?: string;
}

/** The order above, as a pure function of the environment and the file system. */
export function chromiumChoice(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): ChromiumChoice {
  if (env.CHROMIUM_PATH) return { source: 'CHROMIUM_PATH', path: env.CHROMIUM_PATH };
  const wanted = env.VISIT_LEDGER_CHROMIUM;
  if (wanted && wanted !== 'packaged' && wanted !== 'system') {
    throw new Error(`VISIT_LEDGER_CHROMIUM must be "packaged" or "system", not "${wanted}"`);
  }
  if (wanted === 'system' || (wanted !== 'packaged' && exists(SYSTEM_CHROMIUM))) {
    return { source: 'system', path: SYSTEM_CHROMIUM };
  }
  return { source: 'packaged' };
}

/**
 * @sparticuz/chromium's flags, minus those that clash with playwright or change what the tests see:
 * --single-process (a persistent context with several pages crashes), --headless='shell' (playwright passes
 * --headless itself), --disable-web-security and --allow-running-insecure-content (the pages must meet the
 * same rules as in a real browser), --disable-print-preview and --font-render-hinting=none (printing and text
 * metrics as in the system Chromium).
 */
const DROPPED_FLAGS = [
  /^--single-process$/,
  /^--headless\b/,
  /^--disable-web-security$/,
  /^--allow-running-insecure-content$/,
  /^--disable-print-preview$/,
  /^--font-render-hinting=/,
];

export function packagedFlags(args: readonly string[]): string[] {
  return args.filter((arg) => !DROPPED_FLAGS.some((re) => re.test(arg)));
}

interface Packaged {
  executable: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  version: string;
}

let packaged: Promise<Packaged> | undefined;

/**
 * Unpacks the packaged Chromium once per version into <tmp>/visit-ledger-packaged-chromium-<version>/ and returns how
 * to launch it. @sparticuz/chromium unpacks into os.tmpdir() (its /tmp/chromium is shared by every project and
 * version, and a second process may find it half written), so a child process unpacks it with TMPDIR set to a
 * private staging folder that is then renamed into place: a folder that exists is complete.
 */
function packagedChromium(): Promise<Packaged> {
  packaged ??= (async () => {
    const main = require.resolve('@sparticuz/chromium');
    const pkg = JSON.parse(readFileSync(join(dirname(main), '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    const home = join(tmpdir(), `visit-ledger-packaged-chromium-${pkg.version}`);
    if (!existsSync(join(home, 'chromium'))) {
      mkdirSync(tmpdir(), { recursive: true });
      const staging = mkdtempSync(`${home}.partial-`);
      // With a Lambda Node 20 environment the package also unpacks al2023/lib (NSS, NSPR, expat): the shared
      // libraries a machine without any Chromium may lack. They are used only when the system lacks them.
      const script =
        `const C = require(${JSON.stringify(main)}); const c = C.default ?? C;` +
        `c.executablePath().then((p) => process.stdout.write(p));`;
      try {
        await promisify(execFile)(process.execPath, ['-e', script], {
          env: { ...process.env, TMPDIR: staging, AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x' },
        });
        renameSync(staging, home);
      } catch (error) {
        rmSync(staging, { recursive: true, force: true });
        // Another process renamed its copy first: use that one.
        if (!existsSync(join(home, 'chromium'))) throw error;
      }
    }
    const executable = join(home, 'chromium');
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (missingLibraries(executable)) {
      const lib = join(home, 'al2023', 'lib');
      env.LD_LIBRARY_PATH = [lib, env.LD_LIBRARY_PATH].filter(Boolean).join(':');
    }
    const Chromium = (await import('@sparticuz/chromium')).default;
    return { executable, args: packagedFlags(Chromium.args), env, version: pkg.version };
  })();
  packaged.catch(() => (packaged = undefined));
  return packaged;
}

/** Whether the dynamic loader misses a shared library of the executable (or cannot tell). */
function missingLibraries(executable: string): boolean {
  try {
    return /not found/.test(execFileSync('ldd', [executable], { encoding: 'utf8' }));
  } catch {
    return true;
  }
}

export interface Browser {
  context: BrowserContext;
  /** Which Chromium runs, and its executable. */
  chromium: { source: ChromiumSource; executable: string };
  close(): Promise<void>;
}

const BASE_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];
let announced = false;

/**
 * A persistent context over a fresh, throw-away profile. Fails (never skips) when the Chromium asked for is
 * missing. `executable` overrides the choice (tests).
 */
export async function launchChromium(
  viewport = { width: 1280, height: 800 },
  executable?: string,
): Promise<Browser> {
  const choice: ChromiumChoice = executable
    ? { source: 'CHROMIUM_PATH', path: executable }
    : chromiumChoice();
  let path: string;
  let args = BASE_FLAGS;
  let env: NodeJS.ProcessEnv | undefined;
  let label: string;
  if (choice.path !== undefined) {
    path = choice.path;
    if (!existsSync(path)) {
      throw new Error(
        `Chromium is missing at ${path}: the end-to-end tests need it. Unset CHROMIUM_PATH (or ` +
          'VISIT_LEDGER_CHROMIUM=system) to use the Chromium of the npm package @sparticuz/chromium, or ' +
          'install one: .ci/run installs it (apt-get install chromium fonts-noto-cjk).',
      );
    }
    label = choice.source === 'system' ? `Debian's Chromium, ${path}` : `CHROMIUM_PATH=${path}`;
  } else {
    const p = await packagedChromium();
    path = p.executable;
    args = [...new Set([...p.args, ...BASE_FLAGS])];
    env = p.env;
    label = `Chromium from the npm package @sparticuz/chromium ${p.version}, ${path}`;
  }
  if (!announced) {
    announced = true;
    process.stderr.write(`e2e: ${label}\n`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'visit-ledger-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: path,
    headless: true,
    viewport,
    locale: 'zh-CN',
    // The profile directory is Chromium's --user-data-dir (playwright passes it itself).
    args,
    ...(env ? { env } : {}),
  });
  return {
    context,
    chromium: { source: choice.source, executable: path },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
