// The follow-through actions over an in-memory workbook: 我的待办, close, convert (both ways), 献一计, 讨论活动, refusals, the log.
import { PERSON_KEY, sidebarBootstrap } from '../../src/app/sidebar';
import {
  closeFromSidebar,
  convertFromSidebar,
  discussionFromSidebar,
  sidebarTodo,
  suggestFromSidebar,
} from '../../src/app/sidebar-todo';
import { convertSuggestionAt } from '../../src/app/suggestion-to-rectification';
import { WorkbookSession } from '../../src/app/session';
import type { ActionAnswer, TodoItem } from '../../src/contract/todo-payload';
import type { Grid } from '../../src/core/grid';
import { school, visit, homeVisit, type Row } from '../core/helpers';
import { ports } from './sidebar-ports';

/** Open follow-ups: V-1 (张校长's own, 19 days old), V-2 (跟进人 王主任), H-1 (赵老师's, 3 days), V-3 closed, V-4 resolved. */
const VISITS: Row[] = [
  visit('2027-04-01', '张校长', '陈红', {
    id: 'V-1',
    suggestions: '操场照明不足',
    followUp: '及时汇报',
  }),
  visit('2027-04-05', '李副校长', '刘洋', { id: 'V-2', followUp: '研究实践', followUpOwner: '王主任' }),
  visit('2027-04-06', '张校长', '黄敏', {
    id: 'V-3',
    followUp: '及时汇报',
    followUpResult: '已答复',
    closedOn: '2027-04-08',
  }),
  visit('2027-04-07', '张校长', '杨帆', { id: 'V-4', followUp: '已解决' }),
  visit('2027-04-10', '张校长', '何静', { id: 'V-5', followUp: '研究实践', record: '课后服务时间太短' }),
];
const HOME_VISITS: Row[] = [
  homeVisit('2027-04-17', '赵老师', '一(1)班', '李明', {
    id: 'H-1',
    parentNeeds: '希望增加阅读指导',
    followUp: '及时汇报',
  }),
];
const RECTIFICATION: Row[] = [
  {
    id: 'R-1',
    openedOn: '2027-04-02',
    source: 'V-9',
    problem: '校门口拥堵',
    owner: '张校长',
    deadline: '2027-04-15',
    status: '整改中',
  },
  {
    id: 'R-2',
    openedOn: '2027-04-03',
    problem: '食堂排队',
    owner: '张校长',
    status: '已完成',
    doneOn: '2027-04-09',
  },
];
const SUGGESTIONS: Row[] = [
  {
    id: 'S-4',
    date: '2027-04-12',
    author: '钱老师',
    title: '图书角',
    text: '每班设图书角',
    category: '教育教学',
  },
];

function setUp(person = '张校长', spec: Parameters<typeof school>[0] = {}) {
  const p = ports(
    school({
      visits: VISITS,
      homeVisits: HOME_VISITS,
      rectification: RECTIFICATION,
      suggestions: SUGGESTIONS,
      ...spec,
    }),
  );
  p.store.set(PERSON_KEY, person);
  return p;
}

type Ports = ReturnType<typeof setUp>;

/** A sheet's data row (1-based sheet row) by header text. */
function cells(p: Ports, sheet: string, row: number): Record<string, unknown> {
  const grid = p.workbook.sheets.get(sheet) as Grid;
  const header = grid[0] as string[];
  return Object.fromEntries(header.map((h, i) => [h, grid[row - 1]?.[i] ?? null]));
}

/** 修改日志's lines as read back: time, who, sheet, id, note, row, column, before, after. */
function logLines(p: Ports): unknown[][] {
  return (p.workbook.sheets.get('修改日志') ?? []).slice(1).map((line) => [...line]);
}

function ok(answer: ActionAnswer): Extract<ActionAnswer, { ok: true }> {
  if (!answer.ok) throw new Error(`refused: ${JSON.stringify(answer.errors)}`);
  return answer;
}

