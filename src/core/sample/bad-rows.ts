// The sample's deliberately bad rows: one or two of each §4 kind, each with the problem it is meant to get.
import { addDays, type IsoDate } from '../dates';
import { texts } from '../i18n/messages';
import {
  homeVisitDraft,
  randomDate,
  visitDraft,
  type Draft,
  type Intended,
  type SampleContext,
} from './drafts';
import {
  activeTeachers,
  classOf,
  currentSemester,
  homeVisitSpan,
  inClassOf,
  leaderUnitOf,
} from './campaign-rows';
import type { NamePool } from './names';
import type { SampleStaff, SampleStudent } from './people';

const error = (code: Intended['code'], column: string): Intended[] => [{ code, severity: 'error', column }];
const warning = (code: Intended['code'], column: string): Intended[] => [
  { code, severity: 'warning', column },
];

/** A visitor, person and date no row has yet, so that the bad row gets only the problem it is meant to get. */
function freshDate(ctx: SampleContext, visitor: string, person: string, from: IsoDate, to: IsoDate): IsoDate {
  for (let i = 0; i < 50; i++) {
    const date = randomDate(ctx, from, to);
    if (!ctx.used.has(`${visitor}|${person}|${date}`)) return date;
  }
  throw new Error('no free date for a sample row');
}

export function badVisits(ctx: SampleContext, pool: NamePool, good: Draft[]): Draft[] {
  const { random, people, today, calendar, lang } = ctx;
  const leaders = people.staff.filter((s) => s.active && leaderUnitOf(s) !== undefined);
  const principal = leaders.find((l) => leaderUnitOf(l) === 0)!;
  const development = leaders.find((l) => leaderUnitOf(l) === 2)!;
  const membersOf = (unit: number) => people.targets.filter((t) => t.unit === unit).map((t) => t.name);
  const recent = addDays(today, -40) > calendar.campaignStart ? addDays(today, -40) : calendar.campaignStart;
  const row = (
    visitor: SampleStaff | string,
    unit: number,
    extra: Partial<Parameters<typeof visitDraft>[1]>,
  ) => {
    const target = random.pick(membersOf(unit));
    const name = typeof visitor === 'string' ? visitor : visitor.name;
    return visitDraft(ctx, {
      date: freshDate(ctx, name, target, recent, today),
      visitor,
      unit,
      coVisitors: [],
      targets: [target],
      mode: 'faceToFace',
      ...extra,
    });
  };
  const year = today.slice(0, 4);
  const drafts: Draft[] = [
    row(principal, 0, { dateCell: `${year}/2/30`, intended: error('DATE_INVALID', 'date') }),
    row(development, 2, { date: addDays(today, 3), intended: error('DATE_FUTURE', 'date') }),
    row(principal, 0, {
      date: addDays(calendar.campaignStart, -6),
      intended: error('VISIT_BEFORE_CAMPAIGN', 'date'),
    }),
    row(pool.next(), 0, { intended: error('VISITOR_UNKNOWN', 'visitor') }),
    row(development, 2, {
      modeCell: lang === 'en' ? 'Other' : '其他',
      intended: error('MODE_INVALID', 'mode'),
    }),
    row(development, 2, {
      targets: [random.pick(membersOf(4))],
      intended: warning('TARGET_OUTSIDE_GROUPS', 'targets'),
    }),
    row(principal, 0, { record: '', intended: warning('RECORD_EMPTY', 'record') }),
  ];
  // A name not on the targets roster, written next to a real one.
  const unknown = pool.next();
  const known = random.pick(membersOf(0));
  drafts.push(
    row(principal, 0, {
      targets: [known, unknown],
      date: freshDate(ctx, principal.name, known, recent, today),
      intended: warning('TARGET_UNKNOWN', 'targets'),
    }),
  );
  // The same visit entered twice.
  const original = good.find(
    (d) => d.table === 'visits' && d.sortDate >= recent && !/[、,，；\n]/u.test(String(d.cells.targets)),
  );
  if (original !== undefined) {
    drafts.push({
      ...original,
      cells: { ...original.cells },
      intended: warning('DUPLICATE_ROW', 'targets'),
    });
  }
  return drafts;
}

/** A day outside every semester, up to today: in the summer between the two once it has come, else before the spring. */
function outsideEverySemester(ctx: SampleContext): IsoDate {
  const [spring, autumn] = ctx.semesters;
  const summer = spring === undefined ? undefined : addDays(spring.end, 20);
  if (summer !== undefined && summer <= ctx.today && (autumn === undefined || summer < autumn.start))
    return summer;
  const first = spring?.start ?? ctx.today;
  return addDays(first < ctx.today ? first : ctx.today, -20);
}

export function badHomeVisits(ctx: SampleContext): Draft[] {
  const { random, lang } = ctx;
  const teachers = activeTeachers(ctx);
  // The bad rows are of the current semester: its classes, its roster, its days.
  const semester = currentSemester(ctx);
  const span = homeVisitSpan(ctx, semester);
  const inClass = (className: string) => inClassOf(semester, className);
  const row = (
    teacher: SampleStaff,
    extra: Partial<Parameters<typeof homeVisitDraft>[1]> & { intended: Intended[] },
  ): Draft => {
    const className = classOf(teacher, semester);
    const student: SampleStudent = random.pick(inClass(className));
    return homeVisitDraft(ctx, {
      date: freshDate(ctx, teacher.name, student.id, span.from, span.to),
      teacher,
      className,
      students: [student],
      coTeachers: [],
      mode: 'phone',
      ...extra,
    });
  };
  const teacher = () => random.pick(teachers);
  const drafts: Draft[] = [
    row(teacher(), {
      dateCell: lang === 'en' ? 'last Tuesday' : '上周二',
      intended: error('DATE_INVALID', 'date'),
    }),
    row(teacher(), {
      date: outsideEverySemester(ctx),
      intended: error('HOME_VISIT_OUTSIDE_SEMESTER', 'date'),
    }),
  ];
  // The rest need a day inside the semester, up to today.
  if (span.from <= span.to) {
    const left = ctx.people.staff.find((s) => !s.active)!;
    const stranger = teacher();
    const own = classOf(stranger, semester);
    const other = ctx.people.classes.find((c) => c !== own)!;
    const names = new Set(inClass(own).map((s) => s.name));
    const outsider = inClass(other).find((s) => !names.has(s.name))!;
    drafts.push(
      row(left, { intended: error('VISITOR_INACTIVE', 'teacher') }),
      row(stranger, { studentsText: outsider.name, intended: error('STUDENT_NOT_IN_CLASS', 'students') }),
      row(teacher(), {
        modeCell: texts(lang).values.modes.group,
        intended: error('MODE_INVALID', 'mode'),
      }),
      row(teacher(), { mode: 'inPerson', intended: warning('IN_PERSON_NO_COTEACHER', 'coTeachers') }),
    );
  }
  return drafts;
}
