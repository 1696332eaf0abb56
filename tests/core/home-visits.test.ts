// Home visits (全体教师) of §3: counted on 家访记录 per semester month, students found in the class or by ID, class coverage.
import { computeStatus, loadCampaign, problemsOf } from '../../src/core/engine';
import { homeVisit, lineOf, school, visit, type WorkbookSpec } from './helpers';

const TODAY = '2027-04-20';

function status(spec: WorkbookSpec, month = '2027-04', today = TODAY) {
  const campaign = loadCampaign(school(spec), today);
  return { campaign, status: computeStatus(campaign, month, today) };
}

/** Two classes: 一(1)班 has 王芳 S101, 李明, 张伟, 刘丽; 一(2)班 has 王芳 S201, 陈静, 赵磊. */
const APRIL_HOME_VISITS = [
  homeVisit('2027-04-05', '赵老师', '一(1)班', '王芳、李明'),
  homeVisit('2027-04-08', '赵老师', '一(1)班', '张伟', { mode: '上门', coTeachers: '张校长' }),
  homeVisit('2027-04-09', '钱老师', '一(2)班', '王芳,陈静', { mode: '上门', coTeachers: '赵老师' }),
];

describe('the 全体教师 count', () => {
  it('counts distinct students on 家访记录, for the teacher and the co-teachers', () => {
    const { campaign, status: april } = status({ homeVisits: APRIL_HOME_VISITS });
    expect(problemsOf(campaign)).toEqual([]);
    // 赵老师: 王芳 (S101), 李明, 张伟, and as co-teacher 王芳 (S201), 陈静: two different 王芳.
    expect(lineOf(april, '赵老师', '全体教师')).toEqual({
      name: '赵老师',
      unit: '全体教师',
      count: 5,
      minimum: 5,
      status: 'met',
    });
    expect(lineOf(april, '钱老师', '全体教师')?.count).toBe(2);
    expect(lineOf(april, '张校长', '全体教师')?.count).toBe(1);
    expect(lineOf(april, '张校长', '校长室')?.count).toBe(0);
  });

  it('does not count leader visits toward 全体教师', () => {
    const { status: april } = status({ visits: [visit('2027-04-05', '张校长', '陈红')] });
    expect(lineOf(april, '张校长', '全体教师')?.count).toBe(0);
    expect(lineOf(april, '张校长', '校长室')?.count).toBe(1);
  });

  it('counts a student visited twice in a month once', () => {
    const homeVisits = [
      homeVisit('2027-04-05', '赵老师', '一(1)班', '李明'),
      homeVisit('2027-04-12', '赵老师', '一(1)班', '李明、S102', { mode: '上门', coTeachers: '张校长' }),
    ];
    expect(lineOf(status({ homeVisits }).status, '赵老师', '全体教师')?.count).toBe(1);
  });

  it('finds a student by student ID', () => {
    const homeVisits = [homeVisit('2027-04-05', '赵老师', '一(1)班', 'S103、刘丽')];
    const { campaign, status: april } = status({ homeVisits });
    expect(problemsOf(campaign)).toEqual([]);
    expect(lineOf(april, '赵老师', '全体教师')?.count).toBe(2);
    expect(april.classes[0]).toEqual({ class: '一(1)班', students: 4, visited: 2, inPerson: 0 });
  });

  it('reports a student ID of another class as not in the record’s class, and does not count the row', () => {
    const homeVisits = [homeVisit('2027-04-05', '赵老师', '一(1)班', 'S201')];
    const { campaign, status: april } = status({ homeVisits });
    expect(problemsOf(campaign).map((p) => [p.row, p.code, p.severity])).toEqual([
      [2, 'STUDENT_NOT_IN_CLASS', 'error'],
    ]);
    expect(lineOf(april, '赵老师', '全体教师')?.count).toBe(0);
  });

  it('finds a name present in two classes inside the record’s class', () => {
    const homeVisits = [homeVisit('2027-04-05', '钱老师', '一(2)班', '王芳')];
    expect(status({ homeVisits }).status.classes).toEqual([
      { class: '一(1)班', students: 4, visited: 0, inPerson: 0 },
      { class: '一(2)班', students: 3, visited: 1, inPerson: 0 },
    ]);
  });

  const strayStudent = [homeVisit('2027-04-05', '赵老师', '一(1)班', '李明、陈静')];

  it('reports a student who is not in the record’s class as an error', () => {
    expect(
      problemsOf(status({ homeVisits: strayStudent }).campaign).map((p) => [p.row, p.code, p.severity]),
    ).toEqual([[2, 'STUDENT_NOT_IN_CLASS', 'error']]);
  });

  it('does not count a row naming a student who is not in that class', () => {
    const april = status({ homeVisits: strayStudent }).status;
    expect(lineOf(april, '赵老师', '全体教师')?.count).toBe(0);
    expect(april.classes.map((c) => c.visited)).toEqual([0, 0]);
  });
});

