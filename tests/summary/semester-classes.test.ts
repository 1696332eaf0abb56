// Summaries over a campaign year whose classes were re-formed in September: each semester's classes, from its own roster.
import { loadCampaign } from '../../src/core/engine';
import { buildSummary } from '../../src/core/summary/summary';
import { semesterScope, yearScope } from '../../src/core/summary/scope';
import type { ClassLine } from '../../src/core/model';
import { AUTUMN, SPRING, novemberWorkbook } from '../fixtures/semester-school';

const TODAY = '2028-01-25';
const byClass = (lines: readonly ClassLine[]) => [...lines].sort((a, b) => a.class.localeCompare(b.class));

// Hand-counted from tests/fixtures/semester-school.ts (home visits are by phone unless marked 上门).
const SPRING_CLASSES: ClassLine[] = [
  { class: '一(1)班', students: 3, visited: 2, inPerson: 2 }, // 王芳 (20 Feb by phone, 12 May 上门), 李明 (10 Mar 上门)
  { class: '三(1)班', students: 1, visited: 0, inPerson: 0 }, // 陈静: 学期 empty, on every roster
  { class: '六(1)班', students: 1, visited: 1, inPerson: 0 }, // 毕业生 by phone
];
const AUTUMN_CLASSES: ClassLine[] = [
  { class: '一(1)班', students: 2, visited: 1, inPerson: 1 }, // the new first grade: 新生甲 上门; 李明's row is an error
  { class: '三(1)班', students: 1, visited: 0, inPerson: 0 },
  { class: '二(1)班', students: 3, visited: 2, inPerson: 1 }, // S101 王芳 上门 (also visited in spring), 刘丽 by phone
  { class: '二(2)班', students: 1, visited: 1, inPerson: 0 }, // 张伟, moved from 一(1)班, in exempt October
];

describe('class figures of a re-formed school year', () => {
  const campaign = loadCampaign(novemberWorkbook(), TODAY);

  it("gives the spring summary the spring's classes at the spring's end", () => {
    const spring = buildSummary(campaign, semesterScope(campaign, SPRING)!, TODAY);
    expect(spring.classes.map((c) => c.semester)).toEqual([SPRING]);
    expect(spring.classes[0]?.asAt).toBe('2027-07-05');
    expect(byClass(spring.classes[0]!.classes)).toEqual(byClass(SPRING_CLASSES));
  });

  it("gives the autumn summary the autumn's classes, the spring's visits not counted again", () => {
    const autumn = buildSummary(campaign, semesterScope(campaign, AUTUMN)!, TODAY);
    expect(autumn.classes.map((c) => c.semester)).toEqual([AUTUMN]);
    expect(autumn.classes[0]?.asAt).toBe('2028-01-22');
    expect(byClass(autumn.classes[0]!.classes)).toEqual(byClass(AUTUMN_CLASSES));
  });

  it('gives the year summary both semesters, each with its own roster', () => {
    const year = buildSummary(campaign, yearScope(campaign, TODAY), TODAY);
    expect(year.classes.map((c) => [c.semester, byClass(c.classes)])).toEqual([
      [SPRING, byClass(SPRING_CLASSES)],
      [AUTUMN, byClass(AUTUMN_CLASSES)],
    ]);
  });
});
