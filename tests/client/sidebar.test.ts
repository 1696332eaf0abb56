/** @jest-environment jsdom */
// The sidebar page in a DOM with a fake google.script.run: required fields, errors beside fields, the payload sent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSidebar } from '../../src/client/sidebar-app';
import { connectServer } from '../../src/client/server';
import type { SaveResult } from '../../src/contract/sidebar-payload';
import { bootstrap, classStudents, principal, rosters } from './sidebar-fixture';
import { fakeScriptRun, settle, type FakeRun, type Handlers } from './fake-script-run';

const page = readFileSync(join(__dirname, '../../html/sidebar.html'), 'utf8');

async function mount(handlers: Handlers): Promise<FakeRun> {
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(page)?.[1] ?? '';
  // No warnings before saving unless a test says otherwise.
  const fake = fakeScriptRun({ sidebarPreview: () => ({ ok: true, warnings: [] }), ...handlers });
  await startSidebar(document.getElementById('app') as HTMLElement, connectServer(fake.runner));
  return fake;
}

/** mount() for tests on fake timers: the fake answers come on a timer too, so they are advanced. */
async function mountWithTimers(handlers: Handlers): Promise<FakeRun> {
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(page)?.[1] ?? '';
  const fake = fakeScriptRun({ sidebarPreview: () => ({ ok: true, warnings: [] }), ...handlers });
  const started = startSidebar(document.getElementById('app') as HTMLElement, connectServer(fake.runner));
  await jest.advanceTimersByTimeAsync(10);
  await started;
  await jest.advanceTimersByTimeAsync(10);
  return fake;
}

const byId = <T extends HTMLElement = HTMLElement>(id: string) => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`no #${id}`);
  return element as T;
};
const optionsOf = (id: string) =>
  [...byId(`${id}-options`).querySelectorAll<HTMLInputElement>('input[type=checkbox]')].map((box) => ({
    value: box.value,
    text: (box.parentElement?.textContent ?? '').trim(),
  }));
function tick(id: string, value: string): void {
  const box = [...byId(`${id}-options`).querySelectorAll<HTMLInputElement>('input')].find(
    (b) => b.value === value,
  );
  if (!box) throw new Error(`no option ${value} in ${id}`);
  box.click();
}
function type(id: string, text: string): void {
  const field = byId<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(id);
  field.value = text;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}
async function save(kind: string): Promise<void> {
  byId(`${kind}-form`).querySelector<HTMLButtonElement>('button[type=submit]')?.click();
  await settle();
}
/** Elements the page scrolled into view (jsdom has no layout, so scrollIntoView is recorded). */
let scrolledTo: Element[] = [];
beforeEach(() => {
  scrolledTo = [];
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolledTo.push(this);
  };
});
afterEach(() => {
  delete (Element.prototype as Partial<Element>).scrollIntoView;
});
const saves = (fake: FakeRun) => fake.calls.filter((c) => c.name === 'sidebarSave');

