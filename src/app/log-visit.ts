// Logging one visit or home visit from the sidebar: check the input, then append exactly one row under the lock.
import { dateTimeInZone, type IsoDate } from '../core/dates';
import { loadCampaign, personProgress, problemsOf } from '../core/engine';
import { parseGrid, type Cell } from '../core/grid';
import { format, texts, type Lang } from '../core/i18n/messages';
import { checkRecordInput, type FieldError } from '../core/input-errors';
import type { Campaign } from '../core/model';
import type { RecordInput } from '../core/schemas';
import { sheetName, tableOfSheet, type TableKey } from '../core/tables';
import { followUpName, modeName } from '../core/values';
import type { Clock, Lock, UserInfo, WorkbookPort } from './ports';
import { readSheets, type SheetGrid } from './read';
import { ID_PREFIX, nextIds } from './record-id';
import { schoolToday } from './today';
import { rowVerdicts } from './verdict';
import type { SaveResult } from '../contract/sidebar-payload';
import { progressLines } from './sidebar-view';

export interface LogVisitPorts {
  workbook: WorkbookPort;
  lock: Lock;
  user: UserInfo;
  clock: Clock;
  /**
   * Brings 进度 (and the 校验 column) up to date right after the row is appended, still under the lock.
   * The row is saved whatever happens here: a failure is logged, never reported as a failed save.
   */
  refreshStatus?: (campaign: Campaign, today: IsoDate) => void;
}

/** What a save did, with the campaign as it now stands (for refreshing the status sheet without reading again). */
export interface LogOutcome {
  result: SaveResult;
  /** The campaign including the new row; absent when nothing was saved. */
  campaign?: Campaign;
  today: IsoDate;
}

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
  };
}

/**
 * Checks the sidebar's input (the zod schema the browser used, then the engine's §4 rules on the row as it
 * would be written) and appends exactly one row to 走访记录 or 家访记录, holding the document lock from
 * reading the sheet's last 编号 to writing the row. Errors come back per field, in the school's language.
 */
export function logRecord(ports: LogVisitPorts, value: unknown): LogOutcome {
  const now = ports.clock.now();
  const sheets = readSheets(ports.workbook);
  const today = schoolToday(sheets, now);
  const campaign = loadCampaign(sheets, today);
  const lang = campaign.lang;
  const t = texts(lang);
  const checked = checkRecordInput(value, t.sidebar);
  if (!checked.ok) return { result: fail(checked.errors), today };
  const input = checked.input;
  const table: 'visits' | 'homeVisits' = input.kind === 'visit' ? 'visits' : 'homeVisits';
  const sheet = sheets.find((s) => tableOfSheet(s.name) === table);
  if (sheet === undefined) {
    const message = format(t.problems.SHEET_MISSING, { sheet: sheetName(table, lang) });
    return { result: fail([{ field: '', message }]), today };
  }
  const person = input.kind === 'visit' ? input.visitor : input.teacher;
  const enteredBy = ports.user.email().trim() || person;
  const enteredAt = dateTimeInZone(now, campaign.settings.timeZone);

  let entered = false;
  try {
    return ports.lock.withLock(() => {
      entered = true;
      const outcome = appendChecked(ports.workbook, sheets, sheet, table, input, today, {
        enteredBy,
        enteredAt,
        lang,
      });
      if (outcome.campaign !== undefined && ports.refreshStatus !== undefined) {
        try {
          ports.refreshStatus(outcome.campaign, today);
        } catch (error) {
          console.error(
            `Visit ${outcome.result.ok ? outcome.result.id : ''} saved; 进度 not refreshed:`,
            error,
          );
        }
      }
      return outcome;
    });
  } catch (error) {
    if (entered) throw error;
    return { result: fail([{ field: '', message: t.sidebar.busy }]), today };
  }
}

/** Under the lock: read the sheet afresh, number the row, check it with the engine, append it. */
function appendChecked(
  workbook: WorkbookPort,
  sheets: readonly SheetGrid[],
  sheet: SheetGrid,
  table: TableKey & ('visits' | 'homeVisits'),
  input: RecordInput,
  today: IsoDate,
  stamp: { enteredBy: string; enteredAt: string; lang: Lang },
): LogOutcome {
  const grid = workbook.read(sheet.name) ?? [];
  const parsed = parseGrid(table, sheet.name, grid);
  const t = texts(stamp.lang);
  if (grid.length === 0 || parsed.missing.length > 0) {
    const probe = loadCampaign([...sheets.filter((s) => s !== sheet), { name: sheet.name, grid }], today);
    const errors = problemsOf(
      probe,
      probe.structural.filter((f) => f.table === table),
    ).map((p) => ({
      field: '',
      message: p.message,
    }));
    if (errors.length === 0)
      errors.push({ field: '', message: format(t.problems.SHEET_MISSING, { sheet: sheet.name }) });
    return { result: fail(errors), today };
  }
  const idColumn = parsed.columnIndex.id;
  const ids = idColumn === undefined ? [] : grid.slice(1).map((r) => r[idColumn] ?? null);
  const id = nextIds(ids, ID_PREFIX[table], 1)[0] as string;
  const cells: Record<string, string> = {
    id,
    ...recordCells(input, stamp.lang),
    photos: '',
    enteredBy: stamp.enteredBy,
    enteredAt: stamp.enteredAt,
  };
  const width = (grid[0] ?? []).length;
  const row: Cell[] = Array.from({ length: width }, () => '');
  for (const [key, index] of Object.entries(parsed.columnIndex))
    if (key in cells) row[index] = cells[key] ?? '';

  // The engine judges the row exactly as it will stand in the sheet: append writes after the last row of
  // the used range read just now under the lock — rows that only look blank (a formula showing '', a
  // checkbox, a space, filled down to row 1000) included — so the new row's number is the grid's length + 1.
  const rowNumber = grid.length + 1;
  const after = [...grid, row];
  const sheetsAfter = sheets.map((s) => (s === sheet ? { name: s.name, grid: after } : s));
  const campaign = loadCampaign(sheetsAfter, today);
  const own = campaign.findings.filter((f) => f.table === table && f.row === rowNumber);
  const errors = own.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const problems = problemsOf(campaign, errors);
    return {
      result: fail(errors.map((f, i) => ({ field: f.column, message: problems[i]?.message ?? '' }))),
      today,
    };
  }
  const checkIndex = parsed.columnIndex.check;
  if (checkIndex !== undefined)
    row[checkIndex] = rowVerdicts(campaign, table, rowNumber, rowNumber)[0]?.text ?? '';
  const written = workbook.append(sheet.name, [row]);
  const person = input.kind === 'visit' ? input.visitor : input.teacher;
  return {
    result: {
      ok: true,
      id,
      row: written,
      progress: progressLines(campaign, personProgress(campaign, person, today)),
      warnings: problemsOf(campaign, own).map((p) => p.message),
    },
    campaign,
    today,
  };
}