const snapshot = (p: Ports) => JSON.stringify([...p.workbook.sheets]);

describe('我的待办', () => {
  test("the person's open follow-ups and open rectification items, oldest first, with age and late/overdue", () => {
    const p = setUp();
    const todo = sidebarBootstrap(p).person?.todo;
    // V-1 dated 04-01 is 19 days old on 04-20; R-1 opened 04-02 is 18 days old and past its 期限 (04-15);
    // V-5 dated 04-10 is 10 days. V-2 is 王主任's, V-3 closed, V-4 resolved, R-2 done, H-1 赵老师's.
    // A follow-up has no 期限: it is `late` (older than 7 days), never `overdue`; an item is `overdue`.
    const flags = (i: TodoItem) => (i.kind === 'followUp' ? { late: i.late } : { overdue: i.overdue });
    expect(todo?.items.map((i) => [i.kind, i.id, i.age, flags(i)])).toEqual([
      ['followUp', 'V-1', 19, { late: true }],
      ['rectification', 'R-1', 18, { overdue: true }],
      ['followUp', 'V-5', 10, { late: true }],
    ]);
    expect(todo?.items.filter((i) => i.kind === 'followUp').some((i) => 'overdue' in i)).toBe(false);
    expect(todo?.items.filter((i) => i.kind === 'rectification').some((i) => 'late' in i)).toBe(false);
    expect(todo?.items[0]).toMatchObject({
      line: 'V-1 · 及时汇报 · 2027-04-01 · 已 19 天',
      text: '操场照明不足',
      problem: '操场照明不足',
      owner: '张校长',
    });
    expect(todo?.items[1]).toMatchObject({
      line: 'R-1 · 整改中 · 登记 2027-04-02 · 已 18 天',
      deadline: '2027-04-15',
    });
    expect(todo?.total).toBe(3);
  });

  test('跟进人 decides the owner; a home visit of 3 days is not late; no contact detail travels', () => {
    const p = setUp('王主任');
    expect(sidebarTodo(p)?.items.map((i) => i.id)).toEqual(['V-2']);
    p.store.set(PERSON_KEY, '赵老师');
    const todo = sidebarTodo(p);
    expect(todo?.items.map((i) => [i.id, i.age, i.kind === 'followUp' && i.late])).toEqual([
      ['H-1', 3, false],
    ]);
    expect(JSON.stringify(todo)).not.toMatch(/13[89]\d{8}/);
  });
});

