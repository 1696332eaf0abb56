// Semester and year summaries on a small campaign year, every figure counted by hand (tests/summary/year-school.ts).
import { loadCampaign } from '../../src/core/engine';
import { buildSummary } from '../../src/core/summary/summary';
import { defaultSemester, semesterScope, yearScope } from '../../src/core/summary/scope';
import { buildMonthlyReport } from '../../src/core/report/monthly-report';
import { summaryDocument, summarySheetName } from '../../src/core/summary/summary-document';
import { AUTUMN, SPRING, yearSchool } from './year-school';

/** The year summary made on 10 February 2028, after the autumn semester ended on 20 January. */
const YEAR_DAY = '2028-02-10';
const year = () => {
  const campaign = loadCampaign(yearSchool(), YEAR_DAY);
  return { campaign, summary: buildSummary(campaign, yearScope(campaign, YEAR_DAY), YEAR_DAY) };
};
/** The spring summary made on 10 July 2027, after the spring semester ended on 5 July. */
const SPRING_DAY = '2027-07-10';
const spring = () => {
  const campaign = loadCampaign(yearSchool(), SPRING_DAY);
  const scope = semesterScope(campaign, SPRING);
  if (scope === undefined) throw new Error('no spring semester');
  return { campaign, summary: buildSummary(campaign, scope, SPRING_DAY) };
};

