// The workbook init writes: every sheet, the plan's settings and units, frozen headers, dropdowns, widths, date columns.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { cli, tempDir } from './helpers';
import { zh } from '../../src/core/i18n/zh';

let dir: string;
let book: ExcelJS.Workbook;

beforeAll(async () => {
  dir = await tempDir();
  const file = path.join(dir, 'new.xlsx');
  const run = await cli(['init', file, '--today', '2027-04-20']);
  expect(run).toEqual({ code: 0, out: `已写入 ${file}`, err: '' });
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

type Validations = Record<string, ExcelJS.DataValidation | undefined>;
const validationsOf = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { model: Validations } }).dataValidations.model;

function column(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((cell, c) => {
    if (cell.value === header) found = c;
  });
  expect(found).toBeGreaterThan(0);
  return found;
}

describe('init FILE', () => {
  it('writes every record sheet, with the plan settings and units', () => {
    expect(book.worksheets.map((ws) => ws.name)).toEqual([
      '设置',
      '部门指标',
      '人员',
      '走访对象',
      '学生',
      '学期',
      '走访记录',
      '家访记录',
      '问题整改',
      '献计',
      '讨论活动',
    ]);
    const settings = book.getWorksheet('设置')!;
    const values = new Map<string, unknown>();
    settings.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('活动开始日期')).toBe('2027-03-25');
    expect(values.get('语言')).toBe('zh');
    const units = book.getWorksheet('部门指标')!;
    expect(units.actualRowCount).toBe(7);
    expect(units.getCell('A7').value).toBe('全体教师');
    expect(book.getWorksheet('走访记录')!.actualRowCount).toBe(1);
  });

  it('freezes the header row and sets column widths on every record sheet', () => {
    for (const ws of book.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getColumn(1).width).toBeGreaterThan(5);
    }
    const visits = book.getWorksheet('走访记录')!;
    expect(visits.getColumn(column(visits, '情况记录')).width!).toBeGreaterThan(
      visits.getColumn(column(visits, '编号')).width!,
    );
  });

  it('offers dropdowns for mode, follow-up, status and visitor, and formats date columns as dates', () => {
    const visits = book.getWorksheet('走访记录')!;
    const v = validationsOf(visits);
    const at = (ws: ExcelJS.Worksheet, header: string, row = 2) =>
      validationsOf(ws)[`${ws.getColumn(column(ws, header)).letter}${row}`];
    expect(at(visits, '方式')).toMatchObject({ type: 'list', formulae: ['"上门,电话,来校,集中走访,面谈"'] });
    expect(at(visits, '方式', 500)?.formulae).toEqual(['"上门,电话,来校,集中走访,面谈"']);
    expect(at(visits, '处理方式')?.formulae).toEqual([`"${Object.values(zh.values.followUps).join(',')}"`]);
    expect(at(visits, '走访人')?.formulae?.[0]).toMatch(/^'人员'!\$A\$2:\$A\$\d+$/);
    expect(Object.keys(v).length).toBeGreaterThan(0);
    const home = book.getWorksheet('家访记录')!;
    expect(at(home, '方式')?.formulae).toEqual(['"上门,电话,来校"']);
    const ledger = book.getWorksheet('问题整改')!;
    expect(at(ledger, '状态')?.formulae).toEqual(['"待整改,整改中,已完成,已建章立制"']);
    expect(visits.getColumn(column(visits, '走访日期')).numFmt).toBe('yyyy-mm-dd');
  });
});
