// The sample's suggestions (clustered in the discussion phase), discussion activities, and rectification ledger with sources that make sense.
import type { Cell } from '../grid';
import { addDays, daysBetween, type IsoDate } from '../dates';
import { texts, type Lang } from '../i18n/messages';
import type { RectStatus } from '../schemas';
import { Random, randomFor } from './random';
import type { SamplePeople } from './people';
import type { LedgerSource } from './follow-through';
import { samplePhrases } from './phrases';

export interface LedgerInput {
  random: Random;
  lang: Lang;
  today: IsoDate;
  campaignStart: IsoDate;
  people: SamplePeople;
}

/** The last day of the discussion phase (大讨论: to mid April of the campaign's first spring). */
function discussionEnd(campaignStart: IsoDate): IsoDate {
  return `${campaignStart.slice(0, 4)}-04-15`;
}

const earlier = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

/** A day in [from, to] (from when the span is empty). */
function dayIn(random: Random, from: IsoDate, to: IsoDate): IsoDate {
  return addDays(from, random.int(0, Math.max(0, daysBetween(from, to))));
}

/** Active staff who lead a unit (the principal's office and the four centres): owners and organisers. */
function leaders(people: SamplePeople): string[] {
  return people.staff.filter((s) => s.active && s.units.some((u) => u !== 5)).map((s) => s.name);
}

/** The suggestions' own draws: the same whatever the records of the sample are. */
const SUGGESTION_SEED = 20270401;

/**
 * 献计: most dated in the discussion phase (campaign start to mid April), a few later; none after today.
 * Those older than two weeks are mostly decided (采纳 or 不采纳), the recent ones 待定. One on the topic of a
 * ledger item is never turned down, and one an item is opened from (`from: 'suggestion'`) is adopted once decided.
 */
export function suggestionRows(input: LedgerInput): Record<string, Cell>[] {
  const { lang, today, campaignStart, people } = input;
  const random = new Random(SUGGESTION_SEED);
  const adopted = texts(lang).values.adopted;
  const items = samplePhrases(lang).rectification;
  const authors = [
    ...people.targets.filter((t) => t.unit === 0).map((t) => t.name),
    ...people.staff.filter((s) => s.active).map((s) => s.name),
  ];
  const phaseEnd = earlier(discussionEnd(campaignStart), today);
  const dates = samplePhrases(lang)
    .suggestions.map(() =>
      random.chance(0.8) || phaseEnd >= today
        ? dayIn(random, campaignStart, phaseEnd)
        : dayIn(random, addDays(phaseEnd, 1), today),
    )
    .sort();
  return samplePhrases(lang).suggestions.map((s, i) => {
    const date = dates[i]!;
    const decided = daysBetween(date, today) >= 14;
    const choice = random.weighted([
      [adopted.yes, 45],
      [adopted.no, s.item === undefined ? 20 : 0],
      [adopted.pending, 35],
    ]);
    const raises = s.item !== undefined && items[s.item]?.from === 'suggestion';
    return {
      id: `S-${i + 1}`,
      date,
      author: random.pick(authors),
      title: s.title,
      text: s.text,
      category: s.category,
      adopted: !decided ? adopted.pending : raises ? adopted.yes : choice,
    };
  });
}

/** The adopted suggestions at least a week old that ledger items are opened from (linked both ways). */
export function suggestionSources(input: LedgerInput, suggestions: Record<string, Cell>[]): LedgerSource[] {
  const adopted = texts(input.lang).values.adopted.yes;
  const phrases = samplePhrases(input.lang);
  return suggestions.flatMap((s, i) => {
    const item = phrases.suggestions[i]?.item;
    if (item === undefined || phrases.rectification[item]?.from !== 'suggestion') return [];
    if (s.adopted !== adopted || daysBetween(String(s.date), input.today) < 7) return [];
    const source: LedgerSource = {
      id: String(s.id),
      date: String(s.date),
      item,
      link(rectificationId: string) {
        s.rectificationId = rectificationId;
      },
    };
    return [source];
  });
}

