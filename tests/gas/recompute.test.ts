// Recompute inside Google Sheets (over the counting fake): every 校验 cell, the 进度 sheet, calls independent of size.
import { WorkbookSession } from '../../src/app/session';
import { menuRecompute } from '../../src/gas/main';
import { recompute } from '../../src/app/recompute';
import { MAX_ID_RUNS } from '../../src/app/numbering';
import { GasWorkbook } from '../../src/gas/workbook';
import { school, visit, homeVisit, STUDENTS, TARGETS, type Row } from '../core/helpers';
import { columnNotes, columnValues, NOW, typeChangeLog, typeSheets, useGasFakes } from './fixture';

const fakes = useGasFakes();

const VISITS: Row[] = [
  visit('2027-04-01', '张校长', '陈红、刘洋'),
  visit('2027-04-02', '张校长', '黄敏'),
  visit('2027-04-03', '李副校长', '林国栋'),
  visit('2027-02-30', '王主任', '吴老师'), // not a date
  visit('2027-04-05', '周主任', '何师傅、路人甲'), // an unknown target: a warning
];
const HOME_VISITS: Row[] = [
  homeVisit('2027-04-06', '赵老师', '一(1)班', '李明', { mode: '上门', coTeachers: '张校长' }),
  homeVisit('2027-04-07', '赵老师', '一(1)班', '王芳', { mode: '上门', coTeachers: '张校长' }),
  homeVisit('2027-04-08', '钱老师', '一(2)班', '不存在'), // not on the class roster
];

function statusValues(): unknown[][] {
  return fakes().spreadsheet.sheet('进度').store.values();
}

function rowStarting(...cells: unknown[]): unknown[] | undefined {
  return statusValues().find((row) => cells.every((c, i) => row[i] === c));
}

describe('menuRecompute', () => {
  beforeEach(() => {
    typeSheets(fakes().spreadsheet, school({ visits: VISITS, homeVisits: HOME_VISITS }));
  });

  it('re-checks every row of both visit sheets, with the full list in the notes', () => {
    menuRecompute();
    const visits = fakes().spreadsheet.sheet('走访记录');
    expect(columnValues(visits, '校验')).toEqual([
      '✓',
      '✓',
      '✓',
      expect.stringMatching(/^✗ 1 个错误：日期“2027-02-30”无法识别/),
      '⚠ 1 条提醒：“路人甲”不在走访对象名单中，不计入指标',
    ]);
    expect(columnNotes(visits, '校验')[4]).toBe('提醒｜走访对象：“路人甲”不在走访对象名单中，不计入指标');
    const home = fakes().spreadsheet.sheet('家访记录');
    expect(columnValues(home, '校验')).toEqual(['✓', '✓', '✗ 1 个错误：学生“不存在”不在一(2)班的名单中']);
  });

  it('writes 进度: title as at today, phase, time, one line per person with a status colour per unit', () => {
    menuRecompute();
    const values = statusValues();
    expect(values[0]?.[0]).toBe('“三大一实干”大走访 · 走访进度 2027-04（截至 2027-04-20）');
    const sheet = fakes().spreadsheet.sheet('进度');
    expect(sheet.store.frozenRows).toBe(2);
    const subtitle = values.flat().find((c) => typeof c === 'string' && c.startsWith('计算于'));
    expect(subtitle).toBe(
      '计算于 2027-04-20 10:00 (Asia/Shanghai) · 大转变·思想发动 · 2 个错误，1 条提醒（见各表“校验”列）',
    );
    const header = values[1]!;
    const unit = (name: string) => header.indexOf(name);
    // 张校长 visited 3 distinct people of 5 by the 20th of a 30-day month: floor(5 × 20 / 30) = 3, on track.
    const principal = rowStarting('张校长')!;
    expect(principal[unit('校长室')]).toBe('3/5');
    const deputy = rowStarting('李副校长')!;
    expect(deputy.slice(0, 2)).toEqual(['李副校长', '落后']);
    expect(deputy[unit('校长室')]).toBe('1/5');
    // One line each: 张校长 is in two units and listed once.
    expect(values.filter((r) => r[0] === '张校长')).toHaveLength(1);
    const at = values.findIndex((r) => r[0] === '李副校长');
    expect(sheet.store.peek(at + 1, unit('校长室') + 1)?.background).toBe('#f4cccc');
    const onTrack = values.findIndex((r) => r[0] === '张校长');
    expect(sheet.store.peek(onTrack + 1, unit('校长室') + 1)?.background).toBe('#fff2cc');
  });

  it('shows cycle coverage with every name not yet visited, and classes with their class teacher against 2 in person', () => {
    menuRecompute();
    const principal = rowStarting('校长室', '03-25～05-31');
    expect(principal?.slice(2, 5)).toEqual([4, 8, '50%']);
    expect(principal?.[5]).toBe('杨帆、何静、马丽、郭志强');
    expect(rowStarting('一(1)班')?.slice(0, 7)).toEqual(['一(1)班', '张校长、赵老师', 4, 2, '50%', 2, 2]);
    expect(rowStarting('一(2)班')?.slice(0, 7)).toEqual(['一(2)班', '钱老师', 3, 0, '0%', 0, 2]);
  });

  it('puts no contact or guardian detail on 进度, and protects it with a warning only', () => {
    menuRecompute();
    const text = JSON.stringify(statusValues());
    const contacts = [...TARGETS, ...STUDENTS].flatMap((r) => [r?.contact, r?.guardian]).filter(Boolean);
    expect(contacts.length).toBeGreaterThan(0);
    for (const detail of contacts) expect(text).not.toContain(String(detail));
    const protections = fakes().spreadsheet.sheet('进度').protections;
    expect(protections.map((p) => p.warningOnly)).toEqual([true]);
    menuRecompute();
    expect(fakes().spreadsheet.sheet('进度').protections).toHaveLength(1);
  });

  it('tells the person how many problems it found', () => {
    menuRecompute();
    expect(fakes().ui.alerts.map((a) => a.prompt)).toEqual([
      '进度已重新计算：2 个错误，1 条提醒（见各行“校验”列）。',
    ]);
  });
});

