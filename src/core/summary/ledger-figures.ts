// A summary's follow-through figures: follow-ups opened, closed and open, the ledger by status, suggestions, discussions.
import type { IsoDate } from '../dates';
import type { Campaign } from '../model';
import { isOpenOn, itemDate, OPEN_FOLLOW_UPS, statusOn } from '../follow-through';

export { itemDate } from '../follow-through';
import {
  DISCUSSION_FORMS,
  type Adoption,
  type DiscussionForm,
  type HomeVisit,
  type Rectification,
  type RectStatus,
  type Visit,
} from '../schemas';
import { scopeAsAt, type SummaryScope } from './scope';

export interface FollowUpCounts {
  kind: 'visit' | 'homeVisit';
  /** 及时汇报 / 研究实践 records dated in the scope. */
  opened: number;
  /** Follow-ups whose 办结日期 falls in the scope (whenever they were opened). */
  closed: number;
  /** Follow-ups open on the scope's last day (whenever they were opened). */
  open: number;
}

export interface LastingRule {
  id: string;
  problem: string;
  rule: string;
  status: RectStatus | null;
  doneOn: IsoDate | null;
}

export interface RectificationFigures {
  counts: Record<RectStatus | 'unknown', number>;
  total: number;
  /** 已完成 + 已建章立制. */
  solved: number;
  /** The items with a 长效机制 written, or the status 已建章立制. */
  rules: LastingRule[];
}

export interface SuggestionFigures {
  received: number;
  counts: Record<Adoption | 'unknown', number>;
}

export interface DiscussionLine {
  /** null: a 形式 that could not be read. */
  form: DiscussionForm | null;
  count: number;
  attendance: number;
}

export interface LedgerFigures {
  followUps: FollowUpCounts[];
  rectification: RectificationFigures;
  suggestions: SuggestionFigures;
  discussions: DiscussionLine[];
}

/** Whether a day lies in [start, asAt]. */
export function inScope(date: IsoDate | null, scope: SummaryScope, asAt: IsoDate): boolean {
  return date !== null && scope.start <= date && date <= asAt;
}

function followUpCounts(
  kind: FollowUpCounts['kind'],
  records: readonly (Visit | HomeVisit)[],
  scope: SummaryScope,
  asAt: IsoDate,
): FollowUpCounts {
  const followUps = records.filter((r) => r.followUp !== null && OPEN_FOLLOW_UPS.includes(r.followUp));
  return {
    kind,
    opened: followUps.filter((r) => inScope(r.date, scope, asAt)).length,
    closed: followUps.filter((r) => inScope(r.closedOn, scope, asAt)).length,
    open: followUps.filter((r) => isOpenOn(r, asAt)).length,
  };
}

/**
 * The ledger's items of a scope: a semester's are those found in it; the year's every item found by its end,
 * and those whose day cannot be told. Counted by their status as it stood at the scope's end (statusOn).
 */
export function scopeItems(campaign: Campaign, scope: SummaryScope, asAt: IsoDate): Rectification[] {
  return campaign.rectification.filter((item) => {
    const date = itemDate(campaign, item);
    return scope.kind === 'year' ? date === null || date <= asAt : inScope(date, scope, asAt);
  });
}

function rectificationFigures(items: readonly Rectification[], asAt: IsoDate): RectificationFigures {
  const counts: Record<RectStatus | 'unknown', number> = {
    open: 0,
    inProgress: 0,
    done: 0,
    rule: 0,
    unknown: 0,
  };
  // As the items stood at the scope's end: one finished after it was still 整改中 then.
  for (const item of items) counts[statusOn(item, asAt) ?? 'unknown'] += 1;
  const rules = items
    .filter(
      (item) =>
        statusOn(item, asAt) === 'rule' ||
        (item.lastingRule.trim() !== '' && (item.doneOn === null || item.doneOn <= asAt)),
    )
    .map((item) => ({
      id: item.id,
      problem: item.problem,
      rule: item.lastingRule,
      status: item.status,
      doneOn: item.doneOn,
    }));
  return { counts, total: items.length, solved: counts.done + counts.rule, rules };
}

export function ledgerFigures(campaign: Campaign, scope: SummaryScope, today: IsoDate): LedgerFigures {
  const asAt = scopeAsAt(scope, today);
  const suggestions = campaign.suggestions.filter((s) => inScope(s.date, scope, asAt));
  const counts: Record<Adoption | 'unknown', number> = { pending: 0, yes: 0, no: 0, unknown: 0 };
  for (const s of suggestions) counts[s.adoption ?? 'unknown'] += 1;
  const discussions = campaign.discussions.filter((d) => inScope(d.date, scope, asAt));
  const forms: (DiscussionForm | null)[] = [...DISCUSSION_FORMS];
  if (discussions.some((d) => d.form === null)) forms.push(null);
  return {
    followUps: [
      followUpCounts('visit', campaign.visits, scope, asAt),
      followUpCounts('homeVisit', campaign.homeVisits, scope, asAt),
    ],
    rectification: rectificationFigures(scopeItems(campaign, scope, asAt), asAt),
    suggestions: { received: suggestions.length, counts },
    discussions: forms.map((form) => {
      const held = discussions.filter((d) => d.form === form);
      return { form, count: held.length, attendance: held.reduce((n, d) => n + (d.attendance ?? 0), 0) };
    }),
  };
}
