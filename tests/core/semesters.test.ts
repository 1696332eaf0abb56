// Semesters in counting (issue 9): rosters per semester, home visits by the semester of their date, quota months, class figures and who is left.
import { computeStatus, loadCampaign, personProgress, problemsOf } from '../../src/core/engine';
import { buildMonthlyReport } from '../../src/core/report/monthly-report';
import { reportDocument } from '../../src/core/report/report-document';
import { statusSheet } from '../../src/app/status-sheet';
import { lineOf, school, workbook, type Row } from './helpers';
import {
  AUTUMN,
  EXEMPT,
  juneWorkbook,
  novemberWorkbook,
  SEMESTERS,
  SPRING,
  STAFF,
  students,
  UNITS,
} from '../fixtures/semester-school';

const NOVEMBER = '2027-11-20';
const november = () => loadCampaign(novemberWorkbook(), NOVEMBER);

describe('a campaign year with a spring and an autumn semester', () => {
  it('reports the summer home visit naming both semesters, and the autumn visit by a spring class', () => {
    const problems = problemsOf(november()).map((p) => [p.row, p.code, p.message]);
    expect(problems).toEqual([
      [
        6,
        'HOME_VISIT_OUTSIDE_SEMESTER',
        '家访日期 2027-08-10 不在任何学期内（2027年春季学期 2027-02-17 至 2027-07-05；2027年秋季学期 2027-09-01 至 2028-01-22）',
      ],
      [11, 'STUDENT_NOT_IN_CLASS', '学生“李明”不在一(1)班的名单中'],
    ]);
  });

  it('keeps every spring visit valid after 设置 moved to the autumn', () => {
    const campaign = november();
    expect(campaign.homeVisits.filter((v) => v.valid).map((v) => v.row)).toEqual([2, 3, 4, 5, 7, 8, 9, 10]);
  });

  it('has home-visit quota lines in the months of both semesters only: none in February, August or after today', () => {
    const campaign = november();
    const months = [
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
      '2027-09',
      '2027-10',
      '2027-11',
      '2027-12',
    ];
    const lines = months.map((m) => [
      m,
      lineOf(computeStatus(campaign, m, NOVEMBER), '赵老师', '全体教师')?.status,
    ]);
    expect(lines).toEqual([
      ['2027-02', undefined], // the spring starts on the 17th: its first quota month is March
      ['2027-03', 'missed'],
      ['2027-04', 'missed'],
      ['2027-05', 'missed'],
      ['2027-06', 'missed'],
      ['2027-07', 'exempt'], // the spring's last month, exempt
      ['2027-08', undefined], // the summer: between the semesters
      ['2027-09', 'missed'],
      ['2027-10', 'exempt'], // exempt inside the autumn semester
      ['2027-11', 'behind'],
      ['2027-12', undefined], // after today: not evaluated
    ]);
  });

  it('counts distinct students per quota month, the days before the first quota month in it', () => {
    const campaign = november();
    const count = (m: string, who: string) =>
      lineOf(computeStatus(campaign, m, NOVEMBER), who, '全体教师')?.count;
    // March: 王芳 (20 Feb) and 李明; 钱老师 went along for 李明.
    expect([count('2027-03', '赵老师'), count('2027-03', '钱老师')]).toEqual([2, 1]);
    expect([count('2027-05', '赵老师'), count('2027-06', '钱老师'), count('2027-06', '赵老师')]).toEqual([
      1, 1, 0,
    ]);
    // September: 王芳 (again, a new semester) and 刘丽; October's 张伟 is counted though the month is exempt.
    expect([count('2027-09', '赵老师'), count('2027-09', '钱老师'), count('2027-10', '赵老师')]).toEqual([
      2, 1, 1,
    ]);
    // November: 新生甲, 钱老师's with 赵老师; the row naming 李明 in 一(1)班 is an error and counts for nobody.
    expect([count('2027-11', '钱老师'), count('2027-11', '赵老师')]).toEqual([1, 1]);
  });

  it('gives a spring month the spring roster: its classes, students visited within the spring, in person', () => {
    const status = computeStatus(november(), '2027-06', NOVEMBER);
    expect(status.semester).toEqual({ name: SPRING, start: '2027-02-17', end: '2027-07-05' });
    expect(status.classes).toEqual([
      { class: '一(1)班', students: 3, visited: 2, inPerson: 2 },
      { class: '六(1)班', students: 1, visited: 1, inPerson: 0 },
      { class: '三(1)班', students: 1, visited: 0, inPerson: 0 },
    ]);
  });

  it('gives an autumn month the re-formed classes; a child visited in spring is visited again only by an autumn visit', () => {
    const status = computeStatus(november(), '2027-11', NOVEMBER);
    expect(status.semester).toEqual({ name: AUTUMN, start: '2027-09-01', end: '2028-01-22' });
    // 二(1)班: 王芳 (S101, visited in both semesters, once here), 李明 (spring only: not yet), 刘丽.
    expect(status.classes).toEqual([
      { class: '三(1)班', students: 1, visited: 0, inPerson: 0 },
      { class: '二(1)班', students: 3, visited: 2, inPerson: 1 },
      { class: '二(2)班', students: 1, visited: 1, inPerson: 0 },
      { class: '一(1)班', students: 2, visited: 1, inPerson: 1 },
    ]);
  });

  it('shows the summer the spring as it ended, and an exempt autumn month the autumn up to its end', () => {
    const campaign = november();
    const august = computeStatus(campaign, '2027-08', NOVEMBER);
    expect(august.semester.name).toBe(SPRING);
    expect(august.classes).toEqual(computeStatus(campaign, '2027-06', NOVEMBER).classes);
    expect(august.people).toEqual([]);
    const october = computeStatus(campaign, '2027-10', NOVEMBER);
    expect(october.semester.name).toBe(AUTUMN);
    // Up to 31 October: 王芳 and 刘丽 in 二(1)班, 张伟 in 二(2)班; 新生甲 (5 November) not yet.
    expect(october.classes.map((c) => [c.class, c.visited])).toEqual([
      ['三(1)班', 0],
      ['二(1)班', 2],
      ['二(2)班', 1],
      ['一(1)班', 0],
    ]);
  });

  it("lists who is left in the teacher's class of the semester of the day", () => {
    const campaign = november();
    // June: 钱老师's 一(1)班 is the spring one (王芳, 李明 visited); November: 赵老师's 二(1)班 misses 李明.
    expect(personProgress(campaign, '钱老师', '2027-06-20').missing).toEqual([
      { unit: '全体教师', names: ['张伟'] },
    ]);
    expect(personProgress(campaign, '赵老师', NOVEMBER).missing).toEqual([
      { unit: '全体教师', names: ['李明'] },
    ]);
    // November: 钱老师's 一(1)班 is the new first grade.
    expect(personProgress(campaign, '钱老师', NOVEMBER).missing).toEqual([
      { unit: '全体教师', names: ['新生乙'] },
    ]);
  });

  it("gives the spring's June report in November the same figures as in June", () => {
    const june = buildMonthlyReport(loadCampaign(juneWorkbook(), '2027-07-01'), '2027-06', '2027-07-01');
    const later = buildMonthlyReport(november(), '2027-06', NOVEMBER);
    const figures = (r: typeof june) => ({
      asAt: r.asAt,
      semester: r.semester,
      empty: r.empty,
      units: r.units,
      people: r.people,
      coverage: r.coverage,
      classes: r.classes,
      change: r.change,
    });
    expect(figures(later)).toEqual(figures(june));
    expect(june.semester).toEqual({ name: SPRING, start: '2027-02-17', end: '2027-07-05' });
    expect(june.people).toEqual([
      { name: '赵老师', unit: '全体教师', count: 0, minimum: 5, status: 'missed' },
      { name: '钱老师', unit: '全体教师', count: 1, minimum: 5, status: 'missed' },
    ]);
    expect(june.classes.map((c) => [c.class, c.students, c.visited, c.inPerson, c.monthVisits])).toEqual([
      ['一(1)班', 3, 2, 2, 0],
      ['六(1)班', 1, 1, 0, 1],
      ['三(1)班', 1, 0, 0, 0],
    ]);
  });

  it('counts an autumn visit toward its semester: the report of September names the autumn', () => {
    const report = buildMonthlyReport(november(), '2027-09', NOVEMBER);
    expect(report.semester.name).toBe(AUTUMN);
    const doc = reportDocument(report, 'zh', { phase: '', generatedAt: '' });
    expect(doc.tables.find((t) => t.key === 'classes')?.title).toBe(
      '四、各班家访（2027年秋季学期）（截至 2027-09-30）',
    );
    const unit = report.units.find((u) => u.unit === '全体教师');
    // Rows 7 and 8: two home visits, 2 distinct students (王芳, 刘丽).
    expect([unit?.visits, unit?.distinct]).toEqual([2, 2]);
  });
});

