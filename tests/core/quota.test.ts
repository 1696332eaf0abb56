// The quota calendar of §3: the first quota month, exempt months, and a month's status on a given day (pacing).
import { computeStatus, loadCampaign } from '../../src/core/engine';
import { defaultHeaders } from '../../src/core/tables';
import { lineOf, school, visit, type Row } from './helpers';

/** Visits by one person to the first `n` people of 校长室's groups, all on one date. */
function principalVisits(date: string, n: number, visitor = '张校长'): Row[] {
  const names = ['陈红', '刘洋', '黄敏', '杨帆', '何静', '马丽', '林国栋', '郭志强'];
  return names.slice(0, n).map((name) => visit(date, visitor, name));
}

/** Visits by 王主任 (发展中心, minimum 3) to the first `n` office teachers. */
function officeVisits(date: string, n: number): Row[] {
  return ['吴老师', '郑老师', '冯老师'].slice(0, n).map((name) => visit(date, '王主任', name));
}

describe('the first quota month', () => {
  it('is the start month when the campaign starts on the 15th', () => {
    const campaign = loadCampaign(
      school({ settings: { campaignStart: '2027-03-15' }, visits: principalVisits('2027-03-15', 1) }),
      '2027-04-02',
    );
    const march = computeStatus(campaign, '2027-03', '2027-04-02');
    expect(lineOf(march, '张校长', '校长室')).toEqual({
      name: '张校长',
      unit: '校长室',
      count: 1,
      minimum: 5,
      status: 'missed',
    });
    expect(lineOf(computeStatus(campaign, '2027-04', '2027-04-02'), '张校长', '校长室')?.count).toBe(0);
  });

  it('is the next month when the campaign starts on the 16th; visits before it count toward it', () => {
    const campaign = loadCampaign(
      school({
        settings: { campaignStart: '2027-03-16' },
        visits: [
          visit('2027-03-16', '张校长', '陈红'),
          visit('2027-03-31', '张校长', '刘洋'),
          visit('2027-04-02', '张校长', '黄敏'),
        ],
      }),
      '2027-04-10',
    );
    const march = computeStatus(campaign, '2027-03', '2027-04-10');
    expect(march.people.filter((l) => l.unit === '校长室')).toEqual([]);
    // 3 visited; pace on 10 April is floor(5 × 10 / 30) = 1.
    expect(lineOf(computeStatus(campaign, '2027-04', '2027-04-10'), '张校长', '校长室')).toEqual({
      name: '张校长',
      unit: '校长室',
      count: 3,
      minimum: 5,
      status: 'on_track',
    });
  });

  it('reads a campaign start given as a date value (its wall-clock text, as the adapters give it)', () => {
    const settings = [
      defaultHeaders('settings', 'zh'),
      ['时区', 'Asia/Shanghai'],
      ['活动开始日期', '2027-03-16'],
      ['语言', 'zh'],
    ];
    const campaign = loadCampaign(
      school({ grids: { settings }, visits: [visit('2027-03-20', '张校长', '陈红')] }),
      '2027-04-10',
    );
    expect(campaign.settings.campaignStart).toBe('2027-03-16');
    expect(
      computeStatus(campaign, '2027-03', '2027-04-10').people.filter((l) => l.unit === '校长室'),
    ).toEqual([]);
    expect(lineOf(computeStatus(campaign, '2027-04', '2027-04-10'), '张校长', '校长室')?.count).toBe(1);
  });
});

