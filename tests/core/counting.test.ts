// Monthly counts of §3: distinct people of the unit's groups, group visits, co-visitors, names, and what never counts.
import { computeStatus, loadCampaign, problemsOf } from '../../src/core/engine';
import { lineOf, school, STAFF, TARGETS, visit, type WorkbookSpec } from './helpers';

const TODAY = '2027-04-20';

function april(spec: WorkbookSpec) {
  const campaign = loadCampaign(school(spec), TODAY);
  return { campaign, status: computeStatus(campaign, '2027-04', TODAY) };
}

const countOf = (spec: WorkbookSpec, name: string, unit = '校长室') =>
  lineOf(april(spec).status, name, unit)?.count;

describe('a monthly count', () => {
  it('counts each of three people named in a group visit, whatever the separators', () => {
    const { campaign, status } = april({
      visits: [
        visit('2027-04-05', '张校长', '陈红、刘洋,黄敏', { mode: '集中走访' }),
        visit('2027-04-06', '李副校长', '杨帆；何静\n林国栋', { mode: '集中走访' }),
        visit('2027-04-07', '周主任', '何师傅，吕师傅；\n', { mode: '集中走访' }),
      ],
    });
    expect(problemsOf(campaign)).toEqual([]);
    expect(lineOf(status, '张校长', '校长室')?.count).toBe(3);
    expect(lineOf(status, '李副校长', '校长室')?.count).toBe(3);
    expect(lineOf(status, '周主任', '服务中心')?.count).toBe(2);
  });

  it('credits a co-visitor with the people visited', () => {
    const visits = [visit('2027-04-05', '张校长', '陈红、刘洋', { coVisitors: '李副校长' })];
    expect(countOf({ visits }, '张校长')).toBe(2);
    expect(countOf({ visits }, '李副校长')).toBe(2);
  });

  it('credits each co-visitor in their own units only', () => {
    const visits = [visit('2027-04-05', '张校长', '陈红', { coVisitors: '李副校长、王主任' })];
    expect(countOf({ visits }, '李副校长')).toBe(1);
    expect(countOf({ visits }, '王主任', '发展中心')).toBe(0);
  });

  it('counts the same person visited twice in a month once, and again in the next month', () => {
    const visits = [
      visit('2027-04-05', '张校长', '陈红'),
      visit('2027-04-12', '张校长', '陈红、刘洋', { mode: '集中走访' }),
      visit('2027-04-12', '李副校长', '陈红', { coVisitors: '张校长' }),
      visit('2027-05-03', '张校长', '陈红'),
    ];
    const campaign = loadCampaign(school({ visits }), '2027-05-10');
    expect(lineOf(computeStatus(campaign, '2027-04', '2027-05-10'), '张校长', '校长室')?.count).toBe(2);
    expect(lineOf(computeStatus(campaign, '2027-05', '2027-05-10'), '张校长', '校长室')?.count).toBe(1);
  });

  it('matches names typed with a full-width space (U+3000) or other spacing to the roster', () => {
    const targets = [...TARGETS, { name: '欧阳　娜', group: '家委会成员' }];
    const visits = [
      visit('2027-04-05', '张　校长', '刘\u3000洋、欧阳娜'),
      visit('2027-04-06', '张校长', ' 黄 敏 、欧阳 娜'),
    ];
    const { campaign, status } = april({ targets, visits });
    expect(problemsOf(campaign)).toEqual([]);
    expect(lineOf(status, '张校长', '校长室')?.count).toBe(3);
  });

  it('does not count people outside the unit’s groups or unknown names, and reports them', () => {
    const { campaign, status } = april({ visits: [visit('2027-04-05', '张校长', '陈红、吴老师、路人甲')] });
    expect(lineOf(status, '张校长', '校长室')?.count).toBe(1);
    expect(problemsOf(campaign).map((p) => [p.row, p.code, p.severity])).toEqual([
      [2, 'TARGET_OUTSIDE_GROUPS', 'warning'],
      [2, 'TARGET_UNKNOWN', 'warning'],
    ]);
  });

  it('counts each target toward the unit whose groups it belongs to, for a person in two units', () => {
    const staff = [...STAFF, { name: '何副校长', units: '校长室、发展中心' }];
    const { campaign, status } = april({
      staff,
      visits: [visit('2027-04-05', '何副校长', '陈红、吴老师、郑老师')],
    });
    expect(problemsOf(campaign)).toEqual([]);
    expect(lineOf(status, '何副校长', '校长室')?.count).toBe(1);
    expect(lineOf(status, '何副校长', '发展中心')?.count).toBe(2);
  });

  /** Row 3 gets one error (the change); row 2 is good. Returns 张校长's April count and the error rows. */
  function withBadRow(change: Record<string, string | null>) {
    const visits = [
      visit('2027-04-05', '张校长', '陈红'),
      visit('2027-04-06', '张校长', '刘洋、黄敏', change),
    ];
    const { campaign, status } = april({ visits });
    const errorRows = problemsOf(campaign)
      .filter((p) => p.severity === 'error')
      .map((p) => p.row);
    return { count: lineOf(status, '张校长', '校长室')?.count, errorRows };
  }

  it.each([
    ['a future date', { date: '2027-04-21' }],
    ['a date before the campaign start', { date: '2027-03-24' }],
    ['no date', { date: null }],
    ['an unreadable date', { date: '四月五日' }],
  ])('does not count a row with %s', (_what, change) => {
    expect(withBadRow(change)).toEqual({ count: 1, errorRows: [3] });
  });

  it.each([
    ['an unknown mode', { mode: '骑车' }],
    ['no mode', { mode: '' }],
  ])('does not count a dated row with %s', (_what, change) => {
    expect(withBadRow(change)).toEqual({ count: 1, errorRows: [3] });
  });

  const badVisitors = [
    visit('2027-04-05', '路人乙', '陈红', { coVisitors: '李副校长' }),
    visit('2027-04-06', '孙老师', '刘洋', { coVisitors: '李副校长' }),
  ];

  it('reports a row whose visitor is unknown or inactive as an error', () => {
    expect(problemsOf(april({ visits: badVisitors }).campaign).map((p) => [p.row, p.code])).toEqual([
      [2, 'VISITOR_UNKNOWN'],
      [3, 'VISITOR_INACTIVE'],
    ]);
  });

  it('does not credit the co-visitor on a row whose visitor is unknown or inactive', () => {
    expect(lineOf(april({ visits: badVisitors }).status, '李副校长', '校长室')?.count).toBe(0);
  });

  it('still counts a row that has only warnings', () => {
    const visits = [
      visit('2027-04-05', '张校长', '陈红', { record: '', coVisitors: '外校老师', followUp: '马上办' }),
    ];
    const { campaign, status } = april({ visits });
    expect(problemsOf(campaign).every((p) => p.severity === 'warning')).toBe(true);
    expect(problemsOf(campaign)).toHaveLength(3);
    expect(lineOf(status, '张校长', '校长室')?.count).toBe(1);
  });
});

describe('quota lines', () => {
  it('are given to active staff only (在岗 是 or empty), once per unit', () => {
    const { status } = april({});
    expect(status.people.map((l) => [l.name, l.unit])).toEqual([
      ['张校长', '校长室'],
      ['张校长', '全体教师'],
      ['李副校长', '校长室'],
      ['王主任', '发展中心'],
      ['赵老师', '全体教师'],
      ['钱老师', '全体教师'],
      ['周主任', '服务中心'],
    ]);
  });

  it('are not given for a unit missing from 部门指标', () => {
    const staff = [{ name: '张校长', units: '校长室、教务处' }];
    const { campaign, status } = april({ staff });
    expect(status.people.map((l) => l.unit)).toEqual(['校长室']);
    expect(problemsOf(campaign).map((p) => p.code)).toEqual(['UNIT_UNKNOWN']);
  });
});
