// The playground's 学期总结 and 年度总结 in Chromium: the 学期 tab, the semester question, both summary sheets from the menu.
import type { Page } from 'playwright-core';
import { format, texts } from '../../src/core/i18n/messages';
import { type Browser } from './browser';
import { defaultSemester } from '../../src/core/summary/scope';
import {
  TODAY,
  campaignOf,
  sheetText,
  type TestPlayground,
  closePlaygroundPage,
  openPlaygroundPage,
} from './playground-fixture';

const t = texts('zh');
const s = t.summary;

let playground: TestPlayground;
let browser: Browser;
let page: Page;
/** The sample's semesters as the question lists them, and the one an empty answer means (today's). */
let semesters: string;
let semester: string;

beforeAll(async () => {
  ({ playground, browser, page } = await openPlaygroundPage());
  const campaign = await campaignOf(playground.workbook);
  semesters = campaign.semesters.map((x) => x.name).join('、');
  semester = defaultSemester(campaign, TODAY)?.name ?? '';
});

afterAll(() => closePlaygroundPage(browser, playground));

async function openItem(action: string): Promise<void> {
  await page.getByRole('button', { name: t.menu.title, exact: true }).click();
  await page.click(`[role=menuitem][data-action="${action}"]`);
}

test('the 学期 sheet shows as a tab with its headers', async () => {
  const grid = await sheetText(page, t.sheets.semesters);
  expect(grid[0]?.slice(0, 3)).toEqual([
    t.columns.semesters.name,
    t.columns.semesters.start,
    t.columns.semesters.end,
  ]);
});

test('学期总结 asks which semester, says so under the field for a name of none, and writes 学期报<semester>', async () => {
  await openItem('summarySemester');
  const input = page.locator('#month-input');
  await input.waitFor();
  expect(await page.locator('#month-label').textContent()).toBe(
    format(s.semesterPrompt, { semesters, semester }),
  );
  expect(await input.getAttribute('placeholder')).toBe(semester);
  await input.fill('2030年春季学期');
  await page.click('#month-ok');
  const error = page.locator('#month-error');
  await error.waitFor({ state: 'visible' });
  expect(await error.textContent()).toBe(format(s.semesterUnknown, { name: '2030年春季学期', semesters }));
  // Left empty: the semester of today.
  await input.fill('');
  await page.click('#month-ok');
  const sheet = `${t.sheets.summarySemester}${semester}`;
  const tab = page.getByRole('tab', { name: sheet, exact: true });
  await tab.waitFor();
  expect(await tab.getAttribute('aria-selected')).toBe('true');
  expect(await page.locator('#status').textContent()).toBe(format(s.done, { sheet }));
  const cells = (await sheetText(page, sheet)).flat();
  expect(cells).toContain(
    format(s.title.semester, {
      campaign: (await campaignOf(playground.workbook)).settings.campaignName,
      semester,
    }),
  );
  expect(cells.some((c) => c.startsWith(s.sections.overview))).toBe(true);
  expect(cells).toContain(s.bureau.visits);
});

test('年度总结 writes the year’s sheet with the bureau’s table and the school’s chart by month', async () => {
  await openItem('summaryYear');
  const sheet = t.sheets.summaryYear;
  const tab = page.getByRole('tab', { name: sheet, exact: true });
  await tab.waitFor();
  expect(await tab.getAttribute('aria-selected')).toBe('true');
  const grid = await sheetText(page, sheet);
  const cells = grid.flat();
  expect(cells.some((c) => c.startsWith(s.sections.bureau))).toBe(true);
  const visits = grid.find((row) => row[0] === s.bureau.visits);
  expect(Number(visits?.[1])).toBeGreaterThan(0);
  // The chart: one bar per month of the chart table, each label a month named in the sheet.
  const chart = page.locator('.sheet-chart-figure');
  await chart.waitFor();
  const labels = await chart.locator('text[text-anchor="end"]').allTextContents();
  expect(labels.length).toBeGreaterThan(0);
  for (const label of labels) {
    expect(label).toMatch(/^\d{4}-\d{2}$/);
    expect(cells).toContain(label);
  }
  // Both summaries are generated sheets: typing into one is refused.
  await page.click('td[data-r="2"][data-c="0"]');
  await page.keyboard.type('x');
  expect(await page.locator('.cell-editor').count()).toBe(0);
  expect(await page.locator('#status').textContent()).toBe(t.playground.protectedSheet);
});
