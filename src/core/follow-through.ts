// What visits leave to do (§2): open follow-ups with their owner and age, unit heads, and the overdue rectification items.
import { daysBetween, type IsoDate } from './dates';
import { nameKey } from './names';
import type { Campaign } from './model';
import type { FollowUp, HomeVisit, Rectification, RectStatus, Unit, Visit } from './schemas';

/** The follow-up values that leave something to do until 办结日期 is filled. */
export const OPEN_FOLLOW_UPS: readonly FollowUp[] = ['report', 'study'];

export interface FollowUpItem {
  kind: 'visit' | 'homeVisit';
  id: string;
  row: number;
  date: IsoDate;
  followUp: FollowUp;
  /** 跟进人, else the head of the visitor's unit, else the visitor (a staff name as typed). */
  owner: string;
  /** The visitor or teacher who wrote the record. */
  visitor: string;
  /** Days from the record's date to `today`. */
  age: number;
  /** The record's suggestion or record text, as typed (may be long). */
  text: string;
  /** 办结日期 (null while open). */
  closedOn: IsoDate | null;
}

/** Whether a record is a follow-up still open on a day: 及时汇报 / 研究实践, dated by then, not closed by then. */
export function isOpenOn(record: Visit | HomeVisit, day: IsoDate): boolean {
  return (
    record.date !== null &&
    record.date <= day &&
    record.followUp !== null &&
    OPEN_FOLLOW_UPS.includes(record.followUp) &&
    (record.closedOn === null || record.closedOn > day)
  );
}

/** An active staff member of the roster by name, as the roster spells it. */
function activeStaffName(campaign: Campaign, name: string): string | undefined {
  const person = campaign.rosters.staffByKey.get(nameKey(name));
  return person !== undefined && person.active ? person.name : undefined;
}

/** Whether a 责任人 (or any owner) is an active staff member of 人员; an empty one is not. */
export function hasActiveOwner(campaign: Campaign, owner: string): boolean {
  return owner.trim() !== '' && activeStaffName(campaign, owner) !== undefined;
}

/**
 * The unit's head (§2): 部门指标 › 负责人 when it names an active staff member, else the unit's first active
 * member (roster order) whose 职务 contains 校长 or 主任; undefined when there is none.
 */
export function unitHead(campaign: Campaign, unit: Unit): string | undefined {
  if (unit.head !== '') {
    const named = activeStaffName(campaign, unit.head);
    if (named !== undefined) return named;
  }
  const unitKey = nameKey(unit.name);
  const head = campaign.rosters.staff.find(
    (p) =>
      p.active &&
      campaign.rosters.staffByKey.get(nameKey(p.name)) === p &&
      p.units.some((u) => nameKey(u) === unitKey) &&
      /校长|主任|principal|director/i.test(p.role),
  );
  return head?.name;
}

/** The unit a record's follow-up belongs to: the visitor's home-visit unit for a home visit, else their first leader unit. */
export function unitOfRecord(campaign: Campaign, visitor: string, homeVisit: boolean): Unit | undefined {
  const person = campaign.rosters.staffByKey.get(nameKey(visitor));
  for (const name of person?.units ?? []) {
    const unit = campaign.rosters.unitByKey.get(nameKey(name));
    if (unit !== undefined && unit.homeVisits === homeVisit) return unit;
  }
  return undefined;
}

/** Who owns a record's follow-up (§2): 跟进人, else the head of the visitor's unit, else the visitor. */
export function followUpOwner(campaign: Campaign, record: Visit | HomeVisit): string {
  if (record.followUpOwner !== '') return record.followUpOwner;
  const visitor = 'teacher' in record ? record.teacher : record.visitor;
  const unit = unitOfRecord(campaign, visitor, 'teacher' in record);
  return (unit === undefined ? undefined : unitHead(campaign, unit)) ?? visitor;
}

