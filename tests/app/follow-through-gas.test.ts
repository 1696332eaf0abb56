// The follow-through entry points over the Apps Script fakes: close, convert, 献一计, 讨论活动, the 献计转整改 menu item, service calls.
import type { ServerApi } from '../../src/contract/server-api';
import * as main from '../../src/gas/main';
import { school, STAFF, visit, type Row } from '../core/helpers';
import { typeSheets, useGasFakes } from '../gas/fixture';

const server: ServerApi = main;
const fakes = useGasFakes();

const staff = STAFF.map((row) =>
  row?.name === '张校长' ? { ...row, email: 'teacher@school.example' } : row,
);

/** `rows` visits, every 10th an open follow-up of 张校长's (V-10, V-20 …); one suggestion S-1. */
function typeSchool(rows: number, omit: ('rectification' | 'suggestions' | 'discussions')[] = []): void {
  const visits: Row[] = Array.from({ length: rows }, (_, i) =>
    visit(`2027-04-${String(1 + (i % 19)).padStart(2, '0')}`, '张校长', '陈红', {
      id: `V-${i + 1}`,
      ...((i + 1) % 10 === 0 ? { followUp: '及时汇报', suggestions: `建议${i + 1}` } : {}),
    }),
  );
  const suggestions: Row[] = [
    { id: 'S-1', date: '2027-04-12', author: '钱老师', title: '图书角', text: '每班设图书角' },
  ];
  typeSheets(fakes().spreadsheet, school({ staff, visits, suggestions, omit }));
}

function rowOf(sheetName: string, row: number): Record<string, unknown> {
  const sheet = fakes().spreadsheet.getSheetByName(sheetName);
  if (!sheet) throw new Error(`no ${sheetName}`);
  const width = sheet.getLastColumn();
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] as string[];
  const values = sheet.getRange(row, 1, 1, width).getValues()[0] as unknown[];
  return Object.fromEntries(header.map((h, i) => [h, values[i] instanceof Date ? 'DATE' : values[i]]));
}

describe('follow-through entry points in Apps Script', () => {
  test('我的待办 travels with the person; closing fills two cells and logs them; the lock is released', () => {
    typeSchool(20);
    const boot = server.sidebarBootstrap();
    expect(boot.person?.todo.items.map((i) => i.id)).toEqual(['V-20', 'V-10']); // 04-01 before 04-10
    const answer = server.sidebarCloseFollowUp({ id: 'V-10', result: '=已答复' });
    expect(answer).toMatchObject({ ok: true, id: 'V-10' });
    expect(rowOf('走访记录', 11)).toMatchObject({
      处理方式: '及时汇报',
      跟进结果: '=已答复',
      办结日期: 'DATE',
    });
    // Text starting with = stays text: no formula in the cell.
    const visits = fakes().spreadsheet.sheet('走访记录');
    const resultColumn = (
      visits.getRange(1, 1, 1, visits.getLastColumn()).getValues()[0] as string[]
    ).indexOf('跟进结果');
    expect(visits.getRange(11, resultColumn + 1).getFormulas()).toEqual([['']]);
    expect(fakes().spreadsheet.sheet('修改日志').getLastRow()).toBe(3);
    expect(server.sidebarTodo()?.items.map((i) => i.id)).toEqual(['V-20']);
    expect(fakes().LockService.document.holder).toBeNull();
  });

  test('converting a follow-up without a 问题整改 sheet: the sheet made, R-1 appended, the record linked', () => {
    typeSchool(20, ['rectification']);
    server.sidebarBootstrap();
    expect(
      server.sidebarConvert({ id: 'V-20', problem: '照明', owner: '', deadline: '2027-05-31' }),
    ).toMatchObject({
      ok: true,
      id: 'R-1',
    });
    expect(rowOf('问题整改', 2)).toMatchObject({
      编号: 'R-1',
      来源: 'V-20',
      问题: '照明',
      责任人: '张校长',
      状态: '待整改',
    });
    expect(rowOf('走访记录', 21)).toMatchObject({
      整改编号: 'R-1',
      跟进结果: '转整改 R-1',
      办结日期: 'DATE',
    });
  });

  test('献一计 and 讨论活动 append one row each', () => {
    typeSchool(5, ['discussions']);
    server.sidebarBootstrap();
    expect(
      server.sidebarSuggest({ title: '午休', text: '@全体 午休延长', category: '其他', anonymous: true }),
    ).toMatchObject({
      ok: true,
      id: 'S-2',
    });
    expect(rowOf('献计', 3)).toMatchObject({
      编号: 'S-2',
      提出人: '匿名',
      内容: '@全体 午休延长',
      采纳: '待定',
    });
    const discussion = {
      date: '2027-04-19',
      form: 'seminar',
      topic: '大讨论',
      organiser: '',
      attendance: 40,
      record: '',
    };
    expect(server.sidebarDiscussion(discussion)).toMatchObject({ ok: true, id: 'D-1' });
    expect(rowOf('讨论活动', 2)).toMatchObject({
      编号: 'D-1',
      形式: '研讨会',
      主题: '大讨论',
      组织者: '张校长',
      参加人数: 40,
    });
  });

  test('menu 献计转整改 on the active cell: confirmed, converted, said; on another sheet, a clear message', () => {
    typeSchool(5);
    const spreadsheet = fakes().spreadsheet;
    spreadsheet.selectCell(spreadsheet.sheet('走访记录'), 3);
    main.menuSuggestionToRectification();
    expect(fakes().ui.alerts.at(-1)?.prompt).toBe(
      '请先在“献计”工作表中点选一条献计所在的行（第 2 行起），再点“献计转整改”。',
    );
    spreadsheet.selectCell(spreadsheet.sheet('献计'), 2);
    fakes().ui.alertAnswers.push('YES');
    main.menuSuggestionToRectification();
    expect(fakes().ui.alerts.at(-2)?.prompt).toBe(
      '将献计 S-1（图书角）登记为整改事项，来源 S-1，状态 待整改。继续？',
    );
    expect(fakes().ui.alerts.at(-1)?.prompt).toBe(
      '已登记整改事项 R-1（来源 S-1），S-1 的整改编号已填为 R-1。',
    );
    expect(rowOf('献计', 2)).toMatchObject({ 整改编号: 'R-1' });
    expect(rowOf('问题整改', 2)).toMatchObject({ 编号: 'R-1', 来源: 'S-1', 问题: '图书角：每班设图书角' });
  });
});

