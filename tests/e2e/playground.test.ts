// End to end in Chromium: the playground page, the real sidebar in its panel, edits, menu actions, all over the .xlsx.
import type { FrameLocator, Page } from 'playwright-core';
import { texts } from '../../src/core/i18n/messages';
import { launchChromium, type Browser } from './browser';
import {
  campaignOf,
  openPlayground,
  sheetText,
  startTestPlayground,
  TODAY,
  until,
  type TestPlayground,
} from './playground-fixture';

const t = texts('zh');

let playground: TestPlayground;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  playground = await startTestPlayground();
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
  await openPlayground(page, playground.running.url);
});

afterAll(async () => {
  await browser?.close();
  await playground?.close();
});

async function menu(action: string): Promise<void> {
  await page.getByRole('button', { name: t.menu.title, exact: true }).click();
  await page.click(`[role=menuitem][data-action="${action}"]`);
}

async function openSidebar(): Promise<FrameLocator> {
  await menu('logVisit');
  const frame = page.frameLocator('#sidebar-frame');
  await frame.locator('#me').waitFor();
  return frame;
}

/** The row of a sheet's grid whose cells include all the given texts. */
function rowWith(grid: string[][], ...cells: string[]): string[] | undefined {
  return grid.find((row) => cells.every((c) => row.includes(c)));
}

test('opens with a tab per sheet, the 走访台账 menu, and the status computed', async () => {
  const tabs = await page.getByRole('tab').allTextContents();
  for (const sheet of [
    t.sheets.settings,
    t.sheets.staff,
    t.sheets.visits,
    t.sheets.homeVisits,
    t.sheets.status,
  ]) {
    expect(tabs).toContain(sheet);
  }
  await page.getByRole('button', { name: t.menu.title, exact: true }).click();
  const items = await page.getByRole('menuitem').allTextContents();
  expect(items).toEqual([
    t.menu.recordVisit,
    t.menu.setUp,
    t.menu.recompute,
    t.remind.menu.report,
    t.remind.menu.preview,
    t.playground.sendReminders,
    t.menu.help,
  ]);
  await page.keyboard.press('Escape');
  const status = await sheetText(page, t.sheets.status);
  expect(status[0]?.[0]).toContain('2027-04');
  // The header row of a record sheet is frozen: it stays in view when the grid scrolls.
  await sheetText(page, t.sheets.visits);
  await page.locator('#grid').evaluate((el) => el.scrollBy(0, 400));
  expect(await page.locator('#grid').evaluate((el) => el.scrollTop)).toBeGreaterThan(300);
  expect(await page.locator('table.grid tr.frozen').textContent()).toContain(t.columns.visits.date);
  const header = await page.locator('table.grid tr.frozen').boundingBox();
  const grid = await page.locator('#grid').boundingBox();
  expect(header && grid && header.y - grid.y).toBeLessThan(40);
});

test('logs a leader visit through the sidebar: suggestions, an error next to the field, then the saved 编号', async () => {
  const campaign = await campaignOf(playground.workbook);
  const leaderUnit = campaign.units.find((u) => !u.homeVisits);
  const leader = campaign.staff.find((s) => s.active && s.units.includes(leaderUnit?.name ?? ''));
  if (!leader || !leaderUnit) throw new Error('the sample has no leader');
  const statusBefore = await sheetText(page, t.sheets.status);
  const countBefore = Number(rowWith(statusBefore, leader.name, leaderUnit.name)?.[2]);

  const frame = await openSidebar();
  await frame.locator('#me').selectOption(leader.name);
  // Target suggestions: the unit's people, the ones not yet visited this cycle first, marked 未访.
  const options = frame.locator('#visit-targets-options label');
  await options.first().waitFor();
  expect(await options.first().locator('.badge').textContent()).toBe(t.sidebar.notVisited);
  const target = (await options.first().locator('.name').textContent()) ?? '';

  // Saving an empty record: the error appears under the field, which is marked invalid.
  await frame.getByRole('button', { name: t.sidebar.save }).click();
  const targetsError = frame.locator('#visit-targets-error');
  await targetsError.waitFor({ state: 'visible' });
  expect(await targetsError.textContent()).toBe(
    t.sidebar.errors.pickOne.replace('{field}', t.sidebar.fields.targets),
  );
  await frame.locator('#visit-record-error').waitFor({ state: 'visible' });
  // Next to the field: inside the targets fieldset, and named by the record box's aria-describedby.
  expect(await frame.locator('#visit-targets #visit-targets-error').count()).toBe(1);
  expect(await frame.locator('#visit-record').getAttribute('aria-describedby')).toContain(
    'visit-record-error',
  );

  await options.first().locator('input').check();
  await frame.locator('#visit-mode').selectOption({ label: t.values.modes.faceToFace });
  await frame.locator('#visit-record').fill('e2e：听取对学校发展的建议');
  await frame.getByRole('button', { name: t.sidebar.save }).click();
  const saved = frame.locator('#status[data-id]');
  await saved.waitFor();
  const id = (await saved.getAttribute('data-id')) ?? '';
  expect(id).toMatch(/^V-\d+$/);
  expect(await saved.textContent()).toContain(`编号 ${id}`);
  await page.waitForFunction(() => !document.body.hasAttribute('aria-busy'));

  // The new row is in 走访记录, and 进度 counts it.
  const visits = await sheetText(page, t.sheets.visits);
  const row = rowWith(visits, id);
  expect(row).toEqual(expect.arrayContaining([id, TODAY, leader.name, target]));
  const statusAfter = await sheetText(page, t.sheets.status);
  expect(Number(rowWith(statusAfter, leader.name, leaderUnit.name)?.[2])).toBe(countBefore + 1);
  // And it is in the file, not only on the page.
  const stored = (await campaignOf(playground.workbook)).visits.find((v) => v.id === id);
  expect(stored?.visitor).toBe(leader.name);
});

test('a bad date typed into a cell gets its 校验 message, and the typed text is kept', async () => {
  const grid = await sheetText(page, t.sheets.visits);
  const header = grid[0] ?? [];
  const dateCol = header.indexOf(t.columns.visits.date);
  const checkCol = header.indexOf(t.columns.visits.check);
  // A row that is fine now.
  const row = grid.findIndex((r, i) => i > 0 && r[checkCol] === t.check.ok) + 1;
  expect(row).toBeGreaterThan(1);
  await page.click(`td[data-r="${row}"][data-c="${dateCol}"]`);
  await page.keyboard.type('2027-13-45');
  await page.keyboard.press('Enter');
  const check = page.locator(`td[data-r="${row}"][data-c="${checkCol}"]`);
  await until(
    () => check.textContent(),
    (text) => (text ?? '').startsWith('✗'),
  );
  const note = (await check.getAttribute('data-note')) ?? '';
  expect(note).toContain(t.columns.visits.date);
  expect(await page.locator(`td[data-r="${row}"][data-c="${dateCol}"]`).textContent()).toBe('2027-13-45');
  // Selecting the 校验 cell shows its note, as hovering does in Sheets.
  await check.click();
  expect(await page.locator('#cell-note').textContent()).toBe(note);
});
