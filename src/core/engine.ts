// The engine's front door: a workbook's sheets in, a checked campaign out; its problems and any month's figures.
import { parseGrid, type Grid, type ParsedTable } from './grid';
import { headerText, sheetName, tableOfSheet, TABLE_KEYS, TABLES, type TableKey } from './tables';
import type { Lang } from './i18n/messages';
import { lastDay, monthOf, type IsoDate, type IsoMonth } from './dates';
import { FindingList, toProblem } from './findings';
import { readSettings } from './settings';
import { readRosters } from './rosters';
import { checkVisits, type CheckContext } from './check-visits';
import { checkHomeVisits } from './check-home-visits';
import { checkDiscussions, checkRectification, checkSuggestions } from './check-ledger';
import { readSemesters } from './semesters';
import {
  classLines,
  countIndex,
  personLines,
  semesterForMonth,
  unitCoverage,
  visitedInSemester,
} from './counting';
import { checkCapacity } from './capacity';
import { nameKey } from './names';
import { rosterOf, studentKey } from './rosters';
import type { Campaign, Finding, PersonLine, Problem, StatusResult } from './model';
import { en } from './i18n/en';
import { columnLetter } from './a1';
import { checkCellLengths } from './cell-limit';
import { assignedFirst } from './assigned-first';

export interface SheetInput {
  name: string;
  grid: Grid;
}

/** A sheet whose name stands for a table already read (走访记录 and Visits side by side): not read. */
interface IgnoredSheet {
  table: TableKey;
  name: string;
  /** The sheet read for that table. */
  other: string;
  /** Whether it holds rows (then they would go uncounted: the workbook is wrongly shaped). */
  hasRows: boolean;
}

function structuralFindings(
  tables: Partial<Record<TableKey, ParsedTable>>,
  ignored: readonly IgnoredSheet[],
  lang: Lang,
): { structural: Finding[]; notices: Finding[] } {
  const structural: Finding[] = [];
  const notices: Finding[] = [];
  for (const sheet of ignored) {
    (sheet.hasRows ? structural : notices).push({
      table: sheet.table,
      sheet: sheet.name,
      row: 0,
      column: '',
      severity: sheet.hasRows ? 'error' : 'warning',
      code: 'SHEET_DUPLICATE',
      params: { sheet: sheet.name, other: sheet.other },
    });
  }
  for (const key of TABLE_KEYS) {
    const parsed = tables[key];
    if (parsed === undefined) {
      if (TABLES[key].required) {
        const sheet = sheetName(key, lang);
        structural.push({
          table: key,
          sheet,
          row: 0,
          column: '',
          severity: 'error',
          code: 'SHEET_MISSING',
          params: { sheet },
        });
      }
      continue;
    }
    for (const column of parsed.missing) {
      structural.push({
        table: key,
        sheet: parsed.sheet,
        row: 1,
        column,
        severity: 'error',
        code: 'COLUMN_MISSING',
        params: { sheet: parsed.sheet, column: headerText(key, column, lang) },
      });
    }
    for (const twice of parsed.duplicated) {
      structural.push({
        table: key,
        sheet: parsed.sheet,
        row: 1,
        column: twice.key,
        severity: 'error',
        code: 'COLUMN_DUPLICATE',
        params: {
          sheet: parsed.sheet,
          column: twice.header,
          first: columnLetter(twice.first),
          second: columnLetter(twice.second),
        },
      });
    }
    for (const header of parsed.unknown) {
      notices.push({
        table: key,
        sheet: parsed.sheet,
        row: 1,
        column: '',
        severity: 'warning',
        code: 'COLUMN_UNKNOWN',
        params: { sheet: parsed.sheet, column: header },
      });
    }
  }
  return { structural, notices };
}

/**
 * Reads a workbook's sheets (recognised by their Chinese or English names) and checks every row.
 * `today` is the school's calendar date, against which "in the future" is judged.
 */
