// The monthly report: the sample school's April figures equal a hand count; regenerating replaces; an empty month.
import { WorkbookSession } from '../../src/app/session';
import { buildReportSheet, reportSheetName } from '../../src/app/report';
import { zh } from '../../src/core/i18n/zh';
import { format } from '../../src/core/i18n/messages';
import type { Grid } from '../../src/core/grid';
import { reportDocument } from '../../src/core/report/report-document';
import { buildMonthlyReport } from '../../src/core/report/monthly-report';
import { reportText } from '../../src/local/commands/report';
import { TABLES } from '../../src/core/tables';
import { handCount } from './hand-count';
import { sampleWorkbook } from './helpers';

const TODAY = '2027-05-10';
const MONTH = '2027-04';
const GENERATED = '2027-05-10 09:30';

/** The data rows of one titled table of a report sheet (up to the blank line after it); titles end with their as-at day. */
function section(grid: Grid, title: string): Grid {
  const start = grid.findIndex((row) => row[0] === `${title}（截至 2027-04-30）`);
  if (start < 0) throw new Error(`no section ${title}`);
  const rows: Grid = [];
  for (let r = start + 2; r < grid.length && (grid[r] ?? []).some((c) => c !== null && c !== ''); r++) {
    rows.push(grid[r]!);
  }
  return rows;
}

