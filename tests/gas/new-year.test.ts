// 开始新学年 inside Google Sheets (over the fakes): the YES/NO with the numbers, the rows appended, the refusal, fixed service calls.
import { menuNewSchoolYear } from '../../src/gas/main';
import { MENU_ENTRIES } from '../../src/gas/menu';
import { zh } from '../../src/core/i18n/zh';
import type { FakeSheet } from '../fakes/gas';
import { workbook, type Row } from '../core/helpers';
import { typeSheets, useGasFakes } from './fixture';

const fakes = useGasFakes(new Date('2027-08-25T02:00:00Z'));

const SEMESTERS = [
  { name: '2027年春季学期', start: '2027-02-17', end: '2027-07-05' },
  { name: '2027年秋季学期', start: '2027-09-01', end: '2028-01-22' },
];

/** `perClass` students in each of 一(1)班 … 六(1)班, 学期 empty. */
function students(perClass: number): Row[] {
  return '一二三四五六'.split('').flatMap((grade, g) =>
    Array.from({ length: perClass }, (_, i) => ({
      studentId: `S${g}${String(i).padStart(3, '0')}`,
      name: `学生${g}-${i}`,
      className: `${grade}(1)班`,
      guardian: '家长',
      contact: '139****1234',
    })),
  );
}

function values(sheet: FakeSheet | null): unknown[][] {
  return sheet === null ? [] : (sheet.getDataRange().getValues() as unknown[][]);
}

function setUp(perClass: number): void {
  typeSheets(fakes().spreadsheet, workbook({ students: students(perClass), semesters: SEMESTERS }));
}

describe('开始新学年', () => {
  it('is on the menu', () => {
    expect(MENU_ENTRIES.some((e) => e.caption !== null && e.functionName === 'menuNewSchoolYear')).toBe(true);
  });

  it('says how many students move up and how many leave, and on YES appends the autumn roster and logs it', () => {
    setUp(3);
    fakes().ui.alertAnswers.push('YES');
    menuNewSchoolYear();
    const question = fakes().ui.alerts[0]!;
    expect(question.title).toBe(zh.schoolYear.menu);
    expect(question.prompt).toContain('将把“2027年春季学期”的 18 名学生复制为“2027年秋季学期”的名单');
    expect(question.prompt).toContain('15 人各升一个年级');
    expect(question.prompt).toContain('3 人（最高年级）毕业离校');
    expect(question.prompt).toContain('另有 18 行学生的学期为空');
    const grid = values(fakes().spreadsheet.getSheetByName('学生'));
    expect(grid).toHaveLength(1 + 18 + 15);
    expect(grid.slice(19).map((r) => [r[2], r[3]])).toEqual(
      '二三四五六'.split('').flatMap((g) => Array(3).fill([`${g}(1)班`, '2027年秋季学期'])),
    );
    expect(grid.slice(1, 19).every((r) => r[3] === '2027年春季学期')).toBe(true);
    expect(fakes().ui.alerts.at(-1)?.prompt).toContain('已为“2027年秋季学期”追加 15 行学生（第 20–34 行）');
    const log = values(fakes().spreadsheet.getSheetByName('修改日志'));
    expect(log).toHaveLength(1 + 1 + 18);
    expect(JSON.stringify(log)).not.toContain('****');
  });

  it('writes nothing on NO, and refuses the second time', () => {
    setUp(2);
    fakes().ui.alertAnswers.push('NO');
    const before = JSON.stringify(fakes().spreadsheet.getSheets().map(values));
    menuNewSchoolYear();
    expect(fakes().ui.alerts.at(-1)?.prompt).toBe('已取消，未做任何更改。');
    expect(JSON.stringify(fakes().spreadsheet.getSheets().map(values))).toBe(before);
    fakes().ui.alertAnswers.push('YES');
    menuNewSchoolYear();
    const after = JSON.stringify(fakes().spreadsheet.getSheets().map(values));
    menuNewSchoolYear();
    expect(fakes().ui.alerts.at(-1)?.prompt).toContain('已有 10 名学生属于“2027年秋季学期”');
    expect(JSON.stringify(fakes().spreadsheet.getSheets().map(values))).toBe(after);
  });

  it.each([10, 100])('takes a fixed number of service calls (%i students a class)', (perClass) => {
    setUp(perClass);
    // Room for the new rows in both cases (a sheet that must grow takes one call more, whatever the rows).
    fakes().spreadsheet.sheet('学生').store.maxRows = 5000;
    fakes().ui.alertAnswers.push('YES');
    fakes().calls.reset();
    menuNewSchoolYear();
    expect(fakes().ui.alerts.at(-1)?.prompt).toContain('已为“2027年秋季学期”追加');
    expect(fakes().calls.total()).toBe(NEW_YEAR_CALLS);
  });
});

/** Measured: the same for 60 students as for 600. */
const NEW_YEAR_CALLS = 76;
