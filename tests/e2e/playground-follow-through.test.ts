// End to end in Chromium: the sidebar's 我的待办 (close a follow-up, turn one into a rectification item), 献一计, 讨论活动, and 献计转整改.
import type { FrameLocator, Page } from 'playwright-core';
import { texts } from '../../src/core/i18n/messages';
import { openXlsx } from '../../src/local/xlsx-workbook';
import { type Browser } from './browser';
import {
  closePlaygroundPage,
  openPlaygroundPage,
  savedCampaign,
  TODAY,
  type TestPlayground,
} from './playground-fixture';

const t = texts('zh');

let playground: TestPlayground;
let browser: Browser;
let page: Page;
let frame: FrameLocator;
let leader = '';

beforeAll(async () => {
  ({ playground, browser, page } = await openPlaygroundPage());
  const campaign = await savedCampaign(playground);
  const unit = campaign.units.find((u) => !u.homeVisits)?.name ?? '';
  leader = campaign.staff.find((s) => s.active && s.units.includes(unit))?.name ?? '';
  if (leader === '') throw new Error('the sample has no leader');
  await page.getByRole('button', { name: t.menu.title, exact: true }).click();
  await page.click('[role=menuitem][data-action="logVisit"]');
  frame = page.frameLocator('#sidebar-frame');
  await frame.locator('#me').selectOption(leader);
  await frame.locator('#visit-form').waitFor();
});

afterAll(() => closePlaygroundPage(browser, playground));

/** Saves a leader visit whose follow-up (及时汇报) the leader owns; returns its 编号. */
async function saveFollowUp(suggestion: string): Promise<string> {
  await frame.locator('#tab-record').click();
  await frame.locator('#visit-targets-options label').first().click();
  await frame.locator('#visit-mode').selectOption({ label: t.values.modes.faceToFace });
  await frame.locator('#visit-record').fill('e2e：听取意见');
  await frame.locator('#visit-suggestions').fill(suggestion);
  await frame.locator('#visit-followUp').selectOption({ label: t.values.followUps.report });
  await frame.locator('#visit-followUpOwner').fill(leader);
  await frame.locator('#visit-form button[type=submit]').click();
  // A warning (a duplicate target this day) is confirmed as a person would.
  const saved = frame.locator('#status[data-id]');
  const confirm = frame.locator('#confirm-save');
  await Promise.race([saved.waitFor(), confirm.waitFor()]);
  if (await confirm.isVisible()) await confirm.click();
  await saved.waitFor();
  return (await saved.getAttribute('data-id')) ?? '';
}

/** The 我的待办 tab, with the item of that 编号 listed. */
async function todoItem(id: string) {
  await frame.locator('#tab-todo').click();
  const item = frame.locator(`.todo-item[data-id="${id}"]`);
  await item.waitFor();
  return item;
}

test('close a follow-up from 我的待办: 跟进结果 and 办结日期 filled, 处理方式 kept, logged', async () => {
  const id = await saveFollowUp('e2e：操场照明不足');
  expect(id).toMatch(/^V-\d+$/);
  const item = await todoItem(id);
  expect(await frame.locator('#tab-todo').textContent()).toMatch(/\d/);
  await item.locator('button[data-action=close]').click();
  await frame.locator(`#todo-${id}-close-result`).fill('e2e：已增设路灯');
  await frame.locator(`#todo-${id}-close button[type=submit]`).click();
  await frame.locator(`#todo-status[data-id="${id}"]`).waitFor();
  expect(await frame.locator('#todo-status').textContent()).toBe(`${id} 已办结（${TODAY}）。`);
  expect(await frame.locator(`.todo-item[data-id="${id}"]`).count()).toBe(0);
  const visit = (await savedCampaign(playground)).visits.find((v) => v.id === id);
  expect(visit).toMatchObject({ followUp: 'report', followUpResult: 'e2e：已增设路灯', closedOn: TODAY });
  // 修改日志: who and when, each cell filled (old value empty).
  const log = (await openXlsx(playground.workbook)).read(t.sheets.changeLog) ?? [];
  const lines = log.filter((line) => line[3] === id).map((line) => [line[1], line[6], line[7], line[8]]);
  expect(lines).toEqual([
    [leader, t.columns.visits.followUpResult, null, 'e2e：已增设路灯'], // an empty cell reads back as null
    [leader, t.columns.visits.closedOn, null, TODAY],
  ]);
});

test('turn a follow-up into a rectification item: a 问题整改 row linked both ways', async () => {
  const id = await saveFollowUp('e2e：食堂排队太久');
  const item = await todoItem(id);
  await item.locator('button[data-action=convert]').click();
  const problem = frame.locator(`#todo-${id}-convert-problem`);
  expect(await problem.inputValue()).toBe('e2e：食堂排队太久');
  await problem.fill('e2e：食堂排队太久，需增开窗口');
  await frame.locator(`#todo-${id}-convert-deadline`).fill('2027-05-31');
  await frame.locator(`#todo-${id}-convert button[type=submit]`).click();
  const status = frame.locator('#todo-status[data-id^="R-"]');
  await status.waitFor();
  const rid = (await status.getAttribute('data-id')) ?? '';
  const campaign = await savedCampaign(playground);
  expect(campaign.rectification.find((r) => r.id === rid)).toMatchObject({
    source: id,
    problem: 'e2e：食堂排队太久，需增开窗口',
    owner: leader,
    deadline: '2027-05-31',
    status: 'open',
    openedOn: TODAY,
  });
  expect(campaign.visits.find((v) => v.id === id)).toMatchObject({
    rectificationId: rid,
    followUpResult: `转整改 ${rid}`,
    closedOn: TODAY,
  });
});