describe('the April report of the sample school (as of 2027-05-10)', () => {
  const { school, wb } = sampleWorkbook(TODAY, 'zh');
  const hand = handCount(school, MONTH, TODAY);
  const result = buildReportSheet(WorkbookSession.open(wb, { now: () => new Date() }, { today: TODAY }), {
    month: MONTH,
    generatedAt: GENERATED,
  });
  const report = result.report;
  const sheet = wb.read(result.sheet)!;

  it('is the sheet 月报 2027-04 with the header of the school, campaign, month, phase and time', () => {
    expect(result.sheet).toBe('月报 2027-04');
    const header = new Map(sheet.slice(1, 7).map((row) => [row[0], row[1]]));
    expect(header.get('学校')).toBe(school.settings.schoolName);
    expect(header.get('活动')).toBe(school.settings.campaignName);
    expect(header.get('月份')).toBe(MONTH);
    expect(header.get('阶段')).toBe(zh.phases.mobilisation);
    expect(header.get('生成时间')).toBe(GENERATED);
  });

  it('has per unit the members, visits, distinct people, minimum and people who met, as counted by hand', () => {
    expect(school.settings.campaignStart).toBe('2027-03-25');
    expect(
      report.units.map(({ unit, members, visits, distinct, minimum, met, people }) => ({
        unit,
        members,
        visits,
        distinct,
        minimum,
        met,
        people,
      })),
    ).toEqual(hand.units);
    // And so does the sheet: 部门, 人数, 走访次数, 走访对象人数, 每人每月至少, 达标人数 (met/people).
    const rows = section(sheet, zh.report.sections.units);
    expect(rows.map((r) => r.slice(0, 6))).toEqual(
      hand.units.map((u) => [u.unit, u.members, u.visits, u.distinct, u.minimum, `${u.met}/${u.people}`]),
    );
    // A month with real work in every unit, so the comparison is not trivially about zeros.
    expect(hand.units.every((u) => u.visits > 0 && u.distinct > 0)).toBe(true);
  });

  it('has per person the count, minimum and status, coloured by status', () => {
    const fromReport = new Map(
      report.people.map((p) => [`${p.name}|${p.unit}`, { count: p.count, status: p.status }]),
    );
    expect(fromReport).toEqual(hand.people);
    const rows = section(sheet, zh.report.sections.people);
    expect(rows).toHaveLength(hand.people.size);
    for (const row of rows) {
      const expected = hand.people.get(`${row[0]}|${row[1]}`)!;
      expect([row[2], row[4]]).toEqual([expected.count, zh.status[expected.status]]);
    }
    expect(new Set(rows.map((r) => r[4]))).toEqual(new Set([zh.status.met, zh.status.missed]));
  });

  it('has per leader unit the coverage of the cycle 2027-03-25 – 2027-05-31 with the names still missing', () => {
    expect(report.coverage.map((c) => [c.unit, c.cycleStart, c.cycleEnd])).toEqual(
      [...hand.coverage.keys()].map((u) => [u, '2027-03-25', '2027-05-31']),
    );
    for (const line of report.coverage) {
      expect({ visited: line.visited, total: line.total, missing: line.missing }).toEqual(
        hand.coverage.get(line.unit),
      );
    }
    const rows = section(sheet, zh.report.sections.coverage);
    const first = hand.coverage.get(rows[0]![0] as string)!;
    expect(rows[0]![5]).toBe(
      first.missing.slice(0, 30).join('、') +
        (first.missing.length > 30 ? ` 等 ${first.missing.length} 人` : ''),
    );
  });

  it('has per class the home visits of the month, students visited, % covered and in-person count against 2', () => {
    expect(report.classes).toHaveLength(18);
    for (const line of report.classes) {
      const expected = hand.classes.get(line.class)!;
      expect({
        monthVisits: line.monthVisits,
        students: line.students,
        visited: line.visited,
        inPerson: line.inPerson,
      }).toEqual(expected);
      expect(line.inPersonMinimum).toBe(2);
    }
    const rows = section(sheet, format(zh.semesterEngine.reportClasses, { name: report.semester.name }));
    for (const row of rows) {
      const expected = hand.classes.get(row[0] as string)!;
      expect(row[4]).toBe(`${Math.round((expected.visited / expected.students) * 100)}%`);
    }
  });

  it('lists every follow-up opened in April, open or closed as at 30 April, with result and 办结日期, as counted by hand', () => {
    const rf = zh.reportFollowUps;
    const got = report.monthFollowUps.items.map((f) => ({
      id: f.id,
      date: f.date,
      owner: f.owner,
      closedOn: f.closedOn,
      result: f.result,
      rectificationId: f.rectificationId,
      age: f.age,
    }));
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...got].sort(byId)).toEqual([...hand.monthFollowUps].sort(byId));
    // The month has all three kinds: closed within April (with a result), closed only in May (open on 30
    // April, so no result yet), and still open today.
    const closedInApril = hand.monthFollowUps.filter((f) => f.closedOn !== null);
    expect(closedInApril.length).toBeGreaterThan(0);
    expect(closedInApril.every((f) => f.result !== '')).toBe(true);
    const closedInMay = (['visits', 'homeVisits'] as const).flatMap((table) => {
      const at = (key: string) => TABLES[table].columns.findIndex((c) => c.key === key);
      return school.rows[table]
        .filter((row) => String(row[at('closedOn')] ?? '') > '2027-04-30')
        .map((row) => String(row[at('id')]));
    });
    const listedOpen = hand.monthFollowUps.filter((f) => closedInMay.includes(f.id));
    expect(listedOpen.length).toBeGreaterThan(0);
    expect(listedOpen.every((f) => f.closedOn === null && f.result === '' && f.age !== null)).toBe(true);

    // The sheet: one row per follow-up of the month, by date; an open one says 未办结 and its age on 30 April.
    const rows = section(sheet, zh.report.sections.followUps);
    expect(rows).toHaveLength(hand.monthFollowUps.length);
    const dates = rows.map((row) => row[1] as string);
    expect(dates).toEqual([...dates].sort());
    for (const row of rows) {
      const f = hand.monthFollowUps.find((h) => h.id === row[0])!;
      expect(row.slice(4, 9)).toEqual([
        f.owner,
        f.closedOn ?? rf.stillOpen,
        f.age ?? null,
        f.result === '' ? null : f.result,
        f.rectificationId === '' ? null : f.rectificationId,
      ]);
    }
  });

  it('counts on page one the follow-ups opened, closed and still open at April’s end, as counted by hand', () => {
    const c = hand.followUpCounts;
    expect(report.monthFollowUps.counts).toEqual(c);
    expect(c.opened).toBeGreaterThan(c.openFromMonth);
    const summary = new Map(section(sheet, zh.overview.report.summary).map((row) => [row[0], row[1]]));
    expect(summary.get(zh.overview.status.followUps)).toBe(
      format(zh.reportFollowUps.summaryLine, { ...c, older: c.open - c.openFromMonth }),
    );
    // The older ones still open are counted per owner, as before.
    const older = report.followUps.filter((f) => f.date < '2027-04-01');
    expect(older).toHaveLength(c.open - c.openFromMonth);
    const perOwner = section(sheet, zh.overview.report.olderFollowUps);
    expect(perOwner.reduce((n, row) => n + Number(row[1]), 0)).toBe(older.length);
    for (const row of perOwner) expect(row[1]).toBe(older.filter((f) => f.owner === row[0]).length);
  });

  it('keeps the whole text of a follow-up (the HTML page only cuts it to one line)', () => {
    const long = `${'家长希望学校在课后服务中增加科技、艺术和体育类社团，'.repeat(6)}并定期反馈孩子表现。`;
    const items = report.monthFollowUps.items.map((f, i) => (i === 0 ? { ...f, text: long } : f));
    const doc = reportDocument({ ...report, monthFollowUps: { ...report.monthFollowUps, items } }, 'zh', {
      phase: '',
      generatedAt: GENERATED,
    });
    const rows = doc.tables.find((t) => t.key === 'followUps')!.rows;
    expect(rows[0]?.[9]).toBe(long);
    expect(section(sheet, zh.report.sections.followUps).map((row) => row[9])).toEqual(
      report.monthFollowUps.items.map((f) => f.text),
    );
  });

  it('has the rectification counts by status and the overdue items', () => {
    for (const [status, count] of hand.rectification.counts) {
      const key = (Object.keys(zh.values.rectStatus) as (keyof typeof zh.values.rectStatus)[]).find(
        (k) => zh.values.rectStatus[k] === status,
      )!;
      expect(report.rectification.counts[key]).toBe(count);
    }
    expect(report.rectification.overdue.map((o) => o.id).sort()).toEqual(
      [...hand.rectification.overdue].sort(),
    );
  });

  it('lists the suggestions received in April', () => {
    expect(report.suggestions.map((s) => s.id)).toEqual(hand.suggestions);
  });

  it('compares with the month before', () => {
    const teachers = report.change.find((c) => c.unit === '全体教师')!;
    expect(teachers.previous).toBeCloseTo(hand.teachersPrevious, 10);
    // Leader units have no quota month before April.
    expect(report.change.filter((c) => c.unit !== '全体教师').every((c) => c.previous === null)).toBe(true);
  });

  it('charts completion by unit: the chart reads the 各部门完成率 table of the sheet', () => {
    const format = result.document.chart!;
    expect(format.bars.map((b) => b.label)).toEqual(hand.units.map((u) => u.unit));
    const rows = section(sheet, zh.report.sections.chart);
    expect(rows.map((r) => r[1])).toEqual(format.bars.map((b) => b.value));
  });
});

