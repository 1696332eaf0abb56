// In Chromium at 1366 × 768: the playground opens on 进度 with its summary on the first screen, and a cell typed
// into the grid answers on the status line with a red corner on the cell (校验 may be off screen).
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { texts } from '../../src/core/i18n/messages';
import { type Browser } from './browser';
import {
  ROOT,
  sheetText,
  until,
  type TestPlayground,
  closePlaygroundPage,
  openPlaygroundPage,
} from './playground-fixture';

const t = texts('zh');
/** `UPDATE_SCREENSHOTS=1` rewrites docs/status.png; otherwise it goes to a temp folder. */
const SHOTS =
  process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs') : mkdtempSync(join(tmpdir(), 'shots-'));

let playground: TestPlayground;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ playground, browser, page } = await openPlaygroundPage({ width: 1366, height: 768 }));
});

afterAll(() => closePlaygroundPage(browser, playground));

/** Whether an element lies inside the grid's visible area (no scrolling needed). */
function onFirstScreen(selector: string): Promise<boolean> {
  return page.$eval(selector, (el) => {
    const box = el.getBoundingClientRect();
    const view = document.getElementById('grid')!.getBoundingClientRect();
    return (
      box.top >= view.top && box.bottom <= view.bottom && box.left >= view.left && box.right <= view.right
    );
  });
}

test('opens on 进度, its summary on the first screen and both header rows frozen', async () => {
  expect(await page.getByRole('tab', { selected: true }).textContent()).toBe(t.sheets.status);
  const o = t.overview.status;
  // The frozen rows are drawn in the grid's sticky head: the title and the header row of both bands.
  const head = await page.$$eval('table.grid thead tr:not(.letters)', (rows) =>
    rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  );
  expect(head).toHaveLength(2);
  expect(head[0]?.[0]).toMatch(/走访进度 2027-04（截至 2027-04-20）$/);
  expect(head[1]).toEqual(expect.arrayContaining([o.person, o.worst, ...o.unitHeader]));
  // The summary: per unit how many are behind, open follow-ups and overdue items in numbers.
  for (const label of [o.behindPeople, o.followUps, o.overdue, o.groupsBehind, o.classesBehind]) {
    const cell = page.locator('table.grid td', { hasText: new RegExp(`^${label}$`) }).first();
    await cell.waitFor();
    const id = await cell.evaluate((td) => `td[data-r="${td.dataset.r}"][data-c="${td.dataset.c}"]`);
    expect({ label, seen: await onFirstScreen(id) }).toEqual({ label, seen: true });
  }
  const followUps = await page
    .locator('table.grid td', { hasText: new RegExp(`^${o.followUps}$`) })
    .evaluate((td) => td.nextElementSibling?.textContent ?? '');
  expect(followUps).toMatch(/^\d+ 项（超过 7 天 \d+ 项）$/);
  // People behind lead the list, and their status cells are coloured.
  const firstPerson = page.locator('td[data-r="3"][data-c="1"]');
  expect(await firstPerson.textContent()).toMatch(/^(落后|未达标)$/);
  expect(await firstPerson.getAttribute('style')).toContain('background-color');
  // The header stays in view when the list scrolls.
  await page.locator('#grid').evaluate((el) => el.scrollBy(0, 600));
  expect(await onFirstScreen('table.grid thead tr:not(.letters) td[data-c="0"]')).toBe(true);
  await page.locator('#grid').evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, 'status.png') });
});

test('a bad date typed into the grid is answered on the status line and marked on the cell itself', async () => {
  const grid = await sheetText(page, t.sheets.visits);
  const header = grid[0] ?? [];
  const dateCol = header.indexOf(t.columns.visits.date);
  const checkCol = header.indexOf(t.columns.visits.check);
  const row = grid.findIndex((r, i) => i > 0 && r[checkCol] === t.check.ok) + 1;
  expect(row).toBeGreaterThan(1);
  // 校验 sits right after 编号: on the first screen at 1366 px, beside the row being edited.
  expect(await onFirstScreen(`td[data-r="${row}"][data-c="${checkCol}"]`)).toBe(true);
  const cell = page.locator(`td[data-r="${row}"][data-c="${dateCol}"]`);
  await cell.click();
  await page.keyboard.type('2027-13-45');
  await page.keyboard.press('Enter');
  const status = await until(
    () => page.locator('#status').textContent(),
    (text) => (text ?? '').startsWith(`第 ${row} 行：✗`),
  );
  expect(status).toContain('2027-13-45');
  await until(
    () => cell.getAttribute('class'),
    (c) => (c ?? '').includes('note-error'),
  );
  expect(await cell.getAttribute('data-note')).toMatch(/^校验（2027-04-20 \d\d:\d\d）：✗ 1 个错误/);
  const corner = await cell.evaluate((td) => getComputedStyle(td).backgroundImage);
  expect(corner).toContain('rgb(217, 48, 37)');

  // Put right: the status line says ✓, and the check's note leaves the cell.
  await cell.click();
  await page.keyboard.type('2027-04-12');
  await page.keyboard.press('Enter');
  await until(
    () => page.locator('#status').textContent(),
    (text) => text === `第 ${row} 行：✓ 已校验，可以计入`,
  );
  await until(
    () => cell.getAttribute('class'),
    (c) => !(c ?? '').includes('note-error') && !(c ?? '').includes('has-note'),
  );
});