describe('closing a follow-up', () => {
  test('fills 跟进结果 and 办结日期 only; 处理方式 stays; two 修改日志 lines with who and when', () => {
    const p = setUp();
    const answer = ok(closeFromSidebar(p, { id: 'v-1', result: '已向校务会汇报，增设路灯' }));
    expect(answer.message).toBe('V-1 已办结（2027-04-20）。');
    expect(cells(p, '走访记录', 2)).toMatchObject({
      编号: 'V-1',
      处理方式: '及时汇报',
      跟进结果: '已向校务会汇报，增设路灯',
      办结日期: '2027-04-20',
      意见建议: '操场照明不足',
    });
    expect(logLines(p)).toEqual([
      [
        '2027-04-20 10:00',
        '张校长',
        '走访记录',
        'V-1',
        '办结跟进（侧栏）',
        2,
        '跟进结果',
        '',
        '已向校务会汇报，增设路灯',
      ],
      ['2027-04-20 10:00', '张校长', '走访记录', 'V-1', '办结跟进（侧栏）', 2, '办结日期', '', '2027-04-20'],
    ]);
    // The list the answer carries no longer holds it.
    expect(answer.todo?.items.map((i) => i.id)).toEqual(['R-1', 'V-5']);
    expect(p.lock.acquired).toBe(1);
  });

  test('a result already typed in the sheet is kept; the one given goes to the log', () => {
    const p = setUp('张校长', {
      visits: [
        visit('2027-04-01', '张校长', '陈红', {
          id: 'V-1',
          followUp: '及时汇报',
          followUpResult: '初步答复',
        }),
      ],
    });
    expect(ok(closeFromSidebar(p, { id: 'V-1', result: '完成' })).message).toContain(
      '原有的跟进结果保留未改',
    );
    expect(cells(p, '走访记录', 2)).toMatchObject({ 跟进结果: '初步答复', 办结日期: '2027-04-20' });
    expect(logLines(p)).toEqual([
      [
        '2027-04-20 10:00',
        '张校长',
        '走访记录',
        'V-1',
        '办结跟进（侧栏）：完成',
        2,
        '办结日期',
        '',
        '2027-04-20',
      ],
    ]);
  });

  test.each([
    ['V-3', 'V-3 已于 2027-04-08 办结，未作更改。'],
    ['V-4', 'V-4 的处理方式不是“及时汇报”或“研究实践”，不是待跟进事项，未作更改。'],
    ['V-99', '找不到编号为 V-99 的记录（走访记录 V-n、家访记录 H-n 或献计 S-n）。'],
    ['R-1', '找不到编号为 R-1 的记录（走访记录 V-n、家访记录 H-n 或献计 S-n）。'],
  ])('%s is refused with a clear message, nothing written', (id, message) => {
    const p = setUp();
    const before = snapshot(p);
    expect(closeFromSidebar(p, { id, result: '完成' })).toEqual({
      ok: false,
      errors: [{ field: '', message }],
    });
    expect(snapshot(p)).toBe(before);
  });

  test('an empty result is asked for; nobody picked is told to pick; a busy lock writes nothing', () => {
    const p = setUp();
    expect(closeFromSidebar(p, { id: 'V-1', result: '  ' })).toEqual({
      ok: false,
      errors: [{ field: 'result', message: '请填写跟进结果' }],
    });
    const nobody = setUp('不在名单');
    expect(closeFromSidebar(nobody, { id: 'V-1', result: '完成' })).toEqual({
      ok: false,
      errors: [{ field: '', message: '请先在“我是”中选择你的姓名。' }],
    });
    const before = snapshot(p);
    p.lock.held = true;
    expect(closeFromSidebar(p, { id: 'V-1', result: '完成' })).toEqual({
      ok: false,
      errors: [{ field: '', message: '其他人正在保存，请稍后再试。' }],
    });
    expect(snapshot(p)).toBe(before);
  });
});

