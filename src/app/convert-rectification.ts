// Turning a follow-up (V-n / H-n) or a suggestion (S-n) into a rectification item: a new 问题整改 row, linked both ways.
import { isIsoDate } from '../core/dates';
import { followUpOwner, hasActiveOwner } from '../core/follow-through';
import { cellText, isEmptyCell, parseGrid, type Cell } from '../core/grid';
import { format, texts } from '../core/i18n/messages';
import type { FieldError } from '../core/input-errors';
import { rectStatusName } from '../core/values';
import { logChanges, type ChangeEntry } from './change-log';
import { notOpenFollowUp } from './close-follow-up';
import {
  actorOf,
  refreshAfter,
  refuse,
  textField,
  withActionLock,
  type ActionOutcome,
} from './follow-through-action';
import type { Lock } from './ports';
import { nextRecordIds } from './record-id';
import {
  ensureTableSheet,
  filledCell,
  findById,
  headerOf,
  normalId,
  rowByColumns,
  tableOfRecordId,
} from './record-rows';
import type { WorkbookSession } from './session';

/** A problem typed for a rectification item is at most this long. */
export const PROBLEM_MAX = 2000;

export interface ConvertRequest {
  /** V-n, H-n or S-n. */
  id: unknown;
  /** 问题 (the form prefills it from the record; empty: the record's own text). */
  problem: unknown;
  /** 责任人 (empty: the follow-up's owner; for a suggestion, left empty). */
  owner: unknown;
  /** 期限, 'YYYY-MM-DD' or empty; not before today. */
  deadline: unknown;
  /** true once the person has seen the warnings (a 责任人 not on the roster) and chose 仍然保存. */
  confirmed?: unknown;
  /** Who does it. */
  who: string;
  /** The 修改日志 note of the new row, {id} its R-n (default: the sidebar's "新增 R-n（侧栏）"). */
  note?: string;
}

type SourceTable = 'visits' | 'homeVisits' | 'suggestions';

function sourceTable(id: string): SourceTable | undefined {
  const table = tableOfRecordId(id);
  return table === 'visits' || table === 'homeVisits' || table === 'suggestions' ? table : undefined;
}

/** What a rectification item from this record starts with: the problem in the record's words and its owner. */
export function rectificationDefaults(
  session: WorkbookSession,
  idValue: unknown,
): { problem: string; owner: string } | undefined {
  const id = normalId(idValue);
  const table = sourceTable(id);
  const campaign = session.campaign;
  if (table === 'suggestions') {
    const s = campaign.suggestions.find((x) => normalId(x.id) === id);
    if (s === undefined) return undefined;
    const problem = s.title !== '' && s.text !== '' ? `${s.title}：${s.text}` : s.title || s.text;
    return { problem, owner: '' };
  }
  const record =
    table === 'visits'
      ? campaign.visits.find((x) => normalId(x.id) === id)
      : table === 'homeVisits'
        ? campaign.homeVisits.find((x) => normalId(x.id) === id)
        : undefined;
  if (record === undefined) return undefined;
  const text =
    'teacher' in record ? record.parentNeeds || record.record : record.suggestions || record.record;
  return { problem: text, owner: followUpOwner(campaign, record) };
}

/**
 * Opens a rectification item from a follow-up or a suggestion. Checked before the lock (problem, owner, deadline:
 * not before today); a 责任人 who is not an active staff member is answered with a warning, nothing written,
 * until the request comes back `confirmed`;
 * under it the record's sheet and 问题整改 (made with its header when the workbook has none) are read again, the
 * record must exist, have no 整改编号 and (for a follow-up) still be open. Then one row is appended to 问题整改 —
 * R-n, 登记日期 today, 来源 the record's 编号, 问题, 责任人, 期限, 状态 待整改 — and the record's empty cells are filled:
 * 整改编号 R-n, and for a follow-up 跟进结果 "转整改 R-n" and 办结日期 today. Every change has its 修改日志 line.
 */
