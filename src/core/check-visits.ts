// Leader visits (走访记录) read into records and checked by the rules of §4.
import { cellAt, cellText, type Cell, type ParsedTable } from './grid';
import { nameKey, splitList } from './names';
import { parseDateCell, type IsoDate } from './dates';
import { FindingList } from './findings';
import type { Rosters } from './rosters';
import type { FollowUp, Settings, Visit } from './schemas';
import { DuplicateFinder } from './duplicates';
import { parseFollowUp, parseMode } from './values';
import { isWithdrawn } from './withdrawn';

/** The empty list every record without entries shares (frozen: records never change their lists). */
export const NO_NAMES: string[] = Object.freeze([]) as unknown as string[];

/**
 * List cells of one sheet split once per distinct text: a sheet of 100k rows repeats its lists, and
 * each record keeps the shared (frozen) array instead of its own copy.
 */
export class ListCells {
  private readonly lists = new Map<string, string[]>();

  split(text: string): string[] {
    if (text === '') return NO_NAMES;
    let list = this.lists.get(text);
    if (list === undefined) {
      const parts = splitList(text);
      list = parts.length === 0 ? NO_NAMES : (Object.freeze(parts) as string[]);
      this.lists.set(text, list);
    }
    return list;
  }
}

/**
 * 编号 seen so far in one sheet: a second row with the same ID (compared as names are, letter case aside)
 * is an error naming the first, so a copied row is not counted twice under one ID.
 */