describe('regenerating a month', () => {
  it('replaces that month’s sheet and leaves every other sheet as it was', () => {
    const { wb } = sampleWorkbook(TODAY, 'zh');
    const may = buildReportSheet(WorkbookSession.open(wb, { now: () => new Date() }, { today: TODAY }), {
      month: '2027-05',
      generatedAt: '2027-05-10 08:00',
    });
    buildReportSheet(WorkbookSession.open(wb, { now: () => new Date() }, { today: TODAY }), {
      month: MONTH,
      generatedAt: '2027-05-10 08:00',
    });
    const names = wb.sheetNames();
    const mayBefore = wb.read(may.sheet);
    const visitsBefore = wb.read('走访记录');

    // Someone adds a visit of April, then the April report is made again.
    const aprilBefore = buildReportSheet(
      WorkbookSession.open(wb, { now: () => new Date() }, { today: TODAY }),
      { month: MONTH, generatedAt: '2027-05-10 09:00' },
    );
    const visitor = aprilBefore.report.people.find((p) => p.unit === '校长室')!;
    const target = aprilBefore.report.coverage.find((c) => c.unit === '校长室')!.missing[0]!;
    wb.append('走访记录', [
      ['V-900', null, '2027-04-29', visitor.name, null, target, '上门', null, '补录一次走访'],
    ]);
    const again = buildReportSheet(WorkbookSession.open(wb, { now: () => new Date() }, { today: TODAY }), {
      month: MONTH,
      generatedAt: '2027-05-10 10:00',
    });

    expect(wb.sheetNames()).toEqual(names);
    expect(names.filter((n) => n === '月报 2027-04')).toHaveLength(1);
    expect(wb.read(may.sheet)).toEqual(mayBefore);
    expect(wb.read('走访记录')!.slice(0, visitsBefore!.length)).toEqual(visitsBefore);
    const principal = (r: typeof again) => r.report.units.find((u) => u.unit === '校长室')!;
    expect(principal(again).visits).toBe(principal(aprilBefore).visits + 1);
    expect(again.report.coverage.find((c) => c.unit === '校长室')!.missing).not.toContain(target);
    const header = wb.read('月报 2027-04')!;
    expect(header[6]![1]).toBe('2027-05-10 10:00');
    // The header names the semester whose classes section 四 shows.
    expect(header[4]).toEqual(['学期', '2027年春季学期 2027-02-17 至 2027-07-05', ...header[4]!.slice(2)]);
  });
});

