// The sample school's busiest month prints on at most four A4 pages (Chromium's print to PDF), page one a summary.
import type { Page } from 'playwright-core';
import { loadCampaign } from '../../src/core/engine';
import { readSheets } from '../../src/app/read';
import { reportOf } from '../../src/app/report';
import { lastDay, monthOf } from '../../src/core/dates';
import { reportHtml } from '../../src/local/report-html';
import { launchChromium, type Browser } from '../e2e/browser';
import { sampleWorkbook } from './helpers';

/** The sample school at the end of its campaign year: every month's records are in. */
const YEAR_END = '2028-01-31';

/** The month with the most visits and home visits, and the day after it ends (when the daily job makes it). */
function busiestMonth(): { month: string; day: string; records: number } {
  const { wb } = sampleWorkbook(YEAR_END, 'zh');
  const campaign = loadCampaign(readSheets(wb), YEAR_END);
  const per = new Map<string, number>();
  for (const r of [...campaign.visits, ...campaign.homeVisits])
    if (r.date !== null) per.set(monthOf(r.date), (per.get(monthOf(r.date)) ?? 0) + 1);
  const [month, records] = [...per].sort((a, b) => b[1] - a[1])[0]!;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const day = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { month, day, records };
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium({ width: 794, height: 1123 });
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

async function pagesOf(html: string): Promise<number> {
  await page.setContent(html);
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

describe.each(['zh', 'en'] as const)('the busiest month of the sample school (%s)', (lang) => {
  const busiest = busiestMonth();
  const { wb } = sampleWorkbook(busiest.day, lang);
  const { document } = reportOf(
    loadCampaign(readSheets(wb), busiest.day),
    busiest.month,
    busiest.day,
    `${busiest.day} 08:00`,
  );

  it('is a month of several hundred records, with every follow-up of the month listed in full', () => {
    // A month of the autumn (the sample's busiest: home visits of a whole semester's classes, and the leaders').
    expect(busiest.month >= '2027-09' && busiest.month <= '2028-01').toBe(true);
    expect(busiest.records).toBeGreaterThan(300);
    const followUps = document.tables.find((t) => t.key === 'followUps')!;
    expect(followUps.rows.length).toBeGreaterThan(20);
  });

  it('prints on at most four A4 pages', async () => {
    const pages = await pagesOf(reportHtml(document));
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(4);
  });

  it('puts the summary, the units, the chart and the people who missed on page one; details from page two', async () => {
    await page.setContent(reportHtml(document));
    await page.emulateMedia({ media: 'print' });
    const keys = document.tables.map((t) => t.key);
    expect(keys.slice(0, 6)).toEqual([
      'summary',
      'units',
      'chart',
      'missed',
      'groupsBehind',
      'classesBehind',
    ]);
    expect(document.tables.find((t) => t.key === 'people')!.newPage).toBe(true);
    // Every section says the day its figures stand at.
    const monthEnd = lastDay(busiest.month);
    const asAt = lang === 'zh' ? `（截至 ${monthEnd}）` : `(as at ${monthEnd})`;
    const titles = await page.$$eval('h2', (hs) => hs.map((h) => h.textContent ?? ''));
    expect(titles.length).toBeGreaterThan(10);
    for (const title of titles) expect(title).toContain(asAt);
    // Page one ends before the people table: everything above it fits in one A4 page's printable height.
    const top = await page.$eval('h2.new-page', (h) => h.getBoundingClientRect().top + window.scrollY);
    const printable = ((297 - 24) / 25.4) * 96;
    expect(top).toBeLessThan(printable);
  });

  it('colours every percentage of the units table against its aim', () => {
    const units = document.tables.find((t) => t.key === 'units')!;
    units.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (typeof cell === 'string' && /%$/.test(cell) && c !== 7)
          expect(units.colors[r]?.[c]).toMatch(/^#[0-9a-f]{6}$/);
      });
    });
  });
});
