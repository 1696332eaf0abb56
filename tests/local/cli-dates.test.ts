// Dates: real Excel date cells and text dates give the same figures, and so do machines in other time zones.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import ExcelJS from 'exceljs';
import { cli, sha256, tempDir } from './helpers';

const run = promisify(execFile);
const TODAY = '2027-11-15';
const DATE_SHEETS = ['走访记录', '家访记录', '问题整改', '献计'];
const DATE_HEADERS = new Set(['走访日期', '家访日期', '期限', '日期']);
let dir: string;
let file: string;

beforeAll(async () => {
  dir = await tempDir();
  file = path.join(dir, 'dates.xlsx');
  expect((await cli(['init', file, '--sample', '--today', TODAY])).code).toBe(0);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The same workbook with every real date cell rewritten as text in one of the accepted forms. */
async function withTextDates(): Promise<{ file: string; converted: number }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  let converted = 0;
  for (const name of DATE_SHEETS) {
    const ws = book.getWorksheet(name)!;
    const dateColumns: number[] = [];
    ws.getRow(1).eachCell((cell, c) => {
      if (DATE_HEADERS.has(String(cell.value))) dateColumns.push(c);
    });
    ws.eachRow((row, r) => {
      if (r === 1) return;
      for (const c of dateColumns) {
        const cell = row.getCell(c);
        if (!(cell.value instanceof Date)) continue;
        const d = cell.value;
        const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const forms = [
          `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
          `${y}/${m}/${day}`,
          `${y}.${m}.${day}`,
          `${y}年${m}月${day}日`,
        ];
        cell.numFmt = '@';
        cell.value = forms[converted % forms.length]!;
        converted++;
      }
    });
  }
  const out = path.join(dir, 'text-dates.xlsx');
  await book.xlsx.writeFile(out);
  return { file: out, converted };
}

describe('date cells', () => {
  it('as real Excel dates and as text give the same status and problems', async () => {
    const text = await withTextDates();
    expect(text.converted).toBeGreaterThan(500);
    for (const month of ['2027-04', '2027-10', '2027-11']) {
      const args = ['--today', TODAY, '--month', month, '--json'];
      const real = await cli(['status', file, ...args]);
      const typed = await cli(['status', text.file, ...args]);
      expect(real.code).toBe(0);
      expect(typed.out).toBe(real.out);
    }
  });
});

describe('the machine time zone', () => {
  let runner: string;

  beforeAll(async () => {
    // The command line bundled as `npm run build` does, inside the repository so that packages resolve.
    const out = path.join(
      __dirname,
      '..',
      '..',
      'node_modules',
      '.cache',
      'visit-ledger-tests',
      `cli-${process.pid}.js`,
    );
    await esbuild.build({
      entryPoints: [path.join(__dirname, '..', '..', 'src', 'local', 'cli.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      outfile: out,
      logLevel: 'silent',
    });
    runner = path.join(dir, 'run.js');
    await fs.writeFile(
      runner,
      `require(${JSON.stringify(out)}).main(process.argv.slice(2)).then((c) => { process.exitCode = c; });\n`,
    );
  });

  async function inZone(tz: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, [runner, ...args], {
        env: { ...process.env, TZ: tz },
      });
      return { code: 0, out: stdout, err: stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: e.stdout, err: e.stderr };
    }
  }

  it('does not change the figures (UTC, Asia/Shanghai, America/Los_Angeles)', async () => {
    const args = ['status', file, '--today', TODAY, '--month', '2027-10', '--json'];
    const results = await Promise.all(
      ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'].map((tz) => inZone(tz, args)),
    );
    expect(results[0]!.code).toBe(0);
    expect(JSON.parse(results[0]!.out).people.length).toBeGreaterThan(50);
    expect(results[1]!.out).toBe(results[0]!.out);
    expect(results[2]!.out).toBe(results[0]!.out);
  });

  it('gives a real process exit code 2 and one line on stderr for a bad file, and 1 for errors found', async () => {
    const bad = path.join(dir, 'bad.xlsx');
    await fs.writeFile(bad, 'hello');
    const before = await sha256(bad);
    const refused = await inZone('America/Los_Angeles', ['validate', bad]);
    expect(refused.code).toBe(2);
    expect(refused.err.trimEnd().split('\n')).toHaveLength(1);
    expect(await sha256(bad)).toBe(before);
    const found = await inZone('America/Los_Angeles', ['validate', file, '--today', TODAY, '--json']);
    expect(found.code).toBe(1);
  });
});
