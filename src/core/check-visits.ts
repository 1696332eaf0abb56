// Leader visits (走访记录) read into records and checked by the rules of §4.
import { cellText, type Cell, type ParsedTable, type TableRow } from './grid';
import { nameKey, splitList } from './names';
import { parseDateCell, type IsoDate } from './dates';
import { FindingList } from './findings';
import type { Rosters } from './rosters';
import type { FollowUp, Settings, Visit } from './schemas';
import { DuplicateFinder } from './duplicates';
import { parseFollowUp, parseMode } from './values';
import { isWithdrawn } from './withdrawn';

export interface CheckContext {
  settings: Settings;
  today: IsoDate;
  rosters: Rosters;
}

/** Reads a record's date; an error for a missing, unreadable or future date. */
export function checkDate(
  list: FindingList,
  row: number,
  cell: Cell | undefined,
  ctx: CheckContext,
): IsoDate | null {
  const date = parseDateCell(cell ?? null, ctx.settings.timeZone);
  if (date === null) {
    list.error(row, 'date', 'DATE_MISSING');
    return null;
  }
  if (date === undefined) {
    list.error(row, 'date', 'DATE_INVALID', { value: cellText(cell ?? null) });
    return null;
  }
  if (date > ctx.today) {
    list.error(row, 'date', 'DATE_FUTURE', { date, today: ctx.today });
    return null;
  }
  return date;
}

/** Checks the visitor (or teacher) column: on the roster and active. Returns the name key or null. */
export function checkVisitor(
  list: FindingList,
  row: number,
  column: string,
  name: string,
  ctx: CheckContext,
): string | null {
  if (name === '') {
    list.error(row, column, 'VISITOR_MISSING');
    return null;
  }
  const person = ctx.rosters.staffByKey.get(nameKey(name));
  if (person === undefined) {
    list.error(row, column, 'VISITOR_UNKNOWN', { name });
    return null;
  }
  if (!person.active) {
    list.error(row, column, 'VISITOR_INACTIVE', { name });
    return null;
  }
  return nameKey(name);
}

/** Co-visitors (or co-teachers) on the roster get credit; an unknown one is a warning. */
export function checkCoVisitors(
  list: FindingList,
  row: number,
  column: string,
  names: string[],
  ctx: CheckContext,
): string[] {
  const credited: string[] = [];
  for (const name of names) {
    const key = nameKey(name);
    if (ctx.rosters.staffByKey.has(key)) credited.push(key);
    else list.warning(row, column, 'COVISITOR_UNKNOWN', { name });
  }
  return credited;
}

export function checkFollowUp(list: FindingList, row: number, cell: Cell | undefined) {
  const text = cellText(cell ?? null);
  if (text === '') return null;
  const value = parseFollowUp(text);
  if (value === undefined) list.warning(row, 'followUp', 'FOLLOWUP_INVALID', { value: text });
  return value ?? null;
}

/**
 * The checks every visit row ends with: a duplicate of an earlier row (same person, someone in
 * common, same date), an empty record text, and the follow-up value.
 */
export function checkWriteUp(
  list: FindingList,
  row: number,
  cells: TableRow['cells'],
  dup: {
    duplicates: DuplicateFinder;
    person: string | null;
    date: IsoDate | null;
    counted: string[];
    column: string;
  },
): { record: string; followUp: FollowUp | null } {
  if (dup.date !== null && dup.person !== null) {
    const earlier = dup.duplicates.check(dup.person, dup.counted, dup.date, row);
    if (earlier !== undefined) list.warning(row, dup.column, 'DUPLICATE_ROW', { row: earlier });
  }
  const record = cellText(cells.record);
  if (record === '') list.warning(row, 'record', 'RECORD_EMPTY');
  return { record, followUp: checkFollowUp(list, row, cells.followUp) };
}

/** Who a row credits: the visitor (when known and active) first, then the known co-visitors. */
export function creditedOf(visitorKey: string | null, coVisitors: string[]): string[] {
  return visitorKey === null ? coVisitors : [visitorKey, ...coVisitors.filter((c) => c !== visitorKey)];
}

/** The target group keys of every unit a staff member belongs to. */
function groupsOfVisitor(visitorKey: string, rosters: Rosters): Set<string> {
  const groups = new Set<string>();
  for (const unitName of rosters.staffByKey.get(visitorKey)?.units ?? []) {
    for (const g of rosters.unitByKey.get(nameKey(unitName))?.groups ?? []) groups.add(nameKey(g));
  }
  return groups;
}

export function checkVisits(
  parsed: ParsedTable | undefined,
  ctx: CheckContext,
  findings: FindingList[],
): Visit[] {
  if (parsed === undefined) return [];
  const list = new FindingList(parsed);
  findings.push(list);
  const visits: Visit[] = [];
  const duplicates = new DuplicateFinder();
  const visitorGroups = new Map<string, Set<string>>();
  for (const { row, cells } of parsed.rows) {
    if (isWithdrawn(cells)) continue; // withdrawn by the person who saved it: no findings, never counted
    const before = list.errors;
    let date = checkDate(list, row, cells.date, ctx);
    if (date !== null && date < ctx.settings.campaignStart) {
      list.error(row, 'date', 'VISIT_BEFORE_CAMPAIGN', { date, start: ctx.settings.campaignStart });
      date = null;
    }
    const visitor = cellText(cells.visitor);
    const visitorKey = checkVisitor(list, row, 'visitor', visitor, ctx);
    const coVisitors = splitList(cellText(cells.coVisitors));
    const credited = checkCoVisitors(list, row, 'coVisitors', coVisitors, ctx);
    const targets = splitList(cellText(cells.targets));
    if (targets.length === 0) list.error(row, 'targets', 'TARGETS_MISSING');
    const modeText = cellText(cells.mode);
    const mode = modeText === '' ? undefined : parseMode(modeText);
    if (modeText === '') list.error(row, 'mode', 'MODE_MISSING');
    else if (mode === undefined) list.error(row, 'mode', 'MODE_INVALID', { value: modeText });

    let ownGroups = visitorKey === null ? undefined : visitorGroups.get(visitorKey);
    if (ownGroups === undefined) {
      ownGroups = visitorKey === null ? new Set<string>() : groupsOfVisitor(visitorKey, ctx.rosters);
      if (visitorKey !== null) visitorGroups.set(visitorKey, ownGroups);
    }
    const own = ownGroups;
    const counted: string[] = [];
    for (const target of targets) {
      const key = nameKey(target);
      const groups = ctx.rosters.groupsOfTarget.get(key);
      if (groups === undefined) {
        list.warning(row, 'targets', 'TARGET_UNKNOWN', { name: target });
        continue;
      }
      if (!counted.includes(key)) counted.push(key);
      if (visitorKey !== null && !groups.some((g) => own.has(g))) {
        const group = ctx.rosters.targetByKey.get(key)?.group ?? '';
        list.warning(row, 'targets', 'TARGET_OUTSIDE_GROUPS', { name: target, group });
      }
    }
    const { record, followUp } = checkWriteUp(list, row, cells, {
      duplicates,
      person: visitorKey,
      date,
      counted,
      column: 'targets',
    });
    const valid = list.errors === before;
    visits.push({
      row,
      id: cellText(cells.id),
      date,
      visitor,
      coVisitors,
      targets,
      mode: mode ?? null,
      purpose: cellText(cells.purpose),
      record,
      suggestions: cellText(cells.suggestions),
      followUp,
      followUpOwner: cellText(cells.followUpOwner),
      valid,
      credited: creditedOf(visitorKey, credited),
      counted,
    });
  }
  return visits;
}
