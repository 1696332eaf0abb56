// The report's follow-ups of the month (§5): every one opened in it, closed or not as at its last day, and page one's counts.
import { loadCampaign } from '../../src/core/engine';
import { buildMonthlyReport } from '../../src/core/report/monthly-report';
import { reportDocument, type ReportTable } from '../../src/core/report/report-document';
import { reportGrid } from '../../src/app/report';
import { school, visit, type WorkbookSpec } from '../core/helpers';

const SPEC: WorkbookSpec = {
  settings: { semesterEnd: '2028-01-20' },
  visits: [
    // Opened in March, closed on 4 May: an older one, open at April's end.
    visit('2027-03-28', '张校长', '陈红', { id: 'V-1', followUp: '及时汇报', closedOn: '2027-05-04' }),
    // Opened in March, closed on 2 April: closed in April, not listed (not opened in it).
    visit('2027-03-30', '张校长', '陈红', {
      id: 'V-6',
      followUp: '研究实践',
      closedOn: '2027-04-02',
      followUpResult: '三月的，四月办结',
    }),
    // Opened in April and still open.
    visit('2027-04-10', '李副校长', '刘洋', { id: 'V-2', followUp: '研究实践', followUpOwner: '王主任' }),
    // Opened and closed in April, with its result.
    visit('2027-04-12', '张校长', '黄敏', {
      id: 'V-4',
      followUp: '及时汇报',
      followUpOwner: '周主任',
      suggestions: '增设校门口护导岗',
      closedOn: '2027-04-20',
      followUpResult: '已安排护导岗',
    }),
    // Opened in April, turned into R-2 and closed on 6 May: open on 30 April, its result and R-2 still to come.
    visit('2027-04-18', '张校长', '刘洋', {
      id: 'V-5',
      followUp: '研究实践',
      followUpOwner: '王主任',
      closedOn: '2027-05-06',
      followUpResult: '转整改 R-2',
      rectificationId: 'R-2',
    }),
    // Opened and closed in April, turned into R-1.
    visit('2027-04-21', '张校长', '黄敏', {
      id: 'V-7',
      followUp: '及时汇报',
      followUpOwner: '周主任',
      closedOn: '2027-04-22',
      followUpResult: '转整改 R-1',
      rectificationId: 'R-1',
    }),
    // 无需处理: not a follow-up.
    visit('2027-04-23', '张校长', '陈红', { id: 'V-8', followUp: '无需处理' }),
  ],
  rectification: [
    {
      id: 'R-1',
      source: 'V-7',
      problem: '午间管理',
      owner: '周主任',
      deadline: '2027-06-30',
      status: '整改中',
    },
    {
      id: 'R-2',
      source: 'V-5',
      problem: '课后服务',
      owner: '王主任',
      deadline: '2027-06-30',
      status: '待整改',
    },
  ],
};

function documentOf(today: string, lang: 'zh' | 'en' = 'zh') {
  const campaign = loadCampaign(school(SPEC), today);
  return reportDocument(buildMonthlyReport(campaign, '2027-04', today), lang, {
    phase: '',
    generatedAt: `${today} 09:00`,
  });
}

function tableOf(tables: ReportTable[], key: string): ReportTable {
  const table = tables.find((t) => t.key === key);
  if (table === undefined) throw new Error(`no table ${key}`);
  return table;
}

/** April as hand-counted on 30 April: V-2 open 20 days, V-5 open 12 days; V-4 and V-7 closed with results. */
const APRIL_ROWS = [
  ['V-2', '2027-04-10', '走访', '研究实践', '王主任', '未办结', 20, '', '', '交流情况'],
  [
    'V-4',
    '2027-04-12',
    '走访',
    '及时汇报',
    '周主任',
    '2027-04-20',
    '',
    '已安排护导岗',
    '',
    '增设校门口护导岗',
  ],
  ['V-5', '2027-04-18', '走访', '研究实践', '王主任', '未办结', 12, '', '', '交流情况'],
  ['V-7', '2027-04-21', '走访', '及时汇报', '周主任', '2027-04-22', '', '转整改 R-1', 'R-1', '交流情况'],
];
// Opened in April: V-2, V-4, V-5, V-7 (4). Closed in April: V-6, V-4, V-7 (3). Open on 30 April: V-1, V-2, V-5
// (3), of which April's V-2 and V-5 (2) and one older (V-1).
const APRIL_LINE = '本月新增 4 项，本月办结 3 项；月末未办结 3 项（本月的 2 项，更早的 1 项）';

