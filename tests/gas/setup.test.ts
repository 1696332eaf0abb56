// Set-up inside Google Sheets (over the counting fake): every sheet on an empty workbook, only what is missing on a filled one.
import { setUpWorkbook } from '../../src/app/setup';
import { GasWorkbook } from '../../src/gas/workbook';
import { defaultHeaders, sheetName, TABLE_KEYS, TABLES } from '../../src/core/tables';
import { settingsRows, defaultSettings } from '../../src/core/defaults';
import type { FakeDataValidation, FakeRange, FakeSheet } from '../fakes/gas';
import { school, tableGrid, visit } from '../core/helpers';
import { snapshot, typeSheets, useGasFakes } from './fixture';

const fakes = useGasFakes();

function headerOf(sheet: FakeSheet): unknown[] {
  return sheet.store.values()[0] ?? [];
}

/** The validation of the first data cell under a header. */
function validationUnder(sheet: FakeSheet, header: string): FakeDataValidation | null {
  const column = headerOf(sheet).indexOf(header) + 1;
  expect(column).toBeGreaterThan(0);
  return (sheet.store.peek(2, column)?.validation as FakeDataValidation | null) ?? null;
}

function formatUnder(sheet: FakeSheet, header: string, row = 2): string {
  const column = headerOf(sheet).indexOf(header) + 1;
  return sheet.store.peek(row, column)?.numberFormat ?? 'General';
}

describe('set-up on an empty workbook', () => {
  beforeEach(() => {
    fakes().spreadsheet.addSheet('工作表1');
  });

  it('creates every sheet of §2 with its header row, frozen, and the widths of the tables', () => {
    const result = setUpWorkbook(new GasWorkbook(), 'zh', '2027-04-20');
    const names = TABLE_KEYS.map((k) => sheetName(k, 'zh'));
    expect(result.created).toEqual(names);
    expect(fakes().spreadsheet.sheets.map((s) => s.name)).toEqual(['工作表1', ...names]);
    for (const key of TABLE_KEYS) {
      const sheet = fakes().spreadsheet.sheet(sheetName(key, 'zh'));
      expect(headerOf(sheet)).toEqual(defaultHeaders(key, 'zh'));
      expect(sheet.store.frozenRows).toBe(1);
      expect(sheet.store.peek(1, 1)?.fontWeight).toBe('bold');
      TABLES[key].columns.forEach((c, i) => expect(sheet.store.columnWidths.get(i + 1)).toBe(c.width));
    }
  });

  it('offers dropdowns: the modes (home visits only 上门/电话/来校), follow-up, status, active, and the rosters', () => {
    setUpWorkbook(new GasWorkbook(), 'zh', '2027-04-20');
    const s = fakes().spreadsheet;
    const list = (sheet: string, header: string) => {
      const rule = validationUnder(s.sheet(sheet), header);
      expect(rule?.criteria).toBe('VALUE_IN_LIST');
      expect(rule?.allowInvalid).toBe(true);
      return rule?.values[0];
    };
    expect(list('走访记录', '方式')).toEqual(['上门', '电话', '来校', '集中走访', '面谈']);
    expect(list('家访记录', '方式')).toEqual(['上门', '电话', '来校']);
    expect(list('走访记录', '处理方式')).toEqual(['及时汇报', '研究实践', '已解决', '无需处理']);
    expect(list('问题整改', '状态')).toEqual(['待整改', '整改中', '已完成', '已建章立制']);
    expect(list('人员', '在岗')).toEqual(['是', '否']);

    const roster = (sheet: string, header: string) => {
      const rule = validationUnder(s.sheet(sheet), header);
      expect(rule?.criteria).toBe('VALUE_IN_RANGE');
      const range = rule?.values[0] as FakeRange;
      return [range.sheet.name, range.column, range.row];
    };
    expect(roster('走访记录', '走访人')).toEqual(['人员', 1, 2]);
    expect(roster('家访记录', '家访教师')).toEqual(['人员', 1, 2]);
    expect(roster('家访记录', '班级')).toEqual(['学生', 3, 2]);
    // The validation reaches the last row of the sheet, not only the first data row.
    const visits = s.sheet('走访记录');
    const mode = (visits.store.values()[0] ?? []).indexOf('方式') + 1;
    expect(visits.store.peek(1000, mode)?.validation).toBe(validationUnder(visits, '方式'));
  });

  it('formats date and ID columns, and colours 校验 ✗ red and ⚠ amber', () => {
    setUpWorkbook(new GasWorkbook(), 'zh', '2027-04-20');
    const visits = fakes().spreadsheet.sheet('走访记录');
    expect(formatUnder(visits, '走访日期')).toBe('yyyy-mm-dd');
    expect(validationUnder(visits, '走访日期')?.criteria).toBe('DATE_IS_VALID_DATE');
    expect(formatUnder(visits, '编号')).toBe('@');
    expect(formatUnder(fakes().spreadsheet.sheet('学生'), '学号')).toBe('@');
    const rules = visits.conditionalFormatRules.map((r) => [r.startsWith, r.background, r.ranges[0]?.column]);
    // 编号 and 校验 frozen on the left: the verdict stays in sight however far right a person scrolls.
    expect(visits.store.frozenColumns).toBe(2);
    expect(fakes().spreadsheet.sheet('家访记录').store.frozenColumns).toBe(2);
    expect(rules).toEqual([
      ['✗', '#f4cccc', 2], // 校验, right after 编号
      ['⚠', '#fff2cc', 2],
    ]);
  });

  it('fills 设置 and 部门指标 with the plan’s defaults', () => {
    setUpWorkbook(new GasWorkbook(), 'zh', '2027-04-20');
    const settings = fakes().spreadsheet.sheet('设置').store.values();
    const expected = settingsRows(defaultSettings('zh', '2027-04-20'), 'zh');
    expect(settings.length).toBe(expected.length + 1);
    // 设置's value column is text: the date stays as written (Sheets would not turn it into a date).
    const start = settings.find((r) => r[0] === '活动开始日期')?.[1];
    expect(start).toBe('2027-03-25');
    expect(settings.find((r) => r[0] === '语言')?.[1]).toBe('zh');
    const units = fakes().spreadsheet.sheet('部门指标').store.values();
    expect(units.slice(1).map((r) => [r[0], r[2]])).toEqual([
      ['校长室', 5],
      ['学生中心', 5],
      ['发展中心', 3],
      ['课程中心', 3],
      ['服务中心', 3],
      ['全体教师', 5],
    ]);
  });

  it('makes an English workbook when asked', () => {
    setUpWorkbook(new GasWorkbook(), 'en', '2027-04-20');
    const visits = fakes().spreadsheet.sheet('Visits');
    expect(headerOf(visits)).toEqual(defaultHeaders('visits', 'en'));
    expect(
      (validationUnder(fakes().spreadsheet.sheet('Home visits'), 'Mode')?.values[0] as string[]).length,
    ).toBe(3);
  });

  it('takes a fixed number of service calls', () => {
    fakes().calls.reset();
    setUpWorkbook(new GasWorkbook(), 'zh', '2027-04-20');
    expect(fakes().calls.total()).toBe(SET_UP_CALLS_EMPTY);
  });
});

