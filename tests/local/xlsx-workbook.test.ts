// The .xlsx WorkbookPort: reading dates as serials, text kept as text, formats written, atomic saves, bad files.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { newXlsx, openXlsx, WorkbookFileError, XlsxWorkbook } from '../../src/local/xlsx-workbook';
import { parseDateCell } from '../../src/core/dates';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vl-xlsx-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function roundTrip(wb: XlsxWorkbook, name = 'w.xlsx'): Promise<XlsxWorkbook> {
  const file = path.join(dir, name);
  await wb.save(file);
  return openXlsx(file);
}

describe('reading', () => {
  it('gives date cells as the ISO text of their serials, whatever the machine’s time zone', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('走访记录');
    ws.addRow(['走访日期', '走访人']);
    // exceljs builds date cells from UTC instants; Excel shows 2027-04-30 for this one.
    ws.addRow([new Date(Date.UTC(2027, 3, 30)), '张三']);
    ws.addRow([new Date(Date.UTC(2027, 3, 30, 22, 30)), '李四']);
    ws.getColumn(1).numFmt = 'yyyy-mm-dd';
    const file = path.join(dir, 'dates.xlsx');
    await book.xlsx.writeFile(file);
    const grid = (await openXlsx(file)).read('走访记录')!;
    expect(grid[1]![0]).toBe('2027-04-30');
    expect(grid[2]![0]).toBe('2027-04-30 22:30');
    expect(parseDateCell(grid[1]![0])).toBe('2027-04-30');
    expect(parseDateCell(grid[2]![0])).toBe('2027-04-30');
  });

  it('reads rich text, formula results and hyperlinks as their text, and pads rows to the used width', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('S');
    ws.getCell('A1').value = { richText: [{ text: '张' }, { text: '三', font: { bold: true } }] };
    ws.getCell('B1').value = { formula: '1+2', result: 3 };
    ws.getCell('C1').value = { text: 'link', hyperlink: 'https://example.com' };
    ws.getCell('A3').value = 'x';
    const file = path.join(dir, 'kinds.xlsx');
    await book.xlsx.writeFile(file);
    const grid = (await openXlsx(file)).read('S');
    expect(grid).toEqual([
      ['张三', 3, 'link'],
      [null, null, null],
      ['x', null, null],
    ]);
  });

  it('says undefined for a sheet that is not there', () => {
    expect(newXlsx().read('nope')).toBeUndefined();
  });
});

