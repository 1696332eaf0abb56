// The follow-through figures of `status --json` (§6): open follow-ups with owner, kind and age; every ledger item with overdue.
import { lastDay, type IsoDate, type IsoMonth } from './dates';
import { isOverdue, openFollowUps } from './follow-through';
import type { Campaign } from './model';
import { followUpName, rectStatusName } from './values';

export interface FollowUpStatus {
  id: string;
  owner: string;
  /** The plan's words whatever the workbook's language: scripts compare them. */
  kind: '及时汇报' | '研究实践';
  /** Days from the record's date to today. */
  age: number;
}

export interface RectificationStatus {
  id: string;
  /** 待整改 | 整改中 | 已完成 | 已建章立制 (an empty cell is 待整改); null when the cell cannot be read. */
  status: string | null;
  owner: string;
  deadline: IsoDate | null;
  overdue: boolean;
}

/** The follow-ups open at the month's end (or today while it runs), oldest first, their ages counted to today. */
export function followUpStatus(campaign: Campaign, month: IsoMonth, today: IsoDate): FollowUpStatus[] {
  const until = lastDay(month) < today ? lastDay(month) : today;
  return openFollowUps(campaign, until, today).map((f) => ({
    id: f.id,
    owner: f.owner,
    kind: followUpName(f.followUp, 'zh') as FollowUpStatus['kind'],
    age: f.age,
  }));
}

/** Every item of the ledger in sheet order, done ones too; overdue as of today. */
export function rectificationStatus(campaign: Campaign, today: IsoDate): RectificationStatus[] {
  return campaign.rectification.map((item) => ({
    id: item.id,
    status: item.status === null ? null : rectStatusName(item.status, 'zh'),
    owner: item.owner,
    deadline: item.deadline,
    overdue: isOverdue(item, today),
  }));
}
