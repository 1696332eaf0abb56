// A small school for reminder tests (five leaders of 校长室, twelve targets), an in-memory mailer, a log reader.
import { defaultSettings, settingsRows, unitRows } from '../../src/core/defaults';
import { defaultHeaders, sheetName, type TableKey } from '../../src/core/tables';
import type { Cell } from '../../src/core/grid';
import type { MailMessage, Mailer, WorkbookPort } from '../../src/app/ports';
import { parseSendLog, type SendLogEntry } from '../../src/core/report/send-log';
import { newXlsx, type XlsxWorkbook } from '../../src/local/xlsx-workbook';

export const LEADERS = ['白校长', '程副校长', '邓副校长', '方主任', '高主任'];
export const TARGETS = Array.from({ length: 12 }, (_, i) => `家长${String.fromCharCode(0x7532 + i)}`);

export interface TinyOptions {
  leaders?: string[];
  targets?: string[];
  /** Emails by leader name ('' for none); default p1@school.example … */
  emails?: Record<string, string>;
  reminderDays?: number[];
  visits?: Cell[][];
}

/** A workbook of a school whose campaign started 2027-03-25; reminder days 20 and 21 unless told. */
export function tinySchool(options: TinyOptions = {}): XlsxWorkbook {
  const leaders = options.leaders ?? LEADERS;
  const targets = options.targets ?? TARGETS;
  const settings = { ...defaultSettings('zh', '2027-04-20'), reminderDays: options.reminderDays ?? [20, 21] };
  const rows: Record<TableKey, Cell[][]> = {
    settings: settingsRows(settings, 'zh'),
    units: unitRows('zh'),
    staff: leaders.map((name, i) => [
      name,
      options.emails?.[name] ?? `p${i + 1}@school.example`,
      '校长室',
      '',
      '',
      '是',
    ]),
    targets: targets.map((name) => [name, '家委会成员', '', '138****0000', '']),
    students: [],
    visits: options.visits ?? [],
    homeVisits: [],
    rectification: [],
    suggestions: [],
    semesters: [],
    discussions: [],
  };
  const wb = newXlsx();
  for (const [key, data] of Object.entries(rows) as [TableKey, Cell[][]][]) {
    wb.replace(sheetName(key, 'zh'), [defaultHeaders(key, 'zh'), ...data], {});
  }
  return wb;
}

/** A mailer that keeps what it sends; `quota` mails a day, and recipients in `failFor` fail. */
export class MemoryMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  readonly failFor = new Set<string>();
  constructor(public quota = 100) {}
  remainingQuota(): number {
    return this.quota;
  }
  send(message: MailMessage): void {
    if (this.failFor.has(message.to)) throw new Error(`Invalid email: ${message.to}`);
    if (this.quota <= 0) throw new Error('quota');
    this.quota--;
    this.sent.push(message);
  }
}

export function logOf(wb: WorkbookPort): SendLogEntry[] {
  return parseSendLog(wb.read('发送日志'));
}

export interface UnitSchoolOptions {
  /** 部门指标 › 负责人 by unit. */
  heads?: Record<string, string>;
  /** Staff rows: name → [units, role]; default the four of UNIT_STAFF. */
  staff?: Record<string, [string, string]>;
  /** 走访对象 › 分管人 by target name. */
  assigned?: Record<string, string>;
  visits?: Cell[][];
  rectification?: Cell[][];
}

/** 校长室 (白校长, 程老师) and 学生中心 (程老师, 邓主任, 方老师): 程老师 is in both units. */
export const UNIT_STAFF: Record<string, [string, string]> = {
  白校长: ['校长室', '校长'],
  程老师: ['校长室、学生中心', '教师'],
  邓主任: ['学生中心', '学生中心主任'],
  方老师: ['学生中心', '教师'],
};
/** 学生中心's groups: eight members of the student council. */
export const COUNCIL = Array.from({ length: 8 }, (_, i) => `队委${i + 1}`);

/**
 * A school of two leader units (campaign from 2027-03-25; reminder days 20 and 21); emails are the staff's
 * names' order: 白校长 p1@…, 程老师 p2@…, 邓主任 p3@…, 方老师 p4@….
 */
export function unitSchool(options: UnitSchoolOptions = {}): XlsxWorkbook {
  const staff = options.staff ?? UNIT_STAFF;
  const settings = { ...defaultSettings('zh', '2027-04-20'), reminderDays: [20, 21] };
  const units = unitRows('zh').map((row) => [...row, options.heads?.[String(row[0])] ?? '']);
  const target = (name: string, group: string): Cell[] => [
    name,
    group,
    options.assigned?.[name] ?? '',
    '138****0000',
    '',
  ];
  const rows: Record<TableKey, Cell[][]> = {
    settings: settingsRows(settings, 'zh'),
    units,
    staff: Object.entries(staff).map(([name, [unitList, role]], i) => [
      name,
      `p${i + 1}@school.example`,
      unitList,
      role,
      '',
      '是',
    ]),
    targets: [...TARGETS.map((n) => target(n, '家委会成员')), ...COUNCIL.map((n) => target(n, '大队委委员'))],
    students: [],
    visits: options.visits ?? [],
    homeVisits: [],
    rectification: options.rectification ?? [],
    suggestions: [],
    semesters: [],
    discussions: [],
  };
  const wb = newXlsx();
  for (const [key, data] of Object.entries(rows) as [TableKey, Cell[][]][]) {
    wb.replace(sheetName(key, 'zh'), [defaultHeaders(key, 'zh'), ...data], {});
  }
  return wb;
}

/** A 走访记录 row: id, date, visitor, targets, follow-up (处理方式) and its owner (跟进人). */
export function visitRow(
  id: string,
  date: string,
  visitor: string,
  targets: string[],
  followUp = '',
  owner = '',
): Cell[] {
  return [
    id,
    null,
    date,
    visitor,
    null,
    targets.join('、'),
    '上门',
    null,
    '座谈',
    '建议多开家长会',
    followUp,
    owner,
  ];
}
