// Every §4 check: code, severity, sheet, the sheet's row number, the column as headed, and the message in Chinese.
import { computeStatus, loadCampaign, problemsOf } from '../../src/core/engine';
import type { Problem } from '../../src/core/model';
import { homeVisit, lineOf, school, STAFF, STUDENTS, TARGETS, visit, type WorkbookSpec } from './helpers';
import { unitRows } from '../../src/core/defaults';

const TODAY = '2027-04-20';
const GOOD_VISIT = visit('2027-04-05', '张校长', '陈红');
const GOOD_HOME_VISIT = homeVisit('2027-04-05', '赵老师', '一(1)班', '李明');

const problemsIn = (spec: WorkbookSpec) => problemsOf(loadCampaign(school(spec), TODAY));

/** A bad leader visit in row 3 of 走访记录, after a good one in row 2. */
const badVisit = (change: Record<string, string | null>): WorkbookSpec => ({
  visits: [GOOD_VISIT, { ...GOOD_VISIT, date: '2027-04-06', targets: '刘洋', ...change }],
});
/** A bad home visit in row 3 of 家访记录, after a good one in row 2. */
const badHomeVisit = (change: Record<string, string | null>): WorkbookSpec => ({
  homeVisits: [GOOD_HOME_VISIT, { ...GOOD_HOME_VISIT, date: '2027-04-06', students: '张伟', ...change }],
});

const err = (
  sheet: string,
  row: number,
  column: string,
  code: Problem['code'],
  message: string,
): Problem => ({
  sheet,
  row,
  column,
  severity: 'error',
  code,
  message,
});
const warn = (
  sheet: string,
  row: number,
  column: string,
  code: Problem['code'],
  message: string,
): Problem => ({
  ...err(sheet, row, column, code, message),
  severity: 'warning',
});

it('the test school with good rows has no problems', () => {
  expect(problemsIn({ visits: [GOOD_VISIT], homeVisits: [GOOD_HOME_VISIT] })).toEqual([]);
});