describe('the year summary', () => {
  it('runs from the first semester’s start (before the campaign start) to the last semester’s end', () => {
    const { summary } = year();
    expect(summary.scope).toEqual({ kind: 'year', name: '', start: '2027-02-17', end: '2028-01-20' });
    expect(summary.asAt).toBe('2028-01-20');
    expect(summary.months).toHaveLength(12);
    expect(summary.months[0]).toBe('2027-02');
    expect(summary.months.at(-1)).toBe('2028-01');
  });

  it('gives the bureau’s table: 12 visits, 6 people, 4 families, 3 in person, 5 problems, 3 solved, 2 rules, 4/2 suggestions', () => {
    expect(year().summary.bureau).toEqual({
      visits: 12, // V-1…V-8 and H-1…H-4 (H-1 on 10 March, before the campaign start, is in the year)
      people: 6, // 陈红 刘洋 黄敏 林国栋 吴老师 郑老师
      families: 4, // 王芳 李明 陈静 赵磊
      inPersonHomeVisits: 3, // H-1 H-3 H-4
      problemsFound: 5, // R-1…R-5
      problemsSolved: 3, // R-1 已建章立制, R-2 and R-5 已完成
      rules: 2, // have a 长效机制
      suggestionsReceived: 4,
      suggestionsAdopted: 2, // S-1, S-4
    });
  });

  it('counts the leaders’ quota months met of the 8 evaluated (Apr–Jun, Sep–Jan; Jul and Aug exempt)', () => {
    const leaders = year().summary.people.filter((p) => p.unit !== '全体教师');
    expect(leaders).toEqual([
      { name: '张校长', unit: '校长室', met: 2, evaluated: 8 }, // April 2, October 2
      { name: '李副校长', unit: '校长室', met: 1, evaluated: 8 }, // May 2
      { name: '王主任', unit: '发展中心', met: 3, evaluated: 8 }, // April, June, October
    ]);
  });

  it('gives each leader unit its months met and its completion, month by month and over the year', () => {
    const units = year().summary.units;
    const office = units.find((u) => u.unit === '校长室');
    // Σ min(count, 2) = (2+1+0+0+2+0+0+0) + (1+2+0+…) = 8 of 16 lines × 2 = 32.
    expect([office?.met, office?.evaluated, office?.completion]).toEqual([3, 16, 0.25]);
    const byMonth = Object.fromEntries(office?.months.map((m) => [m.month, m.completion]) ?? []);
    expect(byMonth).toEqual({
      '2027-02': null,
      '2027-03': null, // before the first quota month (the campaign starts on the 25th)
      '2027-04': 0.75, // (2 + 1) / 4
      '2027-05': 0.75, // (1 + 2) / 4
      '2027-06': 0,
      '2027-07': null, // exempt
      '2027-08': null,
      '2027-09': 0,
      '2027-10': 0.5, // (2 + 0) / 4
      '2027-11': 0,
      '2027-12': 0,
      '2028-01': 0,
    });
    const development = units.find((u) => u.unit === '发展中心');
    expect([development?.met, development?.evaluated, development?.completion]).toEqual([3, 8, 0.375]);
  });

  it('agrees with each month’s monthly report, unit by unit', () => {
    const { campaign, summary } = year();
    for (const month of ['2027-04', '2027-05', '2027-10']) {
      const report = buildMonthlyReport(campaign, month, YEAR_DAY);
      for (const unit of report.units) {
        const mine = summary.units.find((u) => u.unit === unit.unit)?.months.find((m) => m.month === month);
        expect([unit.unit, month, mine?.completion]).toEqual([unit.unit, month, unit.completion]);
      }
    }
  });

  it('gives each cycle’s coverage at its end, with the names not visited counted', () => {
    const office = year().summary.cycles.filter((c) => c.unit === '校长室');
    expect(office.map((c) => [c.cycleStart, c.cycleEnd, c.asAt, c.visited, c.total])).toEqual([
      ['2027-03-25', '2027-05-31', '2027-05-31', 4, 4],
      ['2027-06-01', '2027-09-30', '2027-09-30', 0, 4], // June and September (July, August exempt)
      ['2027-10-01', '2027-11-30', '2027-11-30', 2, 4], // 刘洋, 黄敏
      ['2027-12-01', '2028-01-31', '2028-01-31', 0, 4],
    ]);
    expect(office[2]?.missing).toEqual(['陈红', '林国栋']);
  });

  it('counts follow-ups opened and closed in the year, and those still open at its end', () => {
    expect(year().summary.followUps).toEqual([
      { kind: 'visit', opened: 3, closed: 2, open: 1 }, // V-3, V-5, V-7; V-3 and V-7 closed; V-5 open
      { kind: 'homeVisit', opened: 1, closed: 1, open: 0 }, // H-2 closed on 15 September
    ]);
  });

  it('lists the ledger by status and the lasting rules made', () => {
    const { rectification } = year().summary;
    expect(rectification.counts).toEqual({ open: 1, inProgress: 1, done: 2, rule: 1, unknown: 0 });
    expect(rectification.rules.map((r) => [r.id, r.rule])).toEqual([
      ['R-1', '每月第一周召开办公室教师座谈会'],
      ['R-5', '食堂每周公示菜谱'],
    ]);
  });

  it('counts suggestions by adoption and discussion activities by form with their attendance', () => {
    const { suggestions, discussions } = year().summary;
    expect(suggestions).toEqual({ received: 4, counts: { pending: 1, yes: 2, no: 1, unknown: 0 } });
    expect(discussions.filter((d) => d.count > 0)).toEqual([
      { form: 'seminar', count: 2, attendance: 70 },
      { form: 'forum', count: 1, attendance: 25 },
      { form: 'column', count: 1, attendance: 0 }, // 参加人数 left empty
    ]);
  });

  it('puts the bureau’s table first in the document, labelled in Chinese, and names its sheet 年度总结', () => {
    const { campaign, summary } = year();
    const doc = summaryDocument(summary, campaign.lang, { generatedAt: '2028-02-10 09:00' });
    expect(summarySheetName(summary.scope, 'zh')).toBe('年度总结');
    expect(summarySheetName(summary.scope, 'en')).toBe('Year summary');
    const first = doc.tables[0];
    expect(first?.title).toBe('一、走访工作情况统计表（报教育局）（截至 2028-01-20）');
    expect(first?.rows).toEqual([
      ['走访次数（走访与家访）', 12],
      ['走访覆盖人数', 6],
      ['家访覆盖家庭数', 4],
      ['上门家访次数', 3],
      ['发现问题（项）', 5],
      ['解决问题（项）', 3],
      ['建立长效机制（项）', 2],
      ['收到意见建议（条）', 4],
      ['采纳意见建议（条）', 2],
    ]);
    // One chart of completion by month per unit with any line, and the school's chart for the sheet.
    const byMonth = doc.tables.find((t) => t.key === 'unitMonths');
    expect(byMonth?.charts?.map((c) => c.title)).toEqual(['校长室', '发展中心', '全体教师']);
    expect(byMonth?.charts?.[0]?.bars.find((b) => b.label === '27-10')?.value).toBe(50);
    // (2+0+1+0+0) / (2+2+1+1+1): the autumn's home-visit lines (two teachers, none visited in October) count too.
    expect(doc.chart?.bars.find((b) => b.label === '2027-10')?.value).toBe(42.9);
  });
});

describe('in an English workbook', () => {
  it('labels the bureau’s table and the sheets in English', () => {
    const campaign = loadCampaign(yearSchool({ lang: 'en', semesters: undefined }), YEAR_DAY);
    const summary = buildSummary(campaign, yearScope(campaign, YEAR_DAY), YEAR_DAY);
    const doc = summaryDocument(summary, campaign.lang, { generatedAt: '2028-02-10 09:00' });
    expect(doc.tables[0]?.title).toBe(
      `1. Visits at a glance (for the education bureau) (as at ${summary.asAt})`,
    );
    expect(doc.tables[0]?.rows[0]?.[0]).toBe('Visits made (visits and home visits)');
    for (const table of doc.tables)
      expect(`${table.title}${table.columns.join('')}`).not.toMatch(/[\u4e00-\u9fff]/u);
  });
});

