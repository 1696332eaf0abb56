// The school year: the campaign year's two semesters (set-up's 学期 rows) and a roster moved up a grade for the new year.
import type { IsoDate } from './dates';
import { texts, type Lang } from './i18n/messages';

/** A semester as set-up writes it on the 学期 sheet. */
export interface SemesterRow {
  name: string;
  start: IsoDate;
  end: IsoDate;
}

/** The plan's calendar: spring 17 Feb – 5 Jul, autumn 1 Sep – 22 Jan of the next year (as defaults.ts). */
const SPRING = { start: '02-17', end: '07-05' };
const AUTUMN = { start: '09-01', end: '01-22' };

function semesterName(lang: Lang, autumn: boolean, year: number): string {
  const words = texts(lang).semesters;
  return (autumn ? words.autumn : words.spring).replace('{year}', String(year));
}

/** The spring semester of a year, named in the workbook's language (2027年春季学期, Spring 2027). */
export function springOf(year: number, lang: Lang): SemesterRow {
  return {
    name: semesterName(lang, false, year),
    start: `${year}-${SPRING.start}`,
    end: `${year}-${SPRING.end}`,
  };
}

/** The autumn semester of a year, ending in January of the next (2027年秋季学期, Autumn 2027). */
export function autumnOf(year: number, lang: Lang): SemesterRow {
  return {
    name: semesterName(lang, true, year),
    start: `${year}-${AUTUMN.start}`,
    end: `${year + 1}-${AUTUMN.end}`,
  };
}

/**
 * The two semesters a campaign year crosses: a campaign starting in January–July runs through that year's
 * spring and autumn; one starting in August or later through that autumn and the next spring.
 */
export function campaignYearSemesters(campaignStart: IsoDate, lang: Lang): SemesterRow[] {
  const year = Number(campaignStart.slice(0, 4));
  const month = Number(campaignStart.slice(5, 7));
  return month >= 8
    ? [autumnOf(year, lang), springOf(year + 1, lang)]
    : [springOf(year, lang), autumnOf(year, lang)];
}

/** Whether a semester starts a school year: it starts in August, September or October. */
export function startsSchoolYear(start: IsoDate): boolean {
  const month = Number(start.slice(5, 7));
  return month >= 8 && month <= 10;
}

/** What a class becomes in the new school year. */
export type ClassMove =
  | { kind: 'moved'; className: string }
  /** The top grade (六年级, 初三, 高三): its students leave the school. */
  | { kind: 'leaves' }
  /** A name whose grade cannot be read: copied unchanged, for the office to fix. */
  | { kind: 'unreadable' };

const CHINESE_GRADES = '一二三四五六';
const FULL_WIDTH_DIGITS = '１２３４５６';

/**
 * The class a class becomes a year on: 一(1)班 → 二(1)班, 一年级1班 → 二年级1班, 1(1)班 → 2(1)班, 初一 → 初二,
 * Grade 1 Class 2 → Grade 2 Class 2; the top grade (六, 6, 初三, 高三) leaves. Only the grade is changed; the
 * rest of the name stays as typed.
 */
export function nextClassName(className: string): ClassMove {
  const text = className.trim();
  const secondary = /^([初高])([一二三])/u.exec(text);
  if (secondary) {
    const grade = '一二三'.indexOf(secondary[2]!);
    if (grade === 2) return { kind: 'leaves' };
    return { kind: 'moved', className: `${secondary[1]}${'一二三'[grade + 1]}${text.slice(2)}` };
  }
  const chinese = /^([一二三四五六])(?=年级|[(（])/u.exec(text);
  if (chinese) {
    const grade = CHINESE_GRADES.indexOf(chinese[1]!);
    if (grade === 5) return { kind: 'leaves' };
    return { kind: 'moved', className: `${CHINESE_GRADES[grade + 1]}${text.slice(1)}` };
  }
  const digit = /^([1-6１-６])(?=年级|[(（])/u.exec(text);
  if (digit) {
    const full = FULL_WIDTH_DIGITS.indexOf(digit[1]!);
    const grade = full >= 0 ? full + 1 : Number(digit[1]);
    if (grade === 6) return { kind: 'leaves' };
    const next = full >= 0 ? FULL_WIDTH_DIGITS[grade]! : String(grade + 1);
    return { kind: 'moved', className: `${next}${text.slice(1)}` };
  }
  const english = /^(grade\s*)([1-6])(?!\d)/iu.exec(text);
  if (english) {
    const grade = Number(english[2]);
    if (grade === 6) return { kind: 'leaves' };
    return { kind: 'moved', className: `${english[1]}${grade + 1}${text.slice(english[0].length)}` };
  }
  return { kind: 'unreadable' };
}

/** The roster of the new school year, made from the current one. */
export interface MovedRoster<T> {
  /** The students who stay, in roster order, each with the class of the new year. */
  rows: (T & { className: string })[];
  /** The students of the top grade, who leave. */
  leaving: T[];
  /** Class names whose grade could not be read (their students copied with the class unchanged), once each. */
  unreadable: string[];
}

/**
 * Moves a roster up a grade (pure): each student keeps everything but the class, which becomes the next
 * grade's; the top grade is left out; a class name that cannot be read is kept as it is and listed.
 */
export function moveUpRoster<T extends { className: string }>(roster: readonly T[]): MovedRoster<T> {
  const result: MovedRoster<T> = { rows: [], leaving: [], unreadable: [] };
  for (const student of roster) {
    const move = nextClassName(student.className);
    if (move.kind === 'leaves') result.leaving.push(student);
    else if (move.kind === 'moved') result.rows.push({ ...student, className: move.className });
    else {
      result.rows.push({ ...student });
      const name = student.className.trim();
      if (!result.unreadable.includes(name)) result.unreadable.push(name);
    }
  }
  return result;
}