describe('set-up on a half-filled workbook', () => {
  /** The school's own 走访记录: reordered, an extra column, and no 编号 / 录入人 / 录入时间 / 校验. */
  const OWN_VISITS = [
    ['走访人', '走访日期', '走访对象', '方式', '情况记录', '天气'],
    ['张校长', new Date('2027-04-02T00:00:00+08:00'), '陈红', '面谈', '谈了课后服务', '晴'],
    ['李副校长', '2027年4月6日', '林国栋、郭志强', '集中走访', '', '雨'],
    [null, null, null, null, null, null],
    ['王主任', '2027/4/8', '吴老师', '电话', '教研安排', null],
  ];

  function fill(): void {
    const sheets = school({ omit: ['students', 'homeVisits', 'rectification', 'suggestions'] });
    typeSheets(
      fakes().spreadsheet,
      sheets.map((s) => (s.name === '走访记录' ? { name: s.name, grid: OWN_VISITS } : s)),
    );
    const settings = fakes().spreadsheet.sheet('设置');
    settings.store.cell(2, 2).value = '实验小学';
    settings.store.cell(2, 2).note = '校办填写';
    const visits = fakes().spreadsheet.sheet('走访记录');
    visits.store.cell(3, 5).background = '#ffff00';
    visits.store.cell(2, 2).numberFormat = 'yyyy"年"m"月"d"日"';
    visits.store.frozenRows = 2;
  }

  /** What a person sees in the cells a sheet had before set-up (rows and columns of its used range then). */
  function region(sheet: FakeSheet, rows: number, columns: number): unknown {
    const cut = <T>(grid: T[][]) => grid.slice(0, rows).map((r) => r.slice(0, columns));
    const all = snapshot(sheet) as Record<string, unknown[][]>;
    return Object.fromEntries(
      ['values', 'formulas', 'notes', 'formats', 'backgrounds', 'weights', 'validations'].map((k) => [
        k,
        cut(all[k] ?? []),
      ]),
    );
  }

  it('adds the missing sheets and columns, and leaves every existing cell as it was', () => {
    fill();
    const before = fakes().spreadsheet.sheets.map((s) => ({
      name: s.name,
      rows: s.store.lastRow(),
      columns: s.store.lastColumn(),
      whole: snapshot(s),
    }));
    const beforeRegions = before.map((b) => region(fakes().spreadsheet.sheet(b.name), b.rows, b.columns));

    const result = setUpWorkbook(new GasWorkbook(), 'zh', '2027-04-20');

    expect(result.created).toEqual(['学生', '学期', '家访记录', '问题整改', '献计']);
    expect(result.addedColumns).toEqual([
      {
        sheet: '走访记录',
        columns: [
          '编号',
          '校验',
          '同行人',
          '走访目的',
          '意见建议',
          '处理方式',
          '跟进人',
          '跟进结果',
          '办结日期',
          '整改编号',
          '照片',
          '录入人',
          '录入时间',
        ],
      },
    ]);
    before.forEach((b, i) => {
      const sheet = fakes().spreadsheet.sheet(b.name);
      expect({ sheet: b.name, cells: region(sheet, b.rows, b.columns) }).toEqual({
        sheet: b.name,
        cells: beforeRegions[i],
      });
      if (b.name !== '走访记录')
        expect({ sheet: b.name, all: snapshot(sheet) }).toEqual({ sheet: b.name, all: b.whole });
    });
    // 设置 keeps the school's values and gets no defaults appended.
    expect(fakes().spreadsheet.sheet('设置').store.lastRow()).toBe(before[0]?.rows);
    // The new columns sit to the right of 天气, with their formats; the school's frozen rows stay.
    const visits = fakes().spreadsheet.sheet('走访记录');
    expect(headerOf(visits).slice(5)).toEqual(['天气', ...result.addedColumns[0]!.columns]);
    expect(visits.store.frozenRows).toBe(2);
    expect(validationUnder(visits, '处理方式')?.values[0]).toEqual([
      '及时汇报',
      '研究实践',
      '已解决',
      '无需处理',
    ]);
    expect(formatUnder(visits, '编号')).toBe('@');
    expect(visits.conditionalFormatRules.map((r) => r.startsWith)).toEqual(['✗', '⚠']);
    expect(visits.store.columnWidths.size).toBe(0);
  });

  it('changes nothing when run a second time', () => {
    fill();
    setUpWorkbook(new GasWorkbook(), 'zh', '2027-04-20');
    const once = fakes().spreadsheet.sheets.map((s) => ({ name: s.name, all: snapshot(s) }));
    const again = setUpWorkbook(new GasWorkbook(), 'zh', '2027-04-20');
    expect(again).toEqual({ created: [], addedColumns: [] });
    expect(fakes().spreadsheet.sheets.map((s) => ({ name: s.name, all: snapshot(s) }))).toEqual(once);
  });

  it('recognises English sheet names and does not add Chinese twins', () => {
    typeSheets(fakes().spreadsheet, [
      { name: 'Visits', grid: tableGrid('visits', 'en', [visit('2027-04-05', 'A', 'B')]) },
    ]);
    const result = setUpWorkbook(new GasWorkbook(), 'zh', '2027-04-20');
    expect(result.created).not.toContain('走访记录');
    expect(fakes().spreadsheet.sheets.map((s) => s.name)).toContain('Visits');
  });

  it('on a complete workbook takes a fixed number of calls: it lists and reads, and writes nothing', () => {
    setUpWorkbook(new GasWorkbook(), 'zh', '2027-04-20');
    fakes().calls.reset();
    setUpWorkbook(new GasWorkbook(), 'zh', '2027-04-20');
    expect(fakes().calls.total()).toBe(SET_UP_CALLS_COMPLETE);
    expect(fakes().calls.count('Range.setValues')).toBe(0);
  });
});

/** Measured; written in docs/benchmarks.md. */
const SET_UP_CALLS_EMPTY = 417; // 2 frozen columns (编号, 校验) on each visit sheet; the dropdowns of the new columns; the 学期 rows appended
const SET_UP_CALLS_COMPLETE = 36; // the 学期 sheet read with its rows
