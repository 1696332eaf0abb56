// End to end in Chromium: the playground page, the real sidebar in its panel, edits, menu actions, all over the .xlsx.
import type { FrameLocator, Page } from 'playwright-core';
import { format, texts } from '../../src/core/i18n/messages';
import type { ActionResult } from '../../src/contract/playground-protocol';
import { type Browser } from './browser';
import {
  campaignOf,
  savedCampaign,
  openPlayground,
  sheetText,
  TODAY,
  until,
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
    t.summary.menuSemester,
    t.summary.menuYear,
    t.remind.menu.preview,
    t.playground.sendReminders,
    t.playground.dailyJob,
    t.changeLog.menu,
    t.todo.menu.suggestionToRect,
    t.schoolYear.menu,
    t.menu.help,
  ]);
  await page.keyboard.press('Escape');
  // The page's own labels are in the school's language, with its punctuation.
  expect(await page.locator('#workbook').textContent()).toBe(
    format(t.playground.usingWorkbook, { file: playground.workbook }),
  );
  expect(await page.getByRole('navigation', { name: t.playground.menuBar, exact: true }).count()).toBe(1);
  expect(await page.getByRole('tablist', { name: t.playground.sheetTabs, exact: true }).count()).toBe(1);
  await menu('logVisit');
  expect(await page.locator('#sidebar-close').getAttribute('aria-label')).toBe(t.playground.close);
  expect(await page.locator('#sidebar-frame').getAttribute('title')).toBe(t.playground.sidebarTitle);
  await page.click('#sidebar-close');
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
  const campaign = await savedCampaign(playground);
  const leaderUnit = campaign.units.find((u) => !u.homeVisits);
  const leader = campaign.staff.find((s) => s.active && s.units.includes(leaderUnit?.name ?? ''));
  if (!leader || !leaderUnit) throw new Error('the sample has no leader');
  const statusBefore = await sheetText(page, t.sheets.status);
  // 进度: one line per person, a column per unit holding visited/minimum.
  const countIn = (status: string[][]) =>
    Number(
      status.find((r) => r[0] === leader.name)?.[(status[1] ?? []).indexOf(leaderUnit.name)]?.split('/')[0],
    );
  const countBefore = countIn(statusBefore);

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
  expect(countIn(statusAfter)).toBe(countBefore + 1);
  // And it is in the file, not only on the page.
  const stored = (await savedCampaign(playground)).visits.find((v) => v.id === id);
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

test('logs a home visit by keyboard alone', async () => {
  const campaign = await savedCampaign(playground);
  const homeUnit = campaign.units.find((u) => u.homeVisits)?.name ?? '';
  const teacher = campaign.staff.find(
    (s) => s.active && s.className !== '' && s.units.length === 1 && s.units[0] === homeUnit,
  );
  if (!teacher) throw new Error('the sample has no class teacher');
  const student = campaign.students.find((s) => s.className === teacher.className);
  if (!student) throw new Error(`class ${teacher.className} has no students`);
  const homeVisitsBefore = campaign.homeVisits.length;

  // A fresh page, the window clicked at its title (where the keyboard starts varies between Chromium builds
  // when nothing was clicked): the first Tab reaches the menu.
  await openPlayground(page, playground.running.url);
  await page.locator('#doc-title').click();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('menu-button');
  await page.keyboard.press('Enter'); // opens the menu on its first item, 记录走访
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('logVisit');
  await page.keyboard.press('Enter');
  await page.frameLocator('#sidebar-frame').locator('#me').waitFor();
  const frame = page.frames().find((f) => f.url().includes('/sidebar.html'));
  if (!frame) throw new Error('no sidebar frame');

  const focused = () => frame.evaluate(() => document.activeElement?.id ?? '');
  const tabTo = async (id: string, key = 'Tab') => {
    for (let i = 0; i < 120 && (await focused()) !== id; i++) await page.keyboard.press(key);
    expect(await focused()).toBe(id);
  };
  await tabTo('me');
  // Arrow keys walk the names; each choice loads that person's form.
  const me = frame.locator('#me');
  for (let i = 0; i < 200 && (await me.inputValue()) !== teacher.name; i++) {
    const before = await me.inputValue();
    await page.keyboard.press('ArrowDown');
    await until(
      () => me.evaluate((el: HTMLSelectElement) => ({ value: el.value, disabled: el.disabled })),
      (s) => s.value !== before && !s.disabled,
    );
  }
  expect(await me.inputValue()).toBe(teacher.name);
  await frame.locator('#homeVisit-form').waitFor();
  expect(await frame.locator('#homeVisit-date').inputValue()).toBe(TODAY);
  expect(await frame.locator('#homeVisit-className').inputValue()).toBe(teacher.className);

  await tabTo('homeVisit-students-filter');
  await page.keyboard.type(student.name);
  // The list is reached from its filter box with ↓ (the two are one Tab stop); Space ticks.
  await page.keyboard.press('ArrowDown');
  expect(await frame.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('checkbox');
  await page.keyboard.press('Space');
  await tabTo('homeVisit-mode');
  const mode = frame.locator('#homeVisit-mode');
  for (
    let i = 0;
    i < 6 &&
    (await mode.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text)) !== t.values.modes.phone;
    i++
  )
    await page.keyboard.press('ArrowDown');
  await tabTo('homeVisit-record');
  await page.keyboard.type('电话家访：了解孩子在家学习情况');
  await page.keyboard.press('Tab');
  for (
    let i = 0;
    i < 10 && !(await frame.evaluate(() => document.activeElement?.matches('button[type=submit]')));
    i++
  )
    await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');

  const saved = frame.locator('#status[data-id]');
  await saved.waitFor();
  const id = (await saved.getAttribute('data-id')) ?? '';
  expect(id).toMatch(/^H-\d+$/);
  const after = await savedCampaign(playground);
  expect(after.homeVisits.length).toBe(homeVisitsBefore + 1);
  const row = after.homeVisits.find((v) => v.id === id);
  expect(row).toMatchObject({
    teacher: teacher.name,
    className: teacher.className,
    mode: 'phone',
    date: TODAY,
  });
  expect(row?.valid).toBe(true);
});