function expectErrorBeside(field: string, control: HTMLElement, message: RegExp): void {
  const error = byId(`${field}-error`);
  expect(error.hidden).toBe(false);
  expect(error.textContent).toMatch(message);
  expect(control.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
  expect(control.getAttribute('aria-invalid')).toBe('true');
  // Beside the field: in the same field block as the control.
  expect(error.closest('.field')).toBe(control.closest('.field'));
}

const saved = (id: string, row: number): SaveResult => ({
  ok: true,
  id,
  row,
  warnings: [],
  withdrawMinutes: 10,
  progress: [
    {
      unit: '校长室',
      count: 3,
      minimum: 5,
      status: 'on_track',
      statusText: '进行中',
      text: '校长室：3 / 5 · 进行中',
      leftText: '',
    },
  ],
});

describe('sidebar page', () => {
  test('starts with exactly one round trip and shows the person, today and progress', async () => {
    const fake = await mount({ sidebarBootstrap: () => bootstrap() });
    expect(fake.calls.map((c) => c.name)).toEqual(['sidebarBootstrap']);
    expect(byId<HTMLSelectElement>('me').value).toBe('张校长');
    expect(byId<HTMLInputElement>('visit-date').value).toBe('2027-04-20');
    expect(byId('progress-title').textContent).toBe('我本月的进度');
    expect(document.querySelector('.progress')?.textContent).toContain('校长室：1 / 5 · 落后');
    expect(document.querySelector('.progress')?.textContent).toContain('尚未走访：周家长、吴先生');
    // Targets: not yet visited this cycle first, marked; the visited one last.
    expect(optionsOf('visit-targets').map((o) => o.value)).toEqual(['周家长', '吴先生', '郑家长']);
    expect(optionsOf('visit-targets')[0]?.text).toContain('未访');
    expect(optionsOf('visit-targets')[2]?.text).not.toContain('未访');
    // Co-visitors: every active colleague but me.
    expect(optionsOf('visit-coVisitors').map((o) => o.value)).toEqual(['李主任', '王老师']);
  });

  test('required fields: errors next to each field, focus on the first, nothing sent', async () => {
    const fake = await mount({ sidebarBootstrap: () => bootstrap() });
    await save('visit');
    expect(saves(fake)).toHaveLength(0);
    expectErrorBeside('visit-targets', byId('visit-targets'), /请至少选择一项走访对象/);
    expectErrorBeside('visit-mode', byId('visit-mode'), /请选择方式/);
    expectErrorBeside('visit-record', byId('visit-record'), /请填写情况记录/);
    expect(byId('visit-date-error').hidden).toBe(true);
    expect(byId('visit-date').hasAttribute('aria-invalid')).toBe(false);
    expect(byId('summary').textContent).toContain('有 3 处需要修改');
    expect(document.activeElement).toBe(byId('visit-targets-0'));

    // Fixing one field clears its error on the next try; the others stay.
    type('visit-record', '谈了家校共育。');
    await save('visit');
    expect(byId('visit-record-error').hidden).toBe(true);
    expect(byId('visit-record').hasAttribute('aria-invalid')).toBe(false);
    expect(byId('visit-mode-error').hidden).toBe(false);
    expect(saves(fake)).toHaveLength(0);
  });

  test('a whitespace-only record and a bad date are caught in the browser', async () => {
    const fake = await mount({ sidebarBootstrap: () => bootstrap() });
    tick('visit-targets', '周家长');
    type('visit-mode', 'faceToFace');
    type('visit-record', '   ');
    type('visit-date', '');
    await save('visit');
    expect(saves(fake)).toHaveLength(0);
    expectErrorBeside('visit-record', byId('visit-record'), /请填写情况记录/);
    expectErrorBeside('visit-date', byId('visit-date'), /YYYY-MM-DD/);
  });

  test('a valid leader visit sends exactly the record and shows the saved 编号', async () => {
    const fake = await mount({ sidebarBootstrap: () => bootstrap(), sidebarSave: () => saved('V-13', 14) });
    tick('visit-targets', '吴先生');
    tick('visit-targets', '周家长');
    tick('visit-coVisitors', '李主任');
    type('visit-mode', 'faceToFace');
    type('visit-record', '  听取了对课后服务的建议。 ');
    type('visit-suggestions', '增加科技社团');
    type('visit-followUp', 'report');
    type('visit-followUpOwner', '李主任');
    await save('visit');
    expect(saves(fake)).toHaveLength(1);
    expect(saves(fake)[0]?.args).toEqual([
      {
        kind: 'visit',
        date: '2027-04-20',
        visitor: '张校长',
        coVisitors: ['李主任'],
        targets: ['周家长', '吴先生'],
        mode: 'faceToFace',
        purpose: '倾听社会对学校发展的心声',
        record: '听取了对课后服务的建议。',
        suggestions: '增加科技社团',
        followUp: 'report',
        followUpOwner: '李主任',
      },
    ]);
    const status = byId('status');
    expect(status.textContent).toContain('已保存，编号 V-13（第 14 行）');
    expect(status.getAttribute('role')).toBe('status');
    // The result sits under the long form, below the fold of the panel: it is scrolled to and focused.
    expect(document.activeElement).toBe(status);
    expect(scrolledTo).toContain(status);
    // The form is ready for the next record; the saved targets moved behind the ones still to visit.
    expect(byId<HTMLTextAreaElement>('visit-record').value).toBe('');
    expect(optionsOf('visit-targets').map((o) => o.value)).toEqual(['周家长', '吴先生', '郑家长']);
    expect(optionsOf('visit-targets').filter((o) => o.text.includes('未访'))).toEqual([]);
    expect(document.querySelector('.progress')?.textContent).toContain('校长室：3 / 5 · 进行中');
  });

  test('after a save the visited target moves behind the ones still to visit', async () => {
    await mount({ sidebarBootstrap: () => bootstrap(), sidebarSave: () => saved('V-14', 15) });
    tick('visit-targets', '周家长');
    type('visit-mode', 'phone');
    type('visit-record', '电话沟通。');
    await save('visit');
    expect(optionsOf('visit-targets').map((o) => [o.value, o.text.includes('未访')])).toEqual([
      ['吴先生', true],
      ['周家长', false],
      ['郑家长', false],
    ]);
    expect(byId('visit-targets-options').querySelectorAll('input:checked')).toHaveLength(0);
  });

  test('a home visit: students by class, another class fetched once, the payload, the saved 编号', async () => {
    const fake = await mount({
      sidebarBootstrap: () => bootstrap(),
      sidebarClassStudents: classStudents(),
      sidebarSave: () => saved('H-4', 5),
    });
    byId<HTMLInputElement>('kind-homeVisit').click();
    expect(byId('homeVisit-form').hidden).toBe(false);
    expect(byId('visit-form').hidden).toBe(true);
    // The teacher's own class first; two 王芳 in different classes never mix.
    expect(byId<HTMLSelectElement>('homeVisit-className').value).toBe('三(2)班');
    expect(optionsOf('homeVisit-students').map((o) => o.value)).toEqual(['王芳', '韩梅梅', '陈晨']);
    type('homeVisit-className', '三(1)班');
    // While the other class's students are on their way, the list says so.
    expect(optionsOf('homeVisit-students')).toEqual([]);
    expect(byId('homeVisit-students-notice').textContent).toBe('正在加载该班学生名单…');
    expect(byId('homeVisit-students').getAttribute('aria-busy')).toBe('true');
    await settle();
    expect(byId('homeVisit-students-notice').textContent).toBe('');
    expect(byId('homeVisit-students').hasAttribute('aria-busy')).toBe(false);
    expect(optionsOf('homeVisit-students').map((o) => o.value)).toEqual(['王芳', '李雷']);
    // Back and forth: each class is fetched once.
    type('homeVisit-className', '三(2)班');
    expect(optionsOf('homeVisit-students').map((o) => o.value)).toEqual(['王芳', '韩梅梅', '陈晨']);
    type('homeVisit-className', '三(1)班');
    expect(optionsOf('homeVisit-students').map((o) => o.value)).toEqual(['王芳', '李雷']);
    expect(fake.calls.filter((c) => c.name === 'sidebarClassStudents').map((c) => c.args)).toEqual([
      ['三(1)班'],
    ]);
    tick('homeVisit-students', '李雷');
    tick('homeVisit-coTeachers', '王老师');
    type('homeVisit-mode', 'inPerson');
    type('homeVisit-family', '三代同住');
    type('homeVisit-record', '了解了学习环境。');
    await save('homeVisit');
    expect(saves(fake).map((c) => c.args)).toEqual([
      [
        {
          kind: 'homeVisit',
          date: '2027-04-20',
          teacher: '张校长',
          className: '三(1)班',
          students: ['李雷'],
          coTeachers: ['王老师'],
          mode: 'inPerson',
          family: '三代同住',
          parentNeeds: '',
          supportNeeded: '',
          record: '了解了学习环境。',
          followUp: null,
        },
      ],
    ]);
    expect(byId('status').textContent).toContain('编号 H-4');
    expect(byId('status').getAttribute('data-id')).toBe('H-4');
  });

  test('two students of one name in a class are told apart by student ID', async () => {
    const roster = rosters();
    roster['三(1)班']?.push({ id: 'S309', name: '王芳', visited: false, initials: 'wf' });
    await mount({ sidebarBootstrap: () => bootstrap(), sidebarClassStudents: classStudents(roster) });
    byId<HTMLInputElement>('kind-homeVisit').click();
    type('homeVisit-className', '三(1)班');
    await settle();
    expect(optionsOf('homeVisit-students').map((o) => o.value)).toEqual(['S301', '李雷', 'S309']);
  });

  test('a class that cannot be fetched: said in the school language, the form stays usable, retry works', async () => {
    let down = true;
    const fake = await mount({
      sidebarBootstrap: () => bootstrap(),
      sidebarClassStudents: (className) => {
        if (down) throw new Error('Service unavailable');
        return classStudents()(className);
      },
    });
    byId<HTMLInputElement>('kind-homeVisit').click();
    type('homeVisit-className', '三(1)班');
    await settle();
    const notice = byId('homeVisit-students-notice');
    expect(notice.querySelector('.error')?.textContent).toBe('学生名单加载失败：Service unavailable');
    expect(byId('homeVisit-students').hasAttribute('aria-busy')).toBe(false);
    expect(byId<HTMLSelectElement>('homeVisit-className').disabled).toBe(false);
    // Saving now says what is missing, beside the list, and sends nothing.
    type('homeVisit-mode', 'phone');
    type('homeVisit-record', '电话家访。');
    await save('homeVisit');
    expect(saves(fake)).toHaveLength(0);
    expect(byId('homeVisit-students-error').textContent).toBe('请至少选择一项学生');
    expect(document.activeElement).toBe(byId('homeVisit-students-notice-action'));
    // Try again: the list comes, and what was typed is still there.
    down = false;
    byId<HTMLButtonElement>('homeVisit-students-notice-action').click();
    expect(notice.textContent).toBe('正在加载该班学生名单…');
    await settle();
    expect(optionsOf('homeVisit-students').map((o) => o.value)).toEqual(['王芳', '李雷']);
    expect(byId<HTMLTextAreaElement>('homeVisit-record').value).toBe('电话家访。');
  });

  test('an answer for a class no longer chosen does not replace the list', async () => {
    await mount({ sidebarBootstrap: () => bootstrap(), sidebarClassStudents: classStudents() });
    byId<HTMLInputElement>('kind-homeVisit').click();
    type('homeVisit-className', '三(1)班');
    type('homeVisit-className', '三(2)班'); // before 三(1)班's answer
    await settle();
    expect(optionsOf('homeVisit-students').map((o) => o.value)).toEqual(['王芳', '韩梅梅', '陈晨']);
    // The late answer was kept: going back needs no second round trip.
    type('homeVisit-className', '三(1)班');
    expect(optionsOf('homeVisit-students').map((o) => o.value)).toEqual(['王芳', '李雷']);
  });

  test('English workbook: the loading and failure lines are English', async () => {
    await mount({
      sidebarBootstrap: () => bootstrap({}, 'en'),
      sidebarClassStudents: () => {
        throw new Error('Timeout');
      },
    });
    byId<HTMLInputElement>('kind-homeVisit').click();
    type('homeVisit-className', '三(1)班');
    expect(byId('homeVisit-students-notice').textContent).toBe('Loading the class list…');
    await settle();
    const notice = byId('homeVisit-students-notice');
    expect(notice.querySelector('.error')?.textContent).toBe('Could not load the class list: Timeout');
    expect(notice.querySelector('button')?.textContent).toBe('Retry');
  });

  test("the server's own verdict is shown next to the field it names", async () => {
    const fake = await mount({
      sidebarBootstrap: () => bootstrap(),
      sidebarSave: () => ({
        ok: false,
        errors: [
          { field: 'date', message: '日期 2027-04-20 晚于今天（2027-04-19）' },
          { field: 'visitor', message: '“张校长”已不在岗' },
        ],
      }),
    });
    tick('visit-targets', '周家长');
    type('visit-mode', 'phone');
    type('visit-record', '电话沟通。');
    await save('visit');
    expect(saves(fake)).toHaveLength(1);
    expectErrorBeside('visit-date', byId('visit-date'), /晚于今天/);
    expectErrorBeside('me', byId('me'), /已不在岗/);
    expect(byId('status').textContent).not.toContain('已保存');
  });

  test('a failed call says so and keeps what was typed', async () => {
    await mount({
      sidebarBootstrap: () => bootstrap(),
      sidebarSave: () => {
        throw new Error('Lock timeout');
      },
    });
    tick('visit-targets', '周家长');
    type('visit-mode', 'phone');
    type('visit-record', '电话沟通。');
    await save('visit');
    expect(byId('status').textContent).toBe('保存失败：Lock timeout');
    expect(document.activeElement).toBe(byId('status'));
    expect(scrolledTo).toContain(byId('status'));
    expect(byId<HTMLTextAreaElement>('visit-record').value).toBe('电话沟通。');
    expect(byId<HTMLButtonElement>('visit-form').querySelector('button')?.disabled).toBe(false);
  });

  test('nobody remembered: pick yourself once, the choice goes to the server', async () => {
    const fake = await mount({
      sidebarBootstrap: () => bootstrap({ person: null }),
      sidebarRememberPerson: () => ({ ok: true, person: principal() }),
    });
    expect(document.getElementById('visit-form')).toBeNull();
    type('me', '张校长');
    await settle();
    expect(fake.calls.map((c) => [c.name, c.args])).toEqual([
      ['sidebarBootstrap', []],
      ['sidebarRememberPerson', ['张校长']],
    ]);
    expect(byId('visit-form')).toBeTruthy();
  });

  test('a long list gets a labelled filter box; a short one does not', async () => {
    const staff = ['张校长', ...Array.from({ length: 9 }, (_, i) => `王老师${i + 1}`), '李主任'];
    await mount({ sidebarBootstrap: () => bootstrap({ staff }) });
    expect(byId('visit-targets-filter').closest('label')?.hidden).toBe(true);
    const filter = byId<HTMLInputElement>('visit-coVisitors-filter');
    expect(filter.closest('label')?.hidden).toBe(false);
    expect(filter.labels?.[0]?.textContent).toBe('筛选同行人');
    tick('visit-coVisitors', '李主任');
    type('visit-coVisitors-filter', '王 老师1');
    const shown = [...byId('visit-coVisitors-options').querySelectorAll<HTMLLabelElement>('label')].filter(
      (l) => !l.hidden,
    );
    expect(shown.map((l) => l.textContent)).toEqual(['王老师1']);
    // Filtering hides, it does not untick.
    expect(byId('visit-coVisitors').querySelector('.count')?.textContent).toBe('已选 1 项');
  });

  test('English workbook: English labels and choices', async () => {
    await mount({ sidebarBootstrap: () => bootstrap({}, 'en') });
    expect(document.documentElement.lang).toBe('en');
    expect(document.querySelector('label[for=visit-record]')?.textContent).toBe('Record *');
    expect([...byId<HTMLSelectElement>('visit-mode').options].map((o) => o.text)).toEqual([
      '(choose)',
      ...bootstrap({}, 'en').texts.modes.map((m) => m.label),
    ]);
  });

  test('every field has a label, and the page needs no mouse', async () => {
    await mount({ sidebarBootstrap: () => bootstrap() });
    const controls = [...document.querySelectorAll<HTMLInputElement>('input, select, textarea')];
    expect(controls.length).toBeGreaterThan(15);
    for (const control of controls) {
      const labels = [...(control.labels ?? [])].map((l) => l.textContent?.trim() ?? '');
      expect({ id: control.id, labelled: labels.some((l) => l.length > 0) }).toEqual({
        id: control.id,
        labelled: true,
      });
    }
    // Checklists are fieldsets with a legend; each list is one Tab stop (a roving tabindex): exactly one
    // checkbox of a list is in the Tab order, and only checkboxes are taken out of it.
    for (const fieldset of document.querySelectorAll('fieldset'))
      expect(fieldset.querySelector('legend')).toBeTruthy();
    // A list with a filter box shown has that box as its stop (as a combobox), so no checkbox is.
    for (const list of document.querySelectorAll('fieldset.checklist')) {
      const boxes = [...list.querySelectorAll<HTMLInputElement>('.options input[type=checkbox]')];
      const filtered = !list.querySelector<HTMLElement>('label.filter')?.hidden;
      if (boxes.length) expect(boxes.filter((b) => b.tabIndex === 0)).toHaveLength(filtered ? 0 : 1);
    }
    // …and the tabs other than the selected one (a tab list is one Tab stop too; arrow keys move along it).
    for (const el of document.querySelectorAll<HTMLElement>('[tabindex="-1"]'))
      expect(
        (el as HTMLInputElement).type === 'checkbox' ||
          el.classList.contains('options') ||
          el.getAttribute('role') === 'tab',
      ).toBe(true);
  });
});

const key = (target: Element, k: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init }));
const tabbable = (id: string) =>
  [...byId(`${id}-options`).querySelectorAll<HTMLInputElement>('input')].filter((b) => b.tabIndex === 0);

