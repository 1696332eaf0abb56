// The onEdit hint inside Google Sheets (over the counting fake): verdicts and stamps on the edited rows only.
import { onEdit } from '../../src/gas/main';
import { MY_NAME_KEY } from '../../src/app/who';
import type { Cell } from '../../src/core/grid';
import { school, tableGrid, visit, homeVisit, type Row } from '../core/helpers';
import type { FakeSheet } from '../fakes/gas';
import {
  columnNotes,
  columnValues,
  editEvent,
  NOW,
  snapshot,
  typeRows,
  typeChangeLog,
  typeSheets,
  useGasFakes,
} from './fixture';

const fakes = useGasFakes();

/** Existing rows: numbered V-1, V-2 and V-7 (the school skipped some numbers). */
const EXISTING: Row[] = [
  visit('2027-04-01', '张校长', '陈红', { id: 'V-1', enteredBy: 'a@school.example' }),
  visit('2027-04-02', '李副校长', '林国栋', { id: 'V-2' }),
  visit('2027-04-03', '王主任', '吴老师', { id: 'V-7' }),
];

function rowsOf(table: 'visits' | 'homeVisits', rows: Row[]): Cell[][] {
  return tableGrid(table, 'zh', rows).slice(1);
}

function visitsSheet(): FakeSheet {
  return fakes().spreadsheet.sheet('走访记录');
}

/** 50 distinct valid visits of 校长室's two leaders on April days. */
function fiftyVisits(): Row[] {
  const targets = ['陈红', '刘洋', '黄敏', '杨帆', '何静', '马丽', '林国栋', '郭志强'];
  return Array.from({ length: 50 }, (_, i) =>
    visit(
      `2027-04-${String(8 + Math.floor(i / 16)).padStart(2, '0')}`,
      i % 2 ? '李副校长' : '张校长',
      targets[(i >> 1) % 8]!,
    ),
  );
}

beforeEach(() => {
  typeSheets(
    fakes().spreadsheet,
    school({
      visits: EXISTING,
      homeVisits: [homeVisit('2027-04-06', '赵老师', '一(1)班', '李明', { id: 'H-3' })],
    }),
  );
  typeChangeLog(fakes().spreadsheet);
});

describe('an edit of one row', () => {
  it('writes ✓ into 校验 and stamps 编号 (after the largest), 录入人 and 录入时间', () => {
    typeRows(visitsSheet(), 5, rowsOf('visits', [visit('2027-04-18', '张校长', '刘洋')]));
    onEdit(editEvent(fakes(), visitsSheet(), 5, 5, 15));
    expect(columnValues(visitsSheet(), '校验')).toEqual(['', '', '', '✓']);
    expect(columnValues(visitsSheet(), '编号')).toEqual(['V-1', 'V-2', 'V-7', 'V-8']);
    expect(columnValues(visitsSheet(), '录入人')[3]).toBe('teacher@school.example');
    // Written as the school's wall-clock text '2027-04-20 10:00', which Sheets reads as that date-time.
    expect(columnValues(visitsSheet(), '录入时间')[3]).toEqual(NOW);
  });

  it('keeps stamps that are there, and every cell the person typed', () => {
    typeRows(
      visitsSheet(),
      5,
      rowsOf('visits', [visit('2027-04-18', '张校长', '刘洋', { enteredBy: '王老师' })]),
    );
    const typed = snapshot(visitsSheet()) as { values: unknown[][] };
    onEdit(editEvent(fakes(), visitsSheet(), 5, 5, 15));
    const after = snapshot(visitsSheet()) as { values: unknown[][] };
    const checkable = (values: unknown[][]) =>
      values.map((row) => row.filter((_, c) => ![0, 1, 17].includes(c))); // 编号, 校验, 录入时间
    expect(checkable(after.values)).toEqual(checkable(typed.values));
    expect(columnValues(visitsSheet(), '录入人')[3]).toBe('王老师');
  });

  it('stamps the name the person picked in the sidebar when Apps Script gives no email', () => {
    fakes().Session.activeEmail = '';
    fakes().PropertiesService.user(fakes().Session.temporaryKey).data.set(MY_NAME_KEY, '张校长');
    typeRows(visitsSheet(), 5, rowsOf('visits', [visit('2027-04-18', '张校长', '刘洋')]));
    onEdit(editEvent(fakes(), visitsSheet(), 5, 5, 15));
    expect(columnValues(visitsSheet(), '录入人')[3]).toBe('张校长');
  });

  it('gives a typed bad date its message in 校验 and keeps what was typed', () => {
    typeRows(visitsSheet(), 5, rowsOf('visits', [visit('2027-02-30', '张校长', '刘洋')]));
    onEdit(editEvent(fakes(), visitsSheet(), 5, 5, 1));
    const message = '日期“2027-02-30”无法识别，请写成 2027-04-05、2027/4/5、2027.4.5 或 2027年4月5日';
    expect(columnValues(visitsSheet(), '校验')[3]).toBe(`✗ 1 个错误：${message}`);
    expect(columnNotes(visitsSheet(), '校验')[3]).toBe(`错误｜走访日期：${message}`);
    expect(columnValues(visitsSheet(), '走访日期')[3]).toBe('2027-02-30');
  });

  it('lists every problem in the note, errors first, and shows warnings as ⚠ when there is no error', () => {
    typeRows(
      visitsSheet(),
      5,
      rowsOf('visits', [
        visit('2027-04-18', '张校长', '刘洋、路人甲', { record: '' }),
        visit('2027-04-19', '无名氏', '刘洋', { mode: '飞鸽传书' }),
      ]),
    );
    onEdit(editEvent(fakes(), visitsSheet(), 5, 6, 15));
    const [warned, failed] = columnValues(visitsSheet(), '校验').slice(3) as string[];
    expect(warned).toMatch(/^⚠ 2 条提醒：/);
    expect(columnNotes(visitsSheet(), '校验')[3]?.split('\n')).toHaveLength(2);
    expect(failed).toMatch(/^✗ 2 个错误：“无名氏”不在人员名单中/);
    expect(columnNotes(visitsSheet(), '校验')[4]).toContain('方式“飞鸽传书”不在可选范围内');
  });

  it('checks home visits too, numbering them H-n', () => {
    const sheet = fakes().spreadsheet.sheet('家访记录');
    typeRows(
      sheet,
      3,
      rowsOf('homeVisits', [homeVisit('2027-04-18', '赵老师', '一(1)班', '张伟', { mode: '上门' })]),
    );
    onEdit(editEvent(fakes(), sheet, 3, 3, 15));
    expect(columnValues(sheet, '编号')).toEqual(['H-3', 'H-4']);
    expect(columnValues(sheet, '校验')[1]).toBe('⚠ 1 条提醒：上门家访没有协同教师（方案建议两三人协同上门）');
  });
});

