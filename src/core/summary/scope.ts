// What a summary covers: one semester (a 学期 row by name) or the campaign year, and the day its figures stand at.
import { semesterNamed, semesterOfDate } from '../semesters';
import type { IsoDate } from '../dates';
import type { Campaign } from '../model';
import type { Semester } from '../schemas';

export interface SummaryScope {
  kind: 'semester' | 'year';
  /** The semester's name (a semester summary); '' for the year. */
  name: string;
  start: IsoDate;
  end: IsoDate;
}

/** The scope of a semester summary, by the semester's name (compared as names are); undefined when none is so named. */
export function semesterScope(campaign: Campaign, name: string): SummaryScope | undefined {
  const semester = semesterNamed(campaign.semesters, name);
  return semester === undefined ? undefined : ofSemester(semester);
}

export function ofSemester(semester: Semester): SummaryScope {
  return { kind: 'semester', name: semester.name, start: semester.start, end: semester.end };
}

/**
 * The campaign year: from the campaign start (or the first semester's start when that is earlier: its home
 * visits count from then) to the end of the last semester; to today when no semester ends after the start.
 */
export function yearScope(campaign: Campaign, today: IsoDate): SummaryScope {
  const first = campaign.semesters[0];
  const last = campaign.semesters[campaign.semesters.length - 1];
  const campaignStart = campaign.settings.campaignStart;
  const start = first !== undefined && first.start < campaignStart ? first.start : campaignStart;
  const end = last !== undefined && last.end >= start ? last.end : today < start ? start : today;
  return { kind: 'year', name: '', start, end };
}

/** The semester a person most likely means: the one holding today, else the latest ended, else the first. */
export function defaultSemester(campaign: Campaign, today: IsoDate): Semester | undefined {
  const holding = semesterOfDate(campaign.semesters, today);
  if (holding !== undefined) return holding;
  const ended = campaign.semesters.filter((s) => s.end < today);
  return ended[ended.length - 1] ?? campaign.semesters[0];
}

/** The day a scope's figures stand at: its end, or today while it runs. */
export function scopeAsAt(scope: SummaryScope, today: IsoDate): IsoDate {
  return scope.end < today ? scope.end : today;
}