/**
 * The follow-ups open on `until` (dated by then, not closed by then), their ages counted to `today`, oldest
 * first. A report of a past month passes its last day, so regenerating it later gives the same list.
 */
export function openFollowUps(campaign: Campaign, until: IsoDate, today: IsoDate): FollowUpItem[] {
  const items: FollowUpItem[] = [];
  const add = (kind: FollowUpItem['kind'], v: Visit | HomeVisit, visitor: string, text: string): void => {
    if (!isOpenOn(v, until)) return;
    items.push({
      kind,
      id: v.id,
      row: v.row,
      date: v.date as IsoDate,
      followUp: v.followUp as FollowUp,
      owner: followUpOwner(campaign, v),
      visitor,
      age: daysBetween(v.date as IsoDate, today),
      text,
      closedOn: v.closedOn,
    });
  };
  for (const v of campaign.visits)
    add('visit', v, v.visitor, v.suggestions !== '' ? v.suggestions : v.record);
  for (const v of campaign.homeVisits)
    add('homeVisit', v, v.teacher, v.parentNeeds !== '' ? v.parentNeeds : v.record);
  // Oldest first: the items waiting longest lead.
  return items.sort((a, b) => b.age - a.age || a.kind.localeCompare(b.kind) || a.row - b.row);
}

/** The day an item was found: 登记日期, else the date of the record its 来源 names (V-12, H-7, S-3). */
export function itemDate(campaign: Campaign, item: Rectification): IsoDate | null {
  if (item.openedOn !== null) return item.openedOn;
  const source = item.source.normalize('NFKC').trim().toUpperCase();
  const records: readonly { id: string; date: IsoDate | null }[] = source.startsWith('V-')
    ? campaign.visits
    : source.startsWith('H-')
      ? campaign.homeVisits
      : source.startsWith('S-')
        ? campaign.suggestions
        : [];
  return records.find((r) => r.id.normalize('NFKC').trim().toUpperCase() === source)?.date ?? null;
}

/** Whether an item was in the ledger on a day: found by then, or its day cannot be told. */
export function inLedgerOn(campaign: Campaign, item: Rectification, day: IsoDate): boolean {
  const date = itemDate(campaign, item);
  return date === null || date <= day;
}

/**
 * An item's status as it stood on a day: one done (已完成 / 已建章立制) with a 完成日期 after that day was still
 * 整改中 then; otherwise its status as it stands (the ledger keeps no other history).
 */
export function statusOn(item: Rectification, day: IsoDate): RectStatus | null {
  const done = item.status === 'done' || item.status === 'rule';
  return done && item.doneOn !== null && item.doneOn > day ? 'inProgress' : item.status;
}

/** Whether a rectification item is overdue on a day: 期限 before it, status then 待整改 or 整改中. */
export function isOverdue(item: Rectification, today: IsoDate): boolean {
  const status = statusOn(item, today);
  return item.deadline !== null && item.deadline < today && (status === 'open' || status === 'inProgress');
}

export interface OverdueItem {
  id: string;
  /** The item's row in 问题整改. */
  row: number;
  problem: string;
  owner: string;
  deadline: IsoDate;
  daysOverdue: number;
  status: RectStatus;
}

/**
 * The items of the ledger overdue as at a day (`asAt`, default today: a past month's report passes its last day,
 * so regenerating it later gives the same list), their days overdue counted to today, most overdue first.
 */
export function overdueItems(campaign: Campaign, today: IsoDate, asAt: IsoDate = today): OverdueItem[] {
  return campaign.rectification
    .filter((item) => inLedgerOn(campaign, item, asAt) && isOverdue(item, asAt))
    .map((item) => ({
      id: item.id,
      row: item.row,
      problem: item.problem,
      owner: item.owner,
      deadline: item.deadline as IsoDate,
      daysOverdue: daysBetween(item.deadline as IsoDate, today),
      status: statusOn(item, asAt) as RectStatus,
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue);
}
