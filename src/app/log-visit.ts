// Logging one visit or home visit from the sidebar: check the input, then append exactly one row under the lock.
import { dateTimeInZone, type IsoDate } from '../core/dates';
import { personProgress, problemsOf } from '../core/engine';
import { parseGrid, type Cell } from '../core/grid';
import { format, texts, type Lang } from '../core/i18n/messages';
import { checkRecordInput, type FieldError } from '../core/input-errors';
import type { Campaign } from '../core/model';
import type { RecordInput } from '../core/schemas';
import { sheetName } from '../core/tables';
import { followUpName, modeName } from '../core/values';
import type { PreviewResult, SaveResult } from '../contract/sidebar-payload';
import type { Clock, Lock, UserInfo, WorkbookPort } from './ports';
import { nextRecordIds } from './record-id';
import { writeStatusSheet } from './recompute';
import type { DraftRow, WorkbookSession } from './session';
import { progressLines } from './sidebar-view';
import { rowVerdicts } from './verdict';

export interface LogVisitPorts {
  workbook: WorkbookPort;
  lock: Lock;
  user: UserInfo;
  clock: Clock;
}

/** What a save did, with the campaign as it now stands (the one 进度 was refreshed from). */
export interface LogOutcome {
  result: SaveResult;
  /** The campaign including the new row; absent when nothing was saved. */
  campaign?: Campaign;
  today: IsoDate;
}

/** Minutes within which the person who saved a record may withdraw it (src/app/withdraw.ts). */
export const WITHDRAW_MINUTES = 10;

/** List cells are written with the plan's separator. */
export const LIST_JOIN = '、';

const fail = (errors: FieldError[]): SaveResult => ({ ok: false, errors });

/** The row's cells by column key, in the workbook's language. */
function recordCells(input: RecordInput, lang: Lang): Record<string, string> {
  const list = (names: string[]) => names.join(LIST_JOIN);
  const followUp = input.followUp === null ? '' : followUpName(input.followUp, lang);
  if (input.kind === 'visit')
    return {
      date: input.date,
      visitor: input.visitor,
      coVisitors: list(input.coVisitors),
      targets: list(input.targets),
      mode: modeName(input.mode, lang),
      purpose: input.purpose,
      record: input.record,
      suggestions: input.suggestions,
      followUp,
      followUpOwner: input.followUpOwner,
      photos: input.photos ?? '',
    };
  return {
    date: input.date,
    className: input.className,
    students: list(input.students),
    teacher: input.teacher,
    coTeachers: list(input.coTeachers),
    mode: modeName(input.mode, lang),
    family: input.family,
    parentNeeds: input.parentNeeds,
    supportNeeded: input.supportNeeded,
    record: input.record,
    followUp,
    followUpOwner: input.followUpOwner ?? '',
  };
}

type RecordTable = 'visits' | 'homeVisits';

/**
 * Checks the sidebar's input (the zod schema the browser used, then the engine's §4 rules on the row as it
 * would be written) and appends exactly one row to 走访记录 or 家访记录; then refreshes 进度 from the campaign
 * the row was judged with. The workbook is read once and the campaign loaded once: the check runs before the
 * lock; under the lock only the target sheet is read again, and only when another save got in first is the
 * row numbered and judged again. Errors come back per field, in the school's language.
 */
/** A record checked and judged on the session's draft, before any lock: what a save and a preview share. */
type Prepared =
  | { ok: false; result: SaveResult }
  | {
      ok: true;
      input: RecordInput;
      table: RecordTable;
      sheet: string;
      person: string;
      stamp: Stamp;
      first: Extract<Judged, { ok: true }>;
    };

function prepare(session: WorkbookSession, value: unknown): Prepared {
  const lang = session.lang;
  const t = texts(lang);
  const checked = checkRecordInput(value, t.sidebar);
  if (!checked.ok) return { ok: false, result: fail(checked.errors) };
  const input = checked.input;
  const table: RecordTable = input.kind === 'visit' ? 'visits' : 'homeVisits';
  const sheet = session.sheetOf(table);
  if (sheet === undefined) {
    const message = format(t.problems.SHEET_MISSING, { sheet: sheetName(table, lang) });
    return { ok: false, result: fail([{ field: '', message }]) };
  }
  const person = input.kind === 'visit' ? input.visitor : input.teacher;
  const stamp = {
    // The staff name, as the form names the person (an email would mix two kinds of 录入人 in one column).
    enteredBy: person,
    enteredAt: dateTimeInZone(session.now, session.settings.timeZone),
    lang,
  };
  const first = judge(session, sheet.name, table, input, stamp);
  if (!first.ok) return first;
  return { ok: true, input, table, sheet: sheet.name, person, stamp, first };
}

