// `visit-ledger report`: tables on the terminal, an A4 HTML page with no external resource, an .xlsx of the same tables.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { openXlsx } from '../../src/local/xlsx-workbook';
import { loadCampaign } from '../../src/core/engine';
import { readSheets } from '../../src/app/read';
import { reportGrid, reportOf } from '../../src/app/report';
import { cli, sha256, tempDir } from '../local/helpers';

const NOW = new Date('2027-05-10T01:30:00Z');
let dir: string;
let file: string;

beforeAll(async () => {
  dir = await tempDir();
  file = path.join(dir, 'school.xlsx');
  expect((await cli(['init', file, '--sample', '--today', '2027-05-10'], NOW)).code).toBe(0);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function expected() {
  const book = await openXlsx(file);
  const campaign = loadCampaign(readSheets(book), '2027-05-10');
  return reportOf(campaign, '2027-04', '2027-05-10', '2027-05-10 09:30');
}

it('prints the report as tables when there is no --out, and leaves the workbook as it was', async () => {
  const before = await sha256(file);
  const run = await cli(['report', file, '--month', '2027-04', '--today', '2027-05-10'], NOW);
  expect(run.code).toBe(0);
  const { document } = await expected();
  for (const table of document.tables) expect(run.out).toContain(table.title);
  expect(run.out).toContain('生成时间：2027-05-10 09:30');
  expect(await sha256(file)).toBe(before);
});

it('writes a printable A4 page with an inline SVG chart and nothing fetched from elsewhere', async () => {
  const out = path.join(dir, 'april.html');
  const run = await cli(['report', file, '--month', '2027-04', '--today', '2027-05-10', '--out', out], NOW);
  expect(run).toMatchObject({ code: 0, out: `已写入 ${out}` });
  const html = await fs.readFile(out, 'utf8');
  expect(html).toContain('@page { size: A4;');
  expect(html).toMatch(/<svg [^>]*role="img"/);
  expect(html.match(/<rect /g)).toHaveLength(6);
  expect(html).not.toMatch(/\b(src|href)\s*=|url\(|@import|<link|<script|<iframe|<img|https?:/i);
  const { document } = await expected();
  for (const table of document.tables.filter((t) => t.key !== 'chart'))
    expect(html).toMatch(
      new RegExp(`<h2( class="new-page")?>${table.title.replace(/[()（）./]/g, '\\$&')}<\/h2>`),
    );
});

it('writes an .xlsx whose sheet holds the same tables as the report sheet of the workbook', async () => {
  const out = path.join(dir, 'april.xlsx');
  expect(
    (await cli(['report', file, '--month', '2027-04', '--today', '2027-05-10', '--out', out], NOW)).code,
  ).toBe(0);
  const book = await openXlsx(out);
  expect(book.sheetNames()).toEqual(['月报 2027-04']);
  const { document } = await expected();
  const grid = reportGrid(document).grid.map((row) => row.map((c) => (c === '' ? null : c)));
  const read = book.read('月报 2027-04')!;
  expect(read.map((row) => row.slice(0, 7).map((c) => c ?? null))).toEqual(
    grid.map((row) => Array.from({ length: 7 }, (_, i) => row[i] ?? null)),
  );
  // Printed on A4, portrait, fitted to the page's width, the title row on every page.
  const setup = book.book.getWorksheet('月报 2027-04')!.pageSetup;
  expect(setup).toMatchObject({
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
  });
});

it('fails with exit 2 and a one-line reason: no --month, a bad --out, a missing file', async () => {
  const before = await sha256(file);
  const noMonth = await cli(['report', file, '--today', '2027-05-10'], NOW);
  expect(noMonth.code).toBe(2);
  expect(noMonth.err.split('\n')[0]).toBe('缺少 --month YYYY-MM（要生成哪个月的月报）');
  const badOut = await cli(['report', file, '--month', '2027-04', '--out', path.join(dir, 'r.pdf')], NOW);
  expect(badOut.code).toBe(2);
  expect(badOut.err).toContain('应以 .html 或 .xlsx 结尾');
  const itself = await cli(['report', file, '--month', '2027-04', '--out', file], NOW);
  expect(itself.code).toBe(2);
  const missing = await cli(['report', path.join(dir, 'none.xlsx'), '--month', '2027-04'], NOW);
  expect(missing.code).toBe(2);
  expect(await sha256(file)).toBe(before);
});