export function convertToRectification(
  session: WorkbookSession,
  lock: Lock,
  request: ConvertRequest,
): ActionOutcome {
  const lang = session.lang;
  const t = texts(lang);
  const u = t.todo;
  const id = normalId(request.id);
  const table = sourceTable(id);
  if (table === undefined) return refuse(format(u.notRectification, { id: id || '?' }));
  const sourceSheet = session.sheetOf(table)?.name;
  const defaults = rectificationDefaults(session, id);
  if (sourceSheet === undefined || defaults === undefined) return refuse(format(u.notFound, { id }));
  const errors: FieldError[] = [];
  const typed = textField(errors, lang, 'problem', u.problem, request.problem, PROBLEM_MAX, false);
  const ownerTyped = textField(errors, lang, 'owner', u.owner, request.owner, 50, false);
  const deadline = textField(errors, lang, 'deadline', u.deadlineField, request.deadline, 10, false);
  if (deadline !== '' && !isIsoDate(deadline))
    errors.push({ field: 'deadline', message: t.sidebar.errors.date });
  else if (deadline !== '' && deadline < session.today)
    errors.push({ field: 'deadline', message: format(t.fixOwner.deadlinePast, { today: session.today }) });
  const problem = typed || defaults.problem.slice(0, PROBLEM_MAX);
  if (problem === '')
    errors.push({ field: 'problem', message: format(t.sidebar.errors.required, { field: u.problem }) });
  if (errors.length > 0) return { ok: false, errors };
  const owner = ownerTyped || defaults.owner;
  // A 责任人 typed as free text (as the record form's 跟进人): one not on the roster is said before saving.
  if (owner !== '' && !hasActiveOwner(session.campaign, owner) && request.confirmed !== true)
    return { ok: false, errors: [], warnings: [format(t.fixOwner.ownerUnknown, { name: owner })] };
  const actor = actorOf(session, request.who);
  const today = session.today;

  return withActionLock(lock, lang, () => {
    const { sheet: rectSheet, made } = ensureTableSheet(session, 'rectification', actor.who, actor.time);
    session.reread(rectSheet);
    session.reread(sourceSheet);
    const found = findById(table, sourceSheet, session.gridOf(sourceSheet), id);
    if (found === undefined) return refuse(format(u.notFound, { id }));
    const linkColumn = found.columns.rectificationId;
    if (linkColumn === undefined)
      return refuse(
        format(t.problems.COLUMN_MISSING, { sheet: sourceSheet, column: t.columns[table].rectificationId }),
      );
    if (!isEmptyCell(found.cells.rectificationId))
      return refuse(format(u.alreadyConverted, { id, rid: cellText(found.cells.rectificationId ?? null) }));
    if (table !== 'suggestions') {
      const why = notOpenFollowUp(session, id, found);
      if (why !== undefined) return refuse(why);
    }
    const rectGrid = session.gridOf(rectSheet);
    const idColumn = parseGrid('rectification', rectSheet, rectGrid).columnIndex.id;
    const rid = nextRecordIds('rectification', rectGrid, idColumn, 1)[0] as string;
    const row = rowByColumns('rectification', rectSheet, rectGrid, {
      id: rid,
      openedOn: today,
      source: id,
      problem,
      owner,
      deadline,
      status: rectStatusName('open', lang),
    });
    const rectRow = session.appendRows(rectSheet, [row], rectGrid.length);

    // The record's empty cells, each written once: 整改编号, and for a follow-up 跟进结果 and 办结日期.
    const base = { ...actor, sheet: sourceSheet, id, row: found.row };
    const note = format(u.log.converted, { rid, id });
    const fills: [key: string, value: Cell][] = [['rectificationId', rid]];
    if (table !== 'suggestions') {
      if (isEmptyCell(found.cells.followUpResult))
        fills.push(['followUpResult', format(u.convertResult, { rid })]);
      fills.push(['closedOn', today]);
    }
    const entries: ChangeEntry[] = made === undefined ? [] : [made];
    entries.push({
      ...actor,
      sheet: rectSheet,
      id: rid,
      row: rectRow,
      note: `${format(request.note ?? u.log.appended, { id: rid })} · ${note}`,
    });
    for (const [key, value] of fills) {
      const column = found.columns[key];
      if (column === undefined) continue;
      session.writeColumn(sourceSheet, column, found.row, [value]);
      entries.push(filledCell(base, headerOf(table, found, column, key, lang), value, note));
    }
    logChanges(session.workbook, lang, entries);
    refreshAfter(session, rid);
    return { ok: true, id: rid, message: format(u.converted, { rid, id }) };
  });
}
