// What the sidebar's server functions return: JSON-only shapes (no Date; dates as 'YYYY-MM-DD'), shared with the browser.
import type { Lang, Messages } from '../core/i18n/messages';
import type { FieldError } from '../core/input-errors';
import type { QuotaStatus } from '../core/model';
import type { TodoList } from './todo-payload';

/** A value the form sends and the label it shows, e.g. { value: 'inPerson', label: '上门' }. */
export interface Choice {
  value: string;
  label: string;
}

/** The texts the sidebar shows, in the school's language. */
export interface SidebarTexts {
  sidebar: Messages['sidebar'];
  /** Pickers, student search, warnings before saving, withdrawing, help. */
  ux: Messages['sidebarUx'];
  /** The home-visit form's student list while another class's students are fetched. */
  classStudents: {
    loading: string;
    /** "… {message}" */
    failed: string;
    retry: string;
  };
  /** Modes of a leader visit. */
  modes: Choice[];
  /** Modes of a home visit. */
  homeVisitModes: Choice[];
  followUps: Choice[];
  /** 我的待办, 献一计, 讨论活动, photos. */
  todo: Messages['todo'];
  /** 讨论活动 › 形式. */
  discussionForms: Choice[];
}

/** A person of the visitor's target groups, for the targets checklist. */
export interface TargetOption {
  name: string;
  group: string;
  /** Already visited by the visitor's unit in the current coverage cycle. */
  visited: boolean;
  /** Pinyin initials of the name, lower case ('zjz' for 周家长), '' when unknown: the filter matches them. */
  initials: string;
}

/** A student as the sidebar may show one: name and student ID only, never guardian or contact. */
export interface StudentOption {
  id: string;
  name: string;
  /** Home-visited this semester (any mode, a valid record): the list puts the others first, marked 未访. */
  visited: boolean;
  /** Pinyin initials of the name, lower case, '' when unknown (worked out on the server). */
  initials: string;
}

/** A student found by the search across classes: a StudentOption and the class it is in. */
export interface FoundStudent extends StudentOption {
  className: string;
}

/** The answer to a student search across every class (by name, 学号 or pinyin initials). */
export interface FoundStudents {
  /** The query as asked (the page drops an answer to a query no longer typed). */
  query: string;
  /** At most FIND_LIMIT students, the not yet visited first, then roster order. */
  students: FoundStudent[];
  /** More students matched than were sent. */
  more: boolean;
}

/** What a save would say, judged as the save judges it, nothing written. */
export type PreviewResult = { ok: true; warnings: string[] } | { ok: false; errors: FieldError[] };

/** The answer to withdrawing one's own last record. */
export type WithdrawResult =
  { ok: true; id: string; message: string; progress: ProgressLine[] } | { ok: false; message: string };

/** One class's students, as the home-visit form lists them (one class at a time: a school has many). */
export interface ClassStudents {
  /** The class as the 学生 sheet names it. */
  className: string;
  /** In roster order; empty for a class with no students (or none of that name). */
  students: StudentOption[];
}

/** One quota line of "my progress this month". */
export interface ProgressLine {
  unit: string;
  count: number;
  minimum: number;
  status: QuotaStatus;
  /** The status in words. */
  statusText: string;
  /** The whole line in words, e.g. "校长室：3 / 5 · 进行中". */
  text: string;
  /** Who in the unit's groups is left this cycle, in words ('' when the unit has no such list). */
  leftText: string;
}

/** Everything the form needs about the person logging visits. */
export interface PersonView {
  name: string;
  units: string[];
  /** The person has a unit that makes leader visits. */
  canVisit: boolean;
  /** The person has a unit that makes home visits. */
  canHomeVisit: boolean;
  /** The person's own class (the home-visit form starts on it), '' if none. */
  className: string;
  /** Targets from the person's units' groups, the ones not yet visited this cycle first. */
  targets: TargetOption[];
  /** Every class's name, roster order (empty unless the person makes home visits). */
  classes: string[];
  /**
   * The class the home-visit form starts on (the person's own, else the first) with its students; null
   * when there is no class. Another class's students are fetched when chosen (ServerApi.sidebarClassStudents).
   */
  startClass: ClassStudents | null;
  /** The purposes of the person's leader-visit units (the first is the form's default). */
  purposes: string[];
  progress: ProgressLine[];
  /** 我的待办: the open follow-ups and rectification items the person owns, oldest first (bounded). */
  todo: TodoList;
}

/** The one payload the sidebar loads at start. */
export interface SidebarBootstrap {
  lang: Lang;
  texts: SidebarTexts;
  /** Today in the school's time zone. */
  today: string;
  /** Active staff names, roster order (the "I am" list, co-visitors, follow-up owners). */
  staff: string[];
  /** Pinyin initials of each staff name, same order as staff ('' when unknown). */
  staffInitials: string[];
  /** The remembered person, else the one whose email is the signed-in user's; null when unknown. */
  person: PersonView | null;
  /** Why the workbook cannot be used yet (missing sheet or column), in words; null when fine. */
  problem: string | null;
}

export type RememberResult = { ok: true; person: PersonView } | { ok: false; errors: FieldError[] };

export type SaveResult =
  | {
      ok: true;
      /** The new row's 编号, e.g. V-13. */
      id: string;
      /** The new row's number in its sheet. */
      row: number;
      progress: ProgressLine[];
      /** Warnings of the saved row (it counts, but something is worth a look), in words. */
      warnings: string[];
      /** Minutes within which the person may withdraw this record (ServerApi.sidebarWithdraw). */
      withdrawMinutes: number;
    }
  | { ok: false; errors: FieldError[] };