describe('走访记录', () => {
  const V = '走访记录';
  it.each<[string, WorkbookSpec, Problem]>([
    ['no date', badVisit({ date: null }), err(V, 3, '走访日期', 'DATE_MISSING', '缺少日期')],
    [
      'an unreadable date',
      badVisit({ date: '4月6日' }),
      err(
        V,
        3,
        '走访日期',
        'DATE_INVALID',
        '日期“4月6日”无法识别，请写成 2027-04-05、2027/4/5、2027.4.5 或 2027年4月5日',
      ),
    ],
    [
      'a date in the future',
      badVisit({ date: '2027-04-21' }),
      err(V, 3, '走访日期', 'DATE_FUTURE', '日期 2027-04-21 晚于今天（2027-04-20）'),
    ],
    [
      'a date before the campaign start',
      badVisit({ date: '2027-03-24' }),
      err(V, 3, '走访日期', 'VISIT_BEFORE_CAMPAIGN', '走访日期 2027-03-24 早于活动开始日期 2027-03-25'),
    ],
    ['no visitor', badVisit({ visitor: '' }), err(V, 3, '走访人', 'VISITOR_MISSING', '缺少走访人')],
    [
      'a visitor not on the staff roster',
      badVisit({ visitor: '路人乙' }),
      err(V, 3, '走访人', 'VISITOR_UNKNOWN', '“路人乙”不在人员名单中'),
    ],
    [
      'a visitor not active',
      badVisit({ visitor: '孙老师' }),
      err(V, 3, '走访人', 'VISITOR_INACTIVE', '“孙老师”已不在岗'),
    ],
    [
      'a co-visitor not on the roster',
      badVisit({ coVisitors: '外校老师' }),
      warn(V, 3, '同行人', 'COVISITOR_UNKNOWN', '同行人“外校老师”不在人员名单中，不计入其指标'),
    ],
    ['no one visited', badVisit({ targets: '' }), err(V, 3, '走访对象', 'TARGETS_MISSING', '缺少走访对象')],
    [
      'an unknown target',
      badVisit({ targets: '路人甲' }),
      warn(V, 3, '走访对象', 'TARGET_UNKNOWN', '“路人甲”不在走访对象名单中，不计入指标'),
    ],
    [
      'a target outside the visitor’s groups',
      badVisit({ targets: '吴老师' }),
      warn(
        V,
        3,
        '走访对象',
        'TARGET_OUTSIDE_GROUPS',
        '“吴老师”（办公室教师）不属于走访人所在部门的走访对象，不计入指标',
      ),
    ],
    ['no mode', badVisit({ mode: '' }), err(V, 3, '方式', 'MODE_MISSING', '缺少方式')],
    [
      'a mode not in the list',
      badVisit({ mode: '骑车' }),
      err(V, 3, '方式', 'MODE_INVALID', '方式“骑车”不在可选范围内（上门、电话、来校、集中走访、面谈）'),
    ],
    [
      'a follow-up not in the list',
      badVisit({ followUp: '马上办' }),
      warn(
        V,
        3,
        '处理方式',
        'FOLLOWUP_INVALID',
        '处理方式“马上办”不在可选范围内（及时汇报、研究实践、已解决、无需处理）',
      ),
    ],
    [
      'a duplicate of an earlier row',
      badVisit({ date: '2027-04-05', targets: '陈红' }),
      warn(V, 3, '走访对象', 'DUPLICATE_ROW', '与第 2 行重复（同一走访人、同一对象、同一天）'),
    ],
    ['an empty record', badVisit({ record: '' }), warn(V, 3, '情况记录', 'RECORD_EMPTY', '情况记录为空')],
  ])('reports %s', (_what, spec, expected) => {
    expect(problemsIn(spec)).toEqual([expected]);
  });

  it('names the sheet’s own row number when empty rows come before the bad one', () => {
    const problems = problemsIn({
      visits: [GOOD_VISIT, null, null, { ...GOOD_VISIT, targets: '刘洋', mode: '骑车' }],
    });
    expect(problems.map((p) => [p.row, p.code])).toEqual([[5, 'MODE_INVALID']]);
  });

  it('does not call a visit to the same person on another day, or by another visitor, a duplicate', () => {
    const visits = [
      GOOD_VISIT,
      { ...GOOD_VISIT, date: '2027-04-06' },
      { ...GOOD_VISIT, visitor: '李副校长' },
    ];
    expect(problemsIn({ visits })).toEqual([]);
  });
});

describe('家访记录', () => {
  const H = '家访记录';
  it.each<[string, WorkbookSpec, Problem]>([
    [
      'a date outside the semester',
      badHomeVisit({ date: '2027-02-16' }),
      err(
        H,
        3,
        '家访日期',
        'HOME_VISIT_OUTSIDE_SEMESTER',
        '家访日期 2027-02-16 不在任何学期内（2027年春季学期 2027-02-17 至 2027-07-05）',
      ),
    ],
    [
      'a date in the future',
      badHomeVisit({ date: '2027-05-01' }),
      err(H, 3, '家访日期', 'DATE_FUTURE', '日期 2027-05-01 晚于今天（2027-04-20）'),
    ],
    ['no class', badHomeVisit({ className: '' }), err(H, 3, '班级', 'CLASS_MISSING', '缺少班级')],
    ['no student', badHomeVisit({ students: '' }), err(H, 3, '学生', 'STUDENTS_MISSING', '缺少学生')],
    [
      'a student not on the roster of that class',
      badHomeVisit({ students: '陈静' }),
      err(H, 3, '学生', 'STUDENT_NOT_IN_CLASS', '学生“陈静”不在一(1)班的名单中'),
    ],
    [
      'a teacher not on the staff roster',
      badHomeVisit({ teacher: '路人乙' }),
      err(H, 3, '家访教师', 'VISITOR_UNKNOWN', '“路人乙”不在人员名单中'),
    ],
    [
      'a teacher not active',
      badHomeVisit({ teacher: '孙老师' }),
      err(H, 3, '家访教师', 'VISITOR_INACTIVE', '“孙老师”已不在岗'),
    ],
    [
      'a leader-visit mode',
      badHomeVisit({ mode: '集中走访' }),
      err(H, 3, '方式', 'MODE_INVALID', '方式“集中走访”不在可选范围内（上门、电话、来校）'),
    ],
    [
      'an in-person visit with no co-teacher',
      badHomeVisit({ mode: '上门' }),
      warn(H, 3, '协同教师', 'IN_PERSON_NO_COTEACHER', '上门家访没有协同教师（方案建议两三人协同上门）'),
    ],
    [
      'a duplicate of an earlier row',
      badHomeVisit({ date: '2027-04-05', students: '李明' }),
      warn(H, 3, '学生', 'DUPLICATE_ROW', '与第 2 行重复（同一走访人、同一对象、同一天）'),
    ],
    ['an empty record', badHomeVisit({ record: '' }), warn(H, 3, '情况记录', 'RECORD_EMPTY', '情况记录为空')],
  ])('reports %s', (_what, spec, expected) => {
    expect(problemsIn(spec)).toEqual([expected]);
  });

  it('draws no co-teacher warning for an in-person visit with a co-teacher', () => {
    expect(problemsIn(badHomeVisit({ mode: '上门', coTeachers: '张校长' }))).toEqual([]);
  });
});

