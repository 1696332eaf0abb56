// Saving the workbook (the command line's save and the playground's file writer): through symbolic links, the mode kept, a read-only or macro file refused, texts over 32,767 characters shortened and told.
import {
  chmodSync,
  existsSync,
  lstatSync,
  promises as fs,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import * as path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { parseSendLog } from '../../src/core/report/send-log';
import { texts } from '../../src/core/i18n/messages';
import { newWorkbook } from '../../src/local/commands/init';
import { FileWriter } from '../../src/local/playground/file-writer';
import { writerScript } from '../../src/local/playground/run';
import { TrackedWorkbook } from '../../src/local/playground/tracked-workbook';
import { XLSX_MAX_TEXT } from '../../src/local/xlsx-limits';
import { openXlsx } from '../../src/local/xlsx-workbook';
import { cli, sha256, tempDir } from './helpers';

const ROOT = path.join(__dirname, '..', '..');
const NOW = new Date('2027-04-20T00:10:00Z');
const TODAY = '2027-04-20';
const t = texts('zh');

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await tempDir();
  file = path.join(dir, 'school.xlsx');
  expect((await cli(['init', file, '--sample', '--today', TODAY], NOW)).code).toBe(0);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const remind = () => cli(['remind', file, '--today', TODAY, '--json'], NOW);
const sentIn = async (workbook: string) =>
  parseSendLog((await openXlsx(workbook)).read(t.sheets.sendLog)).filter((e) => e.status === 'sent').length;
const outbox = () => (existsSync(path.join(dir, 'outbox')) ? readdirSync(path.join(dir, 'outbox')) : []);

describe('the command line’s save', () => {
  it('writes through a symbolic link: the link stays a link and the real workbook gets the log', async () => {
    const real = path.join(dir, 'real', 'school.xlsx');
    await fs.mkdir(path.dirname(real));
    await fs.rename(file, real);
    symlinkSync(path.relative(dir, real), file);
    const run = await remind();
    expect(run.code).toBe(0);
    const sent = (JSON.parse(run.out) as { messages: unknown[] }).messages.length;
    expect(sent).toBeGreaterThan(0);
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
    expect(await sentIn(real)).toBe(sent);
    // The lock and the temporary file were made beside the real file, and are gone.
    expect(readdirSync(path.dirname(real)).sort()).toEqual(['school.xlsx']);
  });

  it('keeps a 0600 file 0600 (guardian phone numbers stay private) and a 0640 file 0640', async () => {
    chmodSync(file, 0o600);
    expect((await remind()).code).toBe(0);
    expect(await sentIn(file)).toBeGreaterThan(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    chmodSync(file, 0o640);
    expect((await cli(['init', file, '--force', '--today', TODAY], NOW)).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('refuses a read-only (0444) file before sending anything: one clear line, exit 2, the file as it was', async () => {
    chmodSync(file, 0o444);
    const before = await sha256(file);
    const run = await remind();
    expect(run.code).toBe(2);
    expect(run.err).toBe(t.files.readOnly.replace(/\{file\}/g, file));
    expect(outbox()).toEqual([]);
    expect(await sha256(file)).toBe(before);
    expect(statSync(file).mode & 0o777).toBe(0o444);
    const init = await cli(['init', file, '--force', '--today', TODAY], NOW);
    expect(init).toMatchObject({ code: 2, err: run.err });
    expect(await sha256(file)).toBe(before);
  });

  it('refuses to write a workbook with macros (.xlsm, or a vbaProject part) but reads it', async () => {
    const parts = unzipSync(readFileSync(file));
    parts['xl/vbaProject.bin'] = strToU8('macros');
    for (const name of ['school.xlsm', 'hidden-macros.xlsx']) {
      const macro = path.join(dir, name);
      writeFileSync(macro, zipSync(parts));
      const before = await sha256(macro);
      const run = await cli(['remind', macro, '--today', TODAY], NOW);
      expect(run.code).toBe(2);
      expect(run.err).toContain('含有宏');
      expect(outbox()).toEqual([]);
      expect((await cli(['status', macro, '--today', TODAY], NOW)).code).toBe(0);
      expect(await sha256(macro)).toBe(before);
    }
  });

  it('shortens a text over 32,767 characters in the saved workbook and says so', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet(t.sheets.suggestions)!;
    sheet.getCell(2, 2).value = '长'.repeat(40_000);
    await book.xlsx.writeFile(file);
    const run = await remind();
    expect(run.code).toBe(0);
    expect(run.err).toContain('有 1 个单元格的文字超过 32,767 个字符');
    const saved = (await openXlsx(file)).read(t.sheets.suggestions) ?? [];
    expect(String(saved[1]?.[1]).length).toBe(XLSX_MAX_TEXT);
  });
});

describe('the playground’s file writer', () => {
  it('writes through a link, keeps the mode, and reports a read-only file instead of replacing it', async () => {
    const real = path.join(dir, 'real.xlsx');
    await fs.rename(file, real);
    chmodSync(real, 0o600);
    symlinkSync('real.xlsx', file);
    const writer = new FileWriter(file, writerScript(ROOT), { quietMs: 10, retryMs: 60_000 });
    try {
      const tracked = new TrackedWorkbook(newWorkbook('zh', TODAY, true));
      tracked.writeColumn(t.sheets.suggestions, 1, 2, ['经由链接写入']);
      writer.push(tracked.takeOps());
      await writer.flush();
      expect(lstatSync(file).isSymbolicLink()).toBe(true);
      expect(statSync(real).mode & 0o777).toBe(0o600);
      expect((await openXlsx(real)).read(t.sheets.suggestions)?.[1]?.[1]).toBe('经由链接写入');

      chmodSync(real, 0o444);
      const before = await sha256(real);
      tracked.writeColumn(t.sheets.suggestions, 1, 3, ['只读时不写']);
      writer.push(tracked.takeOps());
      await expect(writer.flush()).rejects.toThrow(/read-only/);
      expect(await sha256(real)).toBe(before);
      expect(statSync(real).mode & 0o777).toBe(0o444);
    } finally {
      await writer.close().catch(() => undefined);
    }
  }, 120_000);
});