describe('writing', () => {
  it('keeps text starting with = + - @ as text, and appends after the last used row', async () => {
    const wb = newXlsx();
    wb.create('S', ['A', 'B'], {});
    expect(wb.append('S', [['=1+2', '+8613800000000']])).toBe(2);
    expect(
      wb.append('S', [
        ['-x', '@me'],
        ['plain', 5],
      ]),
    ).toBe(3);
    const back = await roundTrip(wb);
    expect(back.read('S')).toEqual([
      ['A', 'B'],
      ['=1+2', '+8613800000000'],
      ['-x', '@me'],
      ['plain', 5],
    ]);
    const raw = back.book.getWorksheet('S')!.getCell('A2');
    expect(raw.type).toBe(ExcelJS.ValueType.String);
  });

  it('create leaves an existing sheet alone; replace keeps the tab position; delete removes', async () => {
    const wb = newXlsx();
    wb.create('One', ['a'], {});
    wb.create('Two', ['b'], {});
    wb.create('Three', ['c'], {});
    wb.append('One', [['kept']]);
    wb.create('One', ['other'], {});
    wb.replace('Two', [['new'], ['rows']], {});
    wb.replace('Four', [['x']], {});
    wb.deleteSheet('Three');
    wb.deleteSheet('Missing');
    const back = await roundTrip(wb);
    expect(back.sheetNames()).toEqual(['One', 'Two', 'Four']);
    expect(back.read('One')).toEqual([['a'], ['kept']]);
    expect(back.read('Two')).toEqual([['new'], ['rows']]);
  });

  it('writes a column with notes, and clears a note with an empty one', async () => {
    const wb = newXlsx();
    wb.create('S', ['A', 'Check'], {});
    wb.append('S', [['a'], ['b']]);
    wb.writeColumn('S', 1, 2, ['✓', '✗ 1'], ['', 'bad date']);
    wb.writeColumn('S', 1, 2, ['✓'], ['']);
    const back = await roundTrip(wb);
    expect(back.read('S')).toEqual([
      ['A', 'Check'],
      ['a', '✓'],
      ['b', '✗ 1'],
    ]);
    const ws = back.book.getWorksheet('S')!;
    expect(ws.getCell('B3').note).toBe('bad date');
    expect(ws.getCell('B2').note).toBeUndefined();
  });

  it('tells which cells of a column hold a formula (read() gives only their results)', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('S');
    ws.addRow(['编号']);
    ws.addRow(['V-1']);
    ws.addRow([{ formula: 'IF(B3="","","V-2")', result: '' }]);
    ws.addRow([null]);
    const wb = new XlsxWorkbook(book);
    expect(wb.read('S')).toEqual([['编号'], ['V-1']]);
    expect(wb.formulaCells('S', 0, 2, 3)).toEqual([false, true, false]);
  });

  it('applies the format: frozen header, widths, dropdowns, date and text columns, colours, bold', async () => {
    const wb = newXlsx();
    wb.create('人员', ['姓名'], {});
    wb.append('人员', [['张三'], ['李四']]);
    wb.create('走访记录', ['走访日期', '走访人', '方式', '编号'], {
      frozenRows: 1,
      widths: [100, 90, 70, 70],
      choices: [{ column: 2, values: ['上门', '电话'] }],
      rosterChoices: [{ column: 1, sheet: '人员', sourceColumn: 0 }],
      dateColumns: [0],
      textColumns: [3],
      backgrounds: [['#ffeeaa', null, null, null]],
      boldRows: [0],
    });
    wb.append('走访记录', [[46500, '张三', '上门', '001']]);
    const back = await roundTrip(wb);
    const ws = back.book.getWorksheet('走访记录')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(1).width).toBeCloseTo(100 / 7, 0);
    const validations = (
      ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    expect(validations['C2']).toMatchObject({ type: 'list', formulae: ['"上门,电话"'] });
    expect(validations['B50']?.formulae?.[0]).toMatch(/^'人员'!\$A\$2:\$A\$\d+$/);
    expect(ws.getCell('A2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('A2').value).toBeInstanceOf(Date);
    expect(ws.getCell('D2').numFmt).toBe('@');
    // A date cell reaches the engine as the ISO text of its serial.
    expect(back.read('走访记录')![1]).toEqual(['2027-04-23', '张三', '上门', '001']);
    expect((ws.getCell('A1').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFEEAA');
    expect(ws.getCell('B1').font?.bold).toBe(true);
  });

  it('saves through a temporary file and leaves no temporary file behind', async () => {
    const wb = newXlsx();
    wb.create('S', ['A'], {});
    const file = path.join(dir, 'out.xlsx');
    await wb.save(file);
    await wb.save(file);
    expect(await fs.readdir(dir)).toEqual(['out.xlsx']);
  });
});

describe('opening bad files', () => {
  async function problemOf(file: string): Promise<string> {
    try {
      await openXlsx(file);
    } catch (error) {
      expect(error).toBeInstanceOf(WorkbookFileError);
      return (error as WorkbookFileError).problem;
    }
    throw new Error('opened');
  }

  it('names a missing file, a text file, a zero-byte file and a workbook with no sheets', async () => {
    expect(await problemOf(path.join(dir, 'none.xlsx'))).toBe('missing');
    await fs.writeFile(path.join(dir, 'text.xlsx'), 'not a workbook\n');
    expect(await problemOf(path.join(dir, 'text.xlsx'))).toBe('notXlsx');
    await fs.writeFile(path.join(dir, 'zero.xlsx'), '');
    expect(await problemOf(path.join(dir, 'zero.xlsx'))).toBe('empty');
    await new ExcelJS.Workbook().xlsx.writeFile(path.join(dir, 'nosheets.xlsx'));
    expect(await problemOf(path.join(dir, 'nosheets.xlsx'))).toBe('empty');
    expect(await problemOf(dir)).toBe('folder');
  });
});

describe('read-only opening', () => {
  it('reads the same grid without the dropdowns, and refuses to save', async () => {
    const wb = newXlsx();
    wb.create('S', ['方式'], { choices: [{ column: 0, values: ['上门', '电话'] }] });
    wb.append('S', [['上门']]);
    const file = path.join(dir, 'ro.xlsx');
    await wb.save(file);
    const full = await openXlsx(file);
    const light = await openXlsx(file, { readOnly: true });
    expect(light.read('S')).toEqual(full.read('S'));
    const model = (w: XlsxWorkbook) =>
      (w.book.getWorksheet('S') as unknown as { dataValidations: { model: object } }).dataValidations.model;
    expect(Object.keys(model(full)).length).toBeGreaterThan(0);
    expect(Object.keys(model(light))).toHaveLength(0);
    await expect(light.save(path.join(dir, 'other.xlsx'))).rejects.toThrow(/read-only/);
  });
});
