// The record tables of the workbook: their keys, sheet names and columns in both languages.
import { zh } from './i18n/zh';
import { en } from './i18n/en';
import type { Lang } from './i18n/messages';

export type TableKey = keyof typeof zh.columns;
export type ColumnKey<T extends TableKey> = keyof (typeof zh.columns)[T] & string;
export type GeneratedSheetKey =
  'status' | 'report' | 'sendLog' | 'changeLog' | 'summarySemester' | 'summaryYear';

export interface ColumnDef {
  readonly key: string;
  readonly required: boolean;
  /** Width in pixels for a sheet written by set-up or init. */
  readonly width: number;
  readonly kind: 'text' | 'date' | 'datetime' | 'list' | 'number' | 'choice';
}

export interface TableDef {
  readonly key: TableKey;
  /** A workbook without this sheet cannot be counted. */
  readonly required: boolean;
  readonly columns: readonly ColumnDef[];
}

type Spec = [key: string, kind: ColumnDef['kind'], width: number, required?: 'required'];

function table(key: TableKey, required: boolean, specs: Spec[]): TableDef {
  return {
    key,
    required,
    columns: specs.map(([k, kind, width, req]) => ({ key: k, kind, width, required: req === 'required' })),
  };
}

export const TABLES: Readonly<Record<TableKey, TableDef>> = {
  settings: table('settings', true, [
    ['key', 'text', 160, 'required'],
    ['value', 'text', 260, 'required'],
  ]),
  units: table('units', true, [
    ['unit', 'text', 110, 'required'],
    ['groups', 'list', 220, 'required'],
    ['minimum', 'number', 110, 'required'],
    ['coverageMonths', 'number', 110],
    ['purpose', 'text', 320],
    ['head', 'text', 90],
  ]),
  staff: table('staff', true, [
    ['name', 'text', 90, 'required'],
    ['email', 'text', 200],
    ['units', 'list', 200, 'required'],
    ['role', 'text', 100],
    ['className', 'text', 80],
    ['active', 'choice', 60],
  ]),
  targets: table('targets', true, [
    ['name', 'text', 90, 'required'],
    ['group', 'text', 120, 'required'],
    ['assignedTo', 'list', 120],
    ['contact', 'text', 140],
    ['note', 'text', 200],
  ]),
  students: table('students', true, [
    ['studentId', 'text', 100],
    ['name', 'text', 90, 'required'],
    ['className', 'text', 80, 'required'],
    ['semester', 'text', 110],
    ['guardian', 'text', 90],
    ['contact', 'text', 140],
    ['needsSupport', 'choice', 70],
  ]),
  semesters: table('semesters', false, [
    ['name', 'text', 140, 'required'],
    ['start', 'date', 100, 'required'],
    ['end', 'date', 100, 'required'],
  ]),
  visits: table('visits', true, [
    ['id', 'text', 70],
    // 校验 right after 编号: with the first two columns frozen it is seen beside every row, whatever the scroll.
    ['check', 'text', 260],
    ['date', 'date', 100, 'required'],
    ['visitor', 'text', 90, 'required'],
    ['coVisitors', 'list', 120],
    ['targets', 'list', 200, 'required'],
    ['mode', 'choice', 90, 'required'],
    ['purpose', 'text', 180],
    ['record', 'text', 280],
    ['suggestions', 'text', 220],
    ['followUp', 'choice', 100],
    ['followUpOwner', 'text', 90],
    ['followUpResult', 'text', 200],
    ['closedOn', 'date', 100],
    ['rectificationId', 'text', 80],
    ['photos', 'text', 120],
    ['enteredBy', 'text', 160],
    ['enteredAt', 'datetime', 140],
  ]),
  homeVisits: table('homeVisits', true, [
    ['id', 'text', 70],
    // 校验 right after 编号: with the first two columns frozen it is seen beside every row, whatever the scroll.
    ['check', 'text', 260],
    ['date', 'date', 100, 'required'],
    ['className', 'text', 80, 'required'],
    ['students', 'list', 160, 'required'],
    ['teacher', 'text', 90, 'required'],
    ['coTeachers', 'list', 120],
    ['mode', 'choice', 80, 'required'],
    ['family', 'text', 200],
    ['parentNeeds', 'text', 200],
    ['supportNeeded', 'text', 160],
    ['record', 'text', 260],
    ['followUp', 'choice', 100],
    ['followUpOwner', 'text', 90],
    ['followUpResult', 'text', 200],
    ['closedOn', 'date', 100],
    ['rectificationId', 'text', 80],
    ['enteredBy', 'text', 160],
    ['enteredAt', 'datetime', 140],
  ]),
  rectification: table('rectification', false, [
    ['id', 'text', 70],
    ['openedOn', 'date', 100],
    ['source', 'text', 80],
    ['problem', 'text', 240, 'required'],
    ['rootCause', 'text', 200],
    ['measures', 'text', 240],
    ['owner', 'text', 90],
    ['deadline', 'date', 100],
    ['status', 'choice', 100, 'required'],
    ['doneOn', 'date', 100],
    ['lastingRule', 'text', 200],
  ]),
  suggestions: table('suggestions', false, [
    ['id', 'text', 70],
    ['date', 'date', 100, 'required'],
    ['author', 'text', 90],
    ['title', 'text', 200],
    ['text', 'text', 320, 'required'],
    ['category', 'text', 100],
    ['adopted', 'choice', 80],
    ['rectificationId', 'text', 80],
  ]),
  discussions: table('discussions', false, [
    ['id', 'text', 70],
    ['date', 'date', 100, 'required'],
    ['form', 'choice', 100, 'required'],
    ['topic', 'text', 220, 'required'],
    ['organiser', 'text', 90],
    ['attendance', 'number', 80],
    ['record', 'text', 320],
  ]),
};

export const TABLE_KEYS = Object.keys(TABLES) as TableKey[];

/** The sheet name of a table in a language. */
export function sheetName(key: TableKey | GeneratedSheetKey, lang: Lang): string {
  return (lang === 'en' ? en : zh).sheets[key];
}

/** The header text of a column in a language. */
export function headerText(table: TableKey, column: string, lang: Lang): string {
  const cols = (lang === 'en' ? en : zh).columns[table] as Record<string, string>;
  const text = cols[column];
  if (text === undefined) throw new Error(`No column ${column} in ${table}`);
  return text;
}

/** The default header row of a table. */
export function defaultHeaders(table: TableKey, lang: Lang): string[] {
  return TABLES[table].columns.map((c) => headerText(table, c.key, lang));
}

/** Which table a sheet name stands for, in either language. */
export function tableOfSheet(name: string): TableKey | undefined {
  const wanted = name.normalize('NFKC').trim().toLowerCase();
  return TABLE_KEYS.find((key) => zh.sheets[key] === wanted || en.sheets[key].toLowerCase() === wanted);
}
