// The sample school: deterministic, sized as in the plan, and its engine findings are exactly the intended bad rows.
import { sampleSchool, type SampleSchool } from '../../src/core/sample/sample-school';
import { loadCampaign, computeStatus } from '../../src/core/engine';
import { defaultHeaders, sheetName, TABLE_KEYS, TABLES } from '../../src/core/tables';
import type { Lang } from '../../src/core/i18n/messages';
import { splitList } from '../../src/core/names';
import { zh } from '../../src/core/i18n/zh';
import { nextClassName } from '../../src/core/school-year';
import { parseDateText } from '../../src/core/dates';

function sheetsOf(school: SampleSchool) {
  return TABLE_KEYS.map((key) => ({
    name: sheetName(key, school.lang),
    grid: [defaultHeaders(key, school.lang), ...school.rows[key]],
  }));
}

function col(key: keyof typeof TABLES, column: string): number {
  return TABLES[key].columns.findIndex((c) => c.key === column);
}

const key = (p: { sheet: string; row: number; code: string }) => `${p.sheet}!${p.row} ${p.code}`;

describe.each<[string, Lang]>([
  ['2027-04-20', 'zh'],
  ['2027-11-15', 'zh'],
  ['2028-01-10', 'en'],
  ['2027-03-28', 'zh'],
  ['2027-07-20', 'en'],
  ['2028-02-05', 'zh'],
])('sample school on %s (%s)', (today, lang) => {
  const school = sampleSchool(today, lang);
  const campaign = loadCampaign(sheetsOf(school), today);

  it('gets exactly the intended problems from the engine, and no problem of shape', () => {
    expect(campaign.structural).toEqual([]);
    expect(campaign.notices).toEqual([]);
    const found = campaign.findings.map(key).sort();
    const intended = school.intended.map(key).sort();
    expect(found).toEqual(intended);
    expect(new Set(campaign.findings.map((f) => `${f.sheet}!${f.row} ${f.code} ${f.column}`))).toEqual(
      new Set(school.intended.map((p) => `${p.sheet}!${p.row} ${p.code} ${p.column}`)),
    );
  });

  it('is the same school every time', () => {
    expect(sampleSchool(today, lang)).toEqual(school);
  });

  it('has the errors and warnings of every §4 kind', () => {
    const codes = new Set(school.intended.map((p) => p.code));
    for (const code of [
      'DATE_INVALID',
      'DATE_FUTURE',
      'VISIT_BEFORE_CAMPAIGN',
      'HOME_VISIT_OUTSIDE_SEMESTER',
      'VISITOR_UNKNOWN',
      'MODE_INVALID',
      'TARGET_OUTSIDE_GROUPS',
      'TARGET_UNKNOWN',
      'DUPLICATE_ROW',
      'RECORD_EMPTY',
    ]) {
      expect(codes).toContain(code);
    }
    // Home visits inside the semester exist only once the semester has begun.
    if (campaign.settings.semesterStart <= today) {
      for (const code of ['VISITOR_INACTIVE', 'STUDENT_NOT_IN_CLASS', 'IN_PERSON_NO_COTEACHER']) {
        expect(codes).toContain(code);
      }
    }
  });

  it('gives every active person a quota line this month, with a mix of statuses', () => {
    const status = computeStatus(campaign, today.slice(0, 7), today);
    if (campaign.settings.exemptMonths.includes(today.slice(0, 7))) {
      expect(status.people.every((p) => p.status === 'exempt')).toBe(true);
    } else {
      expect(status.people.length).toBeGreaterThan(55);
    }
  });
});

