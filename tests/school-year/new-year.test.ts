// Starting the new school year on a workbook in memory: the autumn roster appended whole, empty 学期 filled, logged, and never twice.
import { planNewSchoolYear, planText, startNewSchoolYear } from '../../src/app/new-school-year';
import { WorkbookSession } from '../../src/app/session';
import { workbook, type Row } from '../core/helpers';
import { MemoryWorkbook } from '../app/sidebar-ports';

const SPRING = { name: '2027年春季学期', start: '2027-02-17', end: '2027-07-05' };
const AUTUMN = { name: '2027年秋季学期', start: '2027-09-01', end: '2028-01-22' };

const student = (studentId: string, name: string, className: string, semester = '', more: Row = {}): Row => ({
  studentId,
  name,
  className,
  semester,
  guardian: `${name.slice(0, 1)}家长`,
  contact: '138****0001',
  needsSupport: '否',
  ...more,
});

function book(students: Row[], semesters: Row[] = [SPRING, AUTUMN]): MemoryWorkbook {
  return new MemoryWorkbook(workbook({ students, semesters }));
}

const open = (wb: MemoryWorkbook, today = '2027-08-25') =>
  WorkbookSession.open(wb, { now: () => new Date('2027-08-25T02:00:00Z') }, { today });

describe('the new school year', () => {
  const roster = [
    student('2701', '王一', '一(1)班'),
    student('2702', '李二', '一(1)班', '', { needsSupport: '是' }),
    student('2201', '赵六', '六(2)班'),
    student('2501', '钱五', '五（3）班', '2027年春季学期'),
    student('2601', '孙某', '火箭班'),
    student('2502', '周旧', '五(1)班', '2026年秋季学期'),
  ];

  it('plans from the spring to the autumn on a summer day, and says so', () => {
    const session = open(book(roster));
    const outcome = planNewSchoolYear(session);
    if (!outcome.ok) throw new Error(outcome.message);
    const { plan } = outcome;
    expect([plan.from.name, plan.to.name]).toEqual(['2027年春季学期', '2027年秋季学期']);
    // 周旧 belongs to another semester: not in the roster moved.
    expect([plan.students, plan.staying, plan.leaving]).toEqual([5, 4, 1]);
    expect(plan.unreadable).toEqual(['火箭班']);
    expect(plan.fill).toEqual([2, 3, 4, 6]);
    const text = planText(session, plan);
    expect(text).toContain('将把“2027年春季学期”的 5 名学生复制为“2027年秋季学期”的名单');
    expect(text).toContain('4 人各升一个年级');
    expect(text).toContain('1 人（最高年级）毕业离校');
    expect(text).toContain('另有 4 行学生的学期为空');
    expect(text).toContain('火箭班');
  });

  it('appends the moved rows with 学期 = autumn, fills only the empty 学期 cells, and logs without contacts', () => {
    const wb = book(roster);
    const before = wb.sheets.get('学生')!.map((r) => [...r]);
    const result = startNewSchoolYear(open(wb), 'office@school.cn');
    if ('ok' in result) throw new Error(result.message);
    const grid = wb.sheets.get('学生')!;
    expect([result.first, result.last]).toEqual([8, 11]);
    expect(grid.slice(7)).toEqual([
      ['2701', '王一', '二(1)班', '2027年秋季学期', '王家长', '138****0001', '否'],
      ['2702', '李二', '二(1)班', '2027年秋季学期', '李家长', '138****0001', '是'],
      ['2501', '钱五', '六（3）班', '2027年秋季学期', '钱家长', '138****0001', '否'],
      ['2601', '孙某', '火箭班', '2027年秋季学期', '孙家长', '138****0001', '否'],
    ]);
    // The old rows: only the empty 学期 cells got the spring's name; every other cell as it was.
    grid.slice(0, 7).forEach((row, r) => {
      row.forEach((cell, c) => {
        if (c === 3 && [2, 3, 4, 6].includes(r + 1)) expect(cell).toBe('2027年春季学期');
        else expect(cell).toEqual(before[r]?.[c]);
      });
    });
    const log = wb.sheets.get('修改日志')!;
    expect(log).toHaveLength(1 + 1 + 4);
    expect(log[1]?.[4]).toBe(
      '开始新学年：由“2027年春季学期”升入“2027年秋季学期”，追加 4 行（第 8–11 行），1 人毕业离校',
    );
    expect(log.slice(2).map((l) => [l[1], l[5], l[6], l[7], l[8]])).toEqual(
      [2, 3, 4, 6].map((row) => ['office@school.cn', row, '学期', '', '2027年春季学期']),
    );
    expect(JSON.stringify(log)).not.toContain('****');
    expect(JSON.stringify(log)).not.toContain('家长');

    // The engine reads two rosters: the spring's five, the autumn's four, no 学号 twice in one semester.
    const after = open(wb).campaign;
    const inSemester = (name: string) => after.students.filter((s) => s.semester === name).length;
    expect([inSemester('2027年春季学期'), inSemester('2027年秋季学期')]).toEqual([5, 4]);
    expect(after.findings.filter((f) => f.code === 'STUDENT_ID_DUPLICATE')).toEqual([]);
  });

  it('refuses a second time, and writes nothing', () => {
    const wb = book(roster);
    startNewSchoolYear(open(wb), 'office');
    const snapshot = JSON.stringify([...wb.sheets]);
    const again = startNewSchoolYear(open(wb), 'office');
    expect(again).toEqual({
      ok: false,
      message:
        '“学生”表中已有 4 名学生属于“2027年秋季学期”：新学年的名单只建一次，请直接在“学生”表中修改，未做任何更改。',
    });
    expect(JSON.stringify([...wb.sheets])).toBe(snapshot);
  });

  it('refuses without a new school year on the 学期 sheet, or without a 学期 sheet', () => {
    const noAutumn = planNewSchoolYear(open(book(roster, [SPRING])));
    expect(noAutumn).toMatchObject({
      ok: false,
      message: expect.stringContaining('没有尚未结束的新学年学期'),
    });
    const none = planNewSchoolYear(open(new MemoryWorkbook(workbook({ students: roster }))));
    expect(none).toMatchObject({ ok: false, message: expect.stringContaining('“学期”表中没有学期') });
    const unknown = planNewSchoolYear(open(book(roster)), { to: '2028年秋季学期' });
    expect(unknown).toEqual({ ok: false, message: '“学期”表中没有“2028年秋季学期”。' });
  });

  it('still finds the autumn in September, once it has begun', () => {
    const outcome = planNewSchoolYear(open(book(roster), '2027-09-06'));
    expect(outcome.ok && [outcome.plan.from.name, outcome.plan.to.name]).toEqual([
      '2027年春季学期',
      '2027年秋季学期',
    ]);
  });
});