/** 讨论活动: most in the discussion phase, one or two later in the year; those up to today, numbered by date. */
export function discussionRows(input: LedgerInput): Record<string, Cell>[] {
  const { random, lang, today, campaignStart, people } = input;
  const forms = texts(lang).values.discussionForms;
  const year = campaignStart.slice(0, 4);
  const phaseEnd = discussionEnd(campaignStart);
  const organisers = leaders(people);
  const rows = samplePhrases(lang).discussions.map((d, i) => {
    // The first four in the discussion phase, the others in June and October.
    const date =
      i < 4
        ? addDays(
            campaignStart,
            Math.round((i * daysBetween(campaignStart, phaseEnd)) / 4) + random.int(0, 3),
          )
        : i === 4
          ? `${year}-06-${String(random.int(10, 20))}`
          : `${year}-10-${String(random.int(10, 20))}`;
    return {
      date,
      form: forms[d.form],
      topic: d.topic,
      organiser: i === 0 ? (people.staff[0]?.name ?? '') : random.pick(organisers),
      attendance: d.form === 'column' ? null : random.int(18, 120),
      record: d.record,
    };
  });
  return rows
    .filter((r) => r.date <= today)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((r, i) => ({ id: `D-${i + 1}`, ...r }));
}

/**
 * 问题整改: one item per source (the item the source raises), opened (登记日期) one to ten days after it and numbered R-n in that order;
 * deadlines three to eight weeks on; statuses by age: the oldest done or made a rule (完成日期 filled,
 * 长效机制 for a rule), two left open past their deadline (overdue), the newest in progress.
 */
export function rectificationRows(input: LedgerInput, sources: LedgerSource[]): Record<string, Cell>[] {
  const { lang, today, people } = input;
  const statusNames = texts(lang).values.rectStatus;
  const phrases = samplePhrases(lang).rectification;
  const owners = leaders(people);
  const opened = sources
    .map((source) => {
      // Each item's draws are its own, so an item stays the same on a later day.
      const random = randomFor(`${source.id}|${source.date}|ledger`);
      return { source, random, openedOn: earlier(addDays(source.date, random.int(1, 10)), today) };
    })
    .filter((o) => o.openedOn > o.source.date)
    .sort((a, b) => (a.openedOn < b.openedOn ? -1 : a.openedOn > b.openedOn ? 1 : 0))
    .slice(0, phrases.length);
  /** In order of 登记日期: the statuses wanted (a done one too recent to be done stays in progress). */
  const plan: RectStatus[] = ['rule', 'done', 'open', 'inProgress', 'rule', 'inProgress'];
  return opened.map(({ source, random, openedOn }, i) => {
    const id = `R-${i + 1}`;
    source.link(id, openedOn);
    const item = phrases[source.item]!;
    let status = plan[i % plan.length]!;
    const overdue = status === 'open' || (status === 'inProgress' && i < plan.length - 1);
    const weeks = random.int(21, 56);
    let deadline = addDays(openedOn, weeks);
    // An overdue item's deadline has passed (when there has been time for one).
    if (overdue && deadline >= today && daysBetween(openedOn, today) > 8)
      deadline = addDays(today, -random.int(1, Math.min(20, daysBetween(openedOn, today) - 1)));
    let doneOn: IsoDate | null = null;
    if (status === 'done' || status === 'rule') {
      const done = addDays(openedOn, random.int(10, Math.max(10, daysBetween(openedOn, deadline))));
      if (done <= today) doneOn = done;
      else status = 'inProgress';
    }
    return {
      id,
      openedOn,
      source: source.id,
      problem: item.problem,
      rootCause: item.rootCause,
      measures: item.measures,
      owner: random.pick(owners),
      deadline,
      status: statusNames[status],
      doneOn,
      lastingRule: status === 'rule' ? item.lastingRule : '',
    };
  });
}
