// The Apps Script adapters over the counting fake: one grid read per table (dates as wall-clock text), one grid write, text kept as text.
import { GasWorkbook } from '../../src/gas/workbook';
import { GasLock, LockBusyError } from '../../src/gas/lock';
import { GasUser, GasUserStore } from '../../src/gas/user';
import { parseDateCell } from '../../src/core/dates';
import { useGasFakes } from './fixture';

const fakes = useGasFakes();

describe('GasWorkbook.read', () => {
  it('reads a sheet with one grid read and gives date cells as the wall-clock text they show', () => {
    fakes().spreadsheet.addSheet('走访记录', [
      ['编号', '走访日期', '录入时间'],
      ['V-1', new Date('2027-04-05T00:00:00+08:00'), new Date('2027-04-30T22:30:00+08:00')],
    ]);
    fakes().spreadsheet.addSheet('人员', [['姓名']]);
    const wb = new GasWorkbook();
    expect(wb.sheetNames()).toEqual(['走访记录', '人员']);
    fakes().calls.reset();
    const grid = wb.read('走访记录');
    expect(fakes().calls.byMethod()).toEqual({
      'Range.getValues': 1,
      'Sheet.getDataRange': 1,
      'Spreadsheet.getSpreadsheetTimeZone': 1,
    });
    expect(grid?.[1]).toEqual(['V-1', '2027-04-05', '2027-04-30 22:30']);
    expect(parseDateCell(grid?.[1]?.[1])).toBe('2027-04-05');
    expect(wb.read('没有这个表')).toBeUndefined();
  });

  it('reads dates as typed when the spreadsheet’s time zone is not 设置’s (Tokyo sheet, Shanghai school)', () => {
    fakes().spreadsheet.setSpreadsheetTimeZone('Asia/Tokyo');
    // A person in a Tokyo-zoned spreadsheet types 2027-04-01: Sheets keeps midnight Tokyo time,
    // which is still 31 March in Shanghai.
    fakes().spreadsheet.addSheet('走访记录', [['走访日期'], [new Date('2027-04-01T00:00:00+09:00')]]);
    const grid = new GasWorkbook().read('走访记录');
    expect(grid?.[1]?.[0]).toBe('2027-04-01');
  });

  it('reads an instant as the spreadsheet’s zone shows it (03:00 UTC on 1 May is 30 April in Los Angeles)', () => {
    fakes().spreadsheet.setSpreadsheetTimeZone('America/Los_Angeles');
    fakes().spreadsheet.addSheet('走访记录', [['走访日期'], [new Date(Date.UTC(2027, 4, 1, 3, 0))]]);
    expect(new GasWorkbook().read('走访记录')?.[1]?.[0]).toBe('2027-04-30 20:00');
  });

  it('asks Utilities.formatDate twice per UTC day met, not once per cell', () => {
    // 600 date-times (录入时间) over 6 days, and 600 dates over the same days.
    const rows = Array.from({ length: 600 }, (_, i) => [
      new Date(Date.UTC(2027, 3, 1 + (i % 6), 16, 0)),
      new Date(Date.UTC(2027, 3, 1 + (i % 6), 2, i % 60, i % 7)),
    ]);
    fakes().spreadsheet.addSheet('走访记录', [['走访日期', '录入时间'], ...rows]);
    const grid = new GasWorkbook().read('走访记录');
    expect(grid?.[1]).toEqual(['2027-04-02', '2027-04-01 10:00']);
    expect(grid?.[8]).toEqual(['2027-04-03', '2027-04-02 10:07']);
    // Days met (UTC): 1–6 April (录入时间) and 1–6 April (走访日期, 16:00 UTC): 6 days, 2 calls each.
    expect(fakes().utilityCalls.byMethod()).toEqual({ 'Utilities.formatDate': 12 });
  });

  it.each([
    'Asia/Shanghai',
    'America/Los_Angeles',
    'Europe/London',
    'Australia/Lord_Howe', // a 30-minute clock change
    'Asia/Kathmandu', // +05:45
    'America/St_Johns',
    'Pacific/Apia', // skipped 30 December 2011 whole
  ])('gives what Utilities.formatDate gives for any instant, clock changes included (%s)', (zone) => {
    fakes().spreadsheet.setSpreadsheetTimeZone(zone);
    const instants: Date[] = [];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 400; i++)
      instants.push(new Date(Date.UTC(2010, 0, 1) + random() * 20 * 365 * 86_400_000));
    // Each side of the clock changes of 2027 and of Apia's lost day, a minute apart.
    for (const around of [Date.UTC(2027, 2, 14, 10), Date.UTC(2027, 10, 7, 9), Date.UTC(2027, 2, 28, 1)]) {
      for (let m = -90; m <= 90; m += 1) instants.push(new Date(around + m * 60_000));
    }
    for (let h = 0; h < 72; h++) instants.push(new Date(Date.UTC(2011, 11, 29, h, 30)));
    fakes().spreadsheet.addSheet('走访记录', [['录入时间'], ...instants.map((d) => [d])]);
    const grid = new GasWorkbook().read('走访记录') ?? [];
    const expected = instants.map((d) =>
      fakes()
        .Utilities.formatDate(d, zone, 'yyyy-MM-dd HH:mm')
        .replace(/ 00:00$/, ''),
    );
    expect(grid.slice(1).map((row) => row[0])).toEqual(expected);
  });

  it('gives an empty sheet as one empty cell, as Apps Script does', () => {
    fakes().spreadsheet.addSheet('空表');
    expect(new GasWorkbook().read('空表')).toEqual([['']]);
  });
});