describe('the April report made on 2027-05-10', () => {
  const doc = documentOf('2027-05-10');

  it('lists every follow-up opened in April, the closed ones with 办结日期, result and 整改编号', () => {
    const table = tableOf(doc.tables, 'followUps');
    expect(table.title).toBe('五、本月的跟进事项（及时汇报 / 研究实践，含已办结）（截至 2027-04-30）');
    expect(table.columns).toEqual([
      '编号',
      '日期',
      '类型',
      '处理方式',
      '跟进人',
      '办结日期',
      '未办结天数',
      '跟进结果',
      '整改编号',
      '事项',
    ]);
    expect(table.rows).toEqual(APRIL_ROWS);
  });

  it('counts on page one those opened, closed and still open at the month’s end', () => {
    const summary = tableOf(doc.tables, 'summary');
    expect(summary.rows.find((r) => r[0] === '待跟进事项')?.[1]).toBe(APRIL_LINE);
    // The older one still open is counted per owner (V-1: 张校长, its age to today, 2027-03-28 → 05-10).
    expect(tableOf(doc.tables, 'olderFollowUps').rows).toEqual([['张校长', 1, 43]]);
  });

  it('writes the list into the 月报 sheet', () => {
    const { grid } = reportGrid(doc);
    const title = grid.findIndex((row) => row[0] === tableOf(doc.tables, 'followUps').title);
    expect(grid[title + 2]?.slice(0, 7)).toEqual([
      'V-2',
      '2027-04-10',
      '走访',
      '研究实践',
      '王主任',
      '未办结',
      20,
    ]);
  });
});

describe('regenerated later', () => {
  it('gives the same list and page-one figures in December, after V-1 and V-5 were closed', () => {
    const before = documentOf('2027-05-01');
    const later = documentOf('2027-12-10');
    expect(tableOf(later.tables, 'followUps').rows).toEqual(APRIL_ROWS);
    expect(tableOf(before.tables, 'followUps').rows).toEqual(APRIL_ROWS);
    expect(tableOf(later.tables, 'summary').rows.find((r) => r[0] === '待跟进事项')?.[1]).toBe(APRIL_LINE);
  });
});

describe('while the month runs', () => {
  it('counts to today: on 21 April V-7 is not yet closed and V-4 is', () => {
    const campaign = loadCampaign(school(SPEC), '2027-04-21');
    const report = buildMonthlyReport(campaign, '2027-04', '2027-04-21');
    expect(report.monthFollowUps.items.map((f) => [f.id, f.closedOn, f.age])).toEqual([
      ['V-2', null, 11],
      ['V-4', '2027-04-20', null],
      ['V-5', null, 3],
      ['V-7', null, 0],
    ]);
    // Opened: 4; closed by 21 April: V-6, V-4; open: V-1, V-2, V-5, V-7 (three of April's).
    expect(report.monthFollowUps.counts).toEqual({ opened: 4, closed: 2, open: 4, openFromMonth: 3 });
  });
});

describe('in English', () => {
  it('heads the columns in English and says Open for one open at the month’s end', () => {
    const table = tableOf(documentOf('2027-05-10', 'en').tables, 'followUps');
    expect(table.columns.slice(4, 9)).toEqual([
      'Follow-up owner',
      'Closed on',
      'Days open',
      'Follow-up result',
      'Rect. ID',
    ]);
    expect(table.rows[0]?.slice(5, 7)).toEqual(['Open', 20]);
  });
});