export function loadCampaign(sheets: readonly SheetInput[], today: IsoDate): Campaign {
  const tables: Partial<Record<TableKey, ParsedTable>> = {};
  const ignored: IgnoredSheet[] = [];
  let englishNames = 0;
  for (const { name, grid } of sheets) {
    const key = tableOfSheet(name);
    if (key === undefined) continue;
    const read = tables[key];
    if (read !== undefined) {
      ignored.push({
        table: key,
        name,
        other: read.sheet,
        hasRows: parseGrid(key, name, grid).lines.length > 0,
      });
      continue;
    }
    if (name.trim().toLowerCase() === en.sheets[key].toLowerCase()) englishNames++;
    tables[key] = parseGrid(key, name, grid);
  }
  const fallbackLang: Lang = englishNames > Object.keys(tables).length / 2 ? 'en' : 'zh';
  const settingsTable = tables.settings ?? parseGrid('settings', sheetName('settings', fallbackLang), []);
  const { settings, findings: settingFindings } = readSettings(settingsTable, fallbackLang, today);
  const lang = settings.language;
  const lists: FindingList[] = [settingFindings];
  const semesters = readSemesters(tables.semesters, settings, lang, lists);
  const rosters = readRosters(tables, settings, semesters, lists);
  checkCapacity(tables.units, rosters, lists);
  const ctx: CheckContext = { settings, today, rosters };
  const visits = checkVisits(tables.visits, ctx, lists);
  const homeVisits = checkHomeVisits(tables.homeVisits, ctx, lists);
  const rectification = checkRectification(tables.rectification, ctx, lists);
  const suggestions = checkSuggestions(tables.suggestions, ctx, lists);
  const discussions = checkDiscussions(tables.discussions, ctx, lists);
  checkCellLengths(tables, lists);
  const { structural, notices } = structuralFindings(tables, ignored, lang);
  return {
    lang,
    settings,
    units: rosters.units,
    staff: rosters.staff,
    targets: rosters.targets,
    students: rosters.students,
    visits,
    homeVisits,
    rectification,
    suggestions,
    discussions,
    semesters,
    rosters,
    tables,
    findings: lists.flatMap((l) => l.items),
    structural,
    notices,
  };
}

/** Findings put in words in the school's language, in the shape of `validate --json`. */
export function problemsOf(campaign: Campaign, findings: readonly Finding[] = campaign.findings): Problem[] {
  return findings.map((f) => toProblem(f, campaign.lang, campaign.tables));
}

/**
 * The §3 figures of a month as of a day. A month after today's has no quota lines (not evaluated).
 * Cycle and class coverage count visits up to the end of that month (up to today while it runs),
 * so a past month's figures read as they stood when it ended.
 */
export function computeStatus(campaign: Campaign, month: IsoMonth, today: IsoDate): StatusResult {
  const index = countIndex(campaign);
  const asOf = lastDay(month) < today ? lastDay(month) : today;
  const semester = semesterForMonth(campaign, month);
  return {
    month,
    today,
    people: personLines(index, month, today),
    coverage: campaign.units
      .filter((u) => !u.homeVisits)
      .map((u) => unitCoverage(campaign, index, u, month, asOf)),
    semester: { name: semester.name, start: semester.start, end: semester.end },
    classes: classLines(campaign, index, asOf, semester),
  };
}

export interface PersonProgress {
  name: string;
  month: IsoMonth;
  /** The person's quota lines this month. */
  lines: PersonLine[];
  /** Per unit: who in its groups is not yet visited this cycle (leader units), or this semester in the person's class. */
  missing: { unit: string; names: string[] }[];
}

/** One person's progress this month and who is left: for the sidebar and the reminder emails. */
export function personProgress(campaign: Campaign, name: string, today: IsoDate): PersonProgress {
  const month = monthOf(today);
  const key = nameKey(name);
  const person = campaign.rosters.staffByKey.get(key);
  const index = countIndex(campaign);
  const lines = personLines(index, month, today).filter((l) => nameKey(l.name) === key);
  const missing: { unit: string; names: string[] }[] = [];
  const semester = semesterForMonth(campaign, month);
  for (const unitName of person?.units ?? []) {
    const unit = campaign.rosters.unitByKey.get(nameKey(unitName));
    if (unit === undefined) continue;
    if (!unit.homeVisits) {
      const left = unitCoverage(campaign, index, unit, month, today).missing; // 分管 people first:
      missing.push({ unit: unit.name, names: assignedFirst(campaign, name, left) });
      continue;
    }
    // The students of the teacher's class in this month's semester, not yet visited within it.
    const classKey = nameKey(person?.className ?? '');
    const { visited } = visitedInSemester(index, semester, today);
    const names = rosterOf(campaign.rosters, semester)
      .students.filter((s) => nameKey(s.className) === classKey && !visited.has(studentKey(s)))
      .map((s) => s.name);
    missing.push({ unit: unit.name, names });
  }
  return { name: person?.name ?? name, month, lines, missing };
}
