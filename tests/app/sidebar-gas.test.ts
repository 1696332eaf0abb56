// The sidebar's Apps Script entry points over the counting fakes: payloads, one row per save, the lock, service calls.
import type { ServerApi } from '../../src/contract/server-api';
import type { SaveResult } from '../../src/contract/sidebar-payload';
import type { VisitInput } from '../../src/core/schemas';
import { logRecord } from '../../src/app/log-visit';
import { openSession } from '../../src/app/sidebar';
import * as main from '../../src/gas/main';
import { GasLock } from '../../src/gas/lock';
import { GasUser } from '../../src/gas/user';
import { GasWorkbook } from '../../src/gas/workbook';
import { school, STAFF, visit, type Row } from '../core/helpers';
import { typeSheets, useGasFakes } from '../gas/fixture';

/** main.ts declares every function the sidebar calls, with ServerApi's types (a compile-time check). */
const server: ServerApi = main;

const fakes = useGasFakes();

const staff = STAFF.map((row) =>
  row?.name === '张校长' ? { ...row, email: 'teacher@school.example' } : row,
);

function typeSchool(visitRows: number): void {
  const rows: Row[] = Array.from({ length: visitRows }, (_, i) =>
    visit(`2027-04-${String(1 + (i % 19)).padStart(2, '0')}`, '张校长', '陈红', { id: `V-${i + 1}` }),
  );
  typeSheets(fakes().spreadsheet, school({ staff, visits: rows }));
}

const input: VisitInput = {
  kind: 'visit',
  date: '2027-04-19',
  visitor: '张校长',
  coVisitors: [],
  targets: ['刘洋'],
  mode: 'faceToFace',
  purpose: '',
  record: '=听取意见', // would be a formula if written as is
  suggestions: '',
  followUp: null,
  followUpOwner: '',
};

function visitsSheet() {
  const sheet = fakes().spreadsheet.getSheetByName('走访记录');
  if (!sheet) throw new Error('no 走访记录');
  return sheet;
}

describe('sidebar entry points in Apps Script', () => {
  test('bootstrap: one JSON-only payload even though the sheets hold Date cells', () => {
    typeSchool(3);
    const payload = server.sidebarBootstrap();
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
    expect(payload.today).toBe('2027-04-20');
    expect(payload.person?.name).toBe('张校长'); // by the signed-in email
    expect(payload.person?.progress[0]).toMatchObject({ unit: '校长室', count: 1, minimum: 5 });
  });

  test('remember me: kept in this user’s properties, then used by the next bootstrap', () => {
    typeSchool(0);
    fakes().Session.activeEmail = '';
    expect(server.sidebarBootstrap().person).toBeNull();
    expect(server.sidebarRememberPerson('王主任')).toMatchObject({ ok: true, person: { name: '王主任' } });
    expect(server.sidebarBootstrap().person?.name).toBe('王主任');
  });

  test("another class: that class's students only, name and 学号, JSON-only, as main.ts declares it", () => {
    typeSchool(3);
    const boot = server.sidebarBootstrap();
    expect(boot.person?.classes).toEqual(['一(1)班', '一(2)班']);
    expect(boot.person?.startClass?.className).toBe('一(1)班');
    // Initials by pinyin-pro, worked out in Apps Script: 王芳 wf, 陈静 cj, 赵磊 zl.
    const answer = server.sidebarClassStudents('一(2)班');
    expect(JSON.parse(JSON.stringify(answer))).toEqual(answer);
    expect(answer).toEqual({
      className: '一(2)班',
      students: [
        { id: 'S201', name: '王芳', visited: false, initials: 'wf' },
        { id: 'S202', name: '陈静', visited: false, initials: 'cj' },
        { id: 'S203', name: '赵磊', visited: false, initials: 'zl' },
      ],
    });
    expect(server.sidebarClassStudents('九(9)班').students).toEqual([]);
  });

  test('save: exactly one row, formula-like text kept as text, 进度 refreshed, the lock released', () => {
    typeSchool(2);
    const result = server.sidebarSave(input);
    expect(result).toMatchObject({ ok: true, id: 'V-3', row: 4 });
    const sheet = visitsSheet();
    expect(sheet.getLastRow()).toBe(4);
    const width = sheet.getLastColumn();
    const header = sheet.getRange(1, 1, 1, width).getValues()[0] as unknown[];
    const row = sheet.getRange(4, 1, 1, width).getValues()[0] as unknown[];
    const cells = (...names: string[]) => names.map((n) => row[header.indexOf(n)]);
    expect(cells('编号', '走访日期', '走访人', '同行人', '走访对象', '方式', '走访目的', '情况记录')).toEqual(
      ['V-3', expect.any(Date), '张校长', '', '刘洋', '面谈', '', '=听取意见'],
    );
    expect(sheet.getRange(4, header.indexOf('情况记录') + 1).getFormulas()).toEqual([['']]);
    expect(cells('录入人', '录入时间', '校验')).toEqual(['张校长', expect.any(Date), '✓']); // 录入人: the staff name
    expect(fakes().spreadsheet.getSheetByName('进度')).toBeTruthy();
    expect(fakes().LockService.document.holder).toBeNull();
  });

  test('save under a formula filled down to row 1000: the row checked and reported is the row written', () => {
    typeSchool(2);
    const sheet = fakes().spreadsheet.sheet('走访记录');
    // A helper column of the school's own, its formula filled down: it shows nothing below the data.
    for (let r = 1; r <= 1000; r++)
      Object.assign(sheet.store.cell(r, 17), {
        formula: r === 1 ? '' : `=IF(C${r}="","",1)`,
        value: r <= 3 ? 1 : '',
      });
    const ports = {
      workbook: new GasWorkbook(),
      lock: new GasLock(),
      user: new GasUser(),
      clock: { now: () => new Date() },
    };
    const outcome = logRecord(ports, openSession(ports), { ...input, record: '听取意见' });
    expect(outcome.result).toMatchObject({ ok: true, id: 'V-3', row: 1001 });
    expect(sheet.getRange(1001, 1).getValue()).toBe('V-3');
    expect(sheet.getRange(1001, 2).getValue()).toBe('✓'); // 校验, right after 编号
    // The engine judged (and handed on) the row where it now stands.
    expect(outcome.campaign?.visits.find((v) => v.id === 'V-3')?.row).toBe(1001);
  });

  test('two saves racing: the second waits, then takes the next 编号', () => {
    typeSchool(1);
    const lock = fakes().LockService.document;
    let theirs: SaveResult | undefined;
    lock.holdByOther();
    lock.onWait = () => {
      // The other execution finishes its own save, then lets go.
      lock.onWait = undefined;
      lock.release();
      theirs = server.sidebarSave({ ...input, targets: ['黄敏'] });
    };
    const logged = jest.spyOn(console, 'error');
    const ours = server.sidebarSave(input);
    expect(logged).not.toHaveBeenCalled(); // both saves refreshed 进度 (the second one found it made by the first)
    logged.mockRestore();
    expect(theirs).toMatchObject({ ok: true, id: 'V-2', row: 3 });
    expect(ours).toMatchObject({ ok: true, id: 'V-3', row: 4 });
    const ids = visitsSheet()
      .getRange(2, 1, 3, 1)
      .getValues()
      .map((r) => r[0]);
    expect(ids).toEqual(['V-1', 'V-2', 'V-3']);
  });

  test('a lock held too long: a clear message in the school language, and no row', () => {
    typeSchool(1);
    fakes().LockService.document.holdByOther();
    expect(server.sidebarSave(input)).toEqual({
      ok: false,
      errors: [{ field: '', message: '其他人正在保存，请稍后再试。' }],
    });
    expect(visitsSheet().getLastRow()).toBe(2);
  });
});