describe('turning a follow-up into a rectification item', () => {
  test('a new 问题整改 row R-3 and the record closed as 转整改 R-3: linked both ways, logged', () => {
    const p = setUp();
    const answer = ok(
      convertFromSidebar(p, {
        id: 'V-1',
        problem: '操场照明不足，夜间活动不安全',
        owner: '',
        deadline: '2027-05-31',
      }),
    );
    expect(answer).toMatchObject({
      id: 'R-3',
      message: '已登记整改事项 R-3（来源 V-1），V-1 的整改编号已填为 R-3。',
    });
    expect(cells(p, '问题整改', 4)).toEqual({
      编号: 'R-3',
      登记日期: '2027-04-20',
      来源: 'V-1',
      问题: '操场照明不足，夜间活动不安全',
      原因分析: '',
      整改措施: '',
      责任人: '张校长', // the follow-up's owner
      期限: '2027-05-31',
      状态: '待整改',
      完成日期: '',
      长效机制: '',
    });
    expect(cells(p, '走访记录', 2)).toMatchObject({
      处理方式: '及时汇报',
      跟进结果: '转整改 R-3',
      办结日期: '2027-04-20',
      整改编号: 'R-3',
    });
    expect(logLines(p).map((l) => [l[1], l[2], l[3], l[4], l[6], l[8]])).toEqual([
      ['张校长', '问题整改', 'R-3', '新增 R-3（侧栏） · 转整改 R-3（来源 V-1）', '', ''],
      ['张校长', '走访记录', 'V-1', '转整改 R-3（来源 V-1）', '整改编号', 'R-3'],
      ['张校长', '走访记录', 'V-1', '转整改 R-3（来源 V-1）', '跟进结果', '转整改 R-3'],
      ['张校长', '走访记录', 'V-1', '转整改 R-3（来源 V-1）', '办结日期', '2027-04-20'],
    ]);
    // The follow-up left the list and the new item (owned by 张校长) joined it.
    expect(answer.todo?.items.map((i) => i.id)).toEqual(['R-1', 'V-5', 'R-3']);
    // The engine reads the link both ways: 来源 V-1 names an existing record, V-1 names R-3.
    const campaign = WorkbookSession.open(p.workbook, p.clock).campaign;
    expect(campaign.rectification.find((r) => r.id === 'R-3')?.source).toBe('V-1');
    expect(campaign.visits.find((v) => v.id === 'V-1')?.rectificationId).toBe('R-3');
  });

  test('a home visit: the problem defaults to the parent needs, the owner typed wins', () => {
    const p = setUp('赵老师');
    ok(convertFromSidebar(p, { id: 'H-1', problem: '', owner: '王主任', deadline: '' }));
    expect(cells(p, '问题整改', 4)).toMatchObject({
      来源: 'H-1',
      问题: '希望增加阅读指导',
      责任人: '王主任',
      期限: '',
    });
    expect(cells(p, '家访记录', 2)).toMatchObject({
      跟进结果: '转整改 R-3',
      整改编号: 'R-3',
      办结日期: '2027-04-20',
    });
  });

  test('a record with a 整改编号, a closed or a non follow-up, a bad deadline: refused, nothing written', () => {
    const p = setUp('张校长', {
      visits: [
        ...VISITS,
        visit('2027-04-11', '张校长', '马丽', { id: 'V-6', followUp: '及时汇报', rectificationId: 'R-1' }),
      ],
    });
    const before = snapshot(p);
    const refused = (id: string, more = {}) =>
      convertFromSidebar(p, { id, problem: '问题', owner: '', deadline: '', ...more });
    expect(refused('V-6')).toEqual({
      ok: false,
      errors: [{ field: '', message: 'V-6 已转为整改事项 R-1，未作更改。' }],
    });
    expect(refused('V-3')).toMatchObject({
      ok: false,
      errors: [{ message: 'V-3 已于 2027-04-08 办结，未作更改。' }],
    });
    expect(refused('V-4')).toMatchObject({ ok: false });
    expect(refused('R-1')).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('不是可转整改的记录') }],
    });
    expect(refused('V-1', { deadline: '2027/5/31' })).toEqual({
      ok: false,
      errors: [{ field: 'deadline', message: '日期应写成 YYYY-MM-DD' }],
    });
    expect(snapshot(p)).toBe(before);
  });

  test('a 责任人 not on the roster is warned before saving (nothing written); 仍然保存 (confirmed) saves it as typed', () => {
    const p = setUp();
    const before = snapshot(p);
    const input = { id: 'V-1', problem: '', owner: '不存在的人', deadline: '2027-05-31' };
    expect(convertFromSidebar(p, input)).toEqual({
      ok: false,
      errors: [],
      warnings: [
        '责任人“不存在的人”不在人员名单中（或已不在职）：此人收不到提醒，逾期后只会出现在学校负责人的部门汇总里。',
      ],
    });
    expect(snapshot(p)).toBe(before);
    // 孙老师 is on the roster but 在职 否: the same warning.
    expect(convertFromSidebar(p, { ...input, owner: '孙老师' })).toMatchObject({
      ok: false,
      errors: [],
      warnings: [expect.stringContaining('责任人“孙老师”不在人员名单中')],
    });
    expect(snapshot(p)).toBe(before);
    ok(convertFromSidebar(p, { ...input, confirmed: true }));
    expect(cells(p, '问题整改', 4)).toMatchObject({ 编号: 'R-3', 责任人: '不存在的人', 期限: '2027-05-31' });
  });

  test('a 责任人 on the roster (王主任) or left to the follow-up’s owner is saved with no warning', () => {
    const p = setUp();
    expect(convertFromSidebar(p, { id: 'V-1', problem: '', owner: '王主任', deadline: '' }).ok).toBe(true);
    expect(convertFromSidebar(p, { id: 'V-5', problem: '', owner: '', deadline: '' }).ok).toBe(true);
  });

  test('a 期限 before today is refused beside the field, even confirmed; today itself is fine', () => {
    const p = setUp();
    const before = snapshot(p);
    const input = { id: 'V-1', problem: '', owner: '', deadline: '2027-04-19' };
    const refusal = {
      ok: false,
      errors: [{ field: 'deadline', message: '期限不能早于今天（2027-04-20）' }],
    };
    expect(convertFromSidebar(p, input)).toEqual(refusal);
    expect(convertFromSidebar(p, { ...input, owner: '不存在的人', confirmed: true })).toEqual(refusal);
    expect(snapshot(p)).toBe(before);
    ok(convertFromSidebar(p, { ...input, deadline: '2027-04-20' }));
    expect(cells(p, '问题整改', 4)).toMatchObject({ 期限: '2027-04-20', 状态: '待整改' });
  });

  test('without a 问题整改 sheet: made with its header under the lock, the item is R-1, the sheet made is logged', () => {
    const p = setUp('张校长', { omit: ['rectification'] });
    ok(convertFromSidebar(p, { id: 'V-5', problem: '', owner: '', deadline: '' }));
    const grid = p.workbook.sheets.get('问题整改') as Grid;
    expect(grid[0]).toEqual([
      '编号',
      '登记日期',
      '来源',
      '问题',
      '原因分析',
      '整改措施',
      '责任人',
      '期限',
      '状态',
      '完成日期',
      '长效机制',
    ]);
    expect(cells(p, '问题整改', 2)).toMatchObject({
      编号: 'R-1',
      来源: 'V-5',
      问题: '课后服务时间太短',
      状态: '待整改',
    });
    expect(logLines(p)[0]?.slice(0, 5)).toEqual([
      '2027-04-20 10:00',
      '张校长',
      '问题整改',
      '',
      '新建工作表 问题整改',
    ]);
  });
});

