// Recompute: re-checks every row of both visit sheets (one 校验 write each), numbers rows onEdit missed, rewrites 进度.
import { dateTimeInZone, monthOf, type IsoDate } from '../core/dates';
import { computeStatus } from '../core/engine';
import { en } from '../core/i18n/en';
import { texts, type Lang } from '../core/i18n/messages';
import { zh } from '../core/i18n/zh';
import { isEmptyCell } from '../core/grid';
import type { Campaign, StatusResult } from '../core/model';
import { phaseLabel } from '../core/phase';
import { nameKey } from '../core/names';
import { openFollowUps, overdueItems } from '../core/follow-through';
import { sheetName } from '../core/tables';
import { logChanges, type ChangeEntry } from './change-log';
import { headerOf } from './change-log-edit';
import { numberRows } from './numbering';
import type { WorkbookPort } from './ports';
import type { WorkbookSession } from './session';
import { statusSheet } from './status-sheet';
import { rowVerdicts, type RecordTable } from './verdict';

export interface StatusOutcome {
  errors: number;
  warnings: number;
  status: StatusResult;
  /** The name of the status sheet written. */
  statusSheet: string;
}

export interface RecomputeResult extends StatusOutcome {
  today: IsoDate;
  /** The workbook's language (设置's 语言). */
  lang: Lang;
}

const RECORD_TABLES: readonly RecordTable[] = ['visits', 'homeVisits'];

/** Writes the whole 校验 column of a record sheet, rows 2 to its last row, with notes: one write. */
function writeVerdicts(session: WorkbookSession, table: RecordTable): void {
  const { campaign } = session;
  const parsed = campaign.tables[table];
  const check = parsed?.columnIndex.check;
  if (parsed === undefined || check === undefined) return;
  const lastRow = session.gridOf(parsed.sheet).length;
  if (lastRow < 2) return;
  const verdicts = rowVerdicts(campaign, table, 2, lastRow);
  session.workbook.writeColumn(
    parsed.sheet,
    check,
    2,
    verdicts.map((v) => v.text),
    verdicts.map((v) => v.note),
  );
}

/**
 * Numbers every non-empty row lacking a 编号 (onEdit is only a hint: it misses rows in bursts and script writes);
 * returns the 修改日志 lines of the numbers written.
 */
function fillIds(session: WorkbookSession, table: RecordTable): ChangeEntry[] {
  const parsed = session.campaign.tables[table];
  const column = parsed?.columnIndex.id;
  if (parsed === undefined || column === undefined) return [];
  const rows = parsed.rows.filter((r) => isEmptyCell(r.cells.id)).map((r) => r.row);
  const grid = session.gridOf(parsed.sheet);
  const numbered = numberRows(session.workbook, { sheet: parsed.sheet, table, grid, column, rows });
  const t = texts(session.lang).changeLog;
  const time = dateTimeInZone(session.now, session.settings.timeZone);
  return numbered.map(({ row, value }) => ({
    time,
    who: t.addOn,
    sheet: parsed.sheet,
    id: String(value ?? ''),
    row,
    column: headerOf(grid, column),
    before: '',
    after: value,
    note: t.numbered,
  }));
}

/** The status sheet's name: the existing one in either language, else the school's language's. */
function statusSheetName(wb: WorkbookPort, campaign: Campaign): string {
  const names = wb.sheetNames();
  return (
    [zh.sheets.status, en.sheets.status].find((n) => names.includes(n)) ?? sheetName('status', campaign.lang)
  );
}

/** What 进度's summary adds to the month's figures: units in order, open and overdue items, class teachers. */
function glance(campaign: Campaign, today: IsoDate) {
  const open = openFollowUps(campaign, today, today);
  const classTeachers = new Map<string, string>();
  const sep = campaign.lang === 'en' ? ', ' : '、';
  for (const person of campaign.rosters.staff) {
    if (!person.active || person.className === '') continue;
    const key = nameKey(person.className);
    const known = classTeachers.get(key);
    classTeachers.set(key, known === undefined ? person.name : `${known}${sep}${person.name}`);
  }
  return {
    units: campaign.units.map((u) => ({ name: u.name, homeVisits: u.homeVisits })),
    followUps: { open: open.length, older: open.filter((f) => f.age > 7).length },
    overdue: overdueItems(campaign, today).length,
    classTeachers,
  };
}

/** Rewrites 进度 for the session's month from the campaign in hand (no read); returns its figures. */
export function writeStatusSheet(session: WorkbookSession): StatusOutcome {
  const { campaign, today, workbook } = session;
  const problems = [...campaign.structural, ...campaign.findings];
  const errors = problems.filter((f) => f.severity === 'error').length;
  const warnings = problems.length - errors;
  const status = computeStatus(campaign, monthOf(today), today);
  const name = statusSheetName(workbook, campaign);
  const sheet = statusSheet({
    lang: campaign.lang,
    campaignName: campaign.settings.campaignName,
    status,
    phase: phaseLabel(today, campaign.settings, campaign.lang),
    computedAt: `${dateTimeInZone(session.now, campaign.settings.timeZone)} (${campaign.settings.timeZone})`,
    errors,
    warnings,
    ...glance(campaign, today),
    semester: status.semester,
  });
  workbook.replace(name, sheet.grid, sheet.format);
  return { errors, warnings, status, statusSheet: name };
}

/**
 * Re-checks every record row, numbers rows lacking a 编号, rewrites 进度 for this month. Reads nothing itself.
 * The numbers written go to 修改日志 with one append (none when no row lacked one); the verdicts do not: they
 * are worked out again on every run.
 */
export function recompute(session: WorkbookSession): RecomputeResult {
  const numbered: ChangeEntry[] = [];
  for (const table of RECORD_TABLES) {
    writeVerdicts(session, table);
    numbered.push(...fillIds(session, table));
  }
  logChanges(session.workbook, session.lang, numbered);
  return { today: session.today, lang: session.lang, ...writeStatusSheet(session) };
}
