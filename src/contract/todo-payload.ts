// What the sidebar's 我的待办, 献一计 and 讨论活动 exchange with the server: JSON-only shapes (dates as 'YYYY-MM-DD').
import type { FieldError } from '../core/input-errors';

/** What every item of 我的待办 has: an open follow-up they own, or a rectification item they are 责任人 of. */
interface TodoItemBase {
  /** V-n / H-n, or R-n. */
  id: string;
  /** The record's date, or the item's 登记日期 ('' when the sheet has none). */
  date: string;
  /** Days since `date` (0 when unknown). */
  age: number;
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

/** An open follow-up; `late` once open longer than FOLLOW_UP_LATE_DAYS (a follow-up has no 期限, so is never "overdue"). */
export interface FollowUpTodo extends TodoItemBase {
  kind: 'followUp';
  late: boolean;
}

/** A rectification item; `overdue` when past its 期限 and not done. */
export interface RectificationTodo extends TodoItemBase {
  kind: 'rectification';
  overdue: boolean;
}

export type TodoItem = FollowUpTodo | RectificationTodo;

/** The person's to-do list, oldest first, at most TODO_LIMIT items (`total` counts them all). */
export interface TodoList {
  person: string;
  items: TodoItem[];
  total: number;
  /** A follow-up open longer than this many days is late. */
  lateDays: number;
}

/**
 * The answer to an action of the sidebar (close, convert, suggest, log an activity). A refusal with `warnings`
 * and no errors wrote nothing: the form shows them with 仍然保存 / 返回修改 and, to save anyway, sends the same
 * input again with `confirmed: true`.
 */
export type ActionAnswer =
  | { ok: true; id: string; message: string; todo: TodoList | null }
  | { ok: false; errors: FieldError[]; warnings?: string[] };

export interface CloseInput {
  id: string;
  result: string;
}

export interface ConvertInput {
  /** V-n or H-n (the sidebar), S-n (the office's menu). */
  id: string;
  problem: string;
  owner: string;
  /** 'YYYY-MM-DD' or ''; not before today. */
  deadline: string;
  /** The person saw the warnings (a 责任人 not on the roster) and chose 仍然保存. */
  confirmed?: boolean;
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