describe('the sample school of 2027-11-15', () => {
  const school = sampleSchool('2027-11-15', 'zh');
  const rows = school.rows;

  it('has about 60 staff across the five units, all teachers in 全体教师, two no longer active', () => {
    expect(rows.staff.length).toBeGreaterThanOrEqual(55);
    expect(rows.staff.length).toBeLessThanOrEqual(65);
    const unitsOf = (r: (typeof rows.staff)[number]) => splitList(String(r[col('staff', 'units')]));
    const teachers = rows.staff.filter((r) => unitsOf(r).includes('全体教师'));
    expect(teachers.length).toBe(rows.staff.length - 1); // all but the principal
    for (const unit of ['校长室', '学生中心', '发展中心', '课程中心', '服务中心']) {
      expect(rows.staff.filter((r) => unitsOf(r).includes(unit)).length).toBe(3);
    }
    expect(teachers.every((r) => String(r[col('staff', 'className')] ?? '') !== '')).toBe(true);
    expect(rows.staff.filter((r) => r[col('staff', 'active')] === '否').length).toBe(2);
  });

  it('has the plan-sized target groups, with masked contacts only', () => {
    const sizes: Record<string, number> = {};
    for (const r of rows.targets) sizes[String(r[1])] = (sizes[String(r[1])] ?? 0) + 1;
    expect(sizes).toEqual({
      家委会成员: 19,
      社会贤达人士: 10,
      大队委委员: 15,
      班队委员: 18,
      办公室教师: 20,
      备课组教师: 25,
      后勤人员: 15,
      社会服务人员: 5,
    });
    const contacts = [
      ...rows.targets.map((r) => r[col('targets', 'contact')]),
      ...rows.students.map((r) => r[col('students', 'contact')]),
    ];
    expect(contacts.every((c) => /^1\d{2}\*{4}\d{4}$/.test(String(c)))).toBe(true);
  });

  it('has 18 classes of about 40 students in each semester, one name in two classes', () => {
    for (const semester of ['2027年春季学期', '2027年秋季学期']) {
      const roster = rows.students.filter((r) => r[col('students', 'semester')] === semester);
      const byClass = new Map<string, string[]>();
      for (const r of roster) {
        const list = byClass.get(String(r[2])) ?? [];
        list.push(String(r[1]));
        byClass.set(String(r[2]), list);
      }
      expect([...byClass.keys()]).toHaveLength(18);
      expect([...byClass.keys()][0]).toBe('一(1)班');
      for (const names of byClass.values()) {
        expect(names.length).toBeGreaterThanOrEqual(35);
        expect(names.length).toBeLessThanOrEqual(46);
        expect(new Set(names).size).toBe(names.length);
      }
      const all = roster.map((r) => String(r[1]));
      expect(all.length - new Set(all).size).toBe(1);
      expect(new Set(roster.map((r) => r[0])).size).toBe(roster.length);
    }
    expect(rows.students.every((r) => String(r[col('students', 'semester')]).endsWith('学期'))).toBe(true);
  });

  it('moves the spring up a grade for the autumn, with a handful of class changes and a new first grade', () => {
    const of = (semester: string) =>
      new Map(
        rows.students
          .filter((r) => r[col('students', 'semester')] === semester)
          .map((r) => [String(r[0]), String(r[2])]),
      );
    const spring = of('2027年春季学期');
    const autumn = of('2027年秋季学期');
    let changed = 0;
    for (const [id, className] of spring) {
      const move = nextClassName(className);
      if (move.kind === 'leaves') expect(autumn.has(id)).toBe(false);
      else if (move.kind === 'moved') {
        const now = autumn.get(id)!;
        expect(now.slice(0, 1)).toBe(move.className.slice(0, 1));
        if (now !== move.className) changed++;
      }
    }
    expect(changed).toBe(5);
    const newcomers = [...autumn].filter(([id]) => !spring.has(id));
    expect(newcomers.length).toBeGreaterThanOrEqual(3 * 38);
    expect(newcomers.every(([, className]) => className.startsWith('一'))).toBe(true);
    // Class teachers moved up with their class; the sixth grade's took the new first grade.
    const classes = new Set(rows.staff.map((r) => String(r[col('staff', 'className')] ?? '')));
    for (const c of autumn.values()) expect(classes).toContain(c);
  });

  it('has home visits in each semester for that semester’s classes, none in the summer holiday', () => {
    const dateOf = (r: (typeof rows.homeVisits)[number]) =>
      parseDateText(String(r[col('homeVisits', 'date')])) ?? '';
    const iso = rows.homeVisits.map(dateOf);
    expect(iso.some((d) => d >= '2027-03-25' && d <= '2027-07-05')).toBe(true);
    expect(iso.some((d) => d >= '2027-09-01')).toBe(true);
    const intendedRows = new Set(school.intended.filter((p) => p.table === 'homeVisits').map((p) => p.row));
    const summer = rows.homeVisits.filter(
      (r, i) => !intendedRows.has(i + 2) && dateOf(r) > '2027-07-05' && dateOf(r) < '2027-09-01',
    );
    expect(summer).toEqual([]);
  });

  it('has group visits naming 3–6 people, co-visitors, in-person home visits with co-teachers', () => {
    const group = rows.visits.filter((r) => r[col('visits', 'mode')] === zh.values.modes.group);
    expect(group.length).toBeGreaterThan(3);
    for (const r of group) {
      const n = splitList(String(r[col('visits', 'targets')])).length;
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
    }
    expect(rows.visits.filter((r) => r[col('visits', 'coVisitors')] !== null).length).toBeGreaterThan(10);
    const inPerson = rows.homeVisits.filter((r) => r[col('homeVisits', 'mode')] === '上门');
    expect(inPerson.length).toBeGreaterThan(50);
    expect(rows.homeVisits.filter((r) => r[col('homeVisits', 'mode')] === '电话').length).toBeGreaterThan(50);
    expect(rows.homeVisits.filter((r) => r[col('homeVisits', 'mode')] === '来校').length).toBeGreaterThan(20);
  });

  it('has a rectification ledger citing visits, home visits and suggestions, some overdue', () => {
    const sources = rows.rectification.map((r) => String(r[col('rectification', 'source')]));
    expect(sources.some((s) => s.startsWith('V-'))).toBe(true);
    expect(sources.some((s) => s.startsWith('H-'))).toBe(true);
    expect(sources.some((s) => s.startsWith('S-'))).toBe(true);
    const overdue = rows.rectification.filter(
      (r) =>
        String(r[col('rectification', 'deadline')]) < school.today &&
        ['待整改', '整改中'].includes(String(r[col('rectification', 'status')])),
    );
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    expect(rows.suggestions.length).toBeGreaterThan(3);
  });
});