describe('turning a suggestion into a rectification item (the office menu)', () => {
  test('the 献计 row of the active cell: 来源 S-4 and 整改编号 R-3, 采纳 untouched, logged', () => {
    const p = setUp();
    const session = WorkbookSession.open(p.workbook, p.clock);
    const outcome = convertSuggestionAt(session, p.lock, { sheet: '献计', row: 2, who: 'office@school.cn' });
    expect(outcome).toMatchObject({ ok: true, id: 'R-3' });
    expect(cells(p, '问题整改', 4)).toMatchObject({
      来源: 'S-4',
      问题: '图书角：每班设图书角',
      责任人: '',
      状态: '待整改',
    });
    expect(cells(p, '献计', 2)).toMatchObject({ 编号: 'S-4', 采纳: null, 整改编号: 'R-3' });
    expect(logLines(p).map((l) => [l[1], l[3], l[4], l[6]])).toEqual([
      ['office@school.cn', 'R-3', '新增 R-3（菜单 献计转整改） · 转整改 R-3（来源 S-4）', ''],
      ['office@school.cn', 'S-4', '转整改 R-3（来源 S-4）', '整改编号'],
    ]);
    // Again: already converted.
    const again = convertSuggestionAt(WorkbookSession.open(p.workbook, p.clock), p.lock, {
      sheet: '献计',
      row: 2,
      who: '',
    });
    expect(again).toEqual({
      ok: false,
      errors: [{ field: '', message: 'S-4 已转为整改事项 R-3，未作更改。' }],
    });
  });

  test.each([
    ['走访记录', 2],
    ['献计', 1],
    ['献计', 9],
  ])('a cell on %s row %i is no suggestion: a clear message, nothing written', (sheet, row) => {
    const p = setUp();
    const before = snapshot(p);
    const outcome = convertSuggestionAt(WorkbookSession.open(p.workbook, p.clock), p.lock, {
      sheet,
      row,
      who: '',
    });
    expect(outcome).toEqual({
      ok: false,
      errors: [
        { field: '', message: '请先在“献计”工作表中点选一条献计所在的行（第 2 行起），再点“献计转整改”。' },
      ],
    });
    expect(snapshot(p)).toBe(before);
  });
});

