// The month asked for 生成月报 (Sheets prompt and playground dialog alike): empty is last month, loose spellings read.
import { lastMonthOf, reportMonthOf } from '../../src/app/report-month';

test('an empty answer is last month, across a new year too', () => {
  expect(reportMonthOf('', '2027-04-20')).toBe('2027-03');
  expect(reportMonthOf('   ', '2027-01-05')).toBe('2026-12');
  expect(lastMonthOf('2027-01-05')).toBe('2026-12');
});

test('a month may be typed as 2027-03, 2027/3, 2027.3, 2027年3月 or in full-width digits', () => {
  for (const typed of ['2027-03', '2027-3', '2027/3', '2027.3', '2027年3月', ' ２０２７年３月 ']) {
    expect(reportMonthOf(typed, '2027-04-20')).toBe('2027-03');
  }
});

test('what is no month gives nothing (the caller says so)', () => {
  for (const typed of ['2027-13', '2027-00', 'March', '27-03', '2027-03-01', 'abc']) {
    expect(reportMonthOf(typed, '2027-04-20')).toBeUndefined();
  }
});