test('a leader who teaches moves the home-visit form to another class: its students are fetched then', async () => {
  const campaign = await campaignOf(playground.workbook);
  const homeUnit = campaign.units.find((u) => u.homeVisits)?.name ?? '';
  const both = campaign.staff.find(
    (s) => s.active && s.className !== '' && s.units.length > 1 && s.units.includes(homeUnit),
  );
  if (!both) throw new Error('the sample has no leader who also teaches');
  const student = campaign.students.find((s) => s.className !== both.className);
  if (!student) throw new Error('the sample has one class only');
  const own = campaign.students.find((s) => s.className === both.className);

  const frame = await openSidebar();
  await frame.locator('#me').selectOption(both.name);
  await frame.locator('#visit-form').waitFor();
  await frame.locator('label[for=kind-homeVisit]').click();
  await frame.locator('#homeVisit-form').waitFor();
  // The own class came with the person.
  expect(await frame.locator('#homeVisit-className').inputValue()).toBe(both.className);
  const names = frame.locator('#homeVisit-students-options .name');
  expect(await names.allTextContents()).toContain(own?.name);

  // The server fails once: the list says so in Chinese, and the form stays usable.
  const fetches: string[] = [];
  await page.route('**/api/run/sidebarClassStudents', (route) => {
    fetches.push(route.request().postData() ?? '');
    return route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: 'Service unavailable' }),
    });
  });
  await frame.locator('#homeVisit-className').selectOption(student.className);
  const notice = frame.locator('#homeVisit-students-notice');
  await notice.locator('.error').waitFor();
  expect(await notice.locator('.error').textContent()).toBe('学生名单加载失败：Service unavailable');
  expect(await frame.locator('#homeVisit-className').isEnabled()).toBe(true);
  await page.unroute('**/api/run/sidebarClassStudents');

  // Retry, the answer held back until the loading line has been seen.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/run/sidebarClassStudents', async (route) => {
    fetches.push(route.request().postData() ?? '');
    await held;
    await route.continue();
  });
  await notice.getByRole('button', { name: '重试' }).click();
  await until(
    () => notice.textContent(),
    (text) => text === '正在加载该班学生名单…',
  );
  expect(await frame.locator('#homeVisit-students').getAttribute('aria-busy')).toBe('true');
  release();
  await frame.locator('#homeVisit-students-options .name', { hasText: student.name }).first().waitFor();
  await page.unroute('**/api/run/sidebarClassStudents');
  expect(fetches.map((body) => JSON.parse(body) as unknown)).toEqual([
    [student.className],
    [student.className],
  ]);
  // Exactly that class's students, the ones not yet home-visited (marked 未访) first.
  expect([...(await names.allTextContents())].sort()).toEqual(
    campaign.students
      .filter((s) => s.className === student.className)
      .map((s) => s.name)
      .sort(),
  );
  const marked = await frame
    .locator('#homeVisit-students-options label')
    .evaluateAll((rows) => rows.map((r) => r.querySelector('.badge') !== null));
  expect(marked).toEqual([...marked].sort((a, b) => Number(b) - Number(a)));

  await frame.locator('#homeVisit-students-options label', { hasText: student.name }).first().click();
  await frame.locator('#homeVisit-mode').selectOption({ label: t.values.modes.phone });
  await frame.locator('#homeVisit-record').fill('e2e：电话了解另一个班学生的情况');
  await frame.getByRole('button', { name: t.sidebar.save }).click();
  const saved = frame.locator('#status[data-id]');
  await saved.waitFor();
  const id = (await saved.getAttribute('data-id')) ?? '';
  expect(id).toMatch(/^H-\d+$/);
  await page.waitForFunction(() => !document.body.hasAttribute('aria-busy'));
  const row = (await savedCampaign(playground)).homeVisits.find((v) => v.id === id);
  expect(row).toMatchObject({ teacher: both.name, className: student.className, mode: 'phone', valid: true });
});

