// The command installed once, as a school office would: `npm pack`, `npm install -g` of the tarball, then
// `visit-ledger` from the office's own folder, its files landing there (not in the clone).
// Dependencies come from npm's cache when they are there (--prefer-offline), else from the registry.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const INSTALL_TIMEOUT = 240_000;
let dir: string;
let command: string;
let office: string;

/** npm's own lifecycle settings (npm test sets npm_config_*) must not leak into the install under test. */
function cleanEnv(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);
  return Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || keep.has(k.toLowerCase())),
  );
}

function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync('npm', args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout: INSTALL_TIMEOUT });
}

function run(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd: office, env: cleanEnv(), encoding: 'utf8', timeout: 60_000 });
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist-node', 'cli.js'))) {
    throw new Error(
      'dist-node/cli.js is missing: run `npm run build` first (`npm test` builds before jest).',
    );
  }
  dir = mkdtempSync(join(tmpdir(), 'visit-ledger-install-'));
  office = join(dir, 'office');
  mkdirSync(office);
}, INSTALL_TIMEOUT);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

let tarball: string;

it('packs bin/ and the built command line, not the sources or tests', () => {
  // --ignore-scripts: `prepare` would rebuild dist/ under the other test files' feet.
  const packed = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], root);
  expect({ status: packed.status, stderr: packed.status ? packed.stderr : '' }).toEqual({
    status: 0,
    stderr: '',
  });
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  const files = info!.files.map((f) => f.path);
  expect(files).toEqual(expect.arrayContaining(['bin/visit-ledger.js', 'dist-node/cli.js', 'package.json']));
  expect(files.filter((f) => /^(src|tests|scripts|dist)\//.test(f))).toEqual([]);
  tarball = join(dir, info!.filename);
});

it(
  'installs from the tarball into a prefix, with its bin on the path',
  () => {
    const prefix = join(dir, 'prefix');
    const installed = npm(
      ['install', '-g', '--prefix', prefix, tarball, '--no-audit', '--no-fund', '--prefer-offline'],
      dir,
    );
    expect({ status: installed.status, stderr: installed.status ? installed.stderr : '' }).toEqual({
      status: 0,
      stderr: '',
    });
    command = join(prefix, 'bin', 'visit-ledger');
    expect(existsSync(command)).toBe(true);
  },
  INSTALL_TIMEOUT,
);

it('runs from the office folder and writes its files there', () => {
  const inCloneBefore = existsSync(join(root, 'school.xlsx'));
  const init = run(['init', 'school.xlsx', '--sample']);
  expect({ status: init.status, stderr: init.stderr }).toEqual({ status: 0, stderr: '' });
  expect(existsSync(join(office, 'school.xlsx'))).toBe(true);
  expect(existsSync(join(root, 'school.xlsx'))).toBe(inCloneBefore);

  // The sample school holds deliberately bad rows: validate lists them and exits 1 (README).
  const validate = run(['validate', 'school.xlsx', '--json']);
  expect(validate.status).toBe(1);
  const { problems } = JSON.parse(validate.stdout) as { problems: { severity: string }[] };
  expect(problems.some((p) => p.severity === 'error')).toBe(true);

  const status = run(['status', 'school.xlsx', '--json']);
  expect({ status: status.status, stderr: status.stderr }).toEqual({ status: 0, stderr: '' });

  const month = JSON.parse(status.stdout).month as string;
  const report = run(['report', 'school.xlsx', '--month', month, '--out', 'report.html']);
  expect({ status: report.status, stderr: report.stderr }).toEqual({ status: 0, stderr: '' });
  expect(existsSync(join(office, 'report.html'))).toBe(true);
});
