// The sidebar's server functions, by name, with their JSON-only argument and result types (checked at compile time).
import type { RecordInput } from './record-input';
import type {
  ClassStudents,
  FoundStudents,
  PreviewResult,
  RememberResult,
  SaveResult,
  SidebarBootstrap,
  WithdrawResult,
} from './sidebar-payload';
import type {
  ActionAnswer,
  CloseInput,
  ConvertInput,
  DiscussionInput,
  SuggestionInput,
  TodoList,
} from './todo-payload';

/**
 * Every function the sidebar may call through google.script.run. No index signature: a misspelled
 * name does not compile. src/gas/sidebar.ts implements exactly this interface.
 */
export interface ServerApi {
  /** Everything the form needs to start, in one round trip (of the students, the start class only). */
  sidebarBootstrap(): SidebarBootstrap;
  /** Remembers who is using the sidebar (per user) and returns that person's view. */
  sidebarRememberPerson(name: string): RememberResult;
  /** One class's students (name and 学号 only), when the home-visit form moves to another class. */
  sidebarClassStudents(className: string): ClassStudents;
  /** Students of every class whose name, 学号 or pinyin initials hold the query (a debounced search). */
  sidebarFindStudents(query: string): FoundStudents;
  /** Judges a record exactly as a save would (errors, and the warnings to confirm), writing nothing. */
  sidebarPreview(input: RecordInput): PreviewResult;
  /** Checks and appends one visit or home-visit row. */
  sidebarSave(input: RecordInput): SaveResult;
  /** Withdraws the person's own record of the last minutes: marked 已撤回, kept, never counted, logged. */
  sidebarWithdraw(id: string): WithdrawResult;
  /** 我的待办 of the remembered person, as it now stands (null when nobody is remembered). */
  sidebarTodo(): TodoList | null;
  /** Closes an open follow-up the person owns: fills 跟进结果 and 办结日期 (logged). */
  sidebarCloseFollowUp(input: CloseInput): ActionAnswer;
  /** Turns a follow-up into a rectification item (a new 问题整改 row; the record gets its R-n and is closed). */
  sidebarConvert(input: ConvertInput): ActionAnswer;
  /** 献一计: appends a 献计 row S-n. */
  sidebarSuggest(input: SuggestionInput): ActionAnswer;
  /** 讨论活动: appends a D-n row. */
  sidebarDiscussion(input: DiscussionInput): ActionAnswer;
}

export type ServerFunction = keyof ServerApi;

/** T with every part that JSON cannot carry (Date, function, undefined, bigint, symbol) turned into never. */
type JsonOnly<T> = T extends string | number | boolean | null
  ? T
  : T extends Date | ((...args: never[]) => unknown) | undefined | bigint | symbol
    ? never
    : T extends readonly (infer U)[]
      ? readonly JsonOnly<U>[]
      : { [K in keyof T]: JsonOnly<T[K]> };
type IsJson<T> = [T] extends [JsonOnly<T>] ? true : false;

/**
 * Every name of ServerApi once (the compiler insists the list is complete), and each compiles only while its
 * arguments and result are JSON-only (google.script.run drops Dates).
 */
const FUNCTIONS: {
  readonly [K in ServerFunction]: IsJson<Parameters<ServerApi[K]>> extends true
    ? IsJson<ReturnType<ServerApi[K]>>
    : false;
} = {
  sidebarBootstrap: true,
  sidebarRememberPerson: true,
  sidebarClassStudents: true,
  sidebarFindStudents: true,
  sidebarPreview: true,
  sidebarSave: true,
  sidebarWithdraw: true,
  sidebarTodo: true,
  sidebarCloseFollowUp: true,
  sidebarConvert: true,
  sidebarSuggest: true,
  sidebarDiscussion: true,
};
export const SERVER_FUNCTIONS = Object.keys(FUNCTIONS) as ServerFunction[];