describe('the answer where the person is looking', () => {
  it('stamps 录入人 with the staff name when the email is on 人员', () => {
    const sheet = fakes().spreadsheet.sheet('人员');
    const header = sheet.store.values()[0] as string[];
    const row = (sheet.store.values() as unknown[][]).findIndex((r) => r[0] === '赵老师') + 1;
    sheet.store.type(row, header.indexOf('邮箱') + 1, 'Teacher@School.example');
    typeRows(visitsSheet(), 5, rowsOf('visits', [visit('2027-04-18', '张校长', '刘洋')]));
    onEdit(editEvent(fakes(), visitsSheet(), 5, 5, 3));
    expect(columnValues(visitsSheet(), '录入人')[3]).toBe('赵老师');
  });

  it('puts a row’s problem in a toast and a note on the edited cell, for two calls more', () => {
    typeRows(visitsSheet(), 5, rowsOf('visits', [visit('2027-04-18', '张校长', '刘洋')]));
    fakes().calls.reset();
    onEdit(editEvent(fakes(), visitsSheet(), 5, 5, 3));
    const clean = fakes().calls.total();
    expect(fakes().spreadsheet.toasts).toEqual([]);

    typeRows(visitsSheet(), 6, rowsOf('visits', [visit('2027-02-30', '张校长', '刘洋')]));
    fakes().calls.reset();
    onEdit(editEvent(fakes(), visitsSheet(), 6, 6, 3)); // 编号, 校验 and 走访日期
    expect(fakes().spreadsheet.toasts).toEqual([
      {
        title: '校验 · 第 6 行',
        message: expect.stringMatching(/^第 6 行：✗ 1 个错误：日期“2027-02-30”无法识别/),
      },
    ]);
    const note = visitsSheet().store.peek(6, 3)?.note ?? ''; // on 走访日期, the cell edited
    expect(note).toMatch(/^校验（2027-04-20 10:00）：✗ 1 个错误/);
    expect(note).toContain('改正后以本行“校验”列为准');
    // The 校验 cell keeps its own note; the typed date is untouched.
    expect(columnValues(visitsSheet(), '走访日期')[4]).toBe('2027-02-30');
    expect(clean).toBe(EDIT_CHECK_CALLS);
    expect(fakes().calls.total()).toBe(EDIT_CHECK_CALLS + 2);
  });
});