test('set-up and recompute from the menu: 进度 rewritten, the counts of problems shown', async () => {
  await menu('setUp');
  await until(
    () => page.locator('#status').textContent(),
    (text) => (text ?? '').startsWith(t.menu.setUpDone.slice(0, 5)),
  );
  // The workbook already has every sheet: set-up adds nothing and changes no row.
  expect(await page.locator('#status').textContent()).toBe(
    format(t.menu.setUpDone, { created: 0, columns: 0 }),
  );
  const before = (await savedCampaign(playground)).findings.length;
  await menu('recompute');
  const statusTab = page.getByRole('tab', { name: t.sheets.status, exact: true });
  await until(
    () => statusTab.getAttribute('aria-selected'),
    (v) => v === 'true',
  );
  // 进度 is the tab the page opens on: wait for the recompute's own line, not only the tab.
  const message =
    (await until(
      () => page.locator('#status').textContent(),
      (text) => (text ?? '').startsWith(t.menu.recomputeDone.slice(0, 4)),
    )) ?? '';
  const [errors, warnings] = (message.match(/\d+/g) ?? []).map(Number);
  expect((errors ?? 0) + (warnings ?? 0)).toBe(before);
  const grid = await sheetText(page, t.sheets.status);
  expect(grid[0]?.[0]).toContain(`（截至 ${TODAY}）`);
});

test('generates a monthly report as the Sheets prompt asks: empty is last month, a bad month is said', async () => {
  await menu('report');
  const dialog = page.locator('#month-dialog');
  await dialog.waitFor();
  // The question names last month, which is the placeholder; the field starts empty.
  const last = '2027-03';
  expect(await page.locator('#month-label').textContent()).toBe(
    format(t.remind.reportPrompt, { month: last }),
  );
  const input = page.getByRole('textbox', { name: format(t.remind.reportPrompt, { month: last }) });
  expect(await input.getAttribute('placeholder')).toBe(last);
  expect(await input.inputValue()).toBe('');
  // A value that is no month: the dialog stays, and says why under the field.
  await input.fill('2027-13');
  await page.click('#month-ok');
  const error = page.locator('#month-error');
  await error.waitFor({ state: 'visible' });
  expect(await error.textContent()).toBe(format(t.remind.reportBadMonth, { value: '2027-13' }));
  expect(await input.getAttribute('aria-invalid')).toBe('true');
  expect(await dialog.isVisible()).toBe(true);
  // Left empty: last month's report.
  await input.fill('');
  await page.click('#month-ok');
  const sheet = `${t.sheets.report} ${last}`;
  const tab = page.getByRole('tab', { name: sheet, exact: true });
  await tab.waitFor();
  expect(await tab.getAttribute('aria-selected')).toBe('true');
  expect(await dialog.isVisible()).toBe(false);
  const grid = await sheetText(page, sheet);
  expect(grid.flat().join(' ')).toContain(last);
  expect(await page.locator('#status').textContent()).toContain(sheet);
  // The report's chart, drawn as Sheets shows it: one bar per unit of the chart table, titled.
  const chart = page.locator('.sheet-chart-figure');
  await chart.waitFor();
  expect((await chart.locator('figcaption').textContent())?.length).toBeGreaterThan(0);
  // One bar per row of the chart table: each label is a unit named in the sheet.
  const labels = await chart.locator('text[text-anchor="end"]').allTextContents();
  expect(labels.length).toBeGreaterThan(0);
  expect(await chart.locator('rect').count()).toBe(labels.length);
  for (const label of labels) expect(grid.flat()).toContain(label);
  const widths = await chart
    .locator('rect')
    .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
  expect(widths.some((w) => w > 0)).toBe(true);
  // Generated sheets are protected: typing into one is refused with a word why.
  await page.click('td[data-r="2"][data-c="0"]');
  await page.keyboard.type('x');
  expect(await page.locator('.cell-editor').count()).toBe(0);
  expect(await page.locator('#status').textContent()).toBe(t.playground.protectedSheet);
});