describe('a month with no data', () => {
  it('gives a report that says so, and nothing else', () => {
    const { wb } = sampleWorkbook(TODAY, 'zh');
    const result = buildReportSheet(WorkbookSession.open(wb, { now: () => new Date() }, { today: TODAY }), {
      month: '2026-12',
      generatedAt: GENERATED,
    });
    expect(result.report.empty).toBe(true);
    const grid = wb.read(reportSheetName('2026-12', 'zh'))!;
    const texts = grid.flat().filter((c) => c !== null);
    expect(texts).toContain('2026-12 没有任何走访、家访或献计记录。');
    expect(texts).not.toContain(zh.report.sections.units);
    expect(result.document.tables).toEqual([]);
  });

  it('in English too', () => {
    const { wb } = sampleWorkbook('2028-01-10', 'en');
    const result = buildReportSheet(
      WorkbookSession.open(wb, { now: () => new Date() }, { today: '2028-01-10' }),
      { month: '2027-01', generatedAt: GENERATED },
    );
    expect(result.sheet).toBe('Report 2027-01');
    expect(wb.read(result.sheet)!.flat()).toContain(
      'No visit, home visit or suggestion was recorded in 2027-01.',
    );
  });
});

describe('the report as text for a terminal', () => {
  it('puts a colon the language writes after each header label', () => {
    const doc = (lang: 'zh' | 'en') => {
      const { wb } = sampleWorkbook('2027-05-10', lang);
      const session = WorkbookSession.open(wb, { now: () => new Date() }, { today: '2027-05-10' });
      return reportDocument(buildMonthlyReport(session.campaign, '2027-04', '2027-05-10'), lang, {
        phase: '',
        generatedAt: GENERATED,
      });
    };
    const header = (lang: 'zh' | 'en') => reportText(doc(lang)).split('\n').slice(1, 3);
    expect(header('zh').every((line) => /^[^：:]+：\S/.test(line))).toBe(true);
    expect(header('en').every((line) => /^[^：:]+: \S/.test(line))).toBe(true);
  });
});
