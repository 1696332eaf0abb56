// A small workbook builder for engine tests: sheets as {name, grid} from a few rows keyed by column.
import type { Cell, Grid } from '../../src/core/grid';
import { defaultHeaders, sheetName, TABLES, type TableKey } from '../../src/core/tables';
import { defaultSettings, settingsRows, unitRows } from '../../src/core/defaults';
import type { Lang } from '../../src/core/i18n/messages';
import type { Settings } from '../../src/core/schemas';
import type { SheetInput } from '../../src/core/engine';
import type { PersonLine, StatusResult } from '../../src/core/model';

/** One data row by column key (e.g. { date: '2027-04-05', visitor: '张校长' }); null is an empty row. */
export type Row = Partial<Record<string, Cell>> | null;

/** A table's grid with its default header row (in `lang`) and one line per row. */
export function tableGrid(table: TableKey, lang: Lang, rows: readonly Row[]): Grid {
  const keys = TABLES[table].columns.map((c) => c.key);
  return [
    defaultHeaders(table, lang),
    ...rows.map((row) => keys.map((k) => (row === null ? null : (row[k] ?? null)))),
  ];
}

/** The calendar every test school runs on unless a test says otherwise. */
export const BASE_SETTINGS: Partial<Settings> = {
  timeZone: 'Asia/Shanghai',
  campaignStart: '2027-03-25',
  semesterStart: '2027-02-17',
  semesterEnd: '2027-07-05',
  coverageMonths: 2,
  exemptMonths: ['2027-07', '2027-08'],
};

export interface WorkbookSpec {
  lang?: Lang;
  /** Overrides of BASE_SETTINGS. */
  settings?: Partial<Settings>;
  /** Raw 部门指标 rows (unit, groups, minimum, coverage months, purpose); default: the plan's units. */
  units?: (string | number | null)[][];
  staff?: Row[];
  targets?: Row[];
  students?: Row[];
  visits?: Row[];
  homeVisits?: Row[];
  rectification?: Row[];
  suggestions?: Row[];
  /** 学期 rows; without them the workbook has no 学期 sheet (设置's dates define the one semester). */
  semesters?: Row[];
  discussions?: Row[];
  /** Sheets left out of the workbook. */
  omit?: TableKey[];
  /** Sheets given as a hand-made grid (e.g. reordered or extra columns). */
  grids?: Partial<Record<TableKey, Grid>>;
}

/** A whole workbook: every record sheet, named in `lang`. */
export function workbook(spec: WorkbookSpec = {}): SheetInput[] {
  const lang = spec.lang ?? 'zh';
  const settings = {
    ...defaultSettings(lang, '2027-04-20'),
    ...BASE_SETTINGS,
    ...spec.settings,
    language: lang,
  };
  const grids: Record<TableKey, Grid> = {
    settings: [defaultHeaders('settings', lang), ...settingsRows(settings, lang)],
    units: [defaultHeaders('units', lang), ...(spec.units ?? unitRows(lang))],
    staff: tableGrid('staff', lang, spec.staff ?? []),
    targets: tableGrid('targets', lang, spec.targets ?? []),
    students: tableGrid('students', lang, spec.students ?? []),
    visits: tableGrid('visits', lang, spec.visits ?? []),
    homeVisits: tableGrid('homeVisits', lang, spec.homeVisits ?? []),
    rectification: tableGrid('rectification', lang, spec.rectification ?? []),
    suggestions: tableGrid('suggestions', lang, spec.suggestions ?? []),
    semesters: tableGrid('semesters', lang, spec.semesters ?? []),
    discussions: tableGrid('discussions', lang, spec.discussions ?? []),
  };
  return (Object.keys(grids) as TableKey[])
    .filter((key) => !(spec.omit ?? []).includes(key))
    .filter(
      (key) => key !== 'semesters' || spec.semesters !== undefined || spec.grids?.semesters !== undefined,
    )
    .map((key) => ({ name: sheetName(key, lang), grid: spec.grids?.[key] ?? grids[key] }));
}

/** The test school's staff (Chinese workbook): two leaders of 校长室, teachers of two classes, one inactive. */
export const STAFF: Row[] = [
  { name: '张校长', units: '校长室、全体教师', className: '一(1)班', active: '是' },
  { name: '李副校长', units: '校长室', active: '' },
  { name: '王主任', units: '发展中心' },
  { name: '赵老师', units: '全体教师', className: '一(1)班' },
  { name: '钱老师', units: '全体教师', className: '一(2)班' },
  { name: '孙老师', units: '全体教师', className: '一(2)班', active: '否' },
  { name: '周主任', units: '服务中心' },
];

/** 校长室's groups hold 8 people (6 + 2); 发展中心's 3; 服务中心's 2. */
export const TARGETS: Row[] = [
  { name: '陈红', group: '家委会成员', contact: '13800000001' },
  { name: '刘洋', group: '家委会成员' },
  { name: '黄敏', group: '家委会成员' },
  { name: '杨帆', group: '家委会成员' },
  { name: '何静', group: '家委会成员' },
  { name: '马丽', group: '家委会成员' },
  { name: '林国栋', group: '社会贤达人士' },
  { name: '郭志强', group: '社会贤达人士' },
  { name: '吴老师', group: '办公室教师' },
  { name: '郑老师', group: '办公室教师' },
  { name: '冯老师', group: '办公室教师' },
  { name: '何师傅', group: '后勤人员' },
  { name: '吕师傅', group: '社会服务人员' },
];

/** Two classes, each with a 王芳. */
export const STUDENTS: Row[] = [
  { studentId: 'S101', name: '王芳', className: '一(1)班', guardian: '王爸爸', contact: '13900000001' },
  { studentId: 'S102', name: '李明', className: '一(1)班' },
  { studentId: 'S103', name: '张伟', className: '一(1)班' },
  { studentId: 'S104', name: '刘丽', className: '一(1)班' },
  { studentId: 'S201', name: '王芳', className: '一(2)班' },
  { studentId: 'S202', name: '陈静', className: '一(2)班' },
  { studentId: 'S203', name: '赵磊', className: '一(2)班' },
];

/** The test school with the given records (and any other overrides). */
export function school(spec: WorkbookSpec = {}): SheetInput[] {
  return workbook({ staff: STAFF, targets: TARGETS, students: STUDENTS, ...spec });
}

/** A leader visit row with a record text (so it draws no RECORD_EMPTY warning). */
export function visit(date: Cell, visitor: string, targets: string, more: Row = {}): Row {
  return { date, visitor, targets, mode: '面谈', record: '交流情况', ...more };
}

/** A home visit row (by phone unless the test says otherwise) with a record text. */
export function homeVisit(
  date: Cell,
  teacher: string,
  className: string,
  students: string,
  more: Row = {},
): Row {
  return { date, teacher, className, students, mode: '电话', record: '家访情况', ...more };
}

/** The quota line of a person in a unit, or undefined when there is none. */
export function lineOf(status: StatusResult, name: string, unit: string): PersonLine | undefined {
  return status.people.find((l) => l.name === name && l.unit === unit);
}