/** The number of an 编号 as the add-on writes it (V-12 → 12; letter case aside), or -1 for any other form. */
function plainIdNumber(id: string, prefix: number): number {
  if (id.length < 3 || id.length > 11 || id.charCodeAt(1) !== 45 /* - */) return -1;
  if ((id.charCodeAt(0) | 32) !== prefix) return -1;
  if (id.charCodeAt(2) === 48 /* 0 */ && id.length > 3) return -1; // V-012 stays text, as it was typed
  let n = 0;
  for (let i = 2; i < id.length; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * 编号 seen so far in one sheet: a second row with the same ID (compared as names are, letter case aside)
 * is an error naming the first, so a copied row is not counted twice under one ID. IDs of the sheet's own
 * form (V-12 in 走访记录) are kept by number: 100k of them cost no string keys.
 */
export class IdCheck {
  private readonly byNumber = new Map<number, number>();
  private readonly byText = new Map<string, number>();
  private readonly prefix: number;

  /** @param prefix the sheet's ID letter (V, H, R, S, D); IDs of another form are compared as names. */
  constructor(prefix = 'V') {
    this.prefix = prefix.toLowerCase().charCodeAt(0);
  }

  check(list: FindingList, row: number, id: string): void {
    if (id === '') return;
    let n = plainIdNumber(id, this.prefix);
    const text = n >= 0 ? '' : nameKey(id).toUpperCase();
    if (n < 0) n = plainIdNumber(text, this.prefix); // Ｖ－１２ typed full-width is V-12 too
    const earlier = n >= 0 ? this.byNumber.get(n) : this.byText.get(text);
    if (earlier !== undefined) list.error(row, 'id', 'ID_DUPLICATE', { id, row: earlier });
    else if (n >= 0) this.byNumber.set(n, row);
    else this.byText.set(text, row);
  }
}

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
  const date = parseDateCell(cell, ctx.settings.timeZone);
  if (date === null) {
    list.error(row, 'date', 'DATE_MISSING');
    return null;
  }
  if (date === undefined) {
    list.error(row, 'date', 'DATE_INVALID', { value: cellText(cell) });
    return null;
  }
  if (date > ctx.today) {
    list.error(row, 'date', 'DATE_FUTURE', { date, today: ctx.today });
    return null;
  }
  return date;
}

/** The follow-through cells of a visit or home visit: result, closing date (a warning when unreadable), R-n. */
export function readFollowThrough(
  list: FindingList,
  row: number,
  line: readonly Cell[],
  at: Readonly<Record<string, number>>,
  ctx: CheckContext,
): { followUpResult: string; closedOn: IsoDate | null; rectificationId: string } {
  const closedCell = cellAt(line, at.closedOn);
  const closedOn = parseDateCell(closedCell, ctx.settings.timeZone);
  if (closedOn === undefined) list.warning(row, 'closedOn', 'DATE_INVALID', { value: cellText(closedCell) });
  return {
    followUpResult: cellText(cellAt(line, at.followUpResult)),
    closedOn: closedOn ?? null,
    rectificationId: cellText(cellAt(line, at.rectificationId)).normalize('NFKC').trim(),
  };
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

/** A visitor (or teacher) cell as checked: the same object for every row naming the same text. */
export interface VisitorRead {
  /** The name key of a known, active staff member; null otherwise. */
  readonly key: string | null;
  readonly code: 'VISITOR_MISSING' | 'VISITOR_UNKNOWN' | 'VISITOR_INACTIVE' | null;
  /** The visitor's number for duplicate finding (-1 without a key). */
  readonly id: number;
  /** The group keys of the visitor's units, once needed. */
  groups?: ReadonlySet<string>;
}

/**
 * checkVisitor read through a cache by the cell's text: one roster look-up per distinct name in a
 * sheet, and one object per name that the rows share.
 */
export class VisitorCheck {
  private readonly seen = new Map<string, VisitorRead>();

  constructor(
    private readonly ctx: CheckContext,
    private readonly duplicates: DuplicateFinder,
  ) {}

  check(list: FindingList, row: number, column: string, name: string): VisitorRead {
    let found = this.seen.get(name);
    if (found === undefined) {
      const person = name === '' ? undefined : this.ctx.rosters.staffByKey.get(nameKey(name));
      const code =
        name === ''
          ? 'VISITOR_MISSING'
          : person === undefined
            ? 'VISITOR_UNKNOWN'
            : !person.active
              ? 'VISITOR_INACTIVE'
              : null;
      const key = code === null ? nameKey(name) : null;
      found = { key, code, id: key === null ? -1 : this.duplicates.visitorId(key) };
      this.seen.set(name, found);
    }
    if (found.code === 'VISITOR_MISSING') list.error(row, column, found.code);
    else if (found.code !== null) list.error(row, column, found.code, { name });
    return found;
  }
}

/** Co-visitors (or co-teachers) on the roster get credit; an unknown one is a warning. */
export function checkCoVisitors(
  list: FindingList,
  row: number,
  column: string,
  names: string[],
  ctx: CheckContext,
): string[] {
  if (names.length === 0) return NO_NAMES;
  const credited: string[] = [];
  for (const name of names) {
    const key = nameKey(name);
    if (ctx.rosters.staffByKey.has(key)) credited.push(key);
    else list.warning(row, column, 'COVISITOR_UNKNOWN', { name });
  }
  return credited;
}

export function checkFollowUp(list: FindingList, row: number, cell: Cell | undefined) {
  const text = cellText(cell);
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
  recordCell: Cell,
  followUpCell: Cell,
  duplicate: { earlier: number | undefined; column: string },
): { record: string; followUp: FollowUp | null } {
  if (duplicate.earlier !== undefined)
    list.warning(row, duplicate.column, 'DUPLICATE_ROW', { row: duplicate.earlier });
  const record = cellText(recordCell);
  if (record === '') list.warning(row, 'record', 'RECORD_EMPTY');
  return { record, followUp: checkFollowUp(list, row, followUpCell) };
}

/**
 * Who a row credits: the visitor (when known and active) first, then the known co-visitors. A row
 * crediting its visitor alone gets the visitor's one shared list from `alone`.
 */
export function creditedOf(
  visitorKey: string | null,
  coVisitors: string[],
  alone?: Map<string, string[]>,
): string[] {
  if (visitorKey === null) return coVisitors;
  if (coVisitors.length > 0) return [visitorKey, ...coVisitors.filter((c) => c !== visitorKey)];
  let list = alone?.get(visitorKey);
  if (list === undefined) {
    list = Object.freeze([visitorKey]) as string[];
    alone?.set(visitorKey, list);
  }
  return list;
}

/** A targets cell read against the roster: the known people (keys, once each) and whether any is unknown. */
interface TargetsRead {
  names: string[];
  counted: string[];
  unknown: boolean;
  /** The counted people's numbers for duplicate finding. */
  ids: number[];
  /** By visitor id: whether a target is outside that visitor's groups (worked out on first need). */
  outside: (boolean | undefined)[];
}

const NO_GROUPS: ReadonlySet<string> = new Set();

/** Whether a target (by its group keys) is in one of the visitor's groups. */
function inGroups(groups: readonly string[], own: ReadonlySet<string>): boolean {
  for (const g of groups) if (own.has(g)) return true;
  return false;
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
  const lists = new ListCells();
  const visitors = new VisitorCheck(ctx, duplicates);
  const targetsByText = new Map<string, TargetsRead>();
  const alone = new Map<string, string[]>();
  const ids = new IdCheck();
  const { groupsOfTarget } = ctx.rosters;
  const readTargets = (text: string): TargetsRead => {
    let read = targetsByText.get(text);
    if (read === undefined) {
      const names = lists.split(text);
      const counted: string[] = [];
      let unknown = false;
      for (const name of names) {
        const key = nameKey(name);
        if (!groupsOfTarget.has(key)) unknown = true;
        else if (!counted.includes(key)) counted.push(key);
      }
      read = {
        names,
        counted: counted.length === 0 ? NO_NAMES : (Object.freeze(counted) as string[]),
        unknown,
        ids: counted.map((key) => duplicates.personId(key)),
        outside: [],
      };
      targetsByText.set(text, read);
    }
    return read;
  };
  const at = parsed.columnIndex;
  const { lines, rowNumbers } = parsed;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? [];
    const row = rowNumbers[i] ?? 0;
    if (isWithdrawn(cellAt(line, at.check))) continue; // withdrawn by the person who saved it: never counted
    const before = list.errors;
    const id = cellText(cellAt(line, at.id));
    ids.check(list, row, id);
    let date = checkDate(list, row, cellAt(line, at.date), ctx);
    if (date !== null && date < ctx.settings.campaignStart) {
      list.error(row, 'date', 'VISIT_BEFORE_CAMPAIGN', { date, start: ctx.settings.campaignStart });
      date = null;
    }
    const visitor = cellText(cellAt(line, at.visitor));
    const who = visitors.check(list, row, 'visitor', visitor);
    const visitorKey = who.key;
    const coVisitorText = cellText(cellAt(line, at.coVisitors));
    const coVisitors = lists.split(coVisitorText);
    const credited = checkCoVisitors(list, row, 'coVisitors', coVisitors, ctx);
    const targetText = cellText(cellAt(line, at.targets));
    const read = readTargets(targetText);
    const { names: targets, counted } = read;
    const followUpOwner = cellText(cellAt(line, at.followUpOwner));
    list.invisibleIn(row, 'visitor', visitor);
    list.invisibleIn(row, 'coVisitors', coVisitorText, coVisitors);
    list.invisibleIn(row, 'targets', targetText, targets);
    list.invisibleIn(row, 'followUpOwner', followUpOwner);
    if (targets.length === 0) list.error(row, 'targets', 'TARGETS_MISSING');
    const modeText = cellText(cellAt(line, at.mode));
    const mode = modeText === '' ? undefined : parseMode(modeText);
    if (modeText === '') list.error(row, 'mode', 'MODE_MISSING');
    else if (mode === undefined) list.error(row, 'mode', 'MODE_INVALID', { value: modeText });

    // Unknown targets and targets outside the visitor's groups, in the order named.
    let outside = visitorKey === null ? false : read.outside[who.id];
    let ownGroups = NO_GROUPS;
    if (visitorKey !== null) {
      who.groups ??= groupsOfVisitor(visitorKey, ctx.rosters);
      ownGroups = who.groups;
    }
    if (outside === undefined) {
      outside = false;
      for (const target of targets) {
        const groups = groupsOfTarget.get(nameKey(target));
        if (groups !== undefined && !inGroups(groups, ownGroups)) outside = true;
      }
      read.outside[who.id] = outside;
    }
    if (read.unknown || outside) {
      for (const target of targets) {
        const key = nameKey(target);
        const groups = groupsOfTarget.get(key);
        if (groups === undefined) list.warning(row, 'targets', 'TARGET_UNKNOWN', { name: target });
        else if (visitorKey !== null && !inGroups(groups, ownGroups)) {
          const group = ctx.rosters.targetByKey.get(key)?.group ?? '';
          list.warning(row, 'targets', 'TARGET_OUTSIDE_GROUPS', { name: target, group });
        }
      }
    }
    const earlier =
      date !== null && visitorKey !== null ? duplicates.checkIds(who.id, read.ids, date, row) : undefined;
    const { record, followUp } = checkWriteUp(list, row, cellAt(line, at.record), cellAt(line, at.followUp), {
      earlier,
      column: 'targets',
    });
    const valid = list.errors === before;
    visits.push({
      row,
      id,
      date,
      visitor,
      coVisitors,
      targets,
      mode: mode ?? null,
      purpose: cellText(cellAt(line, at.purpose)),
      record,
      suggestions: cellText(cellAt(line, at.suggestions)),
      followUp,
      followUpOwner,
      ...readFollowThrough(list, row, line, at, ctx),
      photos: cellText(cellAt(line, at.photos)),
      valid,
      credited: creditedOf(visitorKey, credited, alone),
      counted,
    });
  }
  return visits;
}
