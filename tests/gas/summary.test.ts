// The menu items 学期总结 and 年度总结 inside Google Sheets (over the counting fake): the prompt, the sheets, the calls.
import { menuSemesterSummary, menuYearSummary, onOpen } from '../../src/gas/main';
import { AUTUMN, SPRING, VISITS, yearSchool } from '../summary/year-school';
import { visit } from '../core/helpers';
import type { FakeMenu, MenuItem } from '../fakes/gas';
import { typeSheets, useGasFakes } from './fixture';

/** 10 February 2028, 09:30 in Shanghai: both semesters have ended. */
const fakes = useGasFakes(new Date('2028-02-10T01:30:00Z'));

const sheetNames = () => fakes().spreadsheet.sheets.map((s) => s.name);
const lastAlert = () => fakes().ui.alerts.at(-1)?.prompt;

describe('the menu', () => {
  it('offers 学期总结 and 年度总结 right after 生成月报', () => {
    typeSheets(fakes().spreadsheet, yearSchool());
    onOpen({ authMode: 'LIMITED' } as unknown as GoogleAppsScript.Events.SheetsOnOpen);
    const items = (fakes().ui.menus[0] as FakeMenu).items.map((i) => (i as MenuItem).functionName);
    const at = items.indexOf('menuMonthlyReport');
    expect(items.slice(at, at + 3)).toEqual(['menuMonthlyReport', 'menuSemesterSummary', 'menuYearSummary']);
  });
});

describe('年度总结', () => {
  beforeEach(() => typeSheets(fakes().spreadsheet, yearSchool()));

  it('writes the protected sheet 年度总结 with the bureau’s table on top and the school’s chart, and says so', () => {
    menuYearSummary();
    const sheet = fakes().spreadsheet.getSheetByName('年度总结');
    expect(sheet).not.toBeNull();
    const values = sheet!.store.values();
    expect(values[0]?.[0]).toBe('“三大一实干”大走访 年度总结');
    const rows = values.map((r) => r.slice(0, 2));
    const top = rows.findIndex((r) => r[0] === '走访次数（走访与家访）');
    expect(rows.slice(top, top + 9)).toEqual([
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
    expect(sheet!.protections).toHaveLength(1);
    expect(sheet!.charts).toHaveLength(1);
    expect(sheet!.charts[0]!.ranges[0]!.getValues().flat()).toContain('2027-10');
    expect(lastAlert()).toBe('已生成工作表“年度总结”。');
    // Regenerating replaces the sheet and its chart.
    menuYearSummary();
    expect(sheetNames().filter((n) => n === '年度总结')).toHaveLength(1);
    expect(sheet!.charts).toHaveLength(1);
  });

  it('changes nothing and says so while another execution holds the document lock', () => {
    fakes().LockService.document.holdByOther();
    menuYearSummary();
    expect(sheetNames()).not.toContain('年度总结');
    expect(lastAlert()).toBe('另一个运行正在进行，请稍后再试。');
  });
});

describe('the service calls of 年度总结', () => {
  /** The calls of 年度总结 on a workbook (typing it in is not counted). */
  function callsOn(visits = VISITS): number {
    typeSheets(fakes().spreadsheet, yearSchool({ visits }));
    fakes().calls.reset();
    menuYearSummary();
    return fakes().calls.total();
  }

  it('are a fixed number on the year school', () => {
    expect(callsOn()).toBe(YEAR_SUMMARY_CALLS);
  });

  it('are as many with four times the visits', () => {
    const more = VISITS.flatMap((v, i) => [
      v,
      ...[1, 2, 3].map((k) => visit('2027-06-10', '张校长', '陈红', { id: `V-${10 * k + i}` })),
    ]);
    expect(more).toHaveLength(4 * VISITS.length);
    expect(callsOn(more)).toBe(YEAR_SUMMARY_CALLS);
  });
});

describe('学期总结', () => {
  beforeEach(() => typeSheets(fakes().spreadsheet, yearSchool()));

  it('asks which semester, listing them, and takes an empty answer as the latest ended', () => {
    fakes().ui.promptAnswers.push({ text: '', button: 'OK' });
    menuSemesterSummary();
    expect(fakes().ui.alerts[0]).toEqual({
      title: '学期总结',
      prompt: `生成哪个学期的总结？可选：${SPRING}、${AUTUMN}。留空为“${AUTUMN}”。`,
    });
    expect(sheetNames()).toContain(`学期报${AUTUMN}`);
    expect(lastAlert()).toBe(`已生成工作表“学期报${AUTUMN}”。`);
  });

  it('writes the semester named, and a name of no semester only says which there are', () => {
    fakes().ui.promptAnswers.push({ text: ` ${SPRING} `, button: 'OK' });
    menuSemesterSummary();
    const sheet = fakes().spreadsheet.getSheetByName(`学期报${SPRING}`);
    expect(sheet?.store.values()[0]?.[0]).toBe(`“三大一实干”大走访 ${SPRING} 学期总结`);
    fakes().ui.promptAnswers.push({ text: '2026年秋季学期', button: 'OK' });
    menuSemesterSummary();
    expect(lastAlert()).toBe(`没有名为“2026年秋季学期”的学期。工作簿中的学期：${SPRING}、${AUTUMN}`);
    expect(sheetNames().filter((n) => n.startsWith('学期报'))).toEqual([`学期报${SPRING}`]);
  });

  it('does nothing when cancelled', () => {
    fakes().ui.promptAnswers.push({ text: SPRING, button: 'CANCEL' });
    menuSemesterSummary();
    expect(sheetNames().some((n) => n.startsWith('学期报'))).toBe(false);
  });
});

/** Read every sheet once, write the one sheet with its look and chart, the alert: fixed whatever the rows. */
const YEAR_SUMMARY_CALLS = 75;