describe('home-visit months', () => {
  it('start from the semester start the same way (17 February: March), earlier days counting toward it', () => {
    const homeVisits = [homeVisit('2027-02-20', '赵老师', '一(1)班', '李明')];
    const campaign = loadCampaign(school({ homeVisits, settings: { exemptMonths: [] } }), '2027-03-10');
    expect(computeStatus(campaign, '2027-02', '2027-03-10').people).toEqual([]);
    expect(lineOf(computeStatus(campaign, '2027-03', '2027-03-10'), '赵老师', '全体教师')?.count).toBe(1);
  });

  it('stop after the semester’s end month: no 全体教师 line in August', () => {
    const campaign = loadCampaign(school({ settings: { exemptMonths: [] } }), '2027-08-20');
    const july = computeStatus(campaign, '2027-07', '2027-08-20');
    expect(lineOf(july, '赵老师', '全体教师')).toMatchObject({ count: 0, status: 'missed' });
    const august = computeStatus(campaign, '2027-08', '2027-08-20');
    expect(august.people.filter((l) => l.unit === '全体教师')).toEqual([]);
    expect(lineOf(august, '张校长', '校长室')).toBeDefined();
  });

  it('are exempt in an exempt month inside the semester', () => {
    const campaign = loadCampaign(school({ settings: { exemptMonths: ['2027-05'] } }), '2027-05-20');
    expect(lineOf(computeStatus(campaign, '2027-05', '2027-05-20'), '赵老师', '全体教师')?.status).toBe(
      'exempt',
    );
  });
});

describe('class coverage', () => {
  it('gives per class the students, those visited this semester (any mode) and those visited in person', () => {
    const homeVisits = [
      ...APRIL_HOME_VISITS,
      homeVisit('2027-03-02', '赵老师', '一(1)班', '张伟'),
      homeVisit('2027-03-03', '钱老师', '一(2)班', '赵磊', { mode: '来校' }),
    ];
    const { campaign, status: april } = status({ homeVisits });
    expect(problemsOf(campaign)).toEqual([]);
    expect(april.classes).toEqual([
      { class: '一(1)班', students: 4, visited: 3, inPerson: 1 },
      { class: '一(2)班', students: 3, visited: 3, inPerson: 2 },
    ]);
  });

  it('leaves out visits outside the semester', () => {
    const homeVisits = [
      homeVisit('2027-02-16', '赵老师', '一(1)班', '王芳', { mode: '上门', coTeachers: '张校长' }),
    ];
    const { campaign, status: april } = status({ homeVisits });
    expect(april.classes.map((c) => [c.visited, c.inPerson])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(problemsOf(campaign).map((p) => p.code)).toEqual(['HOME_VISIT_OUTSIDE_SEMESTER']);
  });

  it('leaves out rows with errors', () => {
    const homeVisits = [
      homeVisit('2027-04-05', '赵老师', '一(1)班', '李明', { mode: '集中走访' }),
      homeVisit('2027-04-06', '孙老师', '一(2)班', '陈静', { mode: '上门', coTeachers: '钱老师' }),
    ];
    const { campaign, status: april } = status({ homeVisits });
    expect(problemsOf(campaign).map((p) => p.code)).toEqual(['MODE_INVALID', 'VISITOR_INACTIVE']);
    expect(april.classes.map((c) => [c.visited, c.inPerson])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(lineOf(april, '钱老师', '全体教师')?.count).toBe(0);
  });
});

describe('a past month’s class coverage', () => {
  it('counts the home visits up to the end of that month only', () => {
    const homeVisits = [
      homeVisit('2027-04-05', '赵老师', '一(1)班', '李明'),
      homeVisit('2027-05-06', '赵老师', '一(1)班', '张伟', { mode: '上门', coTeachers: '张校长' }),
    ];
    const april = status({ homeVisits }, '2027-04', '2027-05-10').status;
    const may = status({ homeVisits }, '2027-05', '2027-05-10').status;
    expect(april.classes[0]).toEqual({ class: '一(1)班', students: 4, visited: 1, inPerson: 0 });
    expect(may.classes[0]).toEqual({ class: '一(1)班', students: 4, visited: 2, inPerson: 1 });
  });
});
