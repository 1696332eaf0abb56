// The sidebar's server side of issue 12: the search across classes, warnings before saving, withdrawing one's own record.
import { findStudents, FIND_LIMIT, PERSON_KEY, previewSave, saveRecord } from '../../src/app/sidebar';
import { withdrawRecord, minutesBetween } from '../../src/app/withdraw';
import { recompute } from '../../src/app/recompute';
import { WorkbookSession } from '../../src/app/session';
import { personProgress } from '../../src/core/engine';
import type { VisitInput, HomeVisitInput } from '../../src/core/schemas';
import { school, visit } from '../core/helpers';
import { NOW, ports } from './sidebar-ports';

/** A stand-in for the pinyin package: the initials of the test school's names, one letter a character. */
const LETTERS: Record<string, string> = {
  王: 'w',
  芳: 'f',
  李: 'l',
  明: 'm',
  张: 'z',
  伟: 'w',
  刘: 'l',
  丽: 'l',
  陈: 'c',
  静: 'j',
  赵: 'z',
  磊: 'l',
};
const initials = (name: string) => [...name].map((c) => LETTERS[c] ?? '').join('');

const leaderVisit = (more: Partial<VisitInput> = {}): VisitInput => ({
  kind: 'visit',
  date: '2027-04-19',
  visitor: '张校长',
  coVisitors: [],
  targets: ['陈红'],
  mode: 'faceToFace',
  purpose: '',
  record: '听取了对课后服务的建议。',
  suggestions: '',
  followUp: null,
  followUpOwner: '',
  ...more,
});
const homeVisitInput = (more: Partial<HomeVisitInput> = {}): HomeVisitInput => ({
  kind: 'homeVisit',
  date: '2027-04-18',
  teacher: '赵老师',
  className: '一(1)班',
  students: ['王芳'],
  coTeachers: ['张校长'],
  mode: 'inPerson',
  family: '',
  parentNeeds: '',
  supportNeeded: '',
  record: '了解了学习环境。',
  followUp: null,
  ...more,
});

describe('findStudents: across classes, by name, 学号 or pinyin initials', () => {
  const p = () => ({ ...ports(school()), initials });

  test('a name finds both 王芳, each with its class; nothing of guardian or contact', () => {
    const answer = findStudents(p(), '王芳');
    expect(answer.students.map((s) => [s.name, s.className, s.id])).toEqual([
      ['王芳', '一(1)班', 'S101'],
      ['王芳', '一(2)班', 'S201'],
    ]);
    expect(answer).toMatchObject({ query: '王芳', more: false });
    for (const secret of ['王爸爸', '13900000001']) expect(JSON.stringify(answer)).not.toContain(secret);
  });

  test('pinyin initials match from the start, case and spaces aside; a 学号 matches too', () => {
    expect(findStudents(p(), 'Z L').students.map((s) => s.name)).toEqual(['赵磊']);
    expect(findStudents(p(), 'll').students.map((s) => s.name)).toEqual(['刘丽']);
    expect(findStudents(p(), 's20').students.map((s) => s.id)).toEqual(['S201', 'S202', 'S203']);
    // Without a pinyin function, initials match nothing (names and 学号 still do).
    expect(findStudents(ports(school()), 'zl').students).toEqual([]);
  });

  test('an empty query asks nothing; at most FIND_LIMIT are sent and `more` says there are others', () => {
    const q = ports(school());
    expect(findStudents(q, '  ')).toEqual({ query: '  ', students: [], more: false });
    expect(q.workbook.total()).toBe(0);
    const many = Array.from({ length: FIND_LIMIT + 5 }, (_, i) => ({
      studentId: `T${i}`,
      name: `王${i}`,
      className: '二(1)班',
    }));
    const answer = findStudents(ports(school({ students: many })), '王');
    expect(answer.students).toHaveLength(FIND_LIMIT);
    expect(answer.more).toBe(true);
  });
});

describe('previewSave: the record judged as a save would judge it, nothing written', () => {
  test('a duplicate of an earlier row is a warning to confirm; the workbook is not written', () => {
    const p = ports(school({ visits: [visit('2027-04-19', '张校长', '陈红', { id: 'V-1' })] }));
    const before = p.workbook.sheets.get('走访记录')?.length;
    const preview = previewSave(p, leaderVisit());
    expect(preview).toEqual({ ok: true, warnings: ['与第 2 行重复（同一走访人、同一对象、同一天）'] });
    expect(p.workbook.sheets.get('走访记录')?.length).toBe(before);
    expect(p.workbook.calls.append ?? 0).toBe(0);
    expect(p.lock.acquired).toBe(0);
    // The save says the same warning: one judge for both.
    const saved = saveRecord(p, leaderVisit());
    expect(saved.ok && saved.warnings).toEqual(preview.ok && preview.warnings);
  });

  test('an in-person home visit without a co-teacher is said before saving', () => {
    const preview = previewSave(ports(school()), homeVisitInput({ coTeachers: [] }));
    expect(preview).toEqual({ ok: true, warnings: ['上门家访没有协同教师（方案建议两三人协同上门）'] });
    expect(previewSave(ports(school()), homeVisitInput())).toEqual({ ok: true, warnings: [] });
  });

  test('errors come back per field, as a save gives them', () => {
    const preview = previewSave(ports(school()), leaderVisit({ date: '2027-05-01' }));
    expect(preview.ok).toBe(false);
    expect(!preview.ok && preview.errors.map((e) => e.field)).toEqual(['date']);
  });
});