describe('献一计 and 讨论活动', () => {
  test('a suggestion: S-5 after the largest, today, the author, 采纳 待定; text starting with = kept as typed', () => {
    const p = setUp('钱老师');
    const answer = ok(
      suggestFromSidebar(p, {
        title: '=午休',
        text: '+增加午休时间',
        category: '学生管理',
        anonymous: false,
      }),
    );
    expect(answer.message).toBe('已收到献计 S-5，谢谢！');
    expect(cells(p, '献计', 3)).toEqual({
      编号: 'S-5',
      日期: '2027-04-20',
      提出人: '钱老师',
      标题: '=午休',
      内容: '+增加午休时间',
      类别: '学生管理',
      采纳: '待定',
      整改编号: '',
    });
    expect(logLines(p)).toEqual([
      ['2027-04-20 10:00', '钱老师', '献计', 'S-5', '新增 S-5（侧栏）', 3, '', '', ''],
    ]);
  });

  test('anonymous: 提出人 匿名, and the log names nobody either', () => {
    const p = setUp('钱老师', { omit: ['suggestions'] });
    ok(suggestFromSidebar(p, { title: '', text: '希望食堂多些蔬菜', category: '', anonymous: true }));
    expect(cells(p, '献计', 2)).toMatchObject({ 编号: 'S-1', 提出人: '匿名', 内容: '希望食堂多些蔬菜' });
    expect(JSON.stringify(logLines(p))).not.toContain('钱老师');
  });

  test('a suggestion without text is asked for it, nothing written', () => {
    const p = setUp();
    const before = snapshot(p);
    expect(suggestFromSidebar(p, { title: 'x', text: '', category: '', anonymous: false })).toEqual({
      ok: false,
      errors: [{ field: 'text', message: '请填写内容' }],
    });
    expect(snapshot(p)).toBe(before);
  });

  test('a discussion activity: D-1 in a 讨论活动 sheet made for it, 形式 in words, the organiser by default the person', () => {
    const p = setUp('张校长', { omit: ['discussions'] });
    const answer = ok(
      discussionFromSidebar(p, {
        date: '2027-04-18',
        form: 'forum',
        topic: '课后服务怎么办',
        organiser: '',
        attendance: 36,
        record: '家长代表发言',
      }),
    );
    expect(answer.message).toBe('已记录讨论活动 D-1。');
    expect(cells(p, '讨论活动', 2)).toEqual({
      编号: 'D-1',
      日期: '2027-04-18',
      形式: '座谈会',
      主题: '课后服务怎么办',
      组织者: '张校长',
      参加人数: 36,
      情况记录: '家长代表发言',
    });
  });

  test('a discussion in the future, of no known form, without topic, with a bad attendance: one message per field', () => {
    const p = setUp();
    const answer = discussionFromSidebar(p, {
      date: '2027-04-21',
      form: 'party',
      topic: '',
      organiser: '',
      attendance: -3,
      record: '',
    });
    expect(answer).toEqual({
      ok: false,
      errors: [
        { field: 'date', message: '日期不能晚于今天（2027-04-20）' },
        { field: 'form', message: '请选择形式' },
        { field: 'topic', message: '请填写主题' },
        { field: 'attendance', message: '参加人数应是 0 到 100000 之间的整数' },
      ],
    });
  });
});