/**
 * Service calls of each action, the same at 100 and 2,000 visit rows: the session's reads (the sheet list, one
 * read per record sheet, the time zone, the user), then under the lock the re-read of each sheet written, the
 * cells filled (two calls each) or the row appended, 修改日志's one append and 进度 rewritten (about 12).
 * A conversion re-reads two sheets and fills up to three cells; 我的待办 only reads.
 */
// Each written sheet is read once under the lock and kept in the session as written (nothing read back for 进度).
const BUDGET = { close: 60, convert: 67, suggest: 59, discussion: 59, todo: 39 };

describe('service calls of the follow-through actions do not grow with the data', () => {
  const measure = (rows: number, run: () => unknown) => {
    typeSchool(rows);
    fakes().spreadsheet.sheet('走访记录').store.maxRows = rows + 500;
    // 进度 and 修改日志 exist already (a school that has used the add-on).
    server.sidebarBootstrap();
    server.sidebarSuggest({ title: '', text: '先有日志', category: '', anonymous: false });
    fakes().calls.reset();
    const answer = run();
    expect(answer).toMatchObject({ ok: true });
    return fakes().calls.total();
  };
  const totals = new Map<string, number[]>();
  const actions: [keyof typeof BUDGET, () => unknown][] = [
    ['close', () => server.sidebarCloseFollowUp({ id: 'V-10', result: '已办' })],
    ['convert', () => server.sidebarConvert({ id: 'V-10', problem: '', owner: '', deadline: '' })],
    ['suggest', () => server.sidebarSuggest({ title: 't', text: '内容', category: '', anonymous: false })],
    [
      'discussion',
      () =>
        server.sidebarDiscussion({
          date: '2027-04-19',
          form: 'other',
          topic: '主题',
          organiser: '',
          attendance: null,
          record: '',
        }),
    ],
    ['todo', () => ({ ok: true, todo: server.sidebarTodo() })],
  ];
  test.each(actions.flatMap(([name, run]) => [100, 2_000].map((rows) => [name, rows, run] as const)))(
    '%s with %i visit rows costs its fixed number of calls',
    (name, rows, run) => {
      const total = measure(rows, run);
      expect(total).toBe(BUDGET[name]);
      totals.set(name, [...(totals.get(name) ?? []), total]);
    },
  );
  test('each costs the same at 100 and at 2,000 rows', () => {
    for (const [name, [small, big]] of totals) expect([name, big]).toEqual([name, small]);
    expect(totals.size).toBe(5);
  });
});