describe('the status of a month', () => {
  it.each([
    // [visited, day of April, expected]: pace = floor(5 × day / 30)
    [1, 12, 'behind'], // pace 2
    [2, 12, 'on_track'], // pace 2: equal is on track
    [0, 1, 'on_track'], // pace 0
    [0, 6, 'behind'], // pace 1
    [4, 30, 'behind'], // pace 5
    [5, 3, 'met'],
    [6, 30, 'met'],
  ])('with %p visited on 2027-04-%p is %p (minimum 5)', (n, day, expected) => {
    const today = `2027-04-${String(day).padStart(2, '0')}`;
    const campaign = loadCampaign(school({ visits: principalVisits('2027-04-01', n) }), today);
    const line = lineOf(computeStatus(campaign, '2027-04', today), '张校长', '校长室');
    expect(line).toEqual({ name: '张校长', unit: '校长室', count: n, minimum: 5, status: expected });
  });

  it('uses the minimum of the unit: 3 for 发展中心 (pace on 12 April is 1)', () => {
    const none = loadCampaign(school({ visits: [] }), '2027-04-12');
    expect(lineOf(computeStatus(none, '2027-04', '2027-04-12'), '王主任', '发展中心')?.status).toBe('behind');
    const one = loadCampaign(school({ visits: officeVisits('2027-04-02', 1) }), '2027-04-12');
    expect(lineOf(computeStatus(one, '2027-04', '2027-04-12'), '王主任', '发展中心')).toEqual({
      name: '王主任',
      unit: '发展中心',
      count: 1,
      minimum: 3,
      status: 'on_track',
    });
  });

  it('uses the minimum a school sets in 部门指标', () => {
    const units = [
      ['校长室', '家委会成员、社会贤达人士', 2, '', ''],
      ['全体教师', '学生家庭', 5, '', ''],
    ];
    const campaign = loadCampaign(school({ units, visits: principalVisits('2027-04-02', 2) }), '2027-04-05');
    expect(lineOf(computeStatus(campaign, '2027-04', '2027-04-05'), '张校长', '校长室')).toMatchObject({
      count: 2,
      minimum: 2,
      status: 'met',
    });
  });

  it('is met or missed once the month has ended', () => {
    const visits = [...principalVisits('2027-04-10', 5), ...principalVisits('2027-04-10', 4, '李副校长')];
    const campaign = loadCampaign(school({ visits }), '2027-05-01');
    const april = computeStatus(campaign, '2027-04', '2027-05-01');
    expect(lineOf(april, '张校长', '校长室')).toMatchObject({ count: 5, status: 'met' });
    expect(lineOf(april, '李副校长', '校长室')).toMatchObject({ count: 4, status: 'missed' });
  });

  it('has no lines for a month after today', () => {
    const campaign = loadCampaign(school({ visits: principalVisits('2027-05-02', 5) }), '2027-05-10');
    expect(computeStatus(campaign, '2027-06', '2027-05-10').people).toEqual([]);
    expect(computeStatus(campaign, '2027-05', '2027-05-10').people.length).toBeGreaterThan(0);
  });

  it('is exempt in an exempt month, during it and after it, whatever the count', () => {
    const visits = principalVisits('2027-07-10', 1);
    const during = loadCampaign(school({ visits }), '2027-07-20');
    const july = computeStatus(during, '2027-07', '2027-07-20');
    expect(lineOf(july, '张校长', '校长室')).toEqual({
      name: '张校长',
      unit: '校长室',
      count: 1,
      minimum: 5,
      status: 'exempt',
    });
    expect(july.people.every((l) => l.status === 'exempt')).toBe(true);
    const after = loadCampaign(school({ visits }), '2027-09-05');
    expect(lineOf(computeStatus(after, '2027-07', '2027-09-05'), '张校长', '校长室')?.status).toBe('exempt');
    expect(lineOf(computeStatus(after, '2027-06', '2027-09-05'), '张校长', '校长室')?.status).toBe('missed');
  });

  it('reads a lone exempt month that Sheets turned into a date value (given as the text 2027-07-01)', () => {
    const sheets = school({ visits: principalVisits('2027-07-10', 1) });
    const settings = sheets.find((s) => s.name === '设置');
    const row = settings?.grid.find((r) => r[0] === '不计指标月份');
    if (row === undefined) throw new Error('no exempt-months row');
    row[1] = '2027-07-01'; // Sheets made a date of 2027-07; the adapter gives its wall-clock text
    const campaign = loadCampaign(sheets, '2027-07-20');
    expect(campaign.settings.exemptMonths).toEqual(['2027-07']);
    expect(lineOf(computeStatus(campaign, '2027-07', '2027-07-20'), '张校长', '校长室')?.status).toBe(
      'exempt',
    );
  });
});

describe('pacing in February', () => {
  // 发展中心 (minimum 3) on 19 February: floor(3 × 19 / 29) = 1 in 2028, floor(3 × 19 / 28) = 2 in 2027.
  it('counts 29 days in a leap-year February (2028)', () => {
    const campaign = loadCampaign(
      school({
        settings: { campaignStart: '2027-09-01', exemptMonths: [] },
        visits: officeVisits('2028-02-03', 1),
      }),
      '2028-02-19',
    );
    expect(lineOf(computeStatus(campaign, '2028-02', '2028-02-19'), '王主任', '发展中心')).toEqual({
      name: '王主任',
      unit: '发展中心',
      count: 1,
      minimum: 3,
      status: 'on_track',
    });
  });

  it('counts 28 days in a non-leap February (2027)', () => {
    const campaign = loadCampaign(
      school({
        settings: { campaignStart: '2027-01-04', exemptMonths: [] },
        visits: officeVisits('2027-02-03', 1),
      }),
      '2027-02-19',
    );
    expect(lineOf(computeStatus(campaign, '2027-02', '2027-02-19'), '王主任', '发展中心')).toMatchObject({
      count: 1,
      status: 'behind',
    });
  });

  it('asks for the whole minimum on 29 February 2028 (floor(3 × 29 / 29) = 3)', () => {
    const campaign = loadCampaign(
      school({
        settings: { campaignStart: '2027-09-01', exemptMonths: [] },
        visits: officeVisits('2028-02-03', 2),
      }),
      '2028-02-29',
    );
    expect(lineOf(computeStatus(campaign, '2028-02', '2028-02-29'), '王主任', '发展中心')).toMatchObject({
      count: 2,
      status: 'behind',
    });
  });
});
