// A wrongly shaped workbook: a missing required sheet or required column lands in campaign.structural.
import { computeStatus, loadCampaign, problemsOf } from '../../src/core/engine';
import { defaultHeaders, type TableKey } from '../../src/core/tables';
import { lineOf, school, visit, workbook } from './helpers';

const TODAY = '2027-04-20';

describe('a missing sheet', () => {
  it.each<[TableKey, string]>([
    ['settings', '设置'],
    ['units', '部门指标'],
    ['staff', '人员'],
    ['targets', '走访对象'],
    ['students', '学生'],
    ['visits', '走访记录'],
    ['homeVisits', '家访记录'],
  ])('is structural when it is the required sheet %s', (key, sheet) => {
    const campaign = loadCampaign(school({ omit: [key] }), TODAY);
    expect(problemsOf(campaign, campaign.structural)).toEqual([
      {
        sheet,
        row: 0,
        column: '',
        severity: 'error',
        code: 'SHEET_MISSING',
        message: `缺少工作表“${sheet}”`,
      },
    ]);
    expect(problemsOf(campaign).some((p) => p.code === 'SHEET_MISSING')).toBe(false);
  });

  it('is not a problem when it is 问题整改 or 献计', () => {
    const campaign = loadCampaign(school({ omit: ['rectification', 'suggestions'] }), TODAY);
    expect(campaign.structural).toEqual([]);
    expect(problemsOf(campaign)).toEqual([]);
  });

  it('is named in English in an English workbook', () => {
    const campaign = loadCampaign(workbook({ lang: 'en', omit: ['students'] }), TODAY);
    expect(problemsOf(campaign, campaign.structural).map((p) => [p.sheet, p.message])).toEqual([
      ['Students', 'The sheet "Students" is missing'],
    ]);
  });
});

describe('a required header renamed', () => {
  it('is structural, naming the sheet, row 1 and the missing column; the new header is a notice', () => {
    const headers = defaultHeaders('visits', 'zh').map((h) => (h === '走访人' ? '拜访人' : h));
    const campaign = loadCampaign(school({ grids: { visits: [headers] } }), TODAY);
    expect(problemsOf(campaign, campaign.structural)).toEqual([
      {
        sheet: '走访记录',
        row: 1,
        column: '走访人',
        severity: 'error',
        code: 'COLUMN_MISSING',
        message: '工作表“走访记录”缺少必需的列“走访人”',
      },
    ]);
    expect(problemsOf(campaign, campaign.notices).map((p) => [p.sheet, p.row, p.code, p.message])).toEqual([
      ['走访记录', 1, 'COLUMN_UNKNOWN', '工作表“走访记录”有未识别的列“拜访人”（不影响统计）'],
    ]);
  });

  it('is named in English in an English workbook', () => {
    const headers = defaultHeaders('visits', 'en').map((h) => (h === 'Visitor' ? 'Host' : h));
    const campaign = loadCampaign(workbook({ lang: 'en', grids: { visits: [headers] } }), TODAY);
    expect(
      problemsOf(campaign, campaign.structural).map((p) => [p.sheet, p.row, p.column, p.message]),
    ).toEqual([['Visits', 1, 'Visitor', 'The sheet "Visits" has no required column "Visitor"']]);
  });

  it('is not structural for an optional column left out', () => {
    const headers = defaultHeaders('visits', 'zh').filter((h) => h !== '同行人' && h !== '照片');
    const rows = [['', '', '2027-04-05', '张校长', '陈红', '面谈', '', '交流']]; // 编号, 校验, then the rest
    const visits = [headers, ...rows.map((r) => [...r, ...headers.slice(r.length).map(() => '')])];
    const campaign = loadCampaign(school({ grids: { visits } }), TODAY);
    expect(campaign.structural).toEqual([]);
    expect(lineOf(computeStatus(campaign, '2027-04', TODAY), '张校长', '校长室')?.count).toBe(1);
  });
});

describe('sheet and header names', () => {
  it('are recognised in either language, with half-width brackets and any letter case', () => {
    const sheets = school({
      units: [['校长室', '家委会成员、社会贤达人士', 5, 1, '']],
      visits: [visit('2027-05-03', '张校长', '陈红')],
    }).map((s) => {
      if (s.name === '走访记录') return { ...s, name: 'Visits' };
      if (s.name === '部门指标')
        return {
          ...s,
          grid: [['部门', 'target groups', '每人每月至少', '覆盖周期(月)'], ...s.grid.slice(1)],
        };
      return s;
    });
    const campaign = loadCampaign(sheets, '2027-05-10');
    expect(campaign.structural).toEqual([]);
    const may = computeStatus(campaign, '2027-05', '2027-05-10');
    expect(lineOf(may, '张校长', '校长室')?.count).toBe(1);
    expect(may.coverage[0]).toMatchObject({ cycleStart: '2027-05-01', cycleEnd: '2027-05-31', visited: 1 });
  });
});