it('names the semester over the class figures of 进度', () => {
  const status = computeStatus(november(), '2027-11', NOVEMBER);
  const { grid } = statusSheet({
    lang: 'zh',
    campaignName: '三大一实干',
    status,
    phase: '',
    computedAt: '',
    errors: 0,
    warnings: 0,
    units: [{ name: '全体教师', homeVisits: true }],
    semester: status.semester,
  });
  expect(grid.some((row) => row[0] === '班级家访（2027年秋季学期）')).toBe(true);
});

describe('the 学生 sheet across semesters', () => {
  const base = (rows: Row[], more: Row[] = []) =>
    loadCampaign(
      workbook({
        units: UNITS,
        staff: STAFF,
        semesters: SEMESTERS,
        settings: { exemptMonths: EXEMPT },
        students: rows,
        homeVisits: more,
      }),
      NOVEMBER,
    );

  it('lets one 学号 stand once in each semester, but not twice in one', () => {
    const campaign = base([
      { studentId: 'S1', name: '甲', className: '一(1)班', semester: SPRING },
      { studentId: 'S1', name: '甲', className: '二(1)班', semester: AUTUMN },
      { studentId: 'S1', name: '甲乙', className: '二(2)班', semester: AUTUMN },
    ]);
    expect(problemsOf(campaign).map((p) => [p.row, p.code, p.message])).toEqual([
      [4, 'STUDENT_ID_DUPLICATE', '学号“S1”与第 3 行（甲）重复，本行不计入名单'],
    ]);
    expect(campaign.rosters.semesterRosters.map((r) => r.students.map((s) => s.row))).toEqual([[2], [3]]);
  });

  it('finds a row of empty 学期 overlapping every semester', () => {
    const campaign = base([
      { studentId: 'S1', name: '甲', className: '一(1)班' },
      { studentId: 'S1', name: '甲', className: '二(1)班', semester: AUTUMN },
    ]);
    expect(problemsOf(campaign).map((p) => [p.row, p.code])).toEqual([[3, 'STUDENT_ID_DUPLICATE']]);
    expect(campaign.rosters.semesterRosters.map((r) => r.students.map((s) => s.row))).toEqual([[2], [2]]);
  });

  it('warns of a 学期 naming no listed semester and keeps the row in every semester', () => {
    const campaign = base([{ studentId: 'S1', name: '甲', className: '一(1)班', semester: '2027秋' }]);
    expect(problemsOf(campaign).map((p) => [p.row, p.column, p.severity, p.message])).toEqual([
      [
        2,
        '学期',
        'warning',
        '学期“2027秋”不是已列出的学期（2027年春季学期、2027年秋季学期），本行按所有学期计',
      ],
    ]);
    expect(campaign.rosters.semesterRosters.map((r) => r.students.length)).toEqual([1, 1]);
  });

  it('finds a student without 学号 by class and name within the semester', () => {
    const campaign = base(
      [
        { name: '甲', className: '一(1)班', semester: SPRING },
        { name: '甲', className: '二(1)班', semester: AUTUMN },
      ],
      [
        {
          date: '2027-04-01',
          teacher: '赵老师',
          className: '一(1)班',
          students: '甲',
          mode: '电话',
          record: '家访',
        },
        {
          date: '2027-09-10',
          teacher: '赵老师',
          className: '一(1)班',
          students: '甲',
          mode: '电话',
          record: '家访',
        },
      ],
    );
    expect(problemsOf(campaign).map((p) => [p.row, p.code])).toEqual([[3, 'STUDENT_NOT_IN_CLASS']]);
    expect(computeStatus(campaign, '2027-11', NOVEMBER).classes).toEqual([
      { class: '二(1)班', students: 1, visited: 0, inPerson: 0 },
    ]);
  });
});