describe('the Utilities.formatDate fake', () => {
  it('formats in the given IANA zone with Java SimpleDateFormat letters, as the real one', () => {
    const at = new Date('2027-04-30T14:30:05.042Z');
    const format = (zone: string, pattern: string) => fakes().Utilities.formatDate(at, zone, pattern);
    expect(format('Asia/Shanghai', 'yyyy-MM-dd HH:mm')).toBe('2027-04-30 22:30');
    expect(format('America/Los_Angeles', 'yyyy-MM-dd HH:mm')).toBe('2027-04-30 07:30');
    expect(format('Asia/Shanghai', 'EEE, d MMM yyyy HH:mm:ss.SSS Z')).toBe(
      'Fri, 30 Apr 2027 22:30:05.042 +0800',
    );
    expect(format('America/Los_Angeles', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2027-04-30T07:30:05-07:00');
    expect(format('UTC', "h:mm a, EEEE d MMMM yy 'o''clock'")).toBe("2:30 PM, Friday 30 April 27 o'clock");
    expect(format('Asia/Kathmandu', 'HH:mm Z')).toBe('20:15 +0545');
    // Java reads a zone ID it does not know as GMT.
    expect(format('Nowhere/Town', 'yyyy-MM-dd HH:mm')).toBe('2027-04-30 14:30');
    expect(() => format('UTC', 'yyyy-MM-dd bb')).toThrow(/Illegal pattern character 'b'/);
  });

  it('midnight is 00, never 24', () => {
    const midnight = new Date('2027-04-30T16:00:00Z');
    expect(fakes().Utilities.formatDate(midnight, 'Asia/Shanghai', 'yyyy-MM-dd HH:mm')).toBe(
      '2027-05-01 00:00',
    );
  });
});

describe('GasWorkbook.append', () => {
  it('appends after the last row with one write, and text starting = + - @ stays exactly that text', () => {
    const sheet = fakes().spreadsheet.addSheet('献计', [['编号', '内容', '日期']]);
    sheet.store.cell(2, 3).numberFormat = 'yyyy-mm-dd';
    sheet.store.cell(3, 3).numberFormat = 'yyyy-mm-dd';
    const wb = new GasWorkbook();
    wb.sheetNames();
    fakes().calls.reset();
    const first = wb.append('献计', [
      ['S-1', '=HYPERLINK("http://x")', '2027-04-05'],
      ['S-2', '-不要公式', '+86 138'],
    ]);
    expect(first).toBe(2);
    expect(sheet.store.values().slice(1)).toEqual([
      ['S-1', '=HYPERLINK("http://x")', new Date('2027-04-05T00:00:00+08:00')],
      ['S-2', '-不要公式', '+86 138'],
    ]);
    expect(
      sheet.store
        .map((c) => c.formula)
        .flat()
        .join(''),
    ).toBe('');
    // Cells without such text keep their format (the date column stays a date).
    expect(sheet.store.peek(2, 3)?.numberFormat).toBe('yyyy-mm-dd');
    expect(fakes().calls.count('Range.setValues')).toBe(1);
    expect(fakes().calls.total()).toBe(6);
  });

  it('without such text takes four calls: last row, size, range, values', () => {
    fakes().spreadsheet.addSheet('献计', [['编号', '内容']]);
    const wb = new GasWorkbook();
    wb.sheetNames();
    fakes().calls.reset();
    expect(wb.append('献计', [['S-1', '好建议']])).toBe(2);
    expect(fakes().calls.byMethod()).toEqual({
      'Range.setValues': 1,
      'Sheet.getLastRow': 1,
      'Sheet.getMaxRows': 1,
      'Sheet.getRange': 1,
    });
  });

  it('grows a full sheet instead of failing', () => {
    const sheet = fakes().spreadsheet.addSheet('献计', [['编号'], ['S-1']]);
    sheet.store.maxRows = 2;
    expect(new GasWorkbook().append('献计', [['S-2'], ['S-3']])).toBe(3);
    expect(sheet.store.values()).toEqual([['编号'], ['S-1'], ['S-2'], ['S-3']]);
  });

  it('shows why the text matters: the same text written raw becomes a formula in the fake, as in Sheets', () => {
    const sheet = fakes().spreadsheet.addSheet('献计');
    sheet.getRange(1, 1, 1, 1).setValues([['=1+1']]);
    expect(sheet.store.peek(1, 1)).toMatchObject({ value: '#ERROR!', formula: '=1+1' });
  });
});

describe('GasWorkbook.writeColumn', () => {
  it('writes one column over consecutive rows with one write of values and one of notes', () => {
    const sheet = fakes().spreadsheet.addSheet('走访记录', [
      ['编号', '校验'],
      ['V-1', ''],
      ['V-2', ''],
    ]);
    const wb = new GasWorkbook();
    wb.sheetNames();
    fakes().calls.reset();
    wb.writeColumn('走访记录', 1, 2, ['✓', '✗ 1 个错误：缺少日期'], ['', '错误｜走访日期：缺少日期']);
    expect(fakes().calls.byMethod()).toEqual({
      'Range.setNotes': 1,
      'Range.setValues': 1,
      'Sheet.getRange': 1,
    });
    expect(sheet.store.values()).toEqual([
      ['编号', '校验'],
      ['V-1', '✓'],
      ['V-2', '✗ 1 个错误：缺少日期'],
    ]);
    expect(sheet.store.notes()[2]).toEqual(['', '错误｜走访日期：缺少日期']);
  });
});

describe('GasWorkbook.formulaCells', () => {
  it('tells which cells of a column hold a formula with one read of the range', () => {
    const sheet = fakes().spreadsheet.addSheet('走访记录', [['编号'], ['V-1'], [''], ['']]);
    Object.assign(sheet.store.cell(3, 1), { formula: '=IF(B3="","","V-2")', value: '' });
    const wb = new GasWorkbook();
    wb.sheetNames();
    fakes().calls.reset();
    expect(wb.formulaCells('走访记录', 0, 2, 3)).toEqual([false, true, false]);
    expect(fakes().calls.byMethod()).toEqual({ 'Range.getFormulas': 1, 'Sheet.getRange': 1 });
  });
});

describe('GasWorkbook.create, replace, deleteSheet', () => {
  it('create does nothing to a sheet that exists', () => {
    const sheet = fakes().spreadsheet.addSheet('人员', [['姓名'], ['张校长']]);
    new GasWorkbook().create('人员', ['Name'], { frozenRows: 1 });
    expect(sheet.store.values()).toEqual([['姓名'], ['张校长']]);
    expect(sheet.store.frozenRows).toBe(0);
  });

  it('replace rewrites a generated sheet whole: no leftovers, colours and bold rows, one protection', () => {
    const wb = new GasWorkbook();
    const format = { backgrounds: [[null], [null, '#d9ead3']], boldRows: [0], protect: true };
    wb.replace('进度', [['标题'], ['张校长', '达标'], ['李副校长', '落后']], format);
    wb.replace('进度', [['标题'], ['张校长', '达标']], format);
    const sheet = fakes().spreadsheet.sheet('进度');
    expect(sheet.store.values()).toEqual([
      ['标题', ''],
      ['张校长', '达标'],
    ]);
    expect(sheet.store.peek(2, 2)?.background).toBe('#d9ead3');
    expect(sheet.store.peek(1, 1)?.fontWeight).toBe('bold');
    expect(sheet.store.peek(3, 1)).toBeUndefined();
    expect(sheet.protections.map((p) => p.warningOnly)).toEqual([true]);
  });

  it('deleteSheet removes a sheet and forgets it', () => {
    fakes().spreadsheet.addSheet('甲');
    fakes().spreadsheet.addSheet('月报 2027-03');
    const wb = new GasWorkbook();
    wb.deleteSheet('月报 2027-03');
    wb.deleteSheet('没有');
    expect(wb.sheetNames()).toEqual(['甲']);
    expect(fakes().spreadsheet.sheets.map((s) => s.name)).toEqual(['甲']);
  });
});

describe('GasLock, GasUser, GasUserStore', () => {
  it('holds the document lock while the work runs and lets go even when it fails', () => {
    const lock = new GasLock();
    expect(lock.withLock(() => fakes().LockService.document.holder !== null)).toBe(true);
    expect(fakes().LockService.document.holder).toBeNull();
    expect(() =>
      lock.withLock(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(fakes().LockService.document.holder).toBeNull();
  });

  it('gives up with LockBusyError when another execution keeps the lock', () => {
    fakes().LockService.document.holdByOther();
    let ran = false;
    expect(() => new GasLock().withLock(() => (ran = true))).toThrow(LockBusyError);
    expect(ran).toBe(false);
  });

  it('reads the signed-in email ("" when hidden) and keeps a value per user', () => {
    expect(new GasUser().email()).toBe('teacher@school.example');
    fakes().Session.activeEmail = '';
    expect(new GasUser().email()).toBe('');
    new GasUserStore().set('k', '张校长');
    expect(new GasUserStore().get('k')).toBe('张校长');
    fakes().Session.activeEmail = 'other@school.example';
    expect(new GasUserStore().get('k')).toBeNull();
  });
});
