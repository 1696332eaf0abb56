// The sidebar's bootstrap and "remember me" use cases over an in-memory workbook: one JSON-only payload.
import { classStudents, PERSON_KEY, rememberPerson, sidebarBootstrap } from '../../src/app/sidebar';
import { school, visit, homeVisit, STAFF } from '../core/helpers';
import { ports } from './sidebar-ports';

/** Fails on any value JSON would not carry as is (Date, undefined, NaN, functions, class instances). */
function expectJsonOnly(value: unknown, path = '$'): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    expect({ path, finite: Number.isFinite(value) }).toEqual({ path, finite: true });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => expectJsonOnly(v, `${path}[${i}]`));
    return;
  }
  expect({
    path,
    plain: typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype,
  }).toEqual({
    path,
    plain: true,
  });
  for (const [k, v] of Object.entries(value as object)) expectJsonOnly(v, `${path}.${k}`);
}

const STAFF_WITH_EMAIL = STAFF.map((row) =>
  row?.name === '张校长' ? { ...row, email: 'Principal@School.cn' } : row,
);

describe('sidebarBootstrap', () => {
  const sheets = () =>
    school({
      staff: STAFF_WITH_EMAIL,
      visits: [
        visit('2027-04-02', '李副校长', '陈红、林国栋'), // a date cell as the Apps Script adapter gives it
        visit('2027-04-10', '张校长', '刘洋'),
        visit('2027-03-01', '张校长', '黄敏'), // before the campaign: an error row, not counted
      ],
      homeVisits: [homeVisit('2027-04-08', '张校长', '一(1)班', '李明')],
    });

  test('is one JSON-only payload: no Date, nothing JSON would change', () => {
    const payload = sidebarBootstrap(ports(sheets(), { email: 'principal@school.cn' }));
    expectJsonOnly(payload);
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
  });

  test('carries the language, the sidebar texts, today in the school time zone and the active staff', () => {
    // 2027-04-20 17:30 UTC is already 21 April in Shanghai.
    const payload = sidebarBootstrap(ports(sheets(), { now: new Date('2027-04-20T17:30:00Z') }));
    expect(payload.lang).toBe('zh');
    expect(payload.texts.sidebar.title).toBe('记录走访');
    expect(payload.texts.modes.map((m) => m.label)).toEqual(['上门', '电话', '来校', '集中走访', '面谈']);
    expect(payload.texts.homeVisitModes.map((m) => m.value)).toEqual(['inPerson', 'phone', 'atSchool']);
    expect(payload.texts.followUps.map((m) => m.label)).toEqual([
      '及时汇报',
      '研究实践',
      '已解决',
      '无需处理',
    ]);
    expect(payload.today).toBe('2027-04-21');
    expect(payload.staff).toEqual(['张校长', '李副校长', '王主任', '赵老师', '钱老师', '周主任']); // 孙老师 is not active
    expect(payload.problem).toBeNull();
  });

  test('finds the person by the signed-in email (any case) and gives their units, targets, classes and progress', () => {
    const payload = sidebarBootstrap(ports(sheets(), { email: 'principal@school.cn' }));
    const person = payload.person;
    expect(person?.name).toBe('张校长');
    expect(person?.units).toEqual(['校长室', '全体教师']);
    expect(person?.canVisit).toBe(true);
    expect(person?.canHomeVisit).toBe(true);
    expect(person?.className).toBe('一(1)班');
    expect(person?.purposes).toEqual(['倾听社会对学校发展的心声']);
    // 校长室's groups, those not yet visited by anyone of 校长室 this cycle first; 黄敏's row does not count.
    expect(person?.targets.map((t) => [t.name, t.visited])).toEqual([
      ['黄敏', false],
      ['杨帆', false],
      ['何静', false],
      ['马丽', false],
      ['郭志强', false],
      ['陈红', true],
      ['刘洋', true],
      ['林国栋', true],
    ]);
    expect(person?.targets[0]).toEqual({ name: '黄敏', group: '家委会成员', visited: false, initials: '' });
    // Every class's name, and the students of the person's own class only (the others are fetched).
    expect(person?.classes).toEqual(['一(1)班', '一(2)班']);
    expect(person?.startClass).toEqual({
      className: '一(1)班',
      students: [
        // The not yet home-visited first (李明 was visited), as targets are.
        { id: 'S101', name: '王芳', visited: false, initials: '' },
        { id: 'S103', name: '张伟', visited: false, initials: '' },
        { id: 'S104', name: '刘丽', visited: false, initials: '' },
        { id: 'S102', name: '李明', visited: true, initials: '' },
      ],
    });
    expect(person?.progress.map((l) => [l.unit, l.count, l.minimum, l.status])).toEqual([
      ['校长室', 1, 5, 'behind'],
      ['全体教师', 1, 5, 'behind'],
    ]);
    expect(person?.progress[0]?.text).toBe('校长室：1 / 5 · 落后');
    expect(person?.progress[0]?.leftText).toBe('本周期尚未走访：黄敏、杨帆、何静、马丽、郭志强');
    // A class's home visits are told by semester, not by a coverage cycle (issue 12, item 7).
    expect(person?.progress[1]?.leftText).toBe('本学期本班尚未家访：王芳、张伟、刘丽');
  });

  test('never carries contact or guardian details, nor target notes', () => {
    const rows = school({
      staff: STAFF_WITH_EMAIL,
      targets: [{ name: '陈红', group: '家委会成员', contact: '13800000001', note: '住址：幸福路 8 号' }],
    });
    const text = JSON.stringify(sidebarBootstrap(ports(rows, { email: 'principal@school.cn' })));
    expect(text).toContain('陈红');
    for (const secret of ['13800000001', '13900000001', '王爸爸', '幸福路'])
      expect(text).not.toContain(secret);
  });

  test('the remembered person comes before the email; an unknown user gets nobody', () => {
    const p = ports(sheets(), { email: 'principal@school.cn' });
    p.store.set(PERSON_KEY, '王主任');
    const payload = sidebarBootstrap(p);
    expect(payload.person?.name).toBe('王主任');
    expect(payload.person?.canHomeVisit).toBe(false);
    expect(payload.person?.classes).toEqual([]);
    expect(payload.person?.startClass).toBeNull();
    expect(payload.person?.targets.map((t) => t.name)).toEqual(['吴老师', '郑老师', '冯老师']);
    expect(sidebarBootstrap(ports(sheets(), { email: 'someone@else.cn' })).person).toBeNull();
    // Someone remembered but since made inactive is not offered.
    const gone = ports(sheets());
    gone.store.set(PERSON_KEY, '孙老师');
    expect(sidebarBootstrap(gone).person).toBeNull();
  });

  test('a workbook missing a sheet says which, in the school language', () => {
    const payload = sidebarBootstrap(ports(school({ omit: ['visits'] })));
    expect(payload.problem).toContain('缺少工作表“走访记录”');
  });

  test('an English workbook gets English texts and choices', () => {
    const payload = sidebarBootstrap(
      ports(school({ lang: 'en', staff: [{ name: 'Ann', units: 'All teachers' }] })),
    );
    expect(payload.lang).toBe('en');
    expect(payload.texts.sidebar.title).toBe('Log a visit');
    expect(payload.texts.modes[0]).toEqual({ value: 'inPerson', label: 'In person' });
    expect(payload.staff).toEqual(['Ann']);
  });

  test('reads each sheet once: the same few workbook calls for 10 or 2,000 visit rows', () => {
    const counts = [10, 2000].map((n) => {
      const rows = Array.from({ length: n }, (_, i) =>
        visit(`2027-04-${String(1 + (i % 19)).padStart(2, '0')}`, '张校长', '陈红'),
      );
      const p = ports(school({ visits: rows }), { email: '' });
      sidebarBootstrap(p);
      return p.workbook.calls;
    });
    expect(counts[0]).toEqual({ sheetNames: 1, read: 10 });
    expect(counts[1]).toEqual(counts[0]);
  });
});

