// 问题整改's overdue colour (issue 10): one formula rule on 期限, in Sheets, in an .xlsx and in the playground's view.
import { setUpWorkbook } from '../../src/app/setup';
import { overdueHighlight, readOverdueFormula } from '../../src/app/overdue-format';
import { GasWorkbook } from '../../src/gas/workbook';
import { newXlsx } from '../../src/local/xlsx-workbook';
import { sheetView } from '../../src/local/playground/sheet-view';
import { useGasFakes } from './fixture';

const fakes = useGasFakes();

describe('the overdue formula', () => {
  it('colours 期限 when its date is before today and 状态 is empty, 待整改 or 整改中 (either language)', () => {
    const rule = overdueHighlight(7, 8, '#e06666');
    expect(rule).toEqual({
      column: 7,
      formula:
        'AND(ISNUMBER($H2),$H2<TODAY(),OR($I2="",$I2="待整改",$I2="整改中",$I2="Open",$I2="In progress"))',
      color: '#e06666',
    });
    expect(readOverdueFormula(rule.formula)).toEqual({
      deadline: 7,
      status: 8,
      words: ['', '待整改', '整改中', 'Open', 'In progress'],
    });
    expect(readOverdueFormula('LEFT(B2,1)="✗"')).toBeUndefined();
  });
});

describe('set-up in Sheets', () => {
  it('puts the rule on 问题整改’s 期限 cells, below the header, beside the status colours', () => {
    fakes().spreadsheet.addSheet('工作表1');
    setUpWorkbook(new GasWorkbook(), 'zh', '2027-04-20');
    const sheet = fakes().spreadsheet.sheet('问题整改');
    const formulas = sheet.conditionalFormatRules.filter((r) => r.formula !== '');
    expect(formulas).toHaveLength(1);
    const [rule] = formulas;
    // 期限 is the 8th column (H), 状态 the 9th (I) of a new 问题整改.
    expect(rule?.formula).toBe(
      '=AND(ISNUMBER($H2),$H2<TODAY(),OR($I2="",$I2="待整改",$I2="整改中",$I2="Open",$I2="In progress"))',
    );
    expect(rule?.background).toBe('#e06666');
    const range = rule?.ranges[0] as unknown as { row: number; column: number; numColumns: number };
    expect([range.row, range.column, range.numColumns]).toEqual([2, 8, 1]);
    // The status colours are still there, and no other sheet has a formula rule.
    expect(sheet.conditionalFormatRules.filter((r) => r.startsWith !== '')).toHaveLength(4);
    for (const other of fakes().spreadsheet.sheets.filter((s) => s.name !== '问题整改'))
      expect(other.conditionalFormatRules.filter((r) => r.formula !== '')).toEqual([]);
  });
});

describe('set-up in an .xlsx, drawn by the playground', () => {
  it('writes the rule as an expression exceljs keeps, and the page colours an overdue 期限 as Excel would', async () => {
    const wb = newXlsx();
    setUpWorkbook(wb, 'zh', '2027-04-20');
    const ws = wb.book.getWorksheet('问题整改')!;
    const rows: [string, Date, string][] = [
      ['R-1', new Date(Date.UTC(2027, 3, 10)), '整改中'], // overdue
      ['R-2', new Date(Date.UTC(2027, 3, 10)), '已完成'], // done
      ['R-3', new Date(Date.UTC(2027, 3, 25)), '待整改'], // not yet due
      ['R-4', new Date(Date.UTC(2027, 3, 19)), ''], // empty status: 待整改, overdue
    ];
    rows.forEach(([id, deadline, status], i) => {
      ws.getCell(i + 2, 1).value = id;
      ws.getCell(i + 2, 8).value = deadline;
      ws.getCell(i + 2, 8).numFmt = 'yyyy-mm-dd';
      if (status !== '') ws.getCell(i + 2, 9).value = status;
    });
    // Saved and opened again: the rule survives the file.
    const again = newXlsx();
    await again.book.xlsx.load(await wb.book.xlsx.writeBuffer());
    const view = sheetView(again.book.getWorksheet('问题整改')!, '2027-04-20');
    const colourOf = (row: number) => view.styles.find((s) => s.row === row && s.col === 7)?.bg;
    expect([2, 3, 4, 5].map(colourOf)).toEqual(['#e06666', undefined, undefined, '#e06666']);
    // Without a day the page cannot tell: nothing is coloured.
    expect(sheetView(again.book.getWorksheet('问题整改')!).styles.some((s) => s.col === 7 && s.bg)).toBe(
      false,
    );
  });
});
