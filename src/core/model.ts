// The engine's result types: problems found in rows, and the quota figures of §3 in the shape of `status --json`.
import type { zh } from './i18n/zh';
import type { IsoDate, IsoMonth } from './dates';
import type { ParsedTable } from './grid';
import type { TableKey } from './tables';
import type { Lang } from './i18n/messages';
import type { Rosters } from './rosters';
import type {
  Discussion,
  HomeVisit,
  Semester,
  Rectification,
  Settings,
  Staff,
  Student,
  Suggestion,
  Target,
  Unit,
  Visit,
} from './schemas';

export type Severity = 'error' | 'warning';
export type ProblemCode = keyof typeof zh.problems;

/** A problem before it is put in words: which row and column, which rule, with what values. */
export interface Finding {
  readonly table: TableKey;
  /** The sheet's name as found (or the default name when the sheet is missing). */
  readonly sheet: string;
  /** The sheet's row number; 1 for the header row, 0 for the sheet as a whole. */
  readonly row: number;
  /** The column key of the table ('' for none). */
  readonly column: string;
  readonly severity: Severity;
  readonly code: ProblemCode;
  readonly params: Readonly<Record<string, string | number>>;
}

/** A problem as reported (`validate --json`): the column is the header text as found in the sheet. */
export interface Problem {
  sheet: string;
  row: number;
  column: string;
  severity: Severity;
  code: ProblemCode;
  message: string;
}

export interface Campaign {
  readonly lang: Lang;
  readonly settings: Settings;
  readonly units: readonly Unit[];
  readonly staff: readonly Staff[];
  readonly targets: readonly Target[];
  readonly students: readonly Student[];
  readonly visits: readonly Visit[];
  readonly homeVisits: readonly HomeVisit[];
  readonly rectification: readonly Rectification[];
  readonly suggestions: readonly Suggestion[];
  readonly discussions: readonly Discussion[];
  /** The semesters in date order: the 学期 rows, else the one semester of 设置. */
  readonly semesters: readonly Semester[];
  /** The rosters indexed by name key. */
  readonly rosters: Rosters;
  /** The tables as read, by key (absent when the sheet is missing). */
  readonly tables: Readonly<Partial<Record<TableKey, ParsedTable>>>;
  /** Every §4 problem of every row. */
  readonly findings: readonly Finding[];
  /** Problems of shape (a required sheet or column missing): nothing can be counted while there are any. */
  readonly structural: readonly Finding[];
  /** Unrecognised columns, reported but harmless. */
  readonly notices: readonly Finding[];
}

export type QuotaStatus = 'met' | 'missed' | 'behind' | 'on_track' | 'exempt';

export interface PersonLine {
  name: string;
  unit: string;
  count: number;
  minimum: number;
  status: QuotaStatus;
}

export interface CoverageLine {
  unit: string;
  cycleStart: IsoDate;
  cycleEnd: IsoDate;
  visited: number;
  total: number;
  missing: string[];
}

export interface ClassLine {
  class: string;
  students: number;
  visited: number;
  inPerson: number;
}

/** The §3 figures of one month, as `status --json` prints them (without problems). */
export interface StatusResult {
  month: IsoMonth;
  today: IsoDate;
  people: PersonLine[];
  coverage: CoverageLine[];
  /** The semester of the month: the class figures are of its roster and its home visits. */
  semester: SemesterRef;
  classes: ClassLine[];
}

/** A semester as `status --json` names it. */
export interface SemesterRef {
  name: string;
  start: IsoDate;
  end: IsoDate;
}
