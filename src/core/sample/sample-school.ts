// A deterministic sample school (rosters, months of visits, ledger) with a list of its deliberately bad rows.
import type { Cell } from '../grid';
import type { Lang } from '../i18n/messages';
import { texts } from '../i18n/messages';
import type { IsoDate } from '../dates';
import { defaultSettings, settingsRows, unitRows } from '../defaults';
import type { ProblemCode, Severity } from '../model';
import type { Settings } from '../schemas';
import { sheetName, TABLES, type TableKey } from '../tables';
import { campaignYearSemesters, type SemesterRow } from '../school-year';
import { autumnClassOf, autumnRoster } from './autumn';
import { Random } from './random';
import { NamePool } from './names';
import { makePeople, TEACHERS_UNIT, type SamplePeople } from './people';
import { homeVisits, leaderVisits } from './campaign-rows';
import { badHomeVisits, badVisits } from './bad-rows';
import { listSeparator, type Draft, type SampleContext, type SampleSemester } from './drafts';
import { discussionRows, rectificationRows, suggestionRows, suggestionSources } from './ledger';
import { addPhotos, closeFollowUps, followUpSources, type SampleRecord } from './follow-through';

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
function ledgerOf(
  drafts: Draft[],
  table: 'visits' | 'homeVisits',
  lang: Lang,
  intended: IntendedProblem[],
): SampleRecord[] {
  const prefix = table === 'visits' ? 'V' : 'H';
  const ordered = drafts
    .map((draft, index) => ({ draft, index }))
    .sort((a, b) =>
      a.draft.sortDate < b.draft.sortDate ? -1 : a.draft.sortDate > b.draft.sortDate ? 1 : a.index - b.index,
    )
    .map((x) => x.draft);
  return ordered.map((draft, i) => {
    const id = `${prefix}-${i + 1}`;
    for (const problem of draft.intended) {
      intended.push({ table, sheet: sheetName(table, lang), row: i + 2, ...problem });
    }
    return {
      table,
      id,
      date: draft.sortDate,
      good: draft.intended.length === 0,
      counted: draft.intended.every((p) => p.severity !== 'error'),
      cells: { ...draft.cells, id },
    };
  });
}

/** The active staff of a leader unit (0 校长室 … 4 服务中心), in roster order. */
function unitLeaders(people: SamplePeople, unit: number): string[] {
  return people.staff.filter((s) => s.active && s.units[0] === unit).map((s) => s.name);
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
  // The campaign year: the spring's roster (school year begun the September before), and from late August,
  // when the office starts the new school year, the autumn's.
  const campaignYear = Number(settings.campaignStart.slice(0, 4));
  const [spring, autumn] = campaignYearSemesters(settings.campaignStart, lang) as [SemesterRow, SemesterRow];
  const people = makePeople(random, pool, lang, campaignYear - 1, spring.name);
  const semesters: SampleSemester[] = [{ ...spring, autumn: false, roster: people.students }];
  if (today >= `${campaignYear}-08-25`) {
    const roster = autumnRoster(random, pool, people, autumn.name, campaignYear);
    people.students = [...people.students, ...roster];
    semesters.push({ ...autumn, autumn: true, roster });
    for (const person of people.staff) person.className = autumnClassOf(person.springClass);
  }
  const ctx: SampleContext = {
    random,
    lang,
    today,
    calendar: settings,
    people,
    semesters,
    used: new Set(),
  };
  const t = texts(lang);
  const yesNo = (value: boolean) => (value ? t.values.yes : t.values.no);

  const visitDrafts = leaderVisits(ctx);
  const homeDrafts = homeVisits(ctx);
  const bad = [...badVisits(ctx, pool, visitDrafts), ...badHomeVisits(ctx)];
  // A row with an error is not counted: it leaves nothing to follow up (it would be an open item no list shows).
  for (const draft of bad)
    if (draft.intended.some((p) => p.severity === 'error')) draft.cells.followUp = t.values.followUps.none;
  visitDrafts.push(...bad.filter((d) => d.table === 'visits'));
  homeDrafts.push(...bad.filter((d) => d.table === 'homeVisits'));
  const intended: IntendedProblem[] = [];
  const visits = ledgerOf(visitDrafts, 'visits', lang, intended);
  const home = ledgerOf(homeDrafts, 'homeVisits', lang, intended);
  intended.push(...capacityIntended(people, settings, lang));
  const ledgerInput = { random, lang, today, campaignStart: settings.campaignStart, people };
  const suggestions = suggestionRows(ledgerInput);
  const sources = [
    ...followUpSources(ctx, [...visits, ...home]),
    ...suggestionSources(ledgerInput, suggestions),
  ];
  const rectification = rectificationRows(ledgerInput, sources);
  closeFollowUps(ctx, [...visits, ...home]);
  addPhotos(visits);
  const discussions = discussionRows(ledgerInput);
  const sep = listSeparator(lang);

  const rows: Record<TableKey, Cell[][]> = {
    settings: settingsRows(settings, lang).map(([k, v]) => [k, v === '' ? null : v]),
    units: unitRows(lang).map((r, u) => {
      const row = r.map((c) => (c === '' ? null : c));
      // 负责人 named for two units, their directors (as the default would pick; the others are left to it).
      const head = u === 1 || u === 4 ? unitLeaders(people, u)[0] : undefined;
      const at = TABLES.units.columns.findIndex((c) => c.key === 'head');
      if (head !== undefined && at >= 0) row[at] = head;
      return row;
    }),
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
      inColumnOrder('targets', {
        name: p.name,
        group: p.group,
        assignedTo: p.assignedTo,
        contact: p.contact,
        note: p.note,
      }),
    ),
    students: people.students.map((s) =>
      inColumnOrder('students', {
        studentId: s.id,
        name: s.name,
        className: s.className,
        semester: s.semester,
        guardian: s.guardian,
        contact: s.contact,
        needsSupport: yesNo(s.needsSupport),
      }),
    ),
    visits: visits.map((r) => inColumnOrder('visits', r.cells)),
    homeVisits: home.map((r) => inColumnOrder('homeVisits', r.cells)),
    rectification: rectification.map((r) => inColumnOrder('rectification', r)),
    suggestions: suggestions.map((s) => inColumnOrder('suggestions', s)),
    // The 学期 rows set-up writes in a new workbook: the campaign year's two semesters.
    semesters: campaignYearSemesters(settings.campaignStart, lang).map((x) => [x.name, x.start, x.end]),
    discussions: discussions.map((d) => inColumnOrder('discussions', d)),
  };
  return { today, lang, settings, rows, intended };
}