describe('the rosters, settings and ledgers', () => {
  it.each<[string, WorkbookSpec, Problem]>([
    [
      'a staff unit not in 部门指标',
      { staff: [...STAFF, { name: '吴主任', units: '教务处' }] },
      warn('人员', 9, '部门', 'UNIT_UNKNOWN', '部门“教务处”不在部门指标中'),
    ],
    [
      'an unreadable 在岗',
      { staff: [...STAFF, { name: '吴主任', units: '校长室', active: '也许' }] },
      warn('人员', 9, '在岗', 'ACTIVE_INVALID', '在岗“也许”应为“是”或“否”'),
    ],
    [
      'a staff row without a name',
      { staff: [...STAFF, { name: '', units: '校长室' }] },
      err('人员', 9, '姓名', 'NAME_MISSING', '缺少姓名'),
    ],
    [
      'a target group no unit visits',
      { targets: [...TARGETS, { name: '老校友', group: '校友' }] },
      warn('走访对象', 15, '类别', 'GROUP_UNKNOWN', '类别“校友”不是任何部门的走访对象类别'),
    ],
    [
      'a student without a class',
      { students: [...STUDENTS, { studentId: 'S301', name: '新同学', className: '' }] },
      err('学生', 9, '班级', 'CLASS_MISSING', '缺少班级'),
    ],
    [
      'a unit minimum that is no positive whole number',
      { units: [...unitRows('zh'), ['教务处', '家委会成员', 0, '', '']] },
      err('部门指标', 8, '每人每月至少', 'MINIMUM_INVALID', '每人每月至少“0”应为正整数'),
    ],
    [
      'unit coverage months that are no positive whole number',
      { units: [...unitRows('zh'), ['教务处', '家委会成员', 3, '1.5', '']] },
      err(
        '部门指标',
        8,
        '覆盖周期（月）',
        'COVERAGE_INVALID',
        '覆盖周期“1.5”应为正整数（留空则使用设置中的默认值）',
      ),
    ],
    [
      'an unknown time zone',
      { settings: { timeZone: 'Mars/Base' } },
      err('设置', 4, '值', 'SETTING_INVALID', '设置“时区”的值“Mars/Base”无法识别：暂用默认值：Asia/Shanghai'),
    ],
    [
      'coverage months out of range',
      { settings: { coverageMonths: 13 } },
      err('设置', 8, '值', 'SETTING_INVALID', '设置“覆盖周期（月）”的值“13”无法识别：1–12；暂用默认值：2'),
    ],
    [
      'an unreadable exempt month',
      { settings: { exemptMonths: ['2027-07', '七月'] } },
      err(
        '设置',
        9,
        '值',
        'SETTING_INVALID',
        '设置“不计指标月份”的值“2027-07, 七月”无法识别：YYYY-MM；无法识别的已略去，暂按：2027-07',
      ),
    ],
    [
      'a rectification status not in the list',
      { rectification: [{ problem: '放学时校门口拥堵', status: '搁置' }] },
      err(
        '问题整改',
        2,
        '状态',
        'STATUS_INVALID',
        '状态“搁置”不在可选范围内（待整改、整改中、已完成、已建章立制）',
      ),
    ],
    [
      'a rectification source that is no record ID',
      { rectification: [{ problem: '放学时校门口拥堵', status: '整改中', source: '访谈12' }] },
      warn('问题整改', 2, '来源', 'SOURCE_INVALID', '来源“访谈12”应写成 V-12、H-7 或 S-3 这样的编号'),
    ],
    [
      'an unreadable rectification deadline',
      { rectification: [{ problem: '放学时校门口拥堵', status: '待整改', deadline: '下个月' }] },
      err(
        '问题整改',
        2,
        '期限',
        'DATE_INVALID',
        '日期“下个月”无法识别，请写成 2027-04-05、2027/4/5、2027.4.5 或 2027年4月5日',
      ),
    ],
    [
      'a suggestion without a date',
      { suggestions: [{ author: '陈红', text: '增加课后服务' }] },
      err('献计', 2, '日期', 'DATE_MISSING', '缺少日期'),
    ],
  ])('reports %s', (_what, spec, expected) => {
    expect(problemsIn(spec)).toEqual([expected]);
  });

  it('keeps a unit with a broken minimum known: one error, no warnings on its staff and targets, no quota lines', () => {
    const units = unitRows('zh').map((u) => (u[0] === '校长室' ? ['校长室', u[1] ?? '', 0, '', ''] : u));
    const campaign = loadCampaign(school({ units }), TODAY);
    expect(problemsOf(campaign).map((p) => [p.sheet, p.code])).toEqual([['部门指标', 'MINIMUM_INVALID']]);
    expect(computeStatus(campaign, '2027-04', TODAY).people.filter((l) => l.unit === '校长室')).toEqual([]);
  });

  it('accepts the record IDs V-12, H-7 and S-3 as rectification sources', () => {
    const rectification = ['V-12', 'H-7', 'S-3'].map((source) => ({
      problem: '问题',
      status: '待整改',
      source,
    }));
    expect(problemsIn({ rectification })).toEqual([]);
  });
});

