// The report's ledger sections (issue 10): overdue list, lasting rules in December, suggestions per month and category, discussion activities.
import { loadCampaign } from '../../src/core/engine';
import { buildMonthlyReport } from '../../src/core/report/monthly-report';
import { reportDocument, type ReportTable } from '../../src/core/report/report-document';
import { reportGrid } from '../../src/app/report';
import { reportHtml } from '../../src/local/report-html';
import { school, visit, type WorkbookSpec } from '../core/helpers';

const SPEC: WorkbookSpec = {
  settings: { semesterEnd: '2028-01-20' },
  visits: [
    // Opened in March, closed on 4 May: open in an April report, whenever it is regenerated.
    visit('2027-03-28', '张校长', '陈红', { id: 'V-1', followUp: '及时汇报', closedOn: '2027-05-04' }),
    visit('2027-04-10', '李副校长', '刘洋', { id: 'V-2', followUp: '研究实践', followUpOwner: '王主任' }),
  ],
  rectification: [
    {
      id: 'R-1',
      source: 'V-1',
      problem: '放学时校门口拥堵',
      owner: '周主任',
      deadline: '2027-04-15',
      status: '整改中',
    },
    { id: 'R-2', problem: '食堂排队时间长', owner: '王主任', deadline: '2027-04-30', status: '待整改' },
    {
      id: 'R-3',
      problem: '作业量偏大',
      owner: '王主任',
      deadline: '2027-04-10',
      status: '已建章立制',
      lastingRule: '每周作业公示制度',
    },
    { id: 'R-4', problem: '图书馆开放时间短', status: '已完成', lastingRule: '图书馆午间开放' },
  ],
  suggestions: [
    { id: 'S-1', date: '2027-03-30', text: '多开放图书馆', category: '教学', adopted: '采纳' },
    { id: 'S-2', date: '2027-04-02', text: '增加课间活动', category: '教学', adopted: '不采纳' },
    { id: 'S-3', date: '2027-04-05', text: '校门口疏导', category: '安全', adopted: '采纳' },
    { id: 'S-4', date: '2027-04-09', text: '食堂加窗口', category: '教学', adopted: '采纳' },
    { id: 'S-5', date: '2027-04-12', text: '其他建议' },
    { id: 'S-6', date: '2027-05-02', text: '五月的建议', category: '安全', adopted: '采纳' },
  ],
  discussions: [
    {
      id: 'D-1',
      date: '2027-03-10',
      form: '座谈会',
      topic: '学校发展大家谈',
      organiser: '张校长',
      attendance: 30,
    },
    { id: 'D-2', date: '2027-04-08', form: '研讨会', topic: '课堂改革', organiser: '王主任', attendance: 25 },
    { id: 'D-3', date: '2027-04-03', form: '座谈会', topic: '家校共育', organiser: '张校长', attendance: 40 },
    { id: 'D-4', date: '2027-04-14', form: '宣传专栏', topic: '三大一实干', organiser: '周主任' },
    {
      id: 'D-5',
      date: '2027-05-06',
      form: '报告会',
      topic: '五月报告',
      organiser: '张校长',
      attendance: 100,
    },
  ],
};

function tablesOf(month: string, today: string, spec: WorkbookSpec = SPEC): ReportTable[] {
  const campaign = loadCampaign(school(spec), today);
  const report = buildMonthlyReport(campaign, month, today);
  return reportDocument(report, 'zh', { phase: '', generatedAt: `${today} 09:00` }).tables;
}

function rowsOf(tables: ReportTable[], key: string): unknown[][] | undefined {
  return tables.find((t) => t.key === key)?.rows;
}

