// The follow-ups of a report's month (§5): every one opened in it, open or closed as at its last day, and the month's counts.
import { daysBetween, lastDay, monthOf, type IsoDate, type IsoMonth } from '../dates';
import { followUpOwner, isOpenOn, OPEN_FOLLOW_UPS } from '../follow-through';
import type { Campaign } from '../model';
import type { FollowUp, HomeVisit, Visit } from '../schemas';

export interface MonthFollowUp {
  kind: 'visit' | 'homeVisit';
  id: string;
  row: number;
  date: IsoDate;
  followUp: FollowUp;
  owner: string;
  /** The record's suggestion or record text, as typed (may be long). */
  text: string;
  /** 办结日期 when closed by the as-at day; null when open then (closed later, or not at all). */
  closedOn: IsoDate | null;
  /** 跟进结果 of a follow-up closed by the as-at day ('' otherwise). */
  result: string;
  /** 整改编号: of a follow-up closed by the as-at day, or of one still without 办结日期 ('' otherwise). */
  rectificationId: string;
  /** Days from the record's date to the as-at day while it is open then; null once closed. */
  age: number | null;
}

export interface MonthFollowUpCounts {
  /** Dated in the month. */
  opened: number;
  /** 办结日期 in the month, up to the as-at day, whenever opened. */
  closed: number;
  /** Open on the as-at day, whenever opened. */
  open: number;
  /** Of those open: dated in the month. */
  openFromMonth: number;
}

export interface MonthFollowUps {
  /** Every follow-up (及时汇报 / 研究实践) dated in the month, by date. */
  items: MonthFollowUp[];
  counts: MonthFollowUpCounts;
}

function isFollowUp(record: Visit | HomeVisit): boolean {
  return record.date !== null && record.followUp !== null && OPEN_FOLLOW_UPS.includes(record.followUp);
}

function itemOf(campaign: Campaign, record: Visit | HomeVisit, asAt: IsoDate): MonthFollowUp {
  const home = 'teacher' in record;
  const date = record.date as IsoDate;
  const open = isOpenOn(record, asAt);
  return {
    kind: home ? 'homeVisit' : 'visit',
    id: record.id,
    row: record.row,
    date,
    followUp: record.followUp as FollowUp,
    owner: followUpOwner(campaign, record),
    text: home
      ? record.parentNeeds !== ''
        ? record.parentNeeds
        : record.record
      : record.suggestions !== ''
        ? record.suggestions
        : record.record,
    closedOn: open ? null : record.closedOn,
    result: open ? '' : record.followUpResult,
    rectificationId: !open || record.closedOn === null ? record.rectificationId : '',
    age: open ? daysBetween(date, asAt) : null,
  };
}

/**
 * The month's follow-ups as at `asAt` (its last day, or today while it runs): a follow-up closed after that day
 * is listed as open then, so regenerating a past month later gives the same list and the same counts.
 */
export function monthFollowUps(campaign: Campaign, month: IsoMonth, asAt: IsoDate): MonthFollowUps {
  const until = lastDay(month) < asAt ? lastDay(month) : asAt;
  const records: (Visit | HomeVisit)[] = [...campaign.visits, ...campaign.homeVisits].filter(isFollowUp);
  const items = records
    .filter((r) => monthOf(r.date as IsoDate) === month && (r.date as IsoDate) <= until)
    .map((r) => itemOf(campaign, r, until))
    .sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.row - b.row);
  const closed = records.filter(
    (r) => r.closedOn !== null && monthOf(r.closedOn) === month && r.closedOn <= until && !isOpenOn(r, until),
  ).length;
  const open = records.filter((r) => isOpenOn(r, until));
  return {
    items,
    counts: {
      opened: items.length,
      closed,
      open: open.length,
      openFromMonth: open.filter((r) => monthOf(r.date as IsoDate) === month).length,
    },
  };
}
