// The playground's 开始新学年 in Chromium: the plan asked as a question with the new semester offered, then the autumn roster on 学生.
import type { Page } from 'playwright-core';
import { readSheets } from '../../src/app/read';
import { texts } from '../../src/core/i18n/messages';
import { openXlsx } from '../../src/local/xlsx-workbook';
import { type Browser } from './browser';
import {
  sheetText,
  type TestPlayground,
  closePlaygroundPage,
  openPlaygroundPage,
} from './playground-fixture';

const t = texts('zh');

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

async function startNewYear(): Promise<void> {
  await page.getByRole('button', { name: t.menu.title, exact: true }).click();
  await page.click('[role=menuitem][data-action="newYear"]');
}

test('asks with the plan and the new semester offered; Cancel writes nothing, OK appends the autumn roster', async () => {
  const before = await sheetText(page, t.sheets.students);
  await startNewYear();
  const input = page.locator('#month-input');
  await input.waitFor();
  const question = (await page.locator('#month-label').textContent()) ?? '';
  expect(question).toMatch(/将把“2027年春季学期”的 \d+ 名学生复制为“2027年秋季学期”的名单/);
  expect(question).toContain(t.schoolYear.playgroundPrompt);
  expect(await input.inputValue()).toBe('2027年秋季学期');
  await page.click('#month-cancel');
  expect(await sheetText(page, t.sheets.students)).toEqual(before);

  await startNewYear();
  await input.waitFor();
  await page.click('#month-ok');
  await idle();
  await page.waitForFunction(() =>
    /已为“2027年秋季学期”追加 \d+ 行学生/.test(document.getElementById('status')?.textContent ?? ''),
  );
  const after = await sheetText(page, t.sheets.students);
  expect(after.length).toBeGreaterThan(before.length);
  expect(after.some((row) => row.includes('2027年秋季学期'))).toBe(true);

  // Saved to the file, and a second time refused with the reason under the field.
  await playground.running.session.idle();
  const saved = readSheets(await openXlsx(playground.workbook)).find((s) => s.name === t.sheets.students)!;
  const autumn = (rows: readonly (readonly unknown[])[]) =>
    rows.filter((row) => row.includes('2027年秋季学期')).length;
  expect(autumn(saved.grid)).toBe(autumn(after));
  await startNewYear();
  await page.waitForFunction(() => (document.getElementById('status')?.textContent ?? '').includes('已有'));
});