describe('stamps written around what is there', () => {
  it('leaves a 编号 formula of a neighbouring row alone: only the empty cells get a number', () => {
    const sheet = visitsSheet();
    typeRows(
      sheet,
      5,
      rowsOf('visits', [
        visit('2027-04-18', '张校长', '刘洋'),
        visit('2027-04-18', '张校长', '黄敏'),
        visit('2027-04-19', '张校长', '杨帆'),
      ]),
    );
    // The school numbered row 6 with a formula of its own, which shows V-20.
    Object.assign(sheet.store.cell(6, 1), { formula: '="V-"&(ROW()+14)', value: 'V-20' });
    fakes().calls.reset();
    onEdit(editEvent(fakes(), sheet, 5, 7, 15));
    expect(sheet.store.peek(6, 1)).toMatchObject({ formula: '="V-"&(ROW()+14)', value: 'V-20' });
    expect(columnValues(sheet, '编号')).toEqual(['V-1', 'V-2', 'V-7', 'V-21', 'V-20', 'V-22']);
    expect(columnValues(sheet, '校验').slice(3)).toEqual(['✓', '✓', '✓']);
    // Two runs of 编号 (rows 5 and 7): one more write than a block without a gap.
    expect(fakes().calls.total()).toBe(EDIT_CHECK_CALLS + 2);
  });
  it('leaves alone a 编号 formula that shows nothing (read() cannot tell it from an empty cell)', () => {
    const sheet = visitsSheet();
    typeRows(sheet, 5, rowsOf('visits', [visit('2027-04-18', '张校长', '刘洋')]));
    const formula = { formula: '=IF(B5="","","")', value: '' };
    Object.assign(sheet.store.cell(5, 1), formula);
    onEdit(editEvent(fakes(), sheet, 5, 5, 15));
    expect(sheet.store.peek(5, 1)).toMatchObject(formula);
    expect(columnValues(sheet, '校验')[3]).toBe('✓');
    expect(columnValues(sheet, '录入时间')[3]).toEqual(NOW);
  });
});

describe('a 50-row paste', () => {
  it('checks and stamps all 50 rows with the same calls as one row', () => {
    typeRows(visitsSheet(), 5, rowsOf('visits', [visit('2027-04-18', '张校长', '刘洋')]));
    fakes().calls.reset();
    onEdit(editEvent(fakes(), visitsSheet(), 5, 5, 15));
    const oneRow = fakes().calls.total();

    typeRows(visitsSheet(), 6, rowsOf('visits', fiftyVisits()));
    fakes().calls.reset();
    onEdit(editEvent(fakes(), visitsSheet(), 6, 55, 15));
    const paste = fakes().calls.total();

    expect(columnValues(visitsSheet(), '校验').slice(4)).toEqual(Array(50).fill('✓'));
    expect(columnValues(visitsSheet(), '编号').slice(4)).toEqual(
      Array.from({ length: 50 }, (_, i) => `V-${i + 9}`),
    );
    expect(columnValues(visitsSheet(), '录入时间').slice(4)).toEqual(Array(50).fill(NOW));
    expect(paste).toBe(oneRow);
    expect(paste).toBe(EDIT_CHECK_CALLS);
  });
});

describe('a paste over the header row', () => {
  it('gives row 1 no verdict, and the rows below name a required column the paste renamed', () => {
    const sheet = visitsSheet();
    sheet.store.type(1, 3, '日期'); // 走访日期 renamed
    onEdit(editEvent(fakes(), sheet, 1, 3, 15));
    expect(sheet.store.peek(1, 2)?.value).toBe('校验');
    const verdicts = columnValues(sheet, '校验');
    for (const verdict of verdicts.slice(0, 2)) {
      expect(verdict).toBe('✗ 2 个错误：工作表“走访记录”缺少必需的列“走访日期”');
    }
    expect(columnNotes(sheet, '校验')[0]?.split('\n')).toEqual([
      '错误｜工作表“走访记录”缺少必需的列“走访日期”',
      '错误｜走访日期：缺少日期',
    ]);
    expect(verdicts[2]).toBe('');
  });

  it('writes nothing when only the header row was edited', () => {
    fakes().calls.reset();
    onEdit(editEvent(fakes(), visitsSheet(), 1, 1, 15));
    expect(fakes().calls.count('Range.setValues')).toBe(0);
    expect(fakes().calls.total()).toBe(4);
  });
});

describe('edits the check leaves alone', () => {
  // An edit of 人员 and the others is logged in 修改日志, not checked: tests/gas/change-log.test.ts.

  it('writes nothing while another execution holds the document lock (the recompute catches up)', () => {
    typeRows(visitsSheet(), 5, rowsOf('visits', [visit('2027-04-18', '张校长', '刘洋')]));
    fakes().LockService.document.holdByOther();
    const before = snapshot(visitsSheet());
    expect(() => onEdit(editEvent(fakes(), visitsSheet(), 5, 5, 15))).not.toThrow();
    expect(snapshot(visitsSheet())).toEqual(before);
  });
});

/**
 * Measured; written in docs/benchmarks.md. 45 before 修改日志; +7 for it: the range's column and width (which the
 * answer to a problem used to ask on its own), one append (getLastRow, getMaxRows, getRange, setValues) and
 * the name of one more sheet in the listing; +2 for reading 问题整改 (getDataRange, getValues), so that a
 * 整改编号 naming no item gets the same verdict as in a recompute (issue 10).
 */
const EDIT_CHECK_CALLS = 55;