describe('the April report (made on 2027-05-10)', () => {
  const tables = tablesOf('2027-04', '2027-05-10');

  it('lists the items overdue at the month’s end, their days counted to today, and counts them on page one', () => {
    // R-1: 期限 04-15, overdue on 04-30, 25 days to 05-10. R-2's 期限 is 04-30 itself: not yet overdue at
    // April's end (regenerated in May or in December, April's report says the same). R-3 is done.
    expect(rowsOf(tables, 'overdue')).toEqual([
      ['R-1', '放学时校门口拥堵', '周主任', '2027-04-15', 25, '整改中'],
    ]);
    const summary = rowsOf(tables, 'summary')!;
    expect(summary.find((r) => r[0] === '逾期整改')?.[1]).toBe('1 项');
    // V-1 (closed 05-04) was open at April's end; V-2 is open: 2, one opened in April, one older; none closed.
    expect(summary.find((r) => r[0] === '待跟进事项')?.[1]).toBe(
      '本月新增 1 项，本月办结 0 项；月末未办结 2 项（本月的 1 项，更早的 1 项）',
    );
  });

  it('heads the overdue items’ owner column 责任人 (the item’s owner, not a follow-up’s), Owner in English', () => {
    expect(tables.find((t) => t.key === 'overdue')?.columns).toEqual([
      '编号',
      '问题',
      '责任人',
      '期限',
      '逾期天数',
      '状态',
    ]);
    const en = reportDocument(
      buildMonthlyReport(loadCampaign(school(SPEC), '2027-05-10'), '2027-04', '2027-05-10'),
      'en',
      {
        phase: '',
        generatedAt: '2027-05-10 09:00',
      },
    );
    expect(en.tables.find((t) => t.key === 'overdue')?.columns[2]).toBe('Owner');
    expect(en.tables.find((t) => t.key === 'followUps')?.columns[4]).toBe('Follow-up owner');
  });

  it('counts the suggestions received and adopted per month and category, up to April', () => {
    expect(rowsOf(tables, 'suggestionTally')).toEqual([
      ['2027-03', '教学', 1, 1],
      ['2027-04', '教学', 2, 1],
      ['2027-04', '安全', 1, 1],
      ['2027-04', '（未分类）', 1, 0],
      ['合计', '', 5, 3],
    ]);
  });

  it('lists April’s discussion activities by date (the discussion phase runs to 15 April)', () => {
    expect(rowsOf(tables, 'discussions')).toEqual([
      ['D-3', '2027-04-03', '座谈会', '家校共育', '张校长', 40],
      ['D-2', '2027-04-08', '研讨会', '课堂改革', '王主任', 25],
      ['D-4', '2027-04-14', '宣传专栏', '三大一实干', '周主任', ''],
    ]);
    expect(rowsOf(tables, 'discussionTotals')).toBeUndefined();
  });

  it('has no lasting-rule section outside the consolidation phase', () => {
    expect(rowsOf(tables, 'lastingRules')).toBeUndefined();
  });

  it('gives the same follow-ups when regenerated in December, after V-1 was closed', () => {
    const later = tablesOf('2027-04', '2027-12-10');
    expect(rowsOf(later, 'followUps')?.map((r) => r[0])).toEqual(
      rowsOf(tables, 'followUps')?.map((r) => r[0]),
    );
    // Its age counts to the day the report is made: 2027-03-28 to 2027-12-10 is 257 days.
    expect(rowsOf(later, 'olderFollowUps')).toEqual([['张校长', 1, 257]]);
  });
});

describe('after the discussion phase', () => {
  it('gives May the totals by form with Σ attendance, up to the month’s end', () => {
    const tables = tablesOf('2027-05', '2027-06-02');
    expect(rowsOf(tables, 'discussions')).toBeUndefined();
    expect(rowsOf(tables, 'discussionTotals')).toEqual([
      ['研讨会', 1, 25],
      ['报告会', 1, 100],
      ['座谈会', 2, 70],
      ['宣传专栏', 1, 0],
      ['合计', 5, 195],
    ]);
  });
});

describe('the December report (consolidation: 建章立制)', () => {
  it('lists the year’s lasting rules with their R-n and problem', () => {
    const december = visit('2027-12-03', '张校长', '黄敏', { id: 'V-3' });
    const tables = tablesOf('2027-12', '2027-12-20', { ...SPEC, visits: [...SPEC.visits!, december] });
    expect(rowsOf(tables, 'lastingRules')).toEqual([
      ['R-3', '作业量偏大', '每周作业公示制度', '已建章立制'],
      ['R-4', '图书馆开放时间短', '图书馆午间开放', '已完成'],
    ]);
    const table = tables.find((t) => t.key === 'lastingRules')!;
    expect(table.title).toBe('本年度建立的长效机制（截至 2027-12-20）');
  });

  it('puts the lasting rules under 六、问题整改, right after the overdue list, and numbers the discussions 八', () => {
    const december = visit('2027-12-03', '张校长', '黄敏', { id: 'V-3' });
    const tables = tablesOf('2027-12', '2027-12-20', { ...SPEC, visits: [...SPEC.visits!, december] });
    expect(tables.map((t) => t.key).slice(-7)).toEqual([
      'olderFollowUps',
      'rectification',
      'overdue',
      'lastingRules',
      'suggestions',
      'suggestionTally',
      'discussionTotals',
    ]);
    expect(
      tables.map((t) => t.title.slice(0, 2)).filter((p) => /^[一二三四五六七八九十]、$/u.test(p)),
    ).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、']);
    expect(tables.at(-1)?.title).toBe('八、讨论活动合计（按形式）（截至 2027-12-20）');
  });
});

describe('rendered', () => {
  const campaign = loadCampaign(school(SPEC), '2027-05-10');
  const doc = reportDocument(buildMonthlyReport(campaign, '2027-04', '2027-05-10'), 'zh', {
    phase: '',
    generatedAt: '2027-05-10 09:00',
  });

  it('puts the new sections in the HTML page, each as its own table', () => {
    const html = reportHtml(doc);
    for (const key of ['overdue', 'suggestionTally', 'discussions'])
      expect(html).toContain(`data-section="${key}"`);
    expect(html).toContain('献计：各月各类别的收到与采纳（截至 2027-04-30）');
  });

  it('writes them into the 月报 sheet under their titles', () => {
    const { grid } = reportGrid(doc);
    const title = grid.findIndex((row) => row[0] === '八、本月讨论活动（截至 2027-04-30）');
    expect(title).toBeGreaterThan(0);
    expect(grid[title + 1]).toEqual(['编号', '日期', '形式', '主题', '组织者', '参加人数']);
    expect(grid[title + 2]).toEqual(['D-3', '2027-04-03', '座谈会', '家校共育', '张校长', 40]);
  });
});