describe('a workbook without a 学期 sheet', () => {
  it('reads as one semester of 设置, named by its start', () => {
    const status = computeStatus(loadCampaign(school(), '2027-04-20'), '2027-04', '2027-04-20');
    expect(status.semester).toEqual({ name: SPRING, start: '2027-02-17', end: '2027-07-05' });
    expect(status.classes.map((c) => c.class)).toEqual(['一(1)班', '一(2)班']);
  });

  it('keeps 学期 filled with that name, and warns of another', () => {
    const campaign = loadCampaign(
      school({
        students: [...students(true).slice(0, 1), { name: '乙', className: '一(2)班', semester: '秋季' }],
      }),
      '2027-04-20',
    );
    expect(problemsOf(campaign).map((p) => [p.row, p.code])).toEqual([[3, 'STUDENT_SEMESTER_UNKNOWN']]);
  });
});

describe('capacity (§3)', () => {
  const targets = (n: number): Row[] =>
    Array.from({ length: n }, (_, i) => ({ name: `教师${i + 1}`, group: '办公室教师' }));
  const staff: Row[] = [
    { name: '甲主任', units: '发展中心' },
    { name: '乙主任', units: '发展中心' },
    { name: '丙主任', units: '发展中心', active: '否' },
    { name: '丁老师', units: '全体教师' },
  ];
  const capacity = (n: number, units = [['发展中心', '办公室教师', 3, 2, ''], UNITS[0] ?? []]) =>
    problemsOf(
      loadCampaign(workbook({ units, staff, targets: targets(n), students: students(false) }), '2027-04-20'),
    ).map((p) => [p.sheet, p.row, p.column, p.severity, p.message]);

  it('warns a unit whose active members cannot cover its groups in a cycle, with both numbers', () => {
    // 2 active members (丙主任 has left) × 3 a month × 2 months = 12 < 13.
    expect(capacity(13)).toEqual([
      [
        '部门指标',
        2,
        '走访对象类别',
        'warning',
        '发展中心：2 人 × 每月 3 人 × 2 个月 = 12，少于走访对象 13 人，一个周期内走不完',
      ],
    ]);
  });

  it('is quiet when the cycle is just enough, or a longer cycle makes it so', () => {
    expect(capacity(12)).toEqual([]);
    expect(capacity(13, [['发展中心', '办公室教师', 3, 3, ''], UNITS[0] ?? []])).toEqual([]);
  });

  it('leaves 全体教师 to the classes: one teacher × 1 a month × 1 month for five students draws no warning', () => {
    expect(capacity(0, [['全体教师', '学生家庭', 1, 1, '家访']])).toEqual([
      ['人员', 2, '部门', 'warning', '部门“发展中心”不在部门指标中'],
      ['人员', 3, '部门', 'warning', '部门“发展中心”不在部门指标中'],
      ['人员', 4, '部门', 'warning', '部门“发展中心”不在部门指标中'],
    ]);
  });
});
