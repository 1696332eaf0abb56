// The report's ledger figures (§5): lasting rules in the consolidation phase, suggestions by month and category, discussion activities.
import { monthOf, type IsoDate, type IsoMonth } from '../dates';
import type { Campaign } from '../model';
import { nameKey } from '../names';
import { discussionEnd, phaseOf } from '../phase';
import type { DiscussionForm, RectStatus } from '../schemas';
import { DISCUSSION_FORMS } from '../schemas';

export interface LastingRule {
  id: string;
  problem: string;
  lastingRule: string;
  status: RectStatus | null;
}

export interface SuggestionTally {
  month: IsoMonth;
  /** The category as first typed ('' when none). */
  category: string;
  received: number;
  adopted: number;
}

export interface DiscussionItem {
  id: string;
  date: IsoDate;
  form: DiscussionForm | null;
  topic: string;
  organiser: string;
  attendance: number | null;
}

export interface DiscussionTotal {
  form: DiscussionForm;
  activities: number;
  /** Σ 参加人数 (an empty or unreadable count adds nothing). */
  attendance: number;
}

export interface LedgerFigures {
  /** The items with a 长效机制, when the month is in the consolidation phase (建章立制); null otherwise. */
  lastingRules: LastingRule[] | null;
  /** Suggestions received and adopted, per month (from the campaign's first to the report's) and category. */
  suggestionTally: SuggestionTally[];
  /**
   * Discussion activities: during the discussion phase (a month up to its end, 15 April) the month's
   * activities; after it, the totals by form of every activity up to `asAt`.
   */
  discussions: { during: true; items: DiscussionItem[] } | { during: false; totals: DiscussionTotal[] };
}

function lastingRules(campaign: Campaign, month: IsoMonth): LastingRule[] | null {
  if (!phaseOf(`${month}-01`, campaign.settings).includes('consolidation')) return null;
  return campaign.rectification
    .filter((item) => item.lastingRule.trim() !== '')
    .map((item) => ({
      id: item.id,
      problem: item.problem,
      lastingRule: item.lastingRule,
      status: item.status,
    }));
}

function suggestionTally(campaign: Campaign, month: IsoMonth): SuggestionTally[] {
  const tallies = new Map<string, SuggestionTally>();
  for (const s of campaign.suggestions) {
    if (s.date === null || monthOf(s.date) > month) continue;
    const key = `${monthOf(s.date)}\u0000${nameKey(s.category)}`;
    const tally = tallies.get(key) ?? {
      month: monthOf(s.date),
      category: s.category.trim(),
      received: 0,
      adopted: 0,
    };
    tally.received += 1;
    if (s.adoption === 'yes') tally.adopted += 1;
    tallies.set(key, tally);
  }
  return [...tallies.values()].sort(
    // Per month: the most received first, the uncategorised last.
    (a, b) =>
      a.month.localeCompare(b.month) ||
      Number(a.category === '') - Number(b.category === '') ||
      b.received - a.received ||
      a.category.localeCompare(b.category),
  );
}

function discussions(campaign: Campaign, month: IsoMonth, asAt: IsoDate): LedgerFigures['discussions'] {
  if (`${month}-01` <= discussionEnd(campaign.settings)) {
    const items = campaign.discussions
      .filter((d) => d.date !== null && monthOf(d.date) === month)
      .map((d) => ({
        id: d.id,
        date: d.date as IsoDate,
        form: d.form,
        topic: d.topic,
        organiser: d.organiser,
        attendance: d.attendance,
      }))
      .sort((a, b) => a.date.localeCompare(b.date));
    return { during: true, items };
  }
  const totals = DISCUSSION_FORMS.map((form) => ({ form, activities: 0, attendance: 0 }));
  for (const d of campaign.discussions) {
    if (d.date === null || d.date > asAt || d.form === null) continue;
    const total = totals.find((t) => t.form === d.form);
    if (total === undefined) continue;
    total.activities += 1;
    total.attendance += d.attendance ?? 0;
  }
  return { during: false, totals: totals.filter((t) => t.activities > 0) };
}

/** The ledger figures of a monthly report as at `asAt` (the month's last day, or today while it runs). */
export function ledgerFigures(campaign: Campaign, month: IsoMonth, asAt: IsoDate): LedgerFigures {
  return {
    lastingRules: lastingRules(campaign, month),
    suggestionTally: suggestionTally(campaign, month),
    discussions: discussions(campaign, month, asAt),
  };
}