/**
 * What saving the record would say, judged exactly as logRecord judges it (the same checks on the session's
 * draft of the row), with nothing written and no lock taken: the errors, or the row's warnings (a duplicate,
 * an in-person home visit without a co-teacher …) for the person to confirm before saving.
 */
export function previewRecord(session: WorkbookSession, value: unknown): PreviewResult {
  const prepared = prepare(session, value);
  if (!prepared.ok) {
    const result = prepared.result;
    return result.ok ? { ok: true, warnings: [] } : { ok: false, errors: result.errors };
  }
  const { first } = prepared;
  return { ok: true, warnings: problemsOf(first.draft.campaign, first.own).map((p) => p.message) };
}

export function logRecord(ports: LogVisitPorts, session: WorkbookSession, value: unknown): LogOutcome {
  const { today } = session;
  const t = texts(session.lang);
  const prepared = prepare(session, value);
  if (!prepared.ok) return { result: prepared.result, today };
  const { input, table, person, stamp, first } = prepared;
  const sheet = { name: prepared.sheet };

  let entered = false;
  let outcome: { judged: Judged; written: number };
  try {
    outcome = ports.lock.withLock(() => {
      entered = true;
      const judged = session.reread(sheet.name) ? judge(session, sheet.name, table, input, stamp) : first;
      if (!judged.ok) return { judged, written: 0 };
      const written = session.commitDraft(judged.draft);
      refreshStatus(session, judged.id);
      return { judged, written };
    });
  } catch (error) {
    if (entered) throw error;
    return { result: fail([{ field: '', message: t.sidebar.busy }]), today };
  }
  const { judged, written } = outcome;
  if (!judged.ok) return { result: judged.result, today };
  const { draft, id, own } = judged;
  return {
    result: {
      ok: true,
      id,
      row: written,
      progress: progressLines(draft.campaign, personProgress(draft.campaign, person, today)),
      warnings: problemsOf(draft.campaign, own).map((p) => p.message),
      withdrawMinutes: WITHDRAW_MINUTES,
    },
    campaign: draft.campaign,
    today,
  };
}

/** 进度 from the campaign in hand, still under the lock; a failure never fails the save (a retry would log it twice). */
function refreshStatus(session: WorkbookSession, id: string): void {
  try {
    writeStatusSheet(session);
  } catch (error) {
    console.error(`Visit ${id} saved; 进度 not refreshed:`, error);
  }
}

type Stamp = { enteredBy: string; enteredAt: string; lang: Lang };

type Judged =
  { ok: true; draft: DraftRow; id: string; own: Campaign['findings'] } | { ok: false; result: SaveResult };

/** The row as it would be appended to the sheet as the session holds it: numbered, checked by the engine. */
function judge(
  session: WorkbookSession,
  sheetName: string,
  table: RecordTable,
  input: RecordInput,
  stamp: { enteredBy: string; enteredAt: string; lang: Lang },
): Judged {
  const grid = session.gridOf(sheetName);
  const parsed = parseGrid(table, sheetName, grid);
  const t = texts(stamp.lang);
  if (grid.length === 0 || parsed.missing.length > 0) {
    const problem = session.structuralProblem(table);
    const message = problem ?? format(t.problems.SHEET_MISSING, { sheet: sheetName });
    return { ok: false, result: fail([{ field: '', message }]) };
  }
  const id = nextRecordIds(table, grid, parsed.columnIndex.id, 1)[0] as string;
  const cells: Record<string, string> = {
    id,
    ...recordCells(input, stamp.lang),
    enteredBy: stamp.enteredBy,
    enteredAt: stamp.enteredAt,
  };
  const width = (grid[0] ?? []).length;
  const row: Cell[] = Array.from({ length: width }, () => '');
  for (const [key, index] of Object.entries(parsed.columnIndex))
    if (key in cells) row[index] = cells[key] ?? '';

  // The engine judges the row exactly as it will stand in the sheet: append writes after the last row of
  // the used range — rows that only look blank (a formula showing '', a checkbox, a space, filled down to
  // row 1000) included — so the new row's number is the grid's length + 1.
  const draft = session.draft(sheetName, row);
  const { campaign, rowNumber } = draft;
  const own = campaign.findings.filter((f) => f.table === table && f.row === rowNumber);
  const errors = own.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const problems = problemsOf(campaign, errors);
    return {
      ok: false,
      result: fail(errors.map((f, i) => ({ field: f.column, message: problems[i]?.message ?? '' }))),
    };
  }
  const checkIndex = parsed.columnIndex.check;
  if (checkIndex !== undefined)
    row[checkIndex] = rowVerdicts(campaign, table, rowNumber, rowNumber)[0]?.text ?? '';
  return { ok: true, draft, id, own };
}
