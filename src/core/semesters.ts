// The campaign's semesters (学期 sheet, else 设置's two dates) read and checked, and the semester of a date or month.
import { cellAt, cellText, type ParsedTable } from './grid';
import { parseDateCell, lastDay, monthOf, type IsoDate, type IsoMonth } from './dates';
import { FindingList } from './findings';
import { nameKey } from './names';
import { format, texts, type Lang } from './i18n/messages';
import type { Semester, Settings } from './schemas';

/** The name of the one semester 设置 defines when no 学期 rows are given: 2027年春季学期, Spring 2027. */
export function settingsSemesterName(start: IsoDate, lang: Lang): string {
  const year = Number(start.slice(0, 4));
  const autumn = Number(start.slice(5, 7)) >= 8;
  const words = texts(lang).semesters;
  return (autumn ? words.autumn : words.spring).replace('{year}', String(year));
}

/** The one semester of 设置, for a workbook whose 学期 sheet is missing or lists none. */
export function settingsSemester(settings: Settings, lang: Lang): Semester {
  return {
    row: 0,
    name: settingsSemesterName(settings.semesterStart, lang),
    start: settings.semesterStart,
    end: settings.semesterEnd,
  };
}

/**
 * The 学期 rows, checked: a name, a readable start and end, end not before start, no name twice, no two
 * overlapping. A broken row is reported and left out; when no row is usable, 设置's semester stands.
 */
export function readSemesters(
  parsed: ParsedTable | undefined,
  settings: Settings,
  lang: Lang,
  findings: FindingList[],
): Semester[] {
  const fallback = [settingsSemester(settings, lang)];
  if (parsed === undefined) return fallback;
  const list = new FindingList(parsed);
  findings.push(list);
  const at = parsed.columnIndex;
  const read: Semester[] = [];
  for (let i = 0; i < parsed.lines.length; i++) {
    const line = parsed.lines[i] ?? [];
    const row = parsed.rowNumbers[i] ?? 0;
    const name = cellText(cellAt(line, at.name));
    list.invisible(row, 'name', [name]);
    if (nameKey(name) === '') {
      list.error(row, 'name', 'NAME_MISSING');
      continue;
    }
    const start = parseDateCell(cellAt(line, at.start), settings.timeZone);
    const end = parseDateCell(cellAt(line, at.end), settings.timeZone);
    if (start == null) {
      list.error(row, 'start', start === null ? 'DATE_MISSING' : 'DATE_INVALID', {
        value: cellText(cellAt(line, at.start)),
      });
      continue;
    }
    if (end == null) {
      list.error(row, 'end', end === null ? 'DATE_MISSING' : 'DATE_INVALID', {
        value: cellText(cellAt(line, at.end)),
      });
      continue;
    }
    if (end < start) {
      list.error(row, 'end', 'SEMESTER_ORDER', { start, end });
      continue;
    }
    const twin = read.find((s) => nameKey(s.name) === nameKey(name));
    if (twin !== undefined) {
      list.error(row, 'name', 'SEMESTER_DUPLICATE', { name, row: twin.row });
      continue;
    }
    const overlap = read.find((s) => s.start <= end && start <= s.end);
    if (overlap !== undefined) {
      list.error(row, 'start', 'SEMESTER_OVERLAP', { name: overlap.name, row: overlap.row });
      continue;
    }
    read.push({ row, name, start, end });
  }
  return read.length === 0 ? fallback : read.sort((a, b) => (a.start < b.start ? -1 : 1));
}

/** The semester whose dates hold a day, if any. */
export function semesterOfDate(semesters: readonly Semester[], date: IsoDate): Semester | undefined {
  for (const s of semesters) if (s.start <= date && date <= s.end) return s;
  return undefined;
}

/**
 * The semester a month's class figures use: the one holding the month (the later one if two share it), else
 * the last one ended before it (the summer shows the spring), else the first.
 */
export function semesterOfMonth(semesters: readonly Semester[], month: IsoMonth): Semester | undefined {
  const first = `${month}-01`;
  const last = lastDay(month);
  const holding = semesters.filter((s) => s.start <= last && first <= s.end);
  if (holding.length > 0) return holding[holding.length - 1];
  const before = semesters.filter((s) => monthOf(s.end) < month);
  return before[before.length - 1] ?? semesters[0];
}

/** The semester of a name (compared as names are), if listed. */
export function semesterNamed(semesters: readonly Semester[], name: string): Semester | undefined {
  return semesters.find((s) => nameKey(s.name) === nameKey(name));
}

/** The semesters in words, for a message: 2027年春季学期 2027-02-17 至 2027-07-05；2027年秋季学期 …. */
export function semesterSpans(semesters: readonly Semester[], lang: Lang): string {
  const words = texts(lang).semesterEngine;
  return semesters
    .map((s) => format(words.span, { name: s.name, start: s.start, end: s.end }))
    .join(words.separator);
}

/** The semesters' names, for a message: 2027年春季学期、2027年秋季学期. */
export function semesterNames(semesters: readonly Semester[], lang: Lang): string {
  return semesters.map((s) => s.name).join(lang === 'en' ? ', ' : '、');
}
