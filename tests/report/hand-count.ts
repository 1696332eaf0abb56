// The sample school's report figures counted by hand from its raw rows (independently of the engine's counting).
import type { SampleSchool } from '../../src/core/sample/sample-school';
import type { Cell } from '../../src/core/grid';
import { TABLES, type TableKey } from '../../src/core/tables';
import { parseDateCell } from '../../src/core/dates';
import { nameKey, splitList } from '../../src/core/names';

function col(table: TableKey, key: string): number {
  const index = TABLES[table].columns.findIndex((c) => c.key === key);
  if (index < 0) throw new Error(`${table}.${key}`);
  return index;
}

function text(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

function date(cell: Cell | undefined): string | null {
  return parseDateCell(cell) ?? null;
}

function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface HandUnit {
  unit: string;
  members: number;
  visits: number;
  distinct: number;
  minimum: number;
  met: number;
  people: number;
}

export interface HandFigures {
  units: HandUnit[];
  /** `name|unit` → count and status. */
  people: Map<string, { count: number; status: 'met' | 'missed' }>;
  coverage: Map<string, { visited: number; total: number; missing: string[] }>;
  classes: Map<string, { monthVisits: number; students: number; visited: number; inPerson: number }>;
  followUps: { id: string; owner: string; age: number }[];
  /** Every follow-up dated in the month, as it stood on the month's last day (or today while it runs). */
  monthFollowUps: {
    id: string;
    date: string;
    owner: string;
    /** 办结日期, or null when still open on that day. */
    closedOn: string | null;
    result: string;
    rectificationId: string;
    /** Days open on that day; null once closed. */
    age: number | null;
  }[];
  /** Opened in the month, closed in it (whenever opened), open on its last day (and of those, opened in it). */
  followUpCounts: { opened: number; closed: number; open: number; openFromMonth: number };
  rectification: { counts: Map<string, number>; overdue: string[] };
  suggestions: string[];
  /** 全体教师's completion in the month before (home visits have quota lines in March). */
  teachersPrevious: number;
}

/**
 * Counts a past month of the sample school (campaign from 2027-03-25, so April is the first quota
 * month and the first 2-month cycle is 2027-03-25 – 2027-05-31; the spring semester starts 2027-02-17).
 */
export function handCount(school: SampleSchool, month: string, today: string): HandFigures {
  const r = school.rows;
  const errorRows = (table: TableKey) =>
    new Set(school.intended.filter((p) => p.table === table && p.severity === 'error').map((p) => p.row));
  const badVisits = errorRows('visits');
  const badHome = errorRows('homeVisits');

  const units = r.units.map((row) => ({
    name: text(row[col('units', 'unit')]),
    groups: new Set(splitList(text(row[col('units', 'groups')])).map(nameKey)),
    minimum: Number(row[col('units', 'minimum')]),
  }));
  const staff = r.staff.map((row) => ({
    name: text(row[col('staff', 'name')]),
    units: splitList(text(row[col('staff', 'units')])).map(nameKey),
    active: text(row[col('staff', 'active')]) !== '否',
    className: text(row[col('staff', 'className')]),
    role: text(row[col('staff', 'role')]),
  }));
  const unitRows = r.units.map((row) => ({
    name: text(row[col('units', 'unit')]),
    head: text(row[col('units', 'head')]),
    home: text(row[col('units', 'groups')]).includes('学生家庭'),
  }));
  // §2: the owner of a follow-up is 跟进人, else the head of the visitor's unit (负责人, else the first active
  // member whose 职务 holds 校长 or 主任), else the visitor.
  const headOf = (visitor: string, home: boolean): string | undefined => {
    const person = staff.find((s) => nameKey(s.name) === nameKey(visitor));
    const unit = unitRows.find((u) => u.home === home && person?.units.includes(nameKey(u.name)));
    if (unit === undefined) return undefined;
    if (unit.head !== '' && staff.some((s) => s.active && s.name === unit.head)) return unit.head;
    return staff.find((s) => s.active && s.units.includes(nameKey(unit.name)) && /校长|主任/.test(s.role))
      ?.name;
  };
  const staffKeys = new Set(staff.map((s) => nameKey(s.name)));
  const targetGroups = new Map<string, Set<string>>();
  const targetsInOrder: { name: string; group: string }[] = [];
  for (const row of r.targets) {
    const name = nameKey(text(row[col('targets', 'name')]));
    const group = nameKey(text(row[col('targets', 'group')]));
    targetsInOrder.push({ name: text(row[col('targets', 'name')]), group });
    if (!targetGroups.has(name)) targetGroups.set(name, new Set());
    targetGroups.get(name)!.add(group);
  }
  const students = r.students.map((row) => ({
    id: text(row[col('students', 'studentId')]),
    name: text(row[col('students', 'name')]),
    className: text(row[col('students', 'className')]),
  }));

  const leaderQuotaMonth = (d: string) => (d.slice(0, 7) < '2027-04' ? '2027-04' : d.slice(0, 7));
  const homeQuotaMonth = (d: string) => (d.slice(0, 7) < '2027-03' ? '2027-03' : d.slice(0, 7));

  const visits = r.visits.map((row, i) => ({
    sheetRow: i + 2,
    id: text(row[col('visits', 'id')]),
    date: date(row[col('visits', 'date')]),
    credited: [text(row[col('visits', 'visitor')]), ...splitList(text(row[col('visits', 'coVisitors')]))]
      .map(nameKey)
      .filter((k) => staffKeys.has(k)),
    visitor: text(row[col('visits', 'visitor')]),
    targets: splitList(text(row[col('visits', 'targets')])).map(nameKey),
    followUp: text(row[col('visits', 'followUp')]),
    owner: text(row[col('visits', 'followUpOwner')]),
    closedOn: date(row[col('visits', 'closedOn')]),
    result: text(row[col('visits', 'followUpResult')]),
    rectificationId: text(row[col('visits', 'rectificationId')]),
  }));
  const homeVisits = r.homeVisits.map((row, i) => {
    const className = text(row[col('homeVisits', 'className')]);
    const found = splitList(text(row[col('homeVisits', 'students')])).flatMap((entry) => {
      const byId = students.find((s) => s.id === entry);
      if (byId) return [byId.id];
      return students.filter((s) => s.className === className && s.name === entry).map((s) => s.id);
    });
    return {
      sheetRow: i + 2,
      id: text(row[col('homeVisits', 'id')]),
      date: date(row[col('homeVisits', 'date')]),
      className,
      students: found,
      inPerson: text(row[col('homeVisits', 'mode')]) === '上门',
      credited: [
        text(row[col('homeVisits', 'teacher')]),
        ...splitList(text(row[col('homeVisits', 'coTeachers')])),
      ]
        .map(nameKey)
        .filter((k) => staffKeys.has(k)),
      teacher: text(row[col('homeVisits', 'teacher')]),
      followUp: text(row[col('homeVisits', 'followUp')]),
      owner: text(row[col('homeVisits', 'followUpOwner')]),
      closedOn: date(row[col('homeVisits', 'closedOn')]),
      result: text(row[col('homeVisits', 'followUpResult')]),
      rectificationId: text(row[col('homeVisits', 'rectificationId')]),
    };
  });
  const validVisits = visits.filter((v) => !badVisits.has(v.sheetRow) && v.date !== null);
  const validHome = homeVisits.filter((v) => !badHome.has(v.sheetRow) && v.date !== null);

  const people = new Map<string, { count: number; status: 'met' | 'missed' }>();
  const countsOf = (m: string) => {
    const result = new Map<string, Map<string, Set<string>>>();
    for (const unit of units) {
      const byPerson = new Map<string, Set<string>>();
      const members = staff.filter((s) => s.active && s.units.includes(nameKey(unit.name)));
      for (const p of members) byPerson.set(nameKey(p.name), new Set());
      const home = unit.groups.has(nameKey('学生家庭'));
      if (home) {
        for (const v of validHome.filter((v) => homeQuotaMonth(v.date!) === m)) {
          for (const p of v.credited) for (const s of v.students) byPerson.get(p)?.add(s);
        }
      } else {
        for (const v of validVisits.filter((v) => leaderQuotaMonth(v.date!) === m)) {
          for (const p of v.credited) {
            for (const t of v.targets) {
              if ([...(targetGroups.get(t) ?? [])].some((g) => unit.groups.has(g))) byPerson.get(p)?.add(t);
            }
          }
        }
      }
      result.set(unit.name, byPerson);
    }
    return result;
  };
  const counts = countsOf(month);
  const handUnits: HandUnit[] = units.map((unit) => {
    const byPerson = counts.get(unit.name)!;
    const members = new Set(byPerson.keys());
    const home = unit.groups.has(nameKey('学生家庭'));
    const recordsInMonth = home
      ? validHome.filter((v) => homeQuotaMonth(v.date!) === month)
      : validVisits.filter((v) => leaderQuotaMonth(v.date!) === month);
    const distinct = new Set<string>();
    let met = 0;
    for (const [person, set] of byPerson) {
      set.forEach((x) => distinct.add(x));
      const status = set.size >= unit.minimum ? 'met' : 'missed';
      if (status === 'met') met++;
      const name = staff.find((s) => nameKey(s.name) === person)!.name;
      people.set(`${name}|${unit.name}`, { count: set.size, status });
    }
    return {
      unit: unit.name,
      members: members.size,
      visits: recordsInMonth.filter((v) => v.credited.some((p) => members.has(p))).length,
      distinct: distinct.size,
      minimum: unit.minimum,
      met,
      people: members.size,
    };
  });

  // Coverage figures stand as at the end of the month (or today, while the month runs).
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const lastOfMonth = `${month}-${new Date(Date.UTC(year, mon, 0)).getUTCDate()}`;
  const asOf = lastOfMonth < today ? lastOfMonth : today;
  const coverage = new Map<string, { visited: number; total: number; missing: string[] }>();
  for (const unit of units.filter((u) => !u.groups.has(nameKey('学生家庭')))) {
    const inUnit = new Set(
      staff.filter((s) => s.units.includes(nameKey(unit.name))).map((s) => nameKey(s.name)),
    );
    const roster: string[] = [];
    for (const t of targetsInOrder) {
      if (unit.groups.has(t.group) && !roster.includes(t.name)) roster.push(t.name);
    }
    const visited = new Set<string>();
    for (const v of validVisits) {
      if (v.date! < '2027-03-25' || v.date! > '2027-05-31' || v.date! > asOf) continue;
      if (!v.credited.some((p) => inUnit.has(p))) continue;
      for (const t of v.targets) visited.add(t);
    }
    const missing = roster.filter((n) => !visited.has(nameKey(n)));
    coverage.set(unit.name, { visited: roster.length - missing.length, total: roster.length, missing });
  }

  const classes = new Map<
    string,
    { monthVisits: number; students: number; visited: number; inPerson: number }
  >();
  for (const s of students) {
    const line = classes.get(s.className) ?? { monthVisits: 0, students: 0, visited: 0, inPerson: 0 };
    line.students++;
    const upToMonthEnd = validHome.filter((v) => v.date! <= asOf);
    if (upToMonthEnd.some((v) => v.students.includes(s.id))) line.visited++;
    if (upToMonthEnd.some((v) => v.inPerson && v.students.includes(s.id))) line.inPerson++;
    classes.set(s.className, line);
  }
  for (const v of validHome) {
    if (v.date!.slice(0, 7) === month) classes.get(v.className)!.monthVisits++;
  }

  const open = new Set(['及时汇报', '研究实践']);
  const asAt = lastOfMonth < today ? lastOfMonth : today;
  const followUps = [
    ...visits
      .filter(
        (v) =>
          v.date !== null && v.date <= asAt && open.has(v.followUp) && !(v.closedOn && v.closedOn <= asAt),
      )
      .map((v) => ({
        id: v.id,
        owner: v.owner || headOf(v.visitor, false) || v.visitor,
        age: daysFrom(v.date!, today),
      })),
    ...homeVisits
      .filter(
        (v) =>
          v.date !== null && v.date <= asAt && open.has(v.followUp) && !(v.closedOn && v.closedOn <= asAt),
      )
      .map((v) => ({
        id: v.id,
        owner: v.owner || headOf(v.teacher, true) || v.teacher,
        age: daysFrom(v.date!, today),
      })),
  ];

  // The month's follow-ups: one closed after the month's last day is still open then, its result not yet known.
  const ofMonth = [
    ...visits.map((v) => ({ ...v, owner: v.owner || headOf(v.visitor, false) || v.visitor })),
    ...homeVisits.map((v) => ({ ...v, owner: v.owner || headOf(v.teacher, true) || v.teacher })),
  ].filter((v) => v.date !== null && open.has(v.followUp));
  const closedThen = (v: { closedOn: string | null }) => v.closedOn !== null && v.closedOn <= asAt;
  const monthFollowUps = ofMonth
    .filter((v) => v.date!.slice(0, 7) === month && v.date! <= asAt)
    .map((v) => ({
      id: v.id,
      date: v.date!,
      owner: v.owner,
      closedOn: closedThen(v) ? v.closedOn : null,
      result: closedThen(v) ? v.result : '',
      rectificationId: closedThen(v) || v.closedOn === null ? v.rectificationId : '',
      age: closedThen(v) ? null : daysFrom(v.date!, asAt),
    }));
  const stillOpen = ofMonth.filter((v) => v.date! <= asAt && !closedThen(v));
  const followUpCounts = {
    opened: monthFollowUps.length,
    closed: ofMonth.filter(
      (v) => v.closedOn !== null && v.closedOn.slice(0, 7) === month && v.closedOn <= asAt,
    ).length,
    open: stillOpen.length,
    openFromMonth: stillOpen.filter((v) => v.date!.slice(0, 7) === month).length,
  };

  const rectCounts = new Map<string, number>();
  const overdue: string[] = [];
  // As at the month's end: items registered by then (those with no 登记日期 counted), a done one finished
  // after it counted as 整改中, overdue when 期限 is before that day.
  for (const row of r.rectification) {
    const opened = date(row[col('rectification', 'openedOn')]);
    if (opened !== null && opened > asAt) continue;
    const typed = text(row[col('rectification', 'status')]) || '待整改';
    const doneOn = date(row[col('rectification', 'doneOn')]);
    const finishedLater = (typed === '已完成' || typed === '已建章立制') && doneOn !== null && doneOn > asAt;
    const status = finishedLater ? '整改中' : typed;
    rectCounts.set(status, (rectCounts.get(status) ?? 0) + 1);
    const deadline = date(row[col('rectification', 'deadline')]);
    if (deadline !== null && deadline < asAt && (status === '待整改' || status === '整改中')) {
      overdue.push(text(row[col('rectification', 'id')]));
    }
  }

  const suggestions = r.suggestions
    .filter((row) => date(row[col('suggestions', 'date')])?.slice(0, 7) === month)
    .map((row) => text(row[col('suggestions', 'id')]));

  const teacherUnit = units.find((u) => u.groups.has(nameKey('学生家庭')))!;
  const before = [...countsOf(previousOf(month)).get(teacherUnit.name)!.values()];
  const teachersPrevious =
    before.reduce((sum, set) => sum + Math.min(set.size, teacherUnit.minimum), 0) /
    (before.length * teacherUnit.minimum);

  return {
    units: handUnits,
    people,
    coverage,
    classes,
    followUps,
    monthFollowUps,
    followUpCounts,
    rectification: { counts: rectCounts, overdue },
    suggestions,
    teachersPrevious,
  };
}

function previousOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