describe('keyboard pickers (issue 12)', () => {
  test('arrow keys walk a list (one Tab stop); Home and End; ↑ from the top goes back to the filter', async () => {
    const staff = ['张校长', ...Array.from({ length: 9 }, (_, i) => `王老师${i + 1}`), '李主任'];
    await mount({ sidebarBootstrap: () => bootstrap({ staff }) });
    // A short list (no filter box): its one stop is a checkbox, and arrows move it.
    const [target] = tabbable('visit-targets');
    expect(target?.value).toBe('周家长');
    target?.focus();
    key(target as HTMLElement, 'ArrowDown');
    expect(tabbable('visit-targets').map((b) => b.value)).toEqual(['吴先生']);
    expect((document.activeElement as HTMLInputElement).value).toBe('吴先生');
    // A long list: the filter box is the stop; ↓ goes into the list.
    expect(tabbable('visit-coVisitors')).toEqual([]);
    const filter = byId('visit-coVisitors-filter');
    filter.focus();
    key(filter, 'ArrowDown');
    expect((document.activeElement as HTMLInputElement).value).toBe('王老师1');
    key(document.activeElement as HTMLElement, 'ArrowDown');
    expect((document.activeElement as HTMLInputElement).value).toBe('王老师2');
    key(document.activeElement as HTMLElement, 'End');
    expect((document.activeElement as HTMLInputElement).value).toBe('李主任');
    key(document.activeElement as HTMLElement, 'Home');
    key(document.activeElement as HTMLElement, 'ArrowUp');
    expect(document.activeElement?.id).toBe('visit-coVisitors-filter');
  });

  test('type-ahead: Enter in the filter ticks the first match (pinyin initials too), says so, and never submits', async () => {
    const staff = ['张校长', ...Array.from({ length: 9 }, (_, i) => `王老师${i + 1}`), '李主任'];
    const staffInitials = ['zxz', ...Array.from({ length: 9 }, () => 'wls'), 'lzr'];
    const fake = await mount({ sidebarBootstrap: () => bootstrap({ staff, staffInitials }) });
    const filter = byId<HTMLInputElement>('visit-coVisitors-filter');
    type('visit-coVisitors-filter', 'LZR');
    expect(key(filter, 'Enter')).toBe(false); // default prevented: the form is not submitted
    expect(byId('visit-coVisitors').querySelector('.count')?.textContent).toBe('已选 1 项');
    expect(filter.value).toBe('');
    expect(byId('visit-coVisitors-notice').textContent).toBe('已勾选 李主任');
    await settle();
    expect(fake.calls.filter((c) => c.name !== 'sidebarBootstrap')).toEqual([]);
    // Enter again on the same name unticks it.
    type('visit-coVisitors-filter', '李主');
    key(filter, 'Enter');
    expect(byId('visit-coVisitors').querySelector('.count')?.textContent).toBe('已选 0 项');
  });

  test('students: the not yet visited first and marked 未访, as targets are', async () => {
    const roster = rosters();
    roster['三(2)班'] = [
      { id: 'S312', name: '韩梅梅', visited: false, initials: 'hmm' },
      { id: 'S311', name: '王芳', visited: true, initials: 'wf' },
    ];
    const person = { ...principal(), startClass: { className: '三(2)班', students: roster['三(2)班'] } };
    await mount({ sidebarBootstrap: () => bootstrap({ person }) });
    expect(optionsOf('homeVisit-students')).toEqual([
      { value: '韩梅梅', text: '韩梅梅S312未访' },
      { value: '王芳', text: '王芳S311' },
    ]);
  });

  test('the student search asks the server for other classes; picking one moves the form there and says so', async () => {
    jest.useFakeTimers();
    try {
      const fake = await mountWithTimers({
        sidebarBootstrap: () => bootstrap(),
        sidebarClassStudents: classStudents(),
        sidebarFindStudents: (query) => ({
          query,
          more: false,
          students: [
            { id: 'S302', name: '李雷', visited: false, initials: 'll', className: '三(1)班' },
            { id: 'S312', name: '韩梅梅', visited: false, initials: 'hmm', className: '三(2)班' },
          ],
        }),
      });
      byId<HTMLInputElement>('kind-homeVisit').click();
      const filter = byId<HTMLInputElement>('homeVisit-students-filter');
      expect(filter.closest('label')?.hidden).toBe(false); // shown for a short list: it searches every class
      type('homeVisit-students-filter', 'l');
      type('homeVisit-students-filter', 'll');
      await jest.advanceTimersByTimeAsync(300);
      // Debounced: one call for what was typed when typing paused.
      expect(fake.calls.filter((c) => c.name === 'sidebarFindStudents').map((c) => c.args)).toEqual([['ll']]);
      const extra = byId('homeVisit-students-extra');
      expect(extra.hidden).toBe(false);
      expect(extra.textContent).toContain('其他班级');
      // The form's own class is not repeated under 其他班级.
      expect([...extra.querySelectorAll('.name')].map((n) => n.textContent)).toEqual(['李雷']);
      key(filter, 'Enter');
      await jest.advanceTimersByTimeAsync(10);
      expect(byId<HTMLSelectElement>('homeVisit-className').value).toBe('三(1)班');
      expect(byId('homeVisit-students-options').querySelector<HTMLInputElement>('input:checked')?.value).toBe(
        '李雷',
      );
      expect(byId('homeVisit-students-notice').textContent).toBe('李雷在三(1)班，班级已改为三(1)班。');
      // With a student ticked, one of another class is not added: the page says why.
      type('homeVisit-students-filter', 'hmm');
      await jest.advanceTimersByTimeAsync(300);
      key(filter, 'Enter');
      expect(byId<HTMLSelectElement>('homeVisit-className').value).toBe('三(1)班');
      expect(byId('homeVisit-students-notice').textContent).toMatch(
        /^韩梅梅在三\(2\)班，不在本表的三\(1\)班/,
      );
    } finally {
      jest.useRealTimers();
    }
  });

  test('"I am" is searchable: pinyin initials and Enter pick the first match', async () => {
    const staff = ['张校长', ...Array.from({ length: 9 }, (_, i) => `王老师${i + 1}`), '李主任'];
    const staffInitials = ['zxz', ...Array.from({ length: 9 }, () => 'wls'), 'lzr'];
    const fake = await mount({
      sidebarBootstrap: () => bootstrap({ person: null, staff, staffInitials }),
      sidebarRememberPerson: () => ({ ok: true, person: { ...principal(), name: '李主任' } }),
    });
    const find = byId<HTMLInputElement>('me-find');
    expect(find.labels?.[0]?.textContent).toBe('搜索姓名');
    type('me-find', 'lzr');
    expect([...byId<HTMLSelectElement>('me').options].map((o) => o.value)).toEqual(['', '李主任']);
    expect(byId('me-find-hint').textContent).toBe('找到 1 人');
    key(find, 'Enter');
    await settle();
    expect(fake.calls.map((c) => [c.name, c.args])).toContainEqual(['sidebarRememberPerson', ['李主任']]);
    expect(byId('me-finder').hidden).toBe(true);
  });
});

