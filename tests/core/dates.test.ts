// Dates as a school types or a spreadsheet gives them, read as calendar dates in the school's time zone.
import { parseDateCell } from '../../src/core/dates';
import { computeStatus, loadCampaign, problemsOf } from '../../src/core/engine';
import { lineOf, school, visit } from './helpers';

const SHANGHAI = 'Asia/Shanghai';

describe('a date cell', () => {
  it.each([['2027-04-05'], ['2027/4/5'], ['2027.4.5'], ['2027年4月5日'], ['2027/04/05'], [' 2027年4月5日 ']])(
    'reads the text %p as 5 April 2027',
    (text) => {
      expect(parseDateCell(text, SHANGHAI)).toBe('2027-04-05');
    },
  );

  it('rejects a day that does not exist', () => {
    expect(parseDateCell('2027-02-30', SHANGHAI)).toBeUndefined();
    expect(parseDateCell('2027/2/29', SHANGHAI)).toBeUndefined();
    expect(parseDateCell('2027年13月1日', SHANGHAI)).toBeUndefined();
    expect(parseDateCell('2028/2/29', SHANGHAI)).toBe('2028-02-29');
  });

  it('rejects text that is no date, and tells an empty cell apart', () => {
    expect(parseDateCell('上周五', SHANGHAI)).toBeUndefined();
    expect(parseDateCell('5/4/2027', SHANGHAI)).toBeUndefined();
    expect(parseDateCell('', SHANGHAI)).toBeNull();
    expect(parseDateCell(null, SHANGHAI)).toBeNull();
  });

  it('reads a spreadsheet serial number (days since 1899-12-30), ignoring the time of day', () => {
    expect(parseDateCell(46482, SHANGHAI)).toBe('2027-04-05');
    expect(parseDateCell(46507.9375, SHANGHAI)).toBe('2027-04-30'); // 30 April, 22:30
    expect(parseDateCell(46507.9375, 'America/Los_Angeles')).toBe('2027-04-30');
  });

  it('reads a Date (an instant, as Apps Script gives it) as the date in the school time zone', () => {
    // 2027-04-30 22:30 in Shanghai is 14:30 UTC.
    expect(parseDateCell(new Date(Date.UTC(2027, 3, 30, 14, 30)), SHANGHAI)).toBe('2027-04-30');
    // A date-only cell of 1 May in Shanghai is midnight there, 16:00 UTC on 30 April.
    expect(parseDateCell(new Date(Date.UTC(2027, 3, 30, 16, 0)), SHANGHAI)).toBe('2027-05-01');
    // The same instant is still 30 April in a school in Los Angeles (09:00).
    expect(parseDateCell(new Date(Date.UTC(2027, 3, 30, 16, 0)), 'America/Los_Angeles')).toBe('2027-04-30');
  });
});

describe('dates in the counts', () => {
  it('counts a visit at 22:30 on the last day of April in April, and one at 00:30 on 1 May in May', () => {
    const campaign = loadCampaign(
      school({
        visits: [
          visit(new Date(Date.UTC(2027, 3, 30, 14, 30)), '张校长', '陈红'),
          visit(new Date(Date.UTC(2027, 3, 30, 16, 30)), '张校长', '刘洋'),
        ],
      }),
      '2027-05-10',
    );
    expect(problemsOf(campaign)).toEqual([]);
    expect(lineOf(computeStatus(campaign, '2027-04', '2027-05-10'), '张校长', '校长室')?.count).toBe(1);
    expect(lineOf(computeStatus(campaign, '2027-05', '2027-05-10'), '张校长', '校长室')?.count).toBe(1);
  });

  it("uses the school's own time zone from 设置", () => {
    const campaign = loadCampaign(
      school({
        settings: { timeZone: 'America/Los_Angeles' },
        // 03:00 UTC on 1 May is 20:00 on 30 April in Los Angeles.
        visits: [visit(new Date(Date.UTC(2027, 4, 1, 3, 0)), '张校长', '陈红')],
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