describe('recompute numbers the rows onEdit missed', () => {
  const visitsSheet = () => fakes().spreadsheet.sheet('走访记录');
  const numbered = (ids: (string | undefined)[]): Row[] =>
    ids.map((id, i) =>
      visit(`2027-04-${String(1 + (i % 19)).padStart(2, '0')}`, '张校长', '陈红', id ? { id } : {}),
    );

  it('gives every non-empty row without 编号 the next number, and changes no other cell', () => {
    typeSheets(
      fakes().spreadsheet,
      school({ visits: numbered(['V-1', undefined, 'V-7', undefined, undefined]), homeVisits: HOME_VISITS }),
    );
    const sheet = visitsSheet();
    sheet.store.type(8, 3, '2027-04-09'); // row 7 left empty, row 8 typed with no 编号 (走访日期 is column C)
    sheet.store.type(8, 4, '李副校长');
    sheet.store.type(8, 6, '刘洋');
    // Every column but 编号 and 校验 (the two the recompute writes).
    const others = () => sheet.store.map((c) => c).map((row) => row.slice(2, 15));
    const before = JSON.stringify(others());
    recompute(WorkbookSession.open(new GasWorkbook(), { now: () => NOW }));
    expect(columnValues(sheet, '编号')).toEqual(['V-1', 'V-8', 'V-7', 'V-9', 'V-10', '', 'V-11']);
    expect(columnValues(fakes().spreadsheet.sheet('家访记录'), '编号')).toEqual(['H-1', 'H-2', 'H-3']);
    expect(JSON.stringify(others())).toBe(before);
    // A second recompute finds nothing to number: only 校验 and 进度 are written.
    fakes().calls.reset();
    recompute(WorkbookSession.open(new GasWorkbook(), { now: () => NOW }));
    expect(fakes().calls.count('Range.setValues')).toBe(3);
  });

  it('writes only the empty cells: a 编号 formula between two rows lacking one keeps its formula', () => {
    typeSheets(fakes().spreadsheet, school({ visits: numbered([undefined, undefined, undefined]) }));
    Object.assign(visitsSheet().store.cell(3, 1), { formula: '="V-"&(ROW()+14)', value: 'V-17' });
    recompute(WorkbookSession.open(new GasWorkbook(), { now: () => NOW }));
    expect(visitsSheet().store.peek(3, 1)).toMatchObject({ formula: '="V-"&(ROW()+14)', value: 'V-17' });
    expect(columnValues(visitsSheet(), '编号')).toEqual(['V-18', 'V-17', 'V-19']);
  });

  it('leaves a 编号 formula that shows nothing alone (read() cannot tell it from an empty cell)', () => {
    typeSheets(fakes().spreadsheet, school({ visits: numbered(['V-1', undefined, undefined]) }));
    const formula = { formula: '=IF(B3="","","")', value: '' };
    Object.assign(visitsSheet().store.cell(3, 1), formula);
    recompute(WorkbookSession.open(new GasWorkbook(), { now: () => NOW }));
    expect(visitsSheet().store.peek(3, 1)).toMatchObject(formula);
    expect(columnValues(visitsSheet(), '编号')).toEqual(['V-1', '', 'V-2']);
  });

  it('joins many gaps into one write when the cells between them hold plain 编号 text', () => {
    const ids = Array.from({ length: 40 }, (_, i) => (i % 2 ? `V-${i}` : undefined));
    typeSheets(fakes().spreadsheet, school({ visits: numbered(ids), homeVisits: HOME_VISITS }));
    typeChangeLog(fakes().spreadsheet);
    fakes().calls.reset();
    recompute(WorkbookSession.open(new GasWorkbook(), { now: () => NOW }));
    expect(fakes().calls.total()).toBe(RECOMPUTE_CALLS);
    const values = columnValues(visitsSheet(), '编号');
    expect(values.filter((_, i) => i % 2 === 1)).toEqual(ids.filter(Boolean));
    expect(values.filter((_, i) => i % 2 === 0)).toEqual(Array.from({ length: 20 }, (_, i) => `V-${40 + i}`));
  });

  it('never writes over a formula to join gaps: the first runs now, the next ones at the next recompute', () => {
    const ids = Array.from({ length: 12 }, (_, i) => (i % 2 ? `V-${i}` : undefined));
    typeSheets(fakes().spreadsheet, school({ visits: numbered(ids) }));
    const formula = { formula: '="V-"&(ROW()+25)', value: 'V-30' }; // shows a 编号 of the plain form
    Object.assign(visitsSheet().store.cell(5, 1), formula);
    recompute(WorkbookSession.open(new GasWorkbook(), { now: () => NOW }));
    expect(visitsSheet().store.peek(5, 1)).toMatchObject(formula);
    const after = columnValues(visitsSheet(), '编号');
    expect(after.filter((v) => v === '')).toHaveLength(6 - MAX_ID_RUNS);
    recompute(WorkbookSession.open(new GasWorkbook(), { now: () => NOW }));
    expect(visitsSheet().store.peek(5, 1)).toMatchObject(formula);
    const ids2 = columnValues(visitsSheet(), '编号');
    expect(ids2.filter((v) => v === '')).toHaveLength(0);
    expect(new Set(ids2).size).toBe(12);
  });
});

