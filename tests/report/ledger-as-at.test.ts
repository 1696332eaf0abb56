// The ledger "as at" a past day: a report or summary regenerated later gives the figures of that day.
import { loadCampaign } from '../../src/core/engine';
import { buildMonthlyReport } from '../../src/core/report/monthly-report';
import { buildSummary } from '../../src/core/summary/summary';
import { semesterScope } from '../../src/core/summary/scope';
import { school, STAFF } from '../core/helpers';

const SPRING = '2027年春季学期';
const sheets = () =>
  school({
    staff: STAFF,
    semesters: [{ name: SPRING, start: '2027-02-17', end: '2027-07-05' }],
    rectification: [
      // Found in May, overdue from 1 June, finished on 17 July: overdue in June, 整改中 at the spring's end.
      {
        id: 'R-1',
        openedOn: '2027-05-10',
        problem: '放学拥堵',
        owner: '王主任',
        deadline: '2027-05-31',
        status: '已建章立制',
        doneOn: '2027-07-17',
        lastingRule: '错峰放学',
      },
      // Found in November: not in June's ledger at all.
      {
        id: 'R-2',
        openedOn: '2027-11-04',
        problem: '食堂排队',
        owner: '王主任',
        deadline: '2027-11-10',
        status: '待整改',
      },
      // Done in June, in time.
      {
        id: 'R-3',
        openedOn: '2027-05-02',
        problem: '图书角',
        owner: '王主任',
        deadline: '2027-06-30',
        status: '已完成',
        doneOn: '2027-06-20',
      },
    ],
  });

describe('June’s report made in July and again in November', () => {
  const july = buildMonthlyReport(loadCampaign(sheets(), '2027-07-06'), '2027-06', '2027-07-06');
  const november = buildMonthlyReport(loadCampaign(sheets(), '2027-11-15'), '2027-06', '2027-11-15');

  it('counts the items found by 30 June by their status then', () => {
    for (const report of [july, november]) {
      expect(report.rectification.total).toBe(2); // R-2 was found in November
      expect(report.rectification.counts).toEqual({ open: 0, inProgress: 1, done: 1, rule: 0, unknown: 0 });
    }
  });

  it('lists R-1 as overdue at June’s end, its days counted to the day the report is made', () => {
    expect(july.rectification.overdue.map((o) => [o.id, o.status, o.daysOverdue])).toEqual([
      ['R-1', 'inProgress', 36],
    ]);
    expect(november.rectification.overdue.map((o) => [o.id, o.status, o.daysOverdue])).toEqual([
      ['R-1', 'inProgress', 168],
    ]);
  });
});

it('does not count in the spring summary a lasting rule made after the spring ended', () => {
  const campaign = loadCampaign(sheets(), '2027-11-15');
  const spring = buildSummary(campaign, semesterScope(campaign, SPRING)!, '2027-11-15');
  expect(spring.rectification.counts).toEqual({ open: 0, inProgress: 1, done: 1, rule: 0, unknown: 0 });
  expect(spring.rectification.solved).toBe(1); // R-3 only
  expect(spring.rectification.rules).toEqual([]); // R-1's rule came on 17 July
});
