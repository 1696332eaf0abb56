// Checks across sheets (§2, §4): 来源 and 整改编号 name records that exist, and 跟进人 / 责任人 are on the staff roster.
import type { IsoDate } from './dates';
import { FindingList } from './findings';
import type { ParsedTable } from './grid';
import { texts, type Lang } from './i18n/messages';
import { nameKey } from './names';
import type { Rosters } from './rosters';
import type { HomeVisit, Rectification, Suggestion, Visit } from './schemas';
import type { TableKey } from './tables';

/** What the checks look at: the records as checked, and the tables as parsed (an absent sheet is left out). */
export interface ReferenceInput {
  lang: Lang;
  rosters: Rosters;
  tables: Readonly<Partial<Record<TableKey, ParsedTable>>>;
  visits: readonly Visit[];
  homeVisits: readonly HomeVisit[];
  rectification: readonly Rectification[];
  suggestions: readonly Suggestion[];
}

/** An ID as compared: NFKC, no white space, upper case (v - 12 is V-12). */
export function idKey(id: string): string {
  // The usual cell (V-12 as the add-on writes it) skips the normalisation: 100k IDs are read per load.
  if (PLAIN_ID.test(id)) return id.toUpperCase();
  return id.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
}

const PLAIN_ID = /^[A-Za-z]-\d+$/;

const SOURCE_FORM = /^([VHS])-\d+$/;

/** The records the 来源 cells name (`wanted`, by ID key), with their date; only of the sheets the workbook has. */
function sourceRecords(input: ReferenceInput, wanted: ReadonlySet<string>): Map<string, IsoDate | null> {
  const records = new Map<string, IsoDate | null>();
  const add = (list: readonly { id: string; date: IsoDate | null }[]) => {
    for (const r of list) {
      if (r.id === '') continue;
      const key = idKey(r.id);
      if (wanted.has(key) && !records.has(key)) records.set(key, r.date);
    }
  };
  add(input.visits);
  add(input.homeVisits);
  add(input.suggestions);
  return records;
}

/** The prefixes whose sheet was read: a 来源 naming a sheet the workbook lacks (or the session left unread) is not judged. */
function readPrefixes(input: ReferenceInput): Set<string> {
  const prefixes = new Set<string>();
  if (input.tables.visits) prefixes.add('V');
  if (input.tables.homeVisits) prefixes.add('H');
  if (input.tables.suggestions) prefixes.add('S');
  return prefixes;
}

function checkSources(input: ReferenceInput, list: FindingList): void {
  const wanted = new Set(input.rectification.map((item) => idKey(item.source)).filter((k) => k !== ''));
  if (wanted.size === 0) return;
  const records = sourceRecords(input, wanted);
  const prefixes = readPrefixes(input);
  const fields = texts(input.lang).ledger.sourceField;
  for (const item of input.rectification) {
    const key = idKey(item.source);
    const form = SOURCE_FORM.exec(key);
    if (form === null || !prefixes.has(form[1] ?? '')) continue;
    if (!records.has(key)) {
      list.warning(item.row, 'source', 'SOURCE_UNKNOWN', { value: item.source });
      continue;
    }
    const date = records.get(key) ?? null;
    const day = item.openedOn ?? item.deadline;
    if (date === null || day === null || date <= day) continue;
    const field = item.openedOn !== null ? fields.openedOn : fields.deadline;
    list.warning(item.row, 'source', 'SOURCE_LATER', { value: item.source, date, field, day });
  }
}

function checkRectificationIds(
  input: ReferenceInput,
  lists: ReadonlyMap<TableKey, FindingList>,
  records: readonly { table: TableKey; items: readonly { row: number; rectificationId: string }[] }[],
): void {
  const items = new Set(input.rectification.map((r) => idKey(r.id)).filter((k) => k !== ''));
  for (const { table, items: rows } of records) {
    const list = lists.get(table);
    if (list === undefined) continue;
    for (const r of rows) {
      if (r.rectificationId === '' || items.has(idKey(r.rectificationId))) continue;
      list.warning(r.row, 'rectificationId', 'RECTIFICATION_UNKNOWN', { value: r.rectificationId });
    }
  }
}

/** A name that is not on the staff roster (active or not) gets OWNER_UNKNOWN naming the column's role. */
function checkOwner(
  list: FindingList | undefined,
  rosters: Rosters,
  row: number,
  column: string,
  role: string,
  name: string,
): void {
  if (list === undefined || name.trim() === '') return;
  if (rosters.staffByKey.has(nameKey(name))) return;
  list.warning(row, column, 'OWNER_UNKNOWN', { role, name });
}

/**
 * The cross-sheet warnings, each on the row that names: a 来源 naming no visit, home visit or suggestion
 * (SOURCE_UNKNOWN), or one dated after the item's 登记日期 (else its 期限: SOURCE_LATER); a 整改编号 naming no
 * 问题整改 row (RECTIFICATION_UNKNOWN, judged only when the workbook has that sheet); a 跟进人 or 责任人 not on
 * 人员 (OWNER_UNKNOWN). The rows still count.
 */
export function checkReferences(input: ReferenceInput, findings: FindingList[]): void {
  const lists = new Map<TableKey, FindingList>();
  for (const table of ['visits', 'homeVisits', 'rectification', 'suggestions'] as const) {
    const parsed = input.tables[table];
    if (parsed === undefined) continue;
    const list = new FindingList(parsed);
    lists.set(table, list);
    findings.push(list);
  }
  const columns = texts(input.lang).columns;
  for (const v of input.visits)
    checkOwner(
      lists.get('visits'),
      input.rosters,
      v.row,
      'followUpOwner',
      columns.visits.followUpOwner,
      v.followUpOwner,
    );
  for (const v of input.homeVisits)
    checkOwner(
      lists.get('homeVisits'),
      input.rosters,
      v.row,
      'followUpOwner',
      columns.homeVisits.followUpOwner,
      v.followUpOwner,
    );
  const ledger = lists.get('rectification');
  if (ledger === undefined) return;
  for (const item of input.rectification)
    checkOwner(ledger, input.rosters, item.row, 'owner', columns.rectification.owner, item.owner);
  checkSources(input, ledger);
  checkRectificationIds(input, lists, [
    { table: 'visits', items: input.visits },
    { table: 'homeVisits', items: input.homeVisits },
    { table: 'suggestions', items: input.suggestions },
  ]);
}