test('previews the reminders, then sends them to the outbox tab', async () => {
  await menu('remindPreview');
  const dialog = page.locator('#preview-dialog');
  await dialog.waitFor();
  const previewed = await dialog.locator('.mail').count();
  expect(previewed).toBeGreaterThan(0);
  expect(await dialog.textContent()).toContain(t.remind.previewTitle);
  await page.click('#preview-close');
  const outboxTab = page.getByRole('tab', { name: new RegExp(`^${t.playground.outbox}`) });
  expect(await outboxTab.textContent()).toBe(`${t.playground.outbox} (0)`);

  await menu('remindSend');
  await until(
    () => outboxTab.getAttribute('aria-selected'),
    (v) => v === 'true',
  );
  expect(await outboxTab.textContent()).toBe(`${t.playground.outbox} (${previewed})`);
  const dir = playground.running.session.outboxDir;
  expect(await page.locator('#status').textContent()).toBe(
    format(t.playground.sent, { sent: previewed, deferred: 0, failed: 0, dir }),
  );
  expect(await page.locator('#outbox .mail').count()).toBe(previewed);
  const first = (await page.locator('#outbox .mail').first().textContent()) ?? '';
  expect(first).toContain('@');
  // 发送日志 now records each message; a second run sends nothing again.
  expect(await page.getByRole('tab').allTextContents()).toContain(t.sheets.sendLog);
  await menu('remindSend');
  await page.waitForFunction(() => !document.body.hasAttribute('aria-busy'));
  expect(await outboxTab.textContent()).toBe(`${t.playground.outbox} (${previewed})`);
  expect(await page.locator('#status').textContent()).toBe(format(t.playground.sentNone, { dir }));
});

test('an edit is answered with the rows it changed, not the book, and reaches the file after a quiet spell', async () => {
  const grid = await sheetText(page, t.sheets.visits);
  const header = grid[0] ?? [];
  const purpose = header.indexOf(t.columns.visits.purpose);
  const check = header.indexOf(t.columns.visits.check);
  const row = 3;
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/edit'));
  await page.click(`td[data-r="${row}"][data-c="${purpose}"]`);
  await page.keyboard.press('F2');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('后台写入的走访目的');
  await page.keyboard.press('Enter');
  const body = (await (await answer).json()) as ActionResult;
  expect(Object.keys(body)).not.toContain('book');
  expect(body.patch.sheets.map((s) => s.name)).not.toContain(t.sheets.visits);
  const patched = body.patch.patches.find((p) => p.name === t.sheets.visits);
  expect(patched?.rows.map((r) => r.row)).toEqual([row]);
  expect(patched?.rows[0]?.cells[purpose]).toBe('后台写入的走访目的');
  expect(patched?.rows[0]?.cells[check]).not.toBe('');
  // The page drew the row from the patch.
  await page.waitForFunction(() => !document.body.hasAttribute('aria-busy'));
  expect(await page.textContent(`td[data-r="${row}"][data-c="${purpose}"]`)).toBe('后台写入的走访目的');
  // Nobody asks for the write: it happens by itself once the edits stop.
  await page.waitForSelector('body[data-file="saved"]', { timeout: 60_000 });
  const stored = await campaignOf(playground.workbook);
  expect(stored.visits.find((v) => v.row === row)?.purpose).toBe('后台写入的走访目的');
});

test('edits are in the .xlsx: after a restart the page shows them', async () => {
  const grid = await sheetText(page, t.sheets.suggestions);
  const header = grid[0] ?? [];
  const textCol = header.indexOf(t.columns.suggestions.text);
  const used = grid.reduce((last, cells, i) => (cells.some((c) => c !== '') ? i + 1 : last), 0);
  const row = used + 1;
  await page.click(`td[data-r="${row}"][data-c="${textCol}"]`);
  await page.keyboard.type('=1+2 请在操场加装遮阳棚');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.body.hasAttribute('aria-busy'));
  const running = await playground.restart();
  await openPlayground(page, running.url);
  const after = await sheetText(page, t.sheets.suggestions);
  // Kept as typed, as text (never a formula).
  expect(after[row - 1]?.[textCol]).toBe('=1+2 请在操场加装遮阳棚');
});
