// A deterministic sample school (rosters, months of visits, ledger) with a list of its deliberately bad rows.
import type { Cell } from '../grid';
import type { Lang } from '../i18n/messages';
import { texts } from '../i18n/messages';
import type { IsoDate } from '../dates';
import { defaultSettings, settingsRows, unitRows } from '../defaults';
import type { ProblemCode, Severity } from '../model';
import type { Settings } from '../schemas';
import { sheetName, TABLES, type TableKey } from '../tables';
import { Random } from './random';
import { NamePool } from './names';
import { makePeople, TEACHERS_UNIT, type SamplePeople } from './people';
import { homeVisits, leaderVisits } from './campaign-rows';
import { badHomeVisits, badVisits } from './bad-rows';
import { listSeparator, type Draft, type SampleContext } from './drafts';
import { rectificationRows, suggestionRows } from './ledger';

/** The same school every time, whatever the day or language. */
const SEED = 20270325;

/** A problem the sample is meant to have: `validate` reports exactly these. */
export interface IntendedProblem {
  table: TableKey;
  sheet: string;
  /** The sheet's row number (the header is row 1). */
  row: number;
  /** The column key the problem names. */
  column: string;
  code: ProblemCode;
  severity: Severity;
}

export interface SampleSchool {
  today: IsoDate;
  lang: Lang;
  settings: Settings;
  /** Data rows of every record sheet (no header), in the column order of TABLES. */
  rows: Record<TableKey, Cell[][]>;
  /** The deliberately bad rows and the problem each is meant to get. */
  intended: IntendedProblem[];
}

function inColumnOrder(table: TableKey, cells: Record<string, Cell>): Cell[] {
  return TABLES[table].columns.map((c) => {
    const cell = cells[c.key];
    return cell === undefined || cell === '' ? null : cell;
  });
}

/** Puts drafts in date order, gives them IDs (V-1, H-1, …) and row numbers, and collects the intended problems. */
function ledgerOf(drafts: Draft[], table: 'visits' | 'homeVisits', lang: Lang, intended: IntendedProblem[]) {
  const prefix = table === 'visits' ? 'V' : 'H';
  const ordered = drafts
    .map((draft, index) => ({ draft, index }))
    .sort((a, b) =>
      a.draft.sortDate < b.draft.sortDate ? -1 : a.draft.sortDate > b.draft.sortDate ? 1 : a.index - b.index,
    )
    .map((x) => x.draft);
  const ids: string[] = [];
  const dates = new Map<string, IsoDate>();
  const rows = ordered.map((draft, i) => {
    const id = `${prefix}-${i + 1}`;
    if (draft.intended.length === 0) ids.push(id);
    if (draft.intended.length === 0) dates.set(id, draft.sortDate);
    for (const problem of draft.intended) {
      intended.push({ table, sheet: sheetName(table, lang), row: i + 2, ...problem });
    }
    return inColumnOrder(table, { ...draft.cells, id });
  });
  return { rows, ids, dates };
}

/**
 * The plan's own sizes are more than a unit's leaders can visit in one cycle (3 × 3 × 2 = 18 < 20 office
 * teachers): the capacity warning (§3) each such unit gets on its 部门指标 row (unit i on row i + 2).
 */
function capacityIntended(people: SamplePeople, settings: Settings, lang: Lang): IntendedProblem[] {
  return people.units.flatMap((unit, u) => {
    if (u === TEACHERS_UNIT) return [];
    const members = people.staff.filter((s) => s.active && s.units.includes(u)).length;
    const size = new Set(people.targets.filter((t) => t.unit === u).map((t) => t.name)).size;
    if (members === 0 || members * unit.minimum * settings.coverageMonths >= size) return [];
    const problem: IntendedProblem = {
      table: 'units',
      sheet: sheetName('units', lang),
      row: u + 2,
      column: 'groups',
      code: 'CAPACITY_SHORT',
      severity: 'warning',
    };
    return [problem];
  });
}

export function sampleSchool(today: IsoDate, lang: Lang): SampleSchool {
  const random = new Random(SEED);
  const pool = new NamePool(random);
  const settings = defaultSettings(lang, today);
  const schoolYear =
    Number(today.slice(5, 7)) >= 9 ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
  const people = makePeople(random, pool, lang, schoolYear);
  const ctx: SampleContext = { random, lang, today, calendar: settings, people, used: new Set() };
  const t = texts(lang);
  const yesNo = (value: boolean) => (value ? t.values.yes : t.values.no);

  const visitDrafts = leaderVisits(ctx);
  const homeDrafts = homeVisits(ctx);
  visitDrafts.push(...badVisits(ctx, pool, visitDrafts));
  homeDrafts.push(...badHomeVisits(ctx));
  const intended: IntendedProblem[] = [];
  const visits = ledgerOf(visitDrafts, 'visits', lang, intended);
  const home = ledgerOf(homeDrafts, 'homeVisits', lang, intended);
  intended.push(...capacityIntended(people, settings, lang));
  const ledgerInput = {
    random,
    lang,
    today,
    campaignStart: settings.campaignStart,
    people,
    visitIds: visits.ids,
    homeVisitIds: home.ids,
    recordDates: new Map([...visits.dates, ...home.dates]),
  };
  const suggestions = suggestionRows(ledgerInput);
  const rectification = rectificationRows(
    ledgerInput,
    suggestions.map((s) => String(s.id)),
    new Map(suggestions.map((s) => [String(s.id), String(s.date)])),
  );
  const sep = listSeparator(lang);

  const rows: Record<TableKey, Cell[][]> = {
    settings: settingsRows(settings, lang).map(([k, v]) => [k, v === '' ? null : v]),
    units: unitRows(lang).map((r) => r.map((c) => (c === '' ? null : c))),
    staff: people.staff.map((s) =>
      inColumnOrder('staff', {
        name: s.name,
        email: s.email,
        units: s.units.map((u) => people.units[u]!.name).join(sep),
        role: s.role,
        className: s.className,
        active: yesNo(s.active),
      }),
    ),
    targets: people.targets.map((p) =>
      inColumnOrder('targets', { name: p.name, group: p.group, contact: p.contact, note: p.note }),
    ),
    students: people.students.map((s) =>
      inColumnOrder('students', {
        studentId: s.id,
        name: s.name,
        className: s.className,
        guardian: s.guardian,
        contact: s.contact,
        needsSupport: yesNo(s.needsSupport),
      }),
    ),
    visits: visits.rows,
    homeVisits: home.rows,
    rectification: rectification.map((r) => inColumnOrder('rectification', r)),
    suggestions: suggestions.map((s) => inColumnOrder('suggestions', s)),
    semesters: [],
    discussions: [],
  };
  return { today, lang, settings, rows, intended };
}
