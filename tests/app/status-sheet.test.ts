// The 进度 sheet's content and the campaign phase: pure functions, no workbook.
import { statusSheet, MISSING_NAMES_SHOWN } from '../../src/app/status-sheet';
import { phaseLabel, phaseOf } from '../../src/core/phase';
import type { StatusResult } from '../../src/core/model';

const settings = { campaignStart: '2027-03-25' };

describe('phaseOf', () => {
  it.each([
    ['2027-03-01', ['before']],
    ['2027-03-24', ['before']],
    ['2027-03-25', ['discussion', 'mobilisation']],
    ['2027-04-15', ['discussion', 'mobilisation']],
    ['2027-04-16', ['mobilisation']],
    ['2027-05-01', ['process']],
    ['2027-11-30', ['process']],
    ['2027-12-01', ['consolidation']],
    ['2028-01-10', ['consolidation']],
  ])('%s is %j', (date, phases) => {
    expect(phaseOf(date, settings)).toEqual(phases);
  });

  it('treats January–February of the start year, after the start, as mobilisation', () => {
    expect(phaseOf('2027-02-10', { campaignStart: '2027-01-05' })).toEqual(['mobilisation']);
  });

  it('puts the phases in words in either language', () => {
    expect(phaseLabel('2027-04-01', settings, 'zh')).toBe('大讨论 · 大转变·思想发动');
    expect(phaseLabel('2027-06-01', settings, 'en')).toBe('Big change: daily process control');
    expect(phaseLabel('2027-03-01', settings, 'zh')).toBe('筹备');
  });
});

const STATUS: StatusResult = {
  month: '2027-04',
  today: '2027-04-20',
  people: [
    { name: '张校长', unit: '校长室', count: 5, minimum: 5, status: 'met' },
    { name: '李副校长', unit: '校长室', count: 0, minimum: 5, status: 'behind' },
    { name: '王主任', unit: '发展中心', count: 2, minimum: 3, status: 'on_track' },
  ],
  coverage: [
    {
      unit: '校长室',
      cycleStart: '2027-03-25',
      cycleEnd: '2027-05-31',
      visited: 3,
      total: 3 + MISSING_NAMES_SHOWN + 5,
      missing: Array.from({ length: MISSING_NAMES_SHOWN + 5 }, (_, i) => `家长${i + 1}`),
    },
  ],
  classes: [{ class: '一(1)班', students: 40, visited: 10, inPerson: 1 }],
};

function build(status: StatusResult = STATUS, lang: 'zh' | 'en' = 'zh') {
  return statusSheet({
    lang,
    campaignName: '大走访',
    status,
    phase: '大转变·思想发动',
    computedAt: '2027-04-20 10:00 (Asia/Shanghai)',
    errors: 1,
    warnings: 2,
  });
}

describe('statusSheet', () => {
  it('colours each status cell: met green, behind red, on track amber', () => {
    const { grid, format } = build();
    const colourOf = (name: string) => format.backgrounds?.[grid.findIndex((r) => r[0] === name)]?.[4];
    expect(colourOf('张校长')).toBe('#d9ead3');
    expect(colourOf('李副校长')).toBe('#f4cccc');
    expect(colourOf('王主任')).toBe('#fff2cc');
    expect(grid.find((r) => r[0] === '李副校长')).toEqual(['李副校长', '校长室', 0, 5, '落后']);
  });

  it('lists the first names not yet visited and counts the rest', () => {
    const { grid } = build();
    const row = grid.find((r) => r[0] === '校长室' && r[1] === '2027-03-25 至 2027-05-31');
    expect(row?.slice(2, 5)).toEqual([3, MISSING_NAMES_SHOWN + 8, '6%']);
    const names = String(row?.[5]).split('、');
    expect(names).toHaveLength(MISSING_NAMES_SHOWN + 1);
    expect(names[names.length - 1]).toBe('等 5 人');
  });

  it('shows each class’s in-person count against 2, amber while short', () => {
    const { grid, format } = build();
    const at = grid.findIndex((r) => r[0] === '一(1)班');
    expect(grid[at]).toEqual(['一(1)班', 40, 10, '25%', 1, 2]);
    expect(format.backgrounds?.[at]?.[4]).toBe('#fff2cc');
    expect(format.protect).toBe(true);
  });

  it('says so when the month is not evaluated, and speaks English in an English workbook', () => {
    const { grid } = build({ ...STATUS, people: [], coverage: [], classes: [] }, 'en');
    expect(grid[0]).toEqual(['大走访 · visit progress 2027-04']);
    expect(grid.some((r) => r[0] === '2027-04 has not started: not evaluated')).toBe(true);
    expect(grid.filter((r) => r[0] === '(none)')).toHaveLength(2);
  });
});
