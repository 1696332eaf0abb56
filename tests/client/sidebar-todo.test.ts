/** @jest-environment jsdom */
// The sidebar's tabs in a DOM over a fake google.script.run: 我的待办 (close, convert), 献一计, 讨论活动, photo links.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSidebar } from '../../src/client/sidebar-app';
import { connectServer } from '../../src/client/server';
import type { ActionAnswer, TodoList } from '../../src/contract/todo-payload';
import { bootstrap, principal } from './sidebar-fixture';
import { fakeScriptRun, settle, type FakeRun, type Handlers } from './fake-script-run';

const page = readFileSync(join(__dirname, '../../html/sidebar.html'), 'utf8');

async function mount(handlers: Handlers = {}): Promise<FakeRun> {
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(page)?.[1] ?? '';
  const fake = fakeScriptRun({
    sidebarBootstrap: () => bootstrap(),
    sidebarPreview: () => ({ ok: true, warnings: [] }),
    ...handlers,
  });
  await startSidebar(document.getElementById('app') as HTMLElement, connectServer(fake.runner));
  return fake;
}

const byId = <T extends HTMLElement = HTMLElement>(id: string) => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`no #${id}`);
  return element as T;
};
function type(id: string, text: string): void {
  const field = byId<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(id);
  field.value = text;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}
const key = (element: Element, name: string) =>
  element.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
const itemOf = (id: string) => document.querySelector<HTMLElement>(`.todo-item[data-id="${id}"]`);
const button = (id: string, action: string) =>
  itemOf(id)?.querySelector<HTMLButtonElement>(`button[data-action=${action}]`) as HTMLButtonElement;
async function submit(formId: string): Promise<void> {
  byId(formId).querySelector<HTMLButtonElement>('button[type=submit]')?.click();
  await settle();
}

/** What the server answers after closing V-3: only R-1 is left. */
const afterClose: TodoList = { ...principal().todo, items: principal().todo.items.slice(1), total: 1 };

