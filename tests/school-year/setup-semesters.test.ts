// Set-up's 学期 sheet: the campaign year's two semesters in a new workbook; in an older one only rows that change no figure.
import { setUpWorkbook } from '../../src/app/setup';
import { readSheets } from '../../src/app/read';
import { loadCampaign, problemsOf } from '../../src/core/engine';
import { workbook, homeVisit, type Row } from '../core/helpers';
import type { Settings } from '../../src/core/schemas';
import { MemoryWorkbook } from '../app/sidebar-ports';

function semestersOf(wb: MemoryWorkbook, name = '学期'): unknown[][] | undefined {
  return wb.sheets.get(name)?.slice(1);
}

/** What the engine makes of the workbook: its semesters and every problem, in words. */
function figures(wb: MemoryWorkbook, today: string) {
  const campaign = loadCampaign(readSheets(wb), today);
  return {
    semesters: campaign.semesters.map((s) => [s.name, s.start, s.end]),
    problems: problemsOf(campaign, campaign.findings).map((p) => `${p.sheet}!${p.row} ${p.code}`),
  };
}

describe('set-up and the 学期 sheet', () => {
  it('gives a new workbook the campaign year’s spring and autumn', () => {
    const wb = new MemoryWorkbook([]);
    setUpWorkbook(wb, 'zh', '2027-04-20');
    expect(semestersOf(wb)).toEqual([
      ['2027年春季学期', '2027-02-17', '2027-07-05'],
      ['2027年秋季学期', '2027-09-01', '2028-01-22'],
    ]);
    // Set up in November, the campaign (started in March) still spans the same two semesters.
    const november = new MemoryWorkbook([]);
    setUpWorkbook(november, 'en', '2027-11-15');
    expect(semestersOf(november, 'Semesters')).toEqual([
      ['Spring 2027', '2027-02-17', '2027-07-05'],
      ['Autumn 2027', '2027-09-01', '2028-01-22'],
    ]);
  });

  /** An older workbook: every sheet but 学期, with a spring home visit. */
  function older(settings: Partial<Settings>, more: { omitDates?: boolean } = {}): MemoryWorkbook {
    const homeVisits: Row[] = [
      homeVisit('2027-04-12', '李老师', '一(1)班', '王小明'),
      homeVisit('2027-10-12', '李老师', '一(1)班', '王小明'),
    ];
    const sheets = workbook({ settings, homeVisits, students: [{ name: '王小明', className: '一(1)班' }] });
    const wb = new MemoryWorkbook(sheets);
    if (more.omitDates) {
      const grid = wb.sheets.get('设置')!;
      wb.sheets.set(
        '设置',
        grid.filter((r) => r[0] !== '学期开始日期' && r[0] !== '学期结束日期'),
      );
    }
    return wb;
  }

  it('gives a workbook whose 设置 semester is the autumn that semester alone: every figure reads the same', () => {
    const wb = older({ semesterStart: '2027-09-01', semesterEnd: '2028-01-22' });
    const before = figures(wb, '2027-11-15');
    setUpWorkbook(wb, 'zh', '2027-11-15');
    expect(semestersOf(wb)).toEqual([['2027年秋季学期', '2027-09-01', '2028-01-22']]);
    expect(figures(wb, '2027-11-15')).toEqual(before);
    // The April home visit stays outside the semester, as it was.
    expect(before.problems.some((p) => p.endsWith('HOME_VISIT_OUTSIDE_SEMESTER'))).toBe(true);
  });

  it('adds the autumn beside a spring 设置 semester while the autumn has not begun', () => {
    const wb = older({});
    const before = figures(wb, '2027-04-20');
    setUpWorkbook(wb, 'zh', '2027-04-20');
    expect(semestersOf(wb)).toEqual([
      ['2027年春季学期', '2027-02-17', '2027-07-05'],
      ['2027年秋季学期', '2027-09-01', '2028-01-22'],
    ]);
    expect(figures(wb, '2027-04-20').problems).toEqual(before.problems);
  });

  it('gives only a header when 设置 has no semester dates typed (the defaults move with today)', () => {
    const wb = older({}, { omitDates: true });
    setUpWorkbook(wb, 'zh', '2027-04-20');
    expect(wb.sheets.get('学期')).toEqual([['学期', '开始日期', '结束日期']]);
  });

  it('never touches a 学期 sheet that has rows', () => {
    const wb = new MemoryWorkbook(
      workbook({ semesters: [{ name: '上学期', start: '2027-03-01', end: '2027-06-30' }] }),
    );
    const before = JSON.stringify(wb.sheets.get('学期'));
    setUpWorkbook(wb, 'zh', '2027-04-20');
    expect(JSON.stringify(wb.sheets.get('学期'))).toBe(before);
  });
});