describe('a semester summary', () => {
  it('evaluates the spring’s ended months only: the leaders’ April–June, the teachers’ March–June', () => {
    expect(spring().summary.people).toEqual([
      { name: '张校长', unit: '校长室', met: 1, evaluated: 3 },
      { name: '李副校长', unit: '校长室', met: 1, evaluated: 3 },
      { name: '王主任', unit: '发展中心', met: 2, evaluated: 3 },
      { name: '赵老师', unit: '全体教师', met: 2, evaluated: 4 }, // March, May
      { name: '钱老师', unit: '全体教师', met: 2, evaluated: 4 }, // April, June
    ]);
  });

  it('counts only what falls in the semester: follow-ups, ledger items (R-4 by its source’s date), suggestions', () => {
    const { summary } = spring();
    expect(summary.followUps).toEqual([
      { kind: 'visit', opened: 2, closed: 1, open: 1 },
      { kind: 'homeVisit', opened: 1, closed: 0, open: 1 },
    ]);
    expect(summary.rectification.counts).toEqual({ open: 1, inProgress: 0, done: 1, rule: 1, unknown: 0 });
    expect(summary.rectification.rules.map((r) => r.id)).toEqual(['R-1']);
    expect(summary.suggestions).toEqual({ received: 2, counts: { pending: 1, yes: 1, no: 0, unknown: 0 } });
    expect(summary.discussions.filter((d) => d.count > 0)).toEqual([
      { form: 'seminar', count: 2, attendance: 70 },
      { form: 'forum', count: 1, attendance: 25 },
    ]);
  });

  it('counts a follow-up closed in the autumn as closed there, and one open since spring as still open', () => {
    const campaign = loadCampaign(yearSchool(), YEAR_DAY);
    const autumn = buildSummary(campaign, semesterScope(campaign, AUTUMN)!, YEAR_DAY);
    expect(autumn.followUps).toEqual([
      { kind: 'visit', opened: 1, closed: 1, open: 1 }, // V-7 opened and closed; V-5 open since April
      { kind: 'homeVisit', opened: 0, closed: 1, open: 0 }, // H-2 closed on 15 September
    ]);
    expect(autumn.rectification.total).toBe(2);
    expect(autumn.bureau.visits).toBe(2); // V-7, V-8
  });

  it('gives the class figures at the semester’s end (a one-semester workbook)', () => {
    const campaign = loadCampaign(yearSchool({ semesters: undefined }), SPRING_DAY);
    const scope = semesterScope(campaign, SPRING); // 设置's semester is named 2027年春季学期
    expect(scope).toEqual({ kind: 'semester', name: SPRING, start: '2027-02-17', end: '2027-07-05' });
    const summary = buildSummary(campaign, scope!, SPRING_DAY);
    expect(summary.classes).toEqual([
      {
        semester: SPRING,
        asAt: '2027-07-05',
        classes: [
          { class: '一(1)班', students: 2, visited: 2, inPerson: 2 }, // 王芳 (H-1), 李明 (H-3), both 上门
          { class: '一(2)班', students: 2, visited: 2, inPerson: 2 }, // 陈静 by phone then 上门, 赵磊 上门
        ],
      },
    ]);
  });

  it('does not evaluate a month after today: mid-May, only April is counted', () => {
    const campaign = loadCampaign(yearSchool(), '2027-05-15');
    const summary = buildSummary(campaign, semesterScope(campaign, SPRING)!, '2027-05-15');
    expect(summary.asAt).toBe('2027-05-15');
    expect(summary.months.at(-1)).toBe('2027-05');
    expect(summary.people.find((p) => p.name === '张校长')).toEqual({
      name: '张校长',
      unit: '校长室',
      met: 1,
      evaluated: 1,
    });
  });

  it('names its sheet 学期报<semester>, made safe for Excel', () => {
    expect(summarySheetName({ kind: 'semester', name: SPRING, start: '', end: '' }, 'zh')).toBe(
      '学期报2027年春季学期',
    );
    expect(summarySheetName({ kind: 'semester', name: 'Spring 2027', start: '', end: '' }, 'en')).toBe(
      'Semester summary Spring 2027',
    );
    expect(
      summarySheetName({ kind: 'semester', name: '2026/2027学年第二学期', start: '', end: '' }, 'zh'),
    ).toBe('学期报2026-2027学年第二学期');
  });

  it('offers the semester of today, else the latest ended', () => {
    const campaign = loadCampaign(yearSchool(), YEAR_DAY);
    expect(defaultSemester(campaign, '2027-05-01')?.name).toBe(SPRING);
    expect(defaultSemester(campaign, '2027-08-01')?.name).toBe(SPRING);
    expect(defaultSemester(campaign, '2027-10-01')?.name).toBe(AUTUMN);
    expect(defaultSemester(campaign, YEAR_DAY)?.name).toBe(AUTUMN);
  });
});