describe('sidebar tabs', () => {
  test('four tabs, the record form first; arrow keys move along them; 我的待办 carries its count', async () => {
    await mount();
    const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    expect(tabs.map((t) => t.querySelector('.tab-label')?.textContent)).toEqual([
      '记录',
      '我的待办',
      '献一计',
      '讨论活动',
    ]);
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false', 'false']);
    expect(byId('tab-todo').textContent).toContain('2 项待办');
    expect(byId('panel-record').hidden).toBe(false);
    tabs[0]?.focus();
    key(tabs[0] as HTMLElement, 'ArrowRight');
    expect(document.activeElement).toBe(byId('tab-todo'));
    expect(byId('panel-todo').hidden).toBe(false);
    expect(byId('panel-record').hidden).toBe(true);
    key(byId('tab-todo'), 'End');
    expect(document.activeElement).toBe(byId('tab-discuss'));
    expect(byId('tab-discuss').tabIndex).toBe(0);
    expect(byId('tab-record').tabIndex).toBe(-1);
  });

  test('showing 我的待办 asks for the list as it now stands (a record saved meanwhile may have opened one)', async () => {
    const fake = await mount({ sidebarTodo: () => afterClose });
    expect(fake.calls.map((c) => c.name)).toEqual(['sidebarBootstrap']);
    byId('tab-todo').click();
    await settle();
    expect(fake.calls.map((c) => c.name)).toEqual(['sidebarBootstrap', 'sidebarTodo']);
    expect([...document.querySelectorAll<HTMLElement>('.todo-item')].map((i) => i.dataset.id)).toEqual([
      'R-1',
    ]);
    expect(byId('tab-todo').textContent).toContain('1 项待办');
  });

  test('我的待办: oldest first, late and deadline said; only follow-ups can be closed or converted', async () => {
    await mount();
    byId('tab-todo').click();
    const items = [...document.querySelectorAll<HTMLElement>('.todo-item')];
    expect(items.map((i) => i.dataset.id)).toEqual(['V-3', 'R-1']);
    expect(itemOf('V-3')?.textContent).toContain('V-3 · 及时汇报 · 2027-04-02 · 已 18 天');
    expect(itemOf('V-3')?.textContent).toContain('超过 7 天未办结');
    expect(itemOf('R-1')?.textContent).toContain('期限 2027-05-01');
    expect(itemOf('R-1')?.querySelectorAll('button')).toHaveLength(0);
  });

  test('closing asks for the result, sends it, says the answer and shows the list as it now stands', async () => {
    const answer: ActionAnswer = {
      ok: true,
      id: 'V-3',
      message: 'V-3 已办结（2027-04-20）。',
      todo: afterClose,
    };
    const fake = await mount({ sidebarCloseFollowUp: () => answer });
    byId('tab-todo').click();
    button('V-3', 'close').click();
    expect(document.activeElement).toBe(byId('todo-V-3-close-result'));
    type('todo-V-3-close-result', '已向校务会汇报');
    await submit('todo-V-3-close');
    expect(fake.calls.filter((c) => c.name === 'sidebarCloseFollowUp').map((c) => c.args)).toEqual([
      [{ id: 'V-3', result: '已向校务会汇报' }],
    ]);
    expect(byId('todo-status').textContent).toBe('V-3 已办结（2027-04-20）。');
    expect(document.activeElement).toBe(byId('todo-status'));
    expect([...document.querySelectorAll<HTMLElement>('.todo-item')].map((i) => i.dataset.id)).toEqual([
      'R-1',
    ]);
    expect(byId('tab-todo').textContent).toContain('1 项待办');
  });

  test('a refusal is shown beside the field it names; Escape closes the small form', async () => {
    await mount({
      sidebarCloseFollowUp: () => ({ ok: false, errors: [{ field: 'result', message: '请填写跟进结果' }] }),
    });
    byId('tab-todo').click();
    button('V-3', 'close').click();
    await submit('todo-V-3-close');
    expect(byId('todo-V-3-close-result-error').textContent).toBe('请填写跟进结果');
    expect(byId('todo-V-3-close-result').getAttribute('aria-invalid')).toBe('true');
    key(byId('todo-V-3-close-result'), 'Escape');
    expect(document.getElementById('todo-V-3-close')).toBeNull();
    expect(document.activeElement).toBe(button('V-3', 'close'));
  });

  test('converting opens a small form with the problem and owner prefilled; the answer names the new R-n', async () => {
    const fake = await mount({
      sidebarConvert: () => ({
        ok: true,
        id: 'R-2',
        message: '已登记整改事项 R-2（来源 V-3）',
        todo: afterClose,
      }),
    });
    byId('tab-todo').click();
    button('V-3', 'convert').click();
    expect(byId<HTMLTextAreaElement>('todo-V-3-convert-problem').value).toBe('操场照明不足');
    expect(byId<HTMLInputElement>('todo-V-3-convert-owner').value).toBe('张校长');
    type('todo-V-3-convert-problem', '操场照明不足，需加装路灯');
    type('todo-V-3-convert-deadline', '2027-05-31');
    await submit('todo-V-3-convert');
    expect(fake.calls.find((c) => c.name === 'sidebarConvert')?.args).toEqual([
      { id: 'V-3', problem: '操场照明不足，需加装路灯', owner: '张校长', deadline: '2027-05-31' },
    ]);
    expect(byId('todo-status').dataset.id).toBe('R-2');
  });

  test('a follow-up says `late`, a rectification item `overdue`: each badge from its own flag', async () => {
    const todo: TodoList = {
      ...principal().todo,
      items: principal().todo.items.map((i) =>
        i.kind === 'followUp' ? { ...i, late: false } : { ...i, overdue: true },
      ),
    };
    await mount({ sidebarBootstrap: () => ({ ...bootstrap(), person: { ...principal(), todo } }) });
    byId('tab-todo').click();
    expect(itemOf('V-3')?.querySelector('.todo-late')).toBeNull();
    expect(itemOf('R-1')?.querySelector('.todo-late')?.textContent).toBe('已逾期');
  });

  test('a 责任人 not on the roster: the warning with 仍然保存 / 返回修改 in the form; 仍然保存 sends it confirmed', async () => {
    const warning = '责任人“不存在的人”不在人员名单中（或已不在职）：此人收不到提醒。';
    const fake = await mount({
      sidebarConvert: (input) =>
        input.confirmed === true
          ? { ok: true, id: 'R-2', message: '已登记整改事项 R-2（来源 V-3）', todo: afterClose }
          : { ok: false, errors: [], warnings: [warning] },
    });
    byId('tab-todo').click();
    button('V-3', 'convert').click();
    type('todo-V-3-convert-owner', '不存在的人');
    await submit('todo-V-3-convert');
    const box = byId('todo-V-3-convert-confirm');
    expect(box.hidden).toBe(false);
    expect(box.getAttribute('role')).toBe('alertdialog');
    expect(box.textContent).toContain(warning);
    const anyway = box.querySelector<HTMLButtonElement>('[data-action=save-anyway]')!;
    expect(anyway.textContent).toBe('仍然保存');
    expect(document.activeElement).toBe(anyway);
    // 返回修改: the box goes, focus on 责任人, nothing saved.
    box.querySelector<HTMLButtonElement>('[data-action=go-back]')!.click();
    expect(box.hidden).toBe(true);
    expect(document.activeElement).toBe(byId('todo-V-3-convert-owner'));
    expect(byId('todo-status').dataset.id).toBeUndefined();
    // Again, then 仍然保存: the same input, confirmed.
    await submit('todo-V-3-convert');
    byId('todo-V-3-convert-confirm').querySelector<HTMLButtonElement>('[data-action=save-anyway]')!.click();
    await settle();
    const calls = fake.calls.filter((c) => c.name === 'sidebarConvert').map((c) => c.args[0]);
    expect(calls).toEqual([
      { id: 'V-3', problem: '操场照明不足', owner: '不存在的人', deadline: '' },
      { id: 'V-3', problem: '操场照明不足', owner: '不存在的人', deadline: '' },
      { id: 'V-3', problem: '操场照明不足', owner: '不存在的人', deadline: '', confirmed: true },
    ]);
    expect(byId('todo-status').dataset.id).toBe('R-2');
  });

  test('a 期限 before today is shown beside the 期限 field', async () => {
    await mount({
      sidebarConvert: () => ({
        ok: false,
        errors: [{ field: 'deadline', message: '期限不能早于今天（2027-04-20）' }],
      }),
    });
    byId('tab-todo').click();
    button('V-3', 'convert').click();
    type('todo-V-3-convert-deadline', '2027-04-01');
    await submit('todo-V-3-convert');
    expect(byId('todo-V-3-convert-deadline-error').textContent).toBe('期限不能早于今天（2027-04-20）');
    expect(byId('todo-V-3-convert-deadline').getAttribute('aria-invalid')).toBe('true');
  });

  test('献一计 sends title, text, category and anonymity, then empties the form', async () => {
    const fake = await mount({
      sidebarSuggest: () => ({ ok: true, id: 'S-5', message: '已收到献计 S-5，谢谢！', todo: null }),
    });
    byId('tab-suggest').click();
    expect([...byId('suggest-category-list').querySelectorAll('option')].map((o) => o.value)).toContain(
      '后勤服务',
    );
    type('suggest-title', '图书角');
    type('suggest-text', '每班设图书角');
    type('suggest-category', '教育教学');
    byId<HTMLInputElement>('suggest-anonymous').click();
    await submit('suggestion-form');
    expect(fake.calls.find((c) => c.name === 'sidebarSuggest')?.args).toEqual([
      { title: '图书角', text: '每班设图书角', category: '教育教学', anonymous: true },
    ]);
    expect(byId('suggestion-form-status').textContent).toBe('已收到献计 S-5，谢谢！');
    expect(byId<HTMLTextAreaElement>('suggest-text').value).toBe('');
    expect(byId<HTMLInputElement>('suggest-anonymous').checked).toBe(false);
  });

  test('讨论活动: date today, organiser the person, forms in words; attendance sent as a number', async () => {
    const fake = await mount({
      sidebarDiscussion: () => ({ ok: true, id: 'D-1', message: '已记录讨论活动 D-1。', todo: null }),
    });
    byId('tab-discuss').click();
    expect(byId<HTMLInputElement>('discuss-date').value).toBe('2027-04-20');
    expect(byId<HTMLInputElement>('discuss-organiser').value).toBe('张校长');
    expect([...byId<HTMLSelectElement>('discuss-form').options].map((o) => o.text)).toEqual([
      '（请选择）',
      '研讨会',
      '报告会',
      '座谈会',
      '宣传专栏',
      '其他',
    ]);
    type('discuss-form', 'forum');
    type('discuss-topic', '课后服务怎么办');
    type('discuss-attendance', '36');
    await submit('discussion-form');
    expect(fake.calls.find((c) => c.name === 'sidebarDiscussion')?.args).toEqual([
      {
        date: '2027-04-20',
        form: 'forum',
        topic: '课后服务怎么办',
        organiser: '张校长',
        attendance: 36,
        record: '',
      },
    ]);
    expect(byId('discussion-form-status').textContent).toBe('已记录讨论活动 D-1。');
  });

  test('photo links: a line that is no http(s) link is warned as it is typed; the links go with the record', async () => {
    const fake = await mount({
      sidebarSave: () => ({ ok: true, id: 'V-9', row: 10, progress: [], warnings: [], withdrawMinutes: 10 }),
    });
    type('visit-photos', 'https://photos.example/a.jpg\nwww.example.com/b.jpg');
    expect(byId('visit-photos-warning').hidden).toBe(false);
    expect(byId('visit-photos-warning').textContent).toBe('第 2 行不像 http(s) 链接：www.example.com/b.jpg');
    type('visit-photos', 'https://photos.example/a.jpg\nhttp://x.example/b.jpg');
    expect(byId('visit-photos-warning').hidden).toBe(true);
    byId<HTMLInputElement>('visit-targets-0').click();
    type('visit-mode', 'faceToFace');
    type('visit-record', '交流');
    byId('visit-form').querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await settle();
    const sent = fake.calls.find((c) => c.name === 'sidebarSave')?.args[0] as Record<string, unknown>;
    expect(sent.photos).toBe('https://photos.example/a.jpg\nhttp://x.example/b.jpg');
  });

  test('the home-visit form offers 跟进人 as the visit form does', async () => {
    await mount();
    expect(document.querySelector('label[for=homeVisit-followUpOwner]')?.textContent).toBe('跟进人');
    expect(byId('homeVisit-followUpOwner').getAttribute('list')).toBe('homeVisit-owner-list');
  });
});