test('converting: a past 期限 is refused beside the field; a 责任人 not on the roster is warned, 仍然保存 saves it', async () => {
  const id = await saveFollowUp('e2e：楼梯扶手松动');
  const item = await todoItem(id);
  await item.locator('button[data-action=convert]').click();
  await frame.locator(`#todo-${id}-convert-owner`).fill('不存在的人');
  await frame.locator(`#todo-${id}-convert-deadline`).fill('2027-04-01');
  await frame.locator(`#todo-${id}-convert button[type=submit]`).click();
  const deadlineError = frame.locator(`#todo-${id}-convert-deadline-error`);
  await deadlineError.waitFor();
  expect(await deadlineError.textContent()).toBe(`期限不能早于今天（${TODAY}）`);
  await frame.locator(`#todo-${id}-convert-deadline`).fill('2027-05-31');
  await frame.locator(`#todo-${id}-convert button[type=submit]`).click();
  const confirm = frame.locator(`#todo-${id}-convert-confirm`);
  await confirm.waitFor();
  expect(await confirm.textContent()).toContain('责任人“不存在的人”不在人员名单中');
  // Nothing written before 仍然保存.
  expect((await savedCampaign(playground)).visits.find((v) => v.id === id)?.rectificationId).toBe('');
  await confirm.locator('[data-action=save-anyway]').click();
  const status = frame.locator('#todo-status[data-id^="R-"]');
  await status.waitFor();
  const rid = (await status.getAttribute('data-id')) ?? '';
  expect((await savedCampaign(playground)).rectification.find((r) => r.id === rid)).toMatchObject({
    source: id,
    owner: '不存在的人',
    deadline: '2027-05-31',
  });
});

test('submit a suggestion (献一计), then the office turns it into a rectification item from the menu', async () => {
  await frame.locator('#tab-suggest').click();
  await frame.locator('#suggest-title').fill('e2e：图书角');
  await frame.locator('#suggest-text').fill('=每班设一个图书角');
  await frame.locator('#suggest-category').fill('教育教学');
  await frame.locator('#suggestion-form button[type=submit]').click();
  const status = frame.locator('#suggestion-form-status[data-id]');
  await status.waitFor();
  const sid = (await status.getAttribute('data-id')) ?? '';
  expect(sid).toMatch(/^S-\d+$/);
  let campaign = await savedCampaign(playground);
  expect(campaign.suggestions.find((s) => s.id === sid)).toMatchObject({
    author: leader,
    title: 'e2e：图书角',
    text: '=每班设一个图书角',
    date: TODAY,
  });

  // 献计转整改 on the selected cell of the suggestion's row.
  await page.getByRole('tab', { name: t.sheets.suggestions, exact: true }).click();
  await page.locator('table.grid tr', { hasText: sid }).locator('td').nth(2).click();
  await page.getByRole('button', { name: t.menu.title, exact: true }).click();
  await page.click('[role=menuitem][data-action="suggestionToRect"]');
  await page.locator('#status', { hasText: `来源 ${sid}` }).waitFor();
  campaign = await savedCampaign(playground);
  const rid = campaign.suggestions.find((s) => s.id === sid)?.rectificationId ?? '';
  expect(rid).toMatch(/^R-\d+$/);
  expect(campaign.rectification.find((r) => r.id === rid)).toMatchObject({ source: sid, status: 'open' });
});

test('log a discussion activity (讨论活动)', async () => {
  await frame.locator('#tab-discuss').click();
  await frame.locator('#discuss-form').selectOption({ label: t.values.discussionForms.forum });
  await frame.locator('#discuss-topic').fill('e2e：课后服务怎么办');
  await frame.locator('#discuss-attendance').fill('36');
  await frame.locator('#discuss-record').fill('家长代表发言');
  await frame.locator('#discussion-form button[type=submit]').click();
  const status = frame.locator('#discussion-form-status[data-id]');
  await status.waitFor();
  const did = (await status.getAttribute('data-id')) ?? '';
  const discussion = (await savedCampaign(playground)).discussions.find((d) => d.id === did);
  expect(discussion).toMatchObject({
    date: TODAY,
    form: 'forum',
    topic: 'e2e：课后服务怎么办',
    organiser: leader,
    attendance: 36,
  });
});

test('at the sidebar width every tab fits without sideways scrolling, each field is labelled, ← → walk the tabs', async () => {
  const sidebar = page.frames().find((f) => f.url().includes('/sidebar.html'));
  if (!sidebar) throw new Error('no sidebar frame');
  for (const tab of ['record', 'todo', 'suggest', 'discuss']) {
    await frame.locator(`#tab-${tab}`).click();
    const fit = await sidebar.evaluate(() => ({
      width: document.documentElement.clientWidth,
      overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      unlabelled: [
        ...document.querySelectorAll<HTMLInputElement>(
          '[role=tabpanel]:not([hidden]) input, [role=tabpanel]:not([hidden]) select, [role=tabpanel]:not([hidden]) textarea',
        ),
      ]
        .filter(
          (el) =>
            el.type !== 'hidden' &&
            ![...(el.labels ?? [])].some((l) => (l.textContent ?? '').trim() !== '') &&
            !el.closest('fieldset'),
        )
        .map((el) => el.id),
    }));
    expect({ tab, ...fit }).toEqual({ tab, width: expect.any(Number), overflow: false, unlabelled: [] });
    expect(fit.width).toBeLessThanOrEqual(360);
  }
  await frame.locator('#tab-record').focus();
  await page.keyboard.press('ArrowRight');
  expect(await sidebar.evaluate(() => document.activeElement?.id)).toBe('tab-todo');
  expect(await frame.locator('#panel-todo').isVisible()).toBe(true);
});
