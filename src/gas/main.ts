// Apps Script entry points only: each one line into src/gas/; the build re-declares each export as a global.
import { openSidebar, runRecompute, runSetUp, showHelp } from './actions';
import { handleEdit } from './edit';
import { buildMenu } from './menu';
import { newSchoolYearMenu } from './new-year';
import { erasePersonDataMenu, exportPersonDataMenu } from './person-data';
import { promptMonthlyReport } from './report';
import { promptRestoreRow } from './restore';
import { disableReminders, enableReminders, runDailyJob, showHealth, showReminderPreview } from './remind';
import { runSelfTestMenu } from './self-test';
import { sidebarServer } from './sidebar';
import { promptSemesterSummary, runYearSummary } from './summary';
import { convertActiveSuggestion } from './suggestion-menu';
import type { RecordInput } from '../contract/record-input';
import type { CloseInput, ConvertInput, DiscussionInput, SuggestionInput } from '../contract/todo-payload';

/** Builds the add-on menu when the spreadsheet opens. */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(e?.authMode);
}

/** Runs when the add-on is installed: same menu as on open. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Checks the edited rows of 走访记录 / 家访记录 (a fast hint). */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleEdit(e);
}

/** Menu: 记录走访. */
export function menuOpenSidebar(): void {
  openSidebar();
}

/** Menu: 初始化/修复工作簿. */
export function menuSetUp(): void {
  runSetUp();
}

/** Menu: 重新计算进度. */
export function menuRecompute(): void {
  runRecompute();
}

/** Menu: 恢复行 (a row's values from before a time, from 修改日志; logged as a change). */
export function menuRestoreRow(): void {
  promptRestoreRow();
}

/** Menu: 献计转整改 (the 献计 row of the active cell becomes a rectification item, linked both ways). */
export function menuSuggestionToRectification(): void {
  convertActiveSuggestion();
}

/** Menu: 开始新学年 (the current roster copied for the new semester, each class a grade up; confirmed first). */
export function menuNewSchoolYear(): void {
  newSchoolYearMenu();
}

/** Menu: 使用说明. */
export function menuHelp(): void {
  showHelp();
}

/** Menu: 生成月报 (asks for the month, default last month). */
export function menuMonthlyReport(): void {
  promptMonthlyReport();
}

/** Menu: 学期总结 (asks which semester; writes the sheet 学期报<semester>). */
export function menuSemesterSummary(): void {
  promptSemesterSummary();
}

/** Menu: 年度总结 (the campaign year, with the bureau's table; writes the sheet 年度总结). */
export function menuYearSummary(): void {
  runYearSummary();
}

/** Menu: 提醒预览 (a dialog of the messages a run would send; sends nothing). */
export function menuReminderPreview(): void {
  showReminderPreview();
}

/** Menu: 启用自动提醒 (one daily trigger at the reminder hour). */
export function menuEnableReminders(): void {
  enableReminders();
}

/** Menu: 停用自动提醒. */
export function menuDisableReminders(): void {
  disableReminders();
}

/** Menu: 运行状况. */
export function menuHealth(): void {
  showHealth();
}

/** Menu: 自检 (checks the add-on where it is deployed; a test mail only when the person says yes). */
export function menuSelfTest(): void {
  runSelfTestMenu();
}

/** Menu: 导出个人数据 (asks for a name or 学号, confirms, writes the sheet 个人数据导出 <name>). */
export function menuExportPersonData(): void {
  exportPersonDataMenu();
}

/** Menu: 删除个人数据 (asks for a name or 学号, shows what would change, confirms; names become 已删除-n). */
export function menuErasePersonData(): void {
  erasePersonDataMenu();
}

/** Daily trigger: on the 1st last month's report and its email; on reminder days the reminders. */
export function runDaily(): void {
  runDailyJob();
}

/** Sidebar: everything the form needs to start, in one round trip. */
export function sidebarBootstrap(): ReturnType<typeof sidebarServer.sidebarBootstrap> {
  return sidebarServer.sidebarBootstrap();
}

/** Sidebar: remembers who is logging (per user). */
export function sidebarRememberPerson(name: string): ReturnType<typeof sidebarServer.sidebarRememberPerson> {
  return sidebarServer.sidebarRememberPerson(name);
}

/** Sidebar: one class's students, when the home-visit form moves to another class. */
export function sidebarClassStudents(
  className: string,
): ReturnType<typeof sidebarServer.sidebarClassStudents> {
  return sidebarServer.sidebarClassStudents(className);
}

/** Sidebar: students of every class matching a name, 学号 or pinyin initials. */
export function sidebarFindStudents(query: string): ReturnType<typeof sidebarServer.sidebarFindStudents> {
  return sidebarServer.sidebarFindStudents(query);
}

/** Sidebar: what saving a record would say (errors, warnings to confirm), nothing written. */
export function sidebarPreview(input: RecordInput): ReturnType<typeof sidebarServer.sidebarPreview> {
  return sidebarServer.sidebarPreview(input);
}

/** Sidebar: withdraws the person's own record of the last minutes (marked 已撤回, logged). */
export function sidebarWithdraw(id: string): ReturnType<typeof sidebarServer.sidebarWithdraw> {
  return sidebarServer.sidebarWithdraw(id);
}

/** Sidebar: saves one visit or home visit. */
export function sidebarSave(input: RecordInput): ReturnType<typeof sidebarServer.sidebarSave> {
  return sidebarServer.sidebarSave(input);
}

/** Sidebar: 我的待办 of the remembered person. */
export function sidebarTodo(): ReturnType<typeof sidebarServer.sidebarTodo> {
  return sidebarServer.sidebarTodo();
}

/** Sidebar: closes a follow-up (fills 跟进结果 and 办结日期, logged). */
export function sidebarCloseFollowUp(
  input: CloseInput,
): ReturnType<typeof sidebarServer.sidebarCloseFollowUp> {
  return sidebarServer.sidebarCloseFollowUp(input);
}

/** Sidebar: turns a follow-up into a rectification item. */
export function sidebarConvert(input: ConvertInput): ReturnType<typeof sidebarServer.sidebarConvert> {
  return sidebarServer.sidebarConvert(input);
}

/** Sidebar: 献一计 (a 献计 row S-n). */
export function sidebarSuggest(input: SuggestionInput): ReturnType<typeof sidebarServer.sidebarSuggest> {
  return sidebarServer.sidebarSuggest(input);
}

/** Sidebar: a 讨论活动 row D-n. */
export function sidebarDiscussion(
  input: DiscussionInput,
): ReturnType<typeof sidebarServer.sidebarDiscussion> {
  return sidebarServer.sidebarDiscussion(input);
}
