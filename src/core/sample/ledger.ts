// The sample's rectification ledger (sources V-12, H-7, S-3; mixed statuses, a few overdue) and suggestions.
import type { Cell } from '../grid';
import { addDays, daysBetween, type IsoDate } from '../dates';
import { texts, type Lang } from '../i18n/messages';
import type { RectStatus } from '../schemas';
import type { Random } from './random';
import type { SamplePeople } from './people';
import { samplePhrases } from './phrases';

export interface LedgerInput {
  random: Random;
  lang: Lang;
  today: IsoDate;
  campaignStart: IsoDate;
  people: SamplePeople;
  /** IDs of visits and home visits that raised something to follow up. */
  visitIds: string[];
  homeVisitIds: string[];
  /** The date of each of those records (a 来源 is registered on or after its record's day). */
  recordDates?: ReadonlyMap<string, IsoDate>;
}

export function suggestionRows(input: LedgerInput): Record<string, Cell>[] {
  const { random, lang, today, campaignStart, people } = input;
  const adopted = texts(lang).values.adopted;
  const authors = [
    ...people.targets.filter((t) => t.unit === 0).map((t) => t.name),
    ...people.staff.filter((s) => s.active).map((s) => s.name),
  ];
  const dates = samplePhrases(lang)
    .suggestions.map(() =>
      addDays(campaignStart, random.int(0, Math.max(0, daysBetween(campaignStart, today)))),
    )
    .sort();
  return samplePhrases(lang).suggestions.map((s, i) => ({
    id: `S-${i + 1}`,
    date: dates[i]!,
    author: random.pick(authors),
    title: s.title,
    text: s.text,
    category: s.category,
    adopted: random.pick([adopted.yes, adopted.yes, adopted.pending, adopted.no]),
  }));
}

export function rectificationRows(
  input: LedgerInput,
  suggestionIds: string[],
  suggestionDates: ReadonlyMap<string, IsoDate> = new Map(),
): Record<string, Cell>[] {
  const { random, lang, today, people } = input;
  const statusNames = texts(lang).values.rectStatus;
  const owners = people.staff.filter((s) => s.active && s.units.some((u) => u !== 5)).map((s) => s.name);
  // Two overdue items (deadline passed, not done), the others spread over the statuses.
  const statuses: RectStatus[] = ['open', 'inProgress', 'done', 'rule', 'inProgress', 'done'];
  const sources = [
    random.pick(input.visitIds),
    random.pick(input.homeVisitIds.length > 0 ? input.homeVisitIds : input.visitIds),
    random.pick(suggestionIds),
    random.pick(input.visitIds),
    random.pick(input.visitIds),
    random.pick(suggestionIds),
  ];
  return samplePhrases(lang).rectification.map((item, i) => {
    const status = statuses[i % statuses.length]!;
    const overdue = i < 2;
    const deadline = overdue ? addDays(today, -random.int(5, 20)) : addDays(today, random.int(-30, 45));
    // Registered two days after its source's record (never after today): the source comes first.
    const source = sources[i] ?? '';
    const sourceDate = input.recordDates?.get(source) ?? suggestionDates.get(source);
    const openedOn = sourceDate === undefined ? null : [addDays(sourceDate, 2), today].sort()[0]!;
    return {
      id: `R-${i + 1}`,
      openedOn,
      source,
      problem: item.problem,
      rootCause: item.rootCause,
      measures: item.measures,
      owner: random.pick(owners),
      deadline,
      status: statusNames[status],
      lastingRule: status === 'rule' ? item.lastingRule : '',
    };
  });
}
