// Dates as a school types them or an adapter gives them (wall-clock ISO text), read as calendar dates.
import { parseDateCell, serialToText } from '../../src/core/dates';
import { computeStatus, loadCampaign, problemsOf } from '../../src/core/engine';
import { lineOf, school, visit } from './helpers';

describe('a date cell', () => {
  it.each([['2027-04-05'], ['2027/4/5'], ['2027.4.5'], ['2027年4月5日'], ['2027/04/05'], [' 2027年4月5日 ']])(
    'reads the text %p as 5 April 2027',
    (text) => {
      expect(parseDateCell(text)).toBe('2027-04-05');
    },
  );

  it('reads the wall-clock text the adapters give a date cell holding a time as its date', () => {
    expect(parseDateCell('2027-04-30 22:30')).toBe('2027-04-30');
    expect(parseDateCell('2027-05-01 00:30')).toBe('2027-05-01');
    expect(parseDateCell('1899-12-30 08:00')).toBe('1899-12-30'); // a time-only cell: a date before any campaign
  });

  it('rejects a day that does not exist', () => {
    expect(parseDateCell('2027-02-30')).toBeUndefined();
    expect(parseDateCell('2027/2/29')).toBeUndefined();
    expect(parseDateCell('2027年13月1日')).toBeUndefined();
    expect(parseDateCell('2028/2/29')).toBe('2028-02-29');
  });

  it('rejects text that is no date, and tells an empty cell apart', () => {
    expect(parseDateCell('上周五')).toBeUndefined();
    expect(parseDateCell('5/4/2027')).toBeUndefined();
    expect(parseDateCell('')).toBeNull();
    expect(parseDateCell('   ')).toBeNull();
    expect(parseDateCell(null)).toBeNull();
    expect(parseDateCell(true)).toBeUndefined();
  });

  it('gives the same answer for a text read again (each distinct text is parsed once)', () => {
    for (let i = 0; i < 3; i++) {
      expect(parseDateCell('2027/4/5')).toBe('2027-04-05');
      expect(parseDateCell('2027/4/31')).toBeUndefined();
      expect(parseDateCell(' ')).toBeNull();
    }
  });

  it('reads a plain number as a spreadsheet serial (days since 1899-12-30), ignoring the time of day', () => {
    expect(parseDateCell(46482)).toBe('2027-04-05');
    expect(parseDateCell(46507.9375)).toBe('2027-04-30'); // 30 April, 22:30
    expect(parseDateCell(0.5)).toBeUndefined();
    expect(parseDateCell(Number.NaN)).toBeUndefined();
  });
});

describe('a serial number as the text of its cell (what every .xlsx reader gives the engine)', () => {
  it('is the date, with the time of day when there is one, and needs no time zone', () => {
    expect(serialToText(46482)).toBe('2027-04-05');
    expect(serialToText(46507.9375)).toBe('2027-04-30 22:30');
    expect(serialToText(46482 + 10 / 24)).toBe('2027-04-05 10:00'); // 0.41666… is 10:00, not 09:59
    expect(serialToText(46482 + (23 * 3600 + 59 * 60 + 59) / 86400)).toBe('2027-04-05 23:59');
    expect(serialToText(1 / 3)).toBe('1899-12-30 08:00'); // "8:00" typed into 设置 › 提醒时间
    expect(serialToText(0)).toBe('1899-12-30');
  });

  it('is null for a number no date can be', () => {
    expect(serialToText(-1)).toBeNull();
    expect(serialToText(Number.NaN)).toBeNull();
    expect(serialToText(3e6)).toBeNull();
  });
});

describe('dates in the counts', () => {
  it('counts a visit at 22:30 on the last day of April in April, and one at 00:30 on 1 May in May', () => {
    const campaign = loadCampaign(
      school({
        visits: [visit('2027-04-30 22:30', '张校长', '陈红'), visit('2027-05-01 00:30', '张校长', '刘洋')],
      }),
      '2027-05-10',
    );
    expect(problemsOf(campaign)).toEqual([]);
    expect(lineOf(computeStatus(campaign, '2027-04', '2027-05-10'), '张校长', '校长室')?.count).toBe(1);
    expect(lineOf(computeStatus(campaign, '2027-05', '2027-05-10'), '张校长', '校长室')?.count).toBe(1);
  });

  it("reads a cell's wall-clock text as its date whatever time zone 设置 names", () => {
    // The adapters give what the cell shows (Sheets: in the spreadsheet's zone; see tests/gas/workbook).
    const campaign = loadCampaign(
      school({
        settings: { timeZone: 'America/Los_Angeles' },
        visits: [visit('2027-04-30 20:00', '张校长', '陈红')],
      }),
      '2027-05-10',
    );
    expect(lineOf(computeStatus(campaign, '2027-04', '2027-05-10'), '张校长', '校长室')?.count).toBe(1);
    expect(lineOf(computeStatus(campaign, '2027-05', '2027-05-10'), '张校长', '校长室')?.count).toBe(0);
  });

  it('counts every accepted text form and a serial number, each in April', () => {
    const campaign = loadCampaign(
      school({
        visits: [
          visit('2027-04-05', '张校长', '陈红'),
          visit('2027/4/6', '张校长', '刘洋'),
          visit('2027.4.7', '张校长', '黄敏'),
          visit('2027年4月8日', '张校长', '杨帆'),
          visit(46507, '张校长', '何静'), // 2027-04-30
        ],
      }),
      '2027-05-10',
    );
    expect(problemsOf(campaign)).toEqual([]);
    expect(lineOf(computeStatus(campaign, '2027-04', '2027-05-10'), '张校长', '校长室')).toEqual({
      name: '张校长',
      unit: '校长室',
      count: 5,
      minimum: 5,
      status: 'met',
    });
  });

  it('reports an impossible date as unreadable and does not count the row', () => {
    const campaign = loadCampaign(
      school({ visits: [visit('2027-04-05', '张校长', '陈红'), visit('2027-02-30', '张校长', '刘洋')] }),
      '2027-05-10',
    );
    expect(problemsOf(campaign)).toEqual([
      {
        sheet: '走访记录',
        row: 3,
        column: '走访日期',
        severity: 'error',
        code: 'DATE_INVALID',
        message: '日期“2027-02-30”无法识别，请写成 2027-04-05、2027/4/5、2027.4.5 或 2027年4月5日',
      },
    ]);
    expect(lineOf(computeStatus(campaign, '2027-04', '2027-05-10'), '张校长', '校长室')?.count).toBe(1);
  });
});
