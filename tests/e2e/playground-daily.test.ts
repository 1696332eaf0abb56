// The playground's 运行每日任务 in Chromium: the daily job of the trigger for a chosen day, its report tab, its mails in the outbox.
import type { Page } from 'playwright-core';
import { sheetLink } from '../../src/contract/playground-protocol';
import { format, texts } from '../../src/core/i18n/messages';
import { type Browser } from './browser';
import {
  sheetText,
  TODAY,
  type TestPlayground,
  closePlaygroundPage,
  openPlaygroundPage,
} from './playground-fixture';

const t = texts('zh');
const p = t.playground;

let playground: TestPlayground;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ playground, browser, page } = await openPlaygroundPage());
});

afterAll(() => closePlaygroundPage(browser, playground));

async function idle(): Promise<void> {
  await page.waitForFunction(() => !document.body.hasAttribute('aria-busy'));
}

/** Runs 运行每日任务 from the menu with the day typed (the field offers today). */
async function runDaily(day: string | undefined): Promise<void> {
  await page.getByRole('button', { name: t.menu.title, exact: true }).click();
  await page.click('[role=menuitem][data-action="daily"]');
  const input = page.locator('#month-input');
  await input.waitFor();
  expect(await page.locator('#month-label').textContent()).toBe(format(p.dayPrompt, { today: TODAY }));
  expect(await input.inputValue()).toBe(TODAY);
  if (day !== undefined) await input.fill(day);
  await page.click('#month-ok');
}

async function outboxCount(): Promise<number> {
  const label = (await page.locator('[role=tab].outbox-tab').textContent()) ?? '';
  return Number(/\((\d+)\)/.exec(label)?.[1] ?? NaN);
}

test('the menu item is in the school language, and a day it cannot read is said under the field', async () => {
  await page.getByRole('button', { name: t.menu.title, exact: true }).click();
  expect(await page.locator('[role=menuitem][data-action="daily"]').textContent()).toBe(p.dailyJob);
  await page.keyboard.press('Escape');
  await runDaily('明天');
  const error = page.locator('#month-error');
  await error.waitFor();
  expect(await error.textContent()).toBe(format(p.badDay, { value: '明天' }));
  await page.click('#month-cancel');
});

test('on the 1st: last month’s report becomes a tab and its email, linking to that tab, lands in the outbox', async () => {
  // The sample school names no report recipient: name one in 设置, as a person would.
  const settings = await sheetText(page, t.sheets.settings);
  const row = settings.findIndex((cells) => cells[0] === t.settingNames.reportRecipients) + 1;
  expect(row).toBeGreaterThan(1);
  await page.click(`td[data-r="${row}"][data-c="1"]`);
  await page.keyboard.type('head@school.example');
  await page.keyboard.press('Enter');
  await idle();
  const before = await outboxCount();

  await runDaily('2027/5/1');
  await idle();
  const sheet = `${t.sheets.report} 2027-04`;
  const report = format(p.dailyReportBuilt, { sheet, mail: p.dailyReportMail.sent });
  await page.waitForFunction(
    (text) => document.getElementById('status')?.textContent?.includes(text) === true,
    report,
  );
  const status = (await page.locator('#status').textContent()) ?? '';
  // No reminder day: nothing but the report is sent.
  expect(status).toBe(format(p.dailyDone, { day: '2027-05-01', report, sent: 0, deferred: 0, failed: 0 }));
  // The report is the tab shown, and it is a generated sheet.
  expect(await page.locator('[role=tab][aria-selected=true]').textContent()).toBe(sheet);
  expect(await page.locator(`table.grid[aria-label="${sheet}"]`).getAttribute('aria-readonly')).toBe('true');
  // Its email is in the outbox, with the link that opens the report's tab.
  expect(await outboxCount()).toBe(before + 1);
  await page.locator('[role=tab].outbox-tab').click();
  const mail = page.locator('#outbox .mail').filter({ hasText: '2027-04' }).first();
  expect(await mail.locator('.to').textContent()).toContain('head@school.example');
  expect(await mail.locator('pre').textContent()).toContain(sheetLink(sheet));
  await page.evaluate((link) => (location.hash = link), sheetLink(sheet));
  await page.waitForSelector(`table.grid[aria-label="${sheet}"]`);
  // And the file holds the report sheet once written.
  await playground.running.session.idle();
  const { openXlsx } = await import('../../src/local/xlsx-workbook');
  expect((await openXlsx(playground.workbook)).sheetNames()).toContain(sheet);
});

test('today (the field as offered), a reminder day: no report due, the reminders go to the outbox', async () => {
  const before = await outboxCount();
  await runDaily(undefined);
  await idle();
  await page.waitForFunction(
    (day) => document.getElementById('status')?.textContent?.includes(day) === true,
    TODAY,
  );
  const status = (await page.locator('#status').textContent()) ?? '';
  const sent = Number(/(\d+)/.exec(status.split(p.dailyReportNone)[1] ?? '')?.[1] ?? NaN);
  expect(status).toContain(p.dailyReportNone);
  expect(sent).toBeGreaterThan(0);
  expect(await outboxCount()).toBe(before + sent);
  expect(await page.locator('[role=tab][aria-selected=true]').getAttribute('data-sheet')).toBe(
    '\u0000outbox',
  );
});