describe('a sheet laid out by the school', () => {
  const LAID_OUT_VISITS = [
    ['走访对象', '情况记录', 'Mode', '班主任备注', '走访人', '走访日期'],
    ['陈红', '聊了家校沟通', '面谈', '自己的列', '张校长', '2027-04-05'],
    ['刘洋', '', '骑车', '', '张校长', '2027-04-06'],
    ['黄敏', '', '电话', '', '张校长', '2027-04-07'],
  ];

  it('finds columns by header text in any order, reports the header as found, and ignores its own columns', () => {
    const campaign = loadCampaign(school({ grids: { visits: LAID_OUT_VISITS } }), TODAY);
    expect(problemsOf(campaign)).toEqual([
      err(
        '走访记录',
        3,
        'Mode',
        'MODE_INVALID',
        '方式“骑车”不在可选范围内（上门、电话、来校、集中走访、面谈）',
      ),
      warn('走访记录', 3, '情况记录', 'RECORD_EMPTY', '情况记录为空'),
      warn('走访记录', 4, '情况记录', 'RECORD_EMPTY', '情况记录为空'),
    ]);
    expect(campaign.structural).toEqual([]);
    expect(
      problemsOf(campaign, campaign.notices).map((p) => [p.sheet, p.row, p.severity, p.message]),
    ).toEqual([['走访记录', 1, 'warning', '工作表“走访记录”有未识别的列“班主任备注”（不影响统计）']]);
  });

  it('counts the rows of a reordered sheet without errors only', () => {
    const campaign = loadCampaign(school({ grids: { visits: LAID_OUT_VISITS } }), TODAY);
    expect(lineOf(computeStatus(campaign, '2027-04', TODAY), '张校长', '校长室')?.count).toBe(2);
  });
});
