// Visit and home-visit rows of the sample school before they get their IDs and row numbers.
import type { Cell } from '../grid';
import { texts, type Lang } from '../i18n/messages';
import { addDays, daysBetween, dayOfMonth, type IsoDate } from '../dates';
import type { Mode, FollowUp } from '../schemas';
import type { ProblemCode, Severity } from '../model';
import type { Random } from './random';
import type { SamplePeople, SampleStaff, SampleStudent } from './people';
import { samplePhrases } from './phrases';

/** A problem a deliberately bad row is meant to get. */
export interface Intended {
  code: ProblemCode;
  severity: Severity;
  /** The column key the problem names. */
  column: string;
}

export interface Draft {
  table: 'visits' | 'homeVisits';
  /** Where the row goes when the ledger is put in date order. */
  sortDate: IsoDate;
  cells: Record<string, Cell>;
  intended: Intended[];
}

export interface SampleCalendar {
  campaignStart: IsoDate;
  semesterStart: IsoDate;
  semesterEnd: IsoDate;
  exemptMonths: string[];
}

/** A semester of the sample with its roster (学生 rows whose 学期 is its name). */
export interface SampleSemester {
  name: string;
  start: IsoDate;
  end: IsoDate;
  /** The autumn: class teachers have their autumn class (人员 › 班级), else their spring one. */
  autumn: boolean;
  roster: SampleStudent[];
}

/** What every row builder needs: the dice, the language, the people and the rows already made. */
export interface SampleContext {
  random: Random;
  lang: Lang;
  today: IsoDate;
  calendar: SampleCalendar;
  people: SamplePeople;
  /** The semesters with a roster so far, in order: the spring, and the autumn once its roster is made. */
  semesters: SampleSemester[];
  /** visitor|person|date of every row made, so that no row repeats another by accident. */
  used: Set<string>;
}

export function randomDate(ctx: SampleContext, from: IsoDate, to: IsoDate): IsoDate {
  return addDays(from, ctx.random.int(0, Math.max(0, daysBetween(from, to))));
}

/** A date as a person might type it: mostly a real date, now and then one of the accepted text forms. */
export function typedDate(ctx: SampleContext, date: IsoDate): Cell {
  if (!ctx.random.chance(0.05)) return date;
  const [y, m, d] = [date.slice(0, 4), Number(date.slice(5, 7)), dayOfMonth(date)];
  return ctx.random.pick([`${y}/${m}/${d}`, `${y}.${m}.${d}`, `${y}年${m}月${d}日`]);
}

function enteredAt(ctx: SampleContext, date: IsoDate): string {
  const hour = ctx.random.int(8, 21);
  return `${date} ${String(hour).padStart(2, '0')}:${String(ctx.random.int(0, 59)).padStart(2, '0')}`;
}

export function listSeparator(lang: Lang): string {
  return lang === 'en' ? ', ' : '、';
}

/** Names joined the way people type lists: 、 , ， ； or a new line, mixed. */
export function mixedList(ctx: SampleContext, names: string[]): string {
  return names
    .map((name, i) => (i === 0 ? name : ctx.random.pick(['、', ',', '，', '；', '\n', ', ']) + name))
    .join('');
}

export function modeText(lang: Lang, mode: Mode): string {
  return texts(lang).values.modes[mode];
}

function followUpText(lang: Lang, value: FollowUp | null): string {
  return value === null ? '' : texts(lang).values.followUps[value];
}

export interface VisitSpec {
  date: IsoDate;
  visitor: SampleStaff | string;
  unit: number;
  coVisitors: string[];
  targets: string[];
  mode: Mode;
  /** The mode cell when it is not a mode's name (a deliberately bad row). */
  modeCell?: string;
  /** Text of the targets cell when it is not the plain joined list (a group visit's mixed separators). */
  targetsText?: string;
  record?: string;
  dateCell?: Cell;
  intended?: Intended[];
}

export function visitDraft(ctx: SampleContext, spec: VisitSpec): Draft {
  const { random, lang } = ctx;
  const phrases = samplePhrases(lang);
  const visitorName = typeof spec.visitor === 'string' ? spec.visitor : spec.visitor.name;
  const email = typeof spec.visitor === 'string' ? '' : spec.visitor.email;
  const followUp = random.weighted<FollowUp | null>([
    ['none', 50],
    ['report', 15],
    ['study', 12],
    ['resolved', 15],
    [null, 8],
  ]);
  for (const target of spec.targets) ctx.used.add(`${visitorName}|${target}|${spec.date}`);
  return {
    table: 'visits',
    sortDate: spec.date,
    intended: spec.intended ?? [],
    cells: {
      date: spec.dateCell !== undefined ? spec.dateCell : typedDate(ctx, spec.date),
      visitor: visitorName,
      coVisitors: spec.coVisitors.join(listSeparator(lang)),
      targets: spec.targetsText ?? spec.targets.join(listSeparator(lang)),
      mode: spec.modeCell ?? modeText(lang, spec.mode),
      purpose: ctx.people.units[spec.unit]?.purpose ?? '',
      record: spec.record ?? random.pick(phrases.visitRecords[spec.unit] ?? phrases.visitRecords[0]!),
      suggestions: random.chance(0.3) ? random.pick(phrases.visitSuggestions) : '',
      followUp: followUpText(lang, followUp),
      photos: '',
      enteredBy: email,
      enteredAt: enteredAt(ctx, spec.date),
      check: '',
    },
  };
}

export interface HomeVisitSpec {
  date: IsoDate;
  teacher: SampleStaff;
  className: string;
  students: SampleStudent[];
  /** The students cell when it is not the students' names (e.g. a student ID, or a wrong name). */
  studentsText?: string;
  coTeachers: string[];
  mode: Mode;
  modeCell?: string;
  dateCell?: Cell;
  intended?: Intended[];
}

export function homeVisitDraft(ctx: SampleContext, spec: HomeVisitSpec): Draft {
  const { random, lang } = ctx;
  const phrases = samplePhrases(lang);
  const needs = spec.students.some((s) => s.needsSupport);
  const followUp: FollowUp = needs
    ? 'study'
    : random.weighted<FollowUp>([
        ['none', 70],
        ['resolved', 15],
        ['report', 10],
        ['study', 5],
      ]);
  for (const student of spec.students) ctx.used.add(`${spec.teacher.name}|${student.id}|${spec.date}`);
  return {
    table: 'homeVisits',
    sortDate: spec.date,
    intended: spec.intended ?? [],
    cells: {
      date: spec.dateCell !== undefined ? spec.dateCell : typedDate(ctx, spec.date),
      className: spec.className,
      students: spec.studentsText ?? spec.students.map((s) => s.name).join(listSeparator(lang)),
      teacher: spec.teacher.name,
      coTeachers: spec.coTeachers.join(listSeparator(lang)),
      mode: spec.modeCell ?? modeText(lang, spec.mode),
      family: random.pick(phrases.family),
      parentNeeds: random.pick(phrases.parentNeeds),
      supportNeeded: needs ? random.pick(phrases.supportNeeded) : '',
      record: random.pick(phrases.homeRecords),
      followUp: followUpText(lang, followUp),
      enteredBy: spec.teacher.email,
      enteredAt: enteredAt(ctx, spec.date),
      check: '',
    },
  };
}
