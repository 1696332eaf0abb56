// The built dist/Code.js run in node:vm over the counting fakes: onOpen, every menu handler, onEdit, the sidebar calls.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { tableGrid, visit, STAFF, TARGETS } from '../core/helpers';
import { createGasFakes, FakeRange, type FakeSheet } from '../fakes/gas';
import { columnValues, typeRows } from './fixture';

const root = join(__dirname, '..', '..');
const codePath = join(root, 'dist', 'Code.js');

type EntryPoint = (...args: unknown[]) => unknown;

beforeEach(() =>
  jest.useFakeTimers({ now: new Date('2027-04-20T02:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] }),
);
afterEach(() => jest.useRealTimers());

/** A fresh script context: the bundle, the fakes as its globals, this realm's Date (as Apps Script has one realm). */
function loadBundle() {
  if (!existsSync(codePath)) throw new Error('dist/Code.js is missing: run `npm run build` first.');
  const fakes = createGasFakes({ htmlFolder: join(root, 'dist') });
  const context = vm.createContext({ console, Date, ...fakes.globals() });
  vm.runInContext(readFileSync(codePath, 'utf8'), context, { filename: 'Code.js' });
  const call = (name: string, ...args: unknown[]) => (context[name] as EntryPoint)(...args);
  return { fakes, call, context: (name: string): unknown => context[name] };
}

function rows(table: 'staff' | 'targets' | 'visits', data: Parameters<typeof tableGrid>[2]) {
  return tableGrid(table, 'zh', data).slice(1);
}

describe('dist/Code.js inside a script context with the fakes', () => {
  it('runs the menu, set-up, an edit, recompute, help, the sidebar page and the sidebar calls', () => {
    const { fakes, call, context } = loadBundle();
    fakes.spreadsheet.addSheet('工作表1');

    call('onOpen', { authMode: 'NONE' });
    const functions = fakes.ui.menus[0]?.items.map((i) => ('functionName' in i ? i.functionName : ''));
    expect(
      functions?.filter((f) => ['menuOpenSidebar', 'menuSetUp', 'menuRecompute', 'menuHelp'].includes(f)),
    ).toEqual(['menuOpenSidebar', 'menuSetUp', 'menuRecompute', 'menuHelp']);
    // Every item calls a function the script declares.
    for (const f of functions ?? []) if (f !== '') expect(typeof context(f)).toBe('function');

    call('menuSetUp');
    const sheet = (name: string): FakeSheet => fakes.spreadsheet.sheet(name);
    expect(fakes.spreadsheet.sheets.map((s) => s.name)).toContain('进度');
    typeRows(
      sheet('人员'),
      2,
      rows(
        'staff',
        STAFF.map((r) => (r?.name === '张校长' ? { ...r, email: 'teacher@school.example' } : r)),
      ),
    );
    typeRows(sheet('走访对象'), 2, rows('targets', TARGETS));

    typeRows(sheet('走访记录'), 2, rows('visits', [visit('2027-04-18', '张校长', '陈红')]));
    const range = new FakeRange(fakes.calls, sheet('走访记录'), 2, 1, 1, 15);
    call('onEdit', { authMode: 'LIMITED', range, source: fakes.spreadsheet });
    expect(columnValues(sheet('走访记录'), '校验')).toEqual(['✓']);
    expect(columnValues(sheet('走访记录'), '编号')).toEqual(['V-1']);

    call('menuRecompute');
    expect(fakes.ui.alerts.map((a) => a.prompt).pop()).toMatch(/^进度已重新计算/);
    const status = sheet('进度').store.values();
    expect(status.find((r) => r[0] === '张校长')?.[(status[1] ?? []).indexOf('校长室')]).toBe('1/5');

    call('menuHelp');
    expect(fakes.ui.dialogs[0]?.title).toBe('走访台账 使用说明');
    call('menuOpenSidebar');
    expect(fakes.ui.sidebars[0]?.getContent()).toContain('<script>');

    const boot = call('sidebarBootstrap') as { person: { name: string } | null };
    expect(JSON.parse(JSON.stringify(boot))).toEqual(boot);
    expect(boot.person?.name).toBe('张校长');
    const saved = call('sidebarSave', {
      kind: 'visit',
      date: '2027-04-19',
      visitor: '张校长',
      coVisitors: [],
      targets: ['刘洋'],
      mode: 'faceToFace',
      purpose: '',
      record: '听取意见',
      suggestions: '',
      followUp: null,
      followUpOwner: '',
    });
    expect(saved).toMatchObject({ ok: true, id: 'V-2', row: 3 });
    expect(call('sidebarRememberPerson', '王主任')).toMatchObject({ ok: true });
    // The other-class fetch is a global too (this workbook has no students yet).
    expect(call('sidebarClassStudents', '一(2)班')).toEqual({ className: '一(2)班', students: [] });
  });
});
