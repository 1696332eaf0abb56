// scripts/check-deploy.mjs (npm run check:deploy): passes on the built dist/, and names each problem of a broken copy.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const dist = join(root, 'dist');
const SCOPE = 'https://www.googleapis.com/auth/';
let dir: string;

function check(target: string, ...extra: string[]): { status: number | null; out: string; err: string } {
  const run = spawnSync(
    process.execPath,
    [join(root, 'scripts', 'check-deploy.mjs'), '--no-build', '--dist', target, ...extra],
    { encoding: 'utf8' },
  );
  return { status: run.status, out: run.stdout, err: run.stderr };
}

/** A copy of the built dist/ to break. */
function copy(name: string): string {
  const target = join(dir, name);
  cpSync(dist, target, { recursive: true });
  return target;
}

beforeAll(() => {
  readFileSync(join(dist, 'Code.js')); // `npm test` builds first
  dir = mkdtempSync(join(tmpdir(), 'visit-ledger-check-deploy-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('passes on the built dist/', () => {
  const { status, out, err } = check(copy('good'));
  expect({ status, err }).toEqual({ status: 0, err: '' });
  expect(out).toMatch(/ready for clasp push/);
});

it('names each problem of a broken manifest', () => {
  const target = copy('manifest');
  const file = join(target, 'appsscript.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.oauthScopes = manifest.oauthScopes
    .filter((s: string) => !s.endsWith('/script.send_mail'))
    .concat(`${SCOPE}drive`);
  manifest.runtimeVersion = 'DEPRECATED_ES5';
  manifest.timezone = 'Asia/Shanghai';
  writeFileSync(file, JSON.stringify(manifest));
  const { status, err } = check(target);
  expect(status).toBe(1);
  expect(err).toMatch(
    /uses MailApp but oauthScopes lacks https:\/\/www\.googleapis\.com\/auth\/script\.send_mail/,
  );
  expect(err).toMatch(
    /scope https:\/\/www\.googleapis\.com\/auth\/drive is asked for but nothing in Code\.js uses it/,
  );
  expect(err).toMatch(/runtimeVersion must be "V8"/);
  expect(err).toMatch(/unknown key "timezone"/);
  expect(err).toMatch(/4 problem\(s\)/);
});

it('names a missing handler, syntax newer than ES2019, a missing page and the size budget', () => {
  const target = copy('code');
  const file = join(target, 'Code.js');
  const code = readFileSync(file, 'utf8')
    .replace(/^function runDaily\(/m, 'function runDailyGone(')
    .replace(/^function menuSetUp\(/m, 'var menuSetUp = function (');
  writeFileSync(
    file,
    `${code}\nclass Later {\n  static defaults = {};\n}\nvar maybe = Later.defaults?.hour;\n`,
  );
  unlinkSync(join(target, 'sidebar.html'));
  const { status, err } = check(target, '--max-kb', '100');
  expect(status).toBe(1);
  expect(err).toMatch(/runDaily \(daily trigger, .*DAILY_HANDLER\) is not a top-level function/);
  expect(err).toMatch(/menuSetUp \(menu item\) is not a top-level function/);
  expect(err).toMatch(/line \d+: class static field \(ES2022; Apps Script rejects it at push\)/);
  expect(err).toMatch(/line \d+: optional chaining \?\. \(ES2020\)/);
  expect(err).toMatch(/dist\/sidebar\.html is missing/);
  expect(err).toMatch(/Code\.js is [\d.]+ kB, over the budget of 100 kB/);
});

it('stops with exit code 2 when there is no built Code.js', () => {
  const { status, err } = check(join(dir, 'nothing-here'));
  expect(status).toBe(2);
  expect(err).toMatch(/Code\.js is missing: run `npm run build`/);
});