/**
 * Service calls counted by the fakes (docs/benchmarks.md). Bootstrap: list the sheets, read the 9 record
 * sheets, the user's remembered name (and the email when none is remembered). A save: the same reads, then
 * under the lock one fresh read of its sheet, the append, and 进度 rewritten from the campaign in hand. These
 * are budgets (at most), the same whatever the number of rows; the first save also makes 进度 (a few more).
 * Another class's students: 设置 and 学生 only.
 */
const BOOTSTRAP_CALLS = 37;
const REMEMBER_CALLS = 35;
const CLASS_CALLS = 23; // 设置, 部门指标, 人员, 学生 and 家访记录 (for 未访); 30 when every table was read
const SAVE_BUDGET = { total: 50, underLock: 15 };
const FIRST_SAVE_BUDGET = { total: 56, underLock: 22 }; // 56: 进度 made with its two frozen header rows

describe('Apps Script service calls of the sidebar do not grow with the data', () => {
  const measure = (visitRows: number, run: () => unknown) => {
    typeSchool(visitRows);
    // Room below the rows, as a sheet has: growing a full sheet is one call more, once per 100 saves.
    const visits = fakes().spreadsheet.sheet('走访记录').store;
    visits.maxRows = visitRows + 500;
    fakes().calls.reset();
    run();
    const calls = fakes().calls;
    return { total: calls.total(), underLock: calls.underLock(), byMethod: calls.byMethod() };
  };
  const save = (targets: string[]) =>
    expect(server.sidebarSave({ ...input, record: '听取意见', targets })).toMatchObject({ ok: true });

  test.each([100, 2_000])('bootstrap with %i visit rows', (rows) => {
    const { total, byMethod } = measure(rows, () => server.sidebarBootstrap());
    expect({ total, byMethod }).toEqual({ total: BOOTSTRAP_CALLS, byMethod: expect.any(Object) });
  });

  const saves = new Map<number, { first: number; next: number }>();
  test.each([100, 10_000])('a save (进度 refreshed) with %i visit rows stays within its budget', (rows) => {
    const first = measure(rows, () => save(['刘洋']));
    expect(first.total).toBeLessThanOrEqual(FIRST_SAVE_BUDGET.total);
    expect(first.underLock).toBeLessThanOrEqual(FIRST_SAVE_BUDGET.underLock);
    // Every later save (进度 exists): at most 50 calls, at most 15 of them holding the lock.
    fakes().calls.reset();
    save(['黄敏']);
    const next = { total: fakes().calls.total(), underLock: fakes().calls.underLock() };
    expect(next.total).toBeLessThanOrEqual(SAVE_BUDGET.total);
    expect(next.underLock).toBeLessThanOrEqual(SAVE_BUDGET.underLock);
    saves.set(rows, { first: first.total, next: next.total });
  });

  test('a save costs the same at 100 and at 10,000 visit rows', () => {
    expect(saves.get(10_000)).toEqual(saves.get(100));
  });

  test.each([100, 2_000])("another class's students with %i visit rows", (rows) => {
    const { total } = measure(rows, () => server.sidebarClassStudents('一(2)班'));
    expect(total).toBe(CLASS_CALLS);
  });

  test.each([100, 2_000])('remember me with %i visit rows', (rows) => {
    const { total } = measure(rows, () => server.sidebarRememberPerson('王主任'));
    expect(total).toBe(REMEMBER_CALLS);
  });
});