describe('withdrawRecord: the person who saved it, within 10 minutes; kept, marked, logged, not counted', () => {
  const saveThenWithdraw = (minutesLater: number, who = '张校长') => {
    const p = ports(school());
    p.store.set(PERSON_KEY, '张校长');
    const saved = saveRecord(p, leaderVisit());
    if (!saved.ok) throw new Error('not saved');
    const later = { ...p, clock: { now: () => new Date(NOW.getTime() + minutesLater * 60_000) } };
    later.store.set(PERSON_KEY, who);
    return { p, saved, result: withdrawRecord(later, saved.id) };
  };

  test('the row keeps every typed cell, its 校验 says 已撤回 by whom and when, 修改日志 has the line', () => {
    const { p, saved, result } = saveThenWithdraw(3);
    expect(result).toMatchObject({ ok: true, id: saved.id });
    const grid = p.workbook.sheets.get('走访记录') as unknown[][];
    const header = grid[0] as string[];
    const row = grid[saved.row - 1] as unknown[];
    const cell = (h: string) => row[header.indexOf(h)];
    expect(cell('校验')).toBe('已撤回 by 张校长 at 2027-04-20 10:03');
    expect(cell('情况记录')).toBe('听取了对课后服务的建议。');
    expect(cell('走访对象')).toBe('陈红');
    expect(p.workbook.sheets.get('修改日志')).toEqual([
      ['时间', '操作人', '工作表', '编号', '说明', '行', '列', '原值', '新值'],
      [
        '2027-04-20 10:03',
        '张校长',
        '走访记录',
        saved.id,
        `撤回：校验由“✓”改为“已撤回 by 张校长 at 2027-04-20 10:03”`,
        saved.row,
        '校验',
        '✓',
        '已撤回 by 张校长 at 2027-04-20 10:03',
      ],
    ]);
  });

  test('a withdrawn row never counts, and a recompute keeps its mark', () => {
    const { p } = saveThenWithdraw(1);
    const session = WorkbookSession.open(p.workbook, p.clock);
    const line = personProgress(session.campaign, '张校长', session.today).lines.find(
      (l) => l.unit === '校长室',
    );
    expect(line?.count).toBe(0);
    expect(session.campaign.visits).toHaveLength(0);
    recompute(session); // rewrites every 校验 cell
    const grid = p.workbook.sheets.get('走访记录') as unknown[][];
    expect(String((grid[1] as unknown[])[(grid[0] as string[]).indexOf('校验')])).toMatch(
      /^已撤回 by 张校长/,
    );
  });

  test('refused: after 10 minutes, by someone else, twice, an unknown 编号, nobody chosen', () => {
    expect(saveThenWithdraw(11).result).toEqual({
      ok: false,
      message: 'V-1 已保存超过 10 分钟，不能再撤回；请在表中修改，或请管理员处理。',
    });
    expect(saveThenWithdraw(2, '李副校长').result).toEqual({
      ok: false,
      message: 'V-1 不是你录入的记录：只能撤回自己录入的记录。',
    });
    const { p, saved } = saveThenWithdraw(2);
    expect(withdrawRecord(p, saved.id)).toEqual({ ok: false, message: 'V-1 已经撤回过了。' });
    expect(withdrawRecord(p, 'V-99')).toEqual({ ok: false, message: '找不到编号为 V-99 的记录。' });
    const nobody = ports(school());
    expect(withdrawRecord(nobody, 'V-1')).toEqual({ ok: false, message: '请先在“我是”中选择你的姓名。' });
    // Refusals write nothing.
    expect(saveThenWithdraw(11).p.workbook.sheets.has('修改日志')).toBe(false);
  });

  test('minutes between two school times', () => {
    expect(minutesBetween('2027-04-20 23:55', '2027-04-21 00:04')).toBe(9);
    expect(Number.isNaN(minutesBetween('', '2027-04-21 00:04'))).toBe(true);
  });
});
