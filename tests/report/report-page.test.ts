// The HTML report in headless Chromium: nothing fetched but the page, bars drawn to scale, A4 when printed.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { loadCampaign } from '../../src/core/engine';
import { readSheets } from '../../src/app/read';
import { reportOf } from '../../src/app/report';
import { reportHtml } from '../../src/local/report-html';
import { launchChromium, type Browser } from '../e2e/browser';
import { tempDir } from '../local/helpers';
import { sampleWorkbook } from './helpers';

/** Set REPORT_SCREENSHOT=docs/report.png to refresh the README's screenshot. */
const SCREENSHOT = process.env.REPORT_SCREENSHOT;
/** A4 at 96 dpi. */
const A4 = { width: 794, height: 1123 };

let browser: Browser;
let page: Page;
let dir: string;
let file: string;
const requests: string[] = [];
let bars: { label: string; value: number }[];

beforeAll(async () => {
  const { wb } = sampleWorkbook('2027-05-10', 'zh');
  const { document } = reportOf(
    loadCampaign(readSheets(wb), '2027-05-10'),
    '2027-04',
    '2027-05-10',
    '2027-05-10 09:30',
  );
  bars = document.chart!.bars;
  dir = await tempDir();
  file = path.join(dir, 'report.html');
  await fs.writeFile(file, reportHtml(document), 'utf8');
  browser = await launchChromium(A4);
  page = await browser.context.newPage();
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(file).href);
});

afterAll(async () => {
  await browser?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

it('loads nothing but the page itself', () => {
  expect(requests).toEqual([pathToFileURL(file).href]);
});

it('draws one bar per unit, each as long as its completion', async () => {
  const widths = await page.$$eval('svg rect', (rects) => rects.map((r) => r.getBoundingClientRect().width));
  expect(widths).toHaveLength(bars.length);
  const full = widths[bars.findIndex((b) => b.value === 100)]!;
  expect(full).toBeGreaterThan(400);
  bars.forEach((bar, i) => expect(widths[i]! / full).toBeCloseTo(bar.value / 100, 1));
  const labels = await page.$$eval('svg text[text-anchor="end"]', (texts) => texts.map((t) => t.textContent));
  expect(labels).toEqual(bars.map((b) => b.label));
});

it('fits the width of an A4 page and prints on A4 paper', async () => {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(A4.width);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  expect(Number(box?.[1])).toBeCloseTo(595.3, 0);
  expect(Number(box?.[2])).toBeCloseTo(841.9, 0);
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThan(1);
});

/** Cells of a section's table, per row: text, lines drawn, and whether a long text is cut to one line. */
function sectionCells(
  section: string,
): Promise<{ text: string; lines: number; cutWithEllipsis: boolean }[][]> {
  return page.$$eval(`table[data-section="${section}"] tbody tr`, (rows) =>
    rows.map((row) =>
      [...row.querySelectorAll('td')].map((td) => {
        // Lines of the cell's text: distinct tops of its rendered line boxes.
        const range = document.createRange();
        range.selectNodeContents(td);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        return {
          text: td.textContent ?? '',
          lines: tops.size,
          cutWithEllipsis: (() => {
            const style = getComputedStyle(td);
            return (
              style.whiteSpace === 'nowrap' &&
              style.overflowX === 'hidden' &&
              style.textOverflow === 'ellipsis'
            );
          })(),
        };
      }),
    ),
  );
}

it('keeps dates, kinds, names, results and numbers of the month’s follow-ups on one line, one row per item, by date', async () => {
  const rows = await sectionCells('followUps');
  expect(rows.length).toBeGreaterThan(20);
  const tall = rows.filter((row) => row.some((cell) => cell.lines > 1)).map((row) => row.map((c) => c.text));
  expect(tall).toEqual([]);
  // A long record text is cut to one line with an ellipsis on the page only: the cell holds the whole text.
  expect(rows.every((row) => row[9]!.cutWithEllipsis)).toBe(true);
  const dates = rows.map((row) => row[1]!.text);
  expect(dates).toEqual([...dates].sort());
});

it('keeps unit names and figures on one line in every table; only the lists of names wrap', async () => {
  for (const section of ['units', 'people', 'coverage', 'classes', 'missed', 'summary', 'olderFollowUps']) {
    const rows = await sectionCells(section);
    expect(rows.length).toBeGreaterThan(0);
    const wrapped = rows.flatMap((row) =>
      row
        .filter((cell, c) => cell.lines > 1 && !(section === 'coverage' && c === 5))
        .map((cell) => cell.text),
    );
    expect({ section, wrapped }).toEqual({ section, wrapped: [] });
  }
});

it('takes a screenshot of the first page', async () => {
  const out = SCREENSHOT ?? path.join(dir, 'report.png');
  await page.screenshot({ path: out, clip: { x: 0, y: 0, ...A4 } });
  expect((await fs.stat(out)).size).toBeGreaterThan(20_000);
});