describe('warnings before saving, and withdrawing (issue 12)', () => {
  const fill = () => {
    tick('visit-targets', '周家长');
    type('visit-mode', 'phone');
    type('visit-record', '电话沟通。');
  };

  test('a warning is shown before saving: 返回修改 saves nothing, 仍然保存 saves', async () => {
    const fake = await mount({
      sidebarBootstrap: () => bootstrap(),
      sidebarPreview: () => ({ ok: true, warnings: ['与第 5 行重复（同一走访人、对象和日期）'] }),
      sidebarSave: () => saved('V-13', 14),
    });
    fill();
    await save('visit');
    expect(saves(fake)).toHaveLength(0);
    const confirm = byId('confirm');
    expect(confirm.hidden).toBe(false);
    expect(confirm.getAttribute('role')).toBe('alertdialog');
    expect(confirm.textContent).toContain('与第 5 行重复');
    expect(document.activeElement?.id).toBe('confirm-save');
    byId('confirm-back').click();
    await settle();
    expect(confirm.hidden).toBe(true);
    expect(saves(fake)).toHaveLength(0);
    expect(byId<HTMLTextAreaElement>('visit-record').value).toBe('电话沟通。');
    await save('visit');
    byId('confirm-save').click();
    await settle();
    expect(saves(fake)).toHaveLength(1);
    expect(fake.calls.filter((c) => c.name === 'sidebarPreview')).toHaveLength(2);
    expect(byId('status').getAttribute('data-id')).toBe('V-13');
  });

  test('the server refusing at preview shows its errors beside the fields, nothing saved', async () => {
    const fake = await mount({
      sidebarBootstrap: () => bootstrap(),
      sidebarPreview: () => ({ ok: false, errors: [{ field: 'date', message: '日期不能晚于今天' }] }),
    });
    fill();
    await save('visit');
    expect(saves(fake)).toHaveLength(0);
    expect(byId('visit-date-error').textContent).toBe('日期不能晚于今天');
  });

  test('after a save the person may withdraw it: the server is asked, the answer shown, progress refreshed', async () => {
    const fake = await mount({
      sidebarBootstrap: () => bootstrap(),
      sidebarSave: () => saved('V-13', 14),
      sidebarWithdraw: (id) => ({
        ok: true,
        id,
        message: `已撤回 ${id}：该行保留并标为“已撤回”，不计入统计。`,
        progress: [],
      }),
    });
    fill();
    await save('visit');
    expect(byId('status').textContent).toContain('10 分钟内可以撤回');
    byId('withdraw').click();
    await settle();
    expect(fake.calls.filter((c) => c.name === 'sidebarWithdraw').map((c) => c.args)).toEqual([['V-13']]);
    expect(byId('status').getAttribute('data-withdrawn')).toBe('V-13');
    expect(byId('status').textContent).toContain('已撤回 V-13');
  });

  test('the help says the phone apps show no sidebar', async () => {
    await mount({ sidebarBootstrap: () => bootstrap() });
    expect(byId('help').textContent).toContain('手机应用不显示加载项菜单和侧栏');
  });
});

describe('typed google.script.run wrapper', () => {
  test('a misspelled server function does not compile', () => {
    const server = connectServer(fakeScriptRun({}).runner);
    // @ts-expect-error sidebarSav is not a function of ServerApi
    expect(server.sidebarSav).toBeUndefined();
    expect(typeof server.sidebarSave).toBe('function');
  });
});