describe('rememberPerson', () => {
  test('stores the chosen name for this user and returns their view', () => {
    const p = ports(school());
    const result = rememberPerson(p, ' 赵老师 ');
    expect(result).toMatchObject({
      ok: true,
      person: { name: '赵老师', canVisit: false, canHomeVisit: true },
    });
    expect(p.store.get(PERSON_KEY)).toBe('赵老师');
    expect(sidebarBootstrap(p).person?.name).toBe('赵老师');
  });

  test('refuses a name not on the active roster, in the school language, and remembers nothing', () => {
    const p = ports(school());
    expect(rememberPerson(p, '孙老师')).toEqual({
      ok: false,
      errors: [{ field: 'visitor', message: '“孙老师”不在人员名单中' }],
    });
    expect(rememberPerson(p, 42)).toMatchObject({ ok: false });
    expect(p.store.values.size).toBe(0);
  });
});

describe('classStudents', () => {
  test("gives one class's students, name and student ID only, the class found as names are compared", () => {
    const answer = classStudents(ports(school()), ' 一（2）班 ');
    expect(answer).toEqual({
      className: '一(2)班',
      students: [
        { id: 'S201', name: '王芳', visited: false, initials: '' },
        { id: 'S202', name: '陈静', visited: false, initials: '' },
        { id: 'S203', name: '赵磊', visited: false, initials: '' },
      ],
    });
    expectJsonOnly(answer);
  });

  test('never carries guardian or contact details', () => {
    const text = JSON.stringify(classStudents(ports(school()), '一(1)班'));
    expect(text).toContain('S101');
    for (const secret of ['13900000001', '王爸爸']) expect(text).not.toContain(secret);
  });

  test('a class of no students, or no class at all, gives an empty list', () => {
    expect(classStudents(ports(school()), '九(9)班')).toEqual({ className: '九(9)班', students: [] });
    expect(classStudents(ports(school()), '')).toEqual({ className: '', students: [] });
  });

  test('a class that is not text fails with a message in the school’s words (the form shows it)', () => {
    expect(() => classStudents(ports(school()), 42)).toThrow('班级无效：侧栏发来的内容无法识别');
  });

  test('reads 设置, 部门指标, 人员, 学生 and 家访记录 only (who was home-visited), once each (学期 too, when there is one)', () => {
    const p = ports(school());
    classStudents(p, '一(2)班');
    expect(p.workbook.calls).toEqual({ sheetNames: 1, read: 5 });
  });
});
