// What the sidebar's 我的待办, 献一计 and 讨论活动 exchange with the server: JSON-only shapes (dates as 'YYYY-MM-DD').
import type { FieldError } from '../core/input-errors';

/** One thing a person has to do: an open follow-up they own, or a rectification item they are 责任人 of. */
export interface TodoItem {
  kind: 'followUp' | 'rectification';
  /** V-n / H-n, or R-n. */
  id: string;
  /** The record's date, or the item's 登记日期 ('' when the sheet has none). */
  date: string;
  /** Days since `date` (0 when unknown). */
  age: number;
  /** A follow-up open longer than FOLLOW_UP_LATE_DAYS, or an item past its 期限 and not done. */
  overdue: boolean;
  /** The item in one line of words (编号, kind or status, date, age). */
  line: string;
  /** The record's suggestion or record text, or the item's problem, shortened. Never a contact detail. */
  text: string;
  /** 期限 of a rectification item, null for none. */
  deadline: string | null;
  /** What a rectification item made from this follow-up starts with (the form prefills them). */
  problem: string;
  owner: string;
}

/** The person's to-do list, oldest first, at most TODO_LIMIT items (`total` counts them all). */
export interface TodoList {
  person: string;
  items: TodoItem[];
  total: number;
  /** A follow-up open longer than this many days is late. */
  lateDays: number;
}

/** The answer to an action of the sidebar (close, convert, suggest, log an activity). */
export type ActionAnswer =
  { ok: true; id: string; message: string; todo: TodoList | null } | { ok: false; errors: FieldError[] };

export interface CloseInput {
  id: string;
  result: string;
}

export interface ConvertInput {
  /** V-n or H-n (the sidebar), S-n (the office's menu). */
  id: string;
  problem: string;
  owner: string;
  /** 'YYYY-MM-DD' or ''. */
  deadline: string;
}

export interface SuggestionInput {
  title: string;
  text: string;
  category: string;
  anonymous: boolean;
}

export interface DiscussionInput {
  date: string;
  /** seminar | lecture | forum | column | other (core's DISCUSSION_FORMS). */
  form: string;
  topic: string;
  organiser: string;
  attendance: number | null;
  record: string;
}