describe('menuRecompute on an incomplete workbook', () => {
  it('marks every row with the missing sheets and still writes 进度', () => {
    typeSheets(
      fakes().spreadsheet,
      school({ visits: VISITS.slice(0, 2), omit: ['staff', 'targets', 'students', 'homeVisits'] }),
    );
    menuRecompute();
    const verdicts = columnValues(fakes().spreadsheet.sheet('走访记录'), '校验');
    expect(verdicts).toHaveLength(2);
    for (const verdict of verdicts) expect(verdict).toMatch(/^✗ \d+ 个错误：缺少工作表“人员”/);
    expect(columnNotes(fakes().spreadsheet.sheet('走访记录'), '校验')[0]).toContain('缺少工作表“家访记录”');
    expect(fakes().spreadsheet.sheet('进度').store.values()[0]?.[0]).toMatch(
      /走访进度 2027-04（截至 2027-04-20）$/,
    );
  });
});

/** n valid-looking visits of 校长室's leaders spread over March and April. */
function manyVisits(n: number): Row[] {
  const targets = ['陈红', '刘洋', '黄敏', '杨帆', '何静', '马丽', '林国栋', '郭志强'];
  return Array.from({ length: n }, (_, i) =>
    visit(`2027-04-${String(1 + (i % 19)).padStart(2, '0')}`, i % 2 ? '李副校长' : '张校长', targets[i % 8]!),
  );
}

function callsOfRecompute(rows: number): number {
  typeSheets(fakes().spreadsheet, school({ visits: manyVisits(rows), homeVisits: HOME_VISITS }));
  typeChangeLog(fakes().spreadsheet);
  fakes().calls.reset();
  recompute(WorkbookSession.open(new GasWorkbook(), { now: () => new Date() }));
  return fakes().calls.total();
}

describe('recompute’s service calls', () => {
  let at100 = 0;

  it('at 100 visit rows', () => {
    at100 = callsOfRecompute(100);
    expect(columnValues(fakes().spreadsheet.sheet('走访记录'), '校验')).toHaveLength(100);
    expect(at100).toBe(RECOMPUTE_CALLS);
  });

  it('are the same at 10,000 visit rows', () => {
    const at10000 = callsOfRecompute(10_000);
    const verdicts = columnValues(fakes().spreadsheet.sheet('走访记录'), '校验');
    expect(verdicts).toHaveLength(10_000);
    expect(verdicts.every((v) => typeof v === 'string' && v !== '')).toBe(true);
    expect(at10000).toBe(at100);
  });
});

/** Measured; written in docs/benchmarks.md (both sheets' rows lack 编号: a formula read and one 编号 write each). */
// 59 before the 进度 look reused the range its values were written to; +1: 进度's frozen header rows;
// +5 for 修改日志: one append of the numbers written (getLastRow, getMaxRows, getRange, setValues) and the name of
// one more sheet in the listing (a recompute that numbers nothing appends nothing).
const RECOMPUTE_CALLS = 67;
