// The 进度 sheet's content and the campaign phase: pure functions, no workbook.
import { statusSheet } from '../../src/app/status-sheet';
import type { Grid } from '../../src/core/grid';
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
    { name: '张校长', unit: '全体教师', count: 1, minimum: 5, status: 'behind' },
  ],
  coverage: [
    {
      unit: '校长室',
      cycleStart: '2027-03-25',
      cycleEnd: '2027-05-31',
      visited: 3,
      total: 3 + 30,
      missing: Array.from({ length: 30 }, (_, i) => `家长${i + 1}`),
    },
  ],
  semester: { name: '2027年春季学期', start: '2027-02-17', end: '2027-07-05' },
  classes: [
    { class: '一(1)班', students: 40, visited: 10, inPerson: 1 },
    { class: '一(2)班', students: 40, visited: 30, inPerson: 3 },
  ],
};

const UNITS = [
  { name: '校长室', homeVisits: false },
  { name: '发展中心', homeVisits: false },
  { name: '服务中心', homeVisits: false },
  { name: '全体教师', homeVisits: true },
];

function build(status: StatusResult = STATUS, lang: 'zh' | 'en' = 'zh') {
  return statusSheet({
    lang,
    campaignName: '大走访',
    status,
    phase: '大转变·思想发动',
    computedAt: '2027-04-20 10:00 (Asia/Shanghai)',
    errors: 1,
    warnings: 2,
    units: UNITS,
    followUps: { open: 5, older: 2 },
    overdue: 1,
    classTeachers: new Map([['一(1)班', '赵老师']]),
    semester: { start: '2027-02-20', end: '2027-07-10' },
  });
}

const at = (grid: Grid, text: string) => {
  const r = grid.findIndex((row) => row.includes(text));
  return { r, c: grid[r]?.indexOf(text) ?? -1, row: grid[r] ?? [] };
};

describe('statusSheet', () => {
  it('freezes the title and one header row holding the people band and the summary band', () => {
    const { grid, format } = build();
    expect(format.frozenRows).toBe(2);
    expect(grid[0]?.[0]).toBe('大走访 · 走访进度 2027-04（截至 2027-04-20）');
    expect(grid[1]?.slice(0, 6)).toEqual(['姓名', '状态', '校长室', '发展中心', '服务中心', '全体教师']);
    expect(grid[1]?.slice(7)).toEqual(['部门', '在岗', '落后', '未达标', '完成率', '本周期覆盖']);
    expect(format.protect).toBe(true);
  });

  it('gives each person one line, those behind first, a column per unit coloured by status', () => {
    const { grid, format } = build();
    const people = grid.slice(2, 5).map((row) => row.slice(0, 6));
    expect(people).toEqual([
      ['张校长', '落后', '5/5', '', '', '1/5'],
      ['李副校长', '落后', '0/5', '', '', ''],
      ['王主任', '进行中', '', '2/3', '', ''],
    ]);
    expect(format.backgrounds?.[2]?.slice(1, 6)).toEqual(['#f4cccc', '#d9ead3', null, null, '#f4cccc']);
    expect(format.backgrounds?.[4]?.[3]).toBe('#fff2cc');
  });

  it('sums up per unit how many are behind, completion and coverage against their aims, a unit without staff said so', () => {
    const { grid, format } = build();
    const principal = at(grid, '本周期覆盖').c - 5;
    const row = (unit: string) => grid.find((r) => r[principal] === unit)!.slice(principal, principal + 6);
    expect(row('校长室')).toEqual(['校长室', 2, 1, 0, '50%', '9%']);
    expect(row('服务中心')).toEqual(['服务中心', 0, '无在岗人员', '', '', '']);
    expect(row('全体教师')).toEqual(['全体教师', 1, 1, 0, '20%', '50%']);
    const r = grid.findIndex((x) => x[principal] === '校长室');
    // 9% of the cycle's people visited with about 40% of the cycle gone: red.
    expect(format.backgrounds?.[r]?.[principal + 5]).toBe('#f4cccc');
  });

  it('counts open follow-ups and overdue items, and names the groups and classes furthest behind', () => {
    const { grid } = build();
    expect(at(grid, '待跟进事项').row).toContain('5 项（超过 7 天 2 项）');
    expect(at(grid, '逾期整改').row).toContain('1 项');
    expect(at(grid, '落后或未达标').row).toContain('2 人（共 2 人次）');
    expect(at(grid, '覆盖最落后').row).toContain('校长室 9%');
    expect(at(grid, '家访最落后的班级').row).toContain('一(1)班 25%、一(2)班 75%');
  });

  it('lists every name not yet visited, twelve to a row', () => {
    const { grid } = build();
    const first = grid.findIndex((r) => r[0] === '校长室' && r[1] === '03-25～05-31');
    expect(grid[first]?.slice(2, 5)).toEqual([3, 33, '9%']);
    const names = [5, 5, 5]
      .map((c, i) => String(grid[first + i]?.[c]))
      .join('、')
      .split('、');
    expect(names).toEqual(Array.from({ length: 30 }, (_, i) => `家长${i + 1}`));
  });

  it('shows each class with its class teacher, coverage and in-person count against 2, with a legend', () => {
    const { grid, format } = build();
    const r = grid.findIndex((row) => row[0] === '一(1)班');
    expect(grid[r]).toEqual(['一(1)班', '赵老师', 40, 10, '25%', 1, 2]);
    expect(format.backgrounds?.[r]?.[5]).toBe('#f4cccc');
    expect(format.backgrounds?.[r + 1]?.[5]).toBe('#d9ead3');
    expect(String(grid[r + 2]?.[0])).toContain('少于 2 人');
  });

  it('says so when the month is not evaluated, and speaks English in an English workbook', () => {
    const { grid } = build({ ...STATUS, people: [], coverage: [], classes: [] }, 'en');
    expect(grid[0]).toEqual(['大走访 · visit progress 2027-04 (as at 2027-04-20)']);
    expect(grid.some((r) => r[0] === '2027-04 has not started: not evaluated')).toBe(true);
    expect(grid.filter((r) => r[0] === '(none)')).toHaveLength(2);
  });
});
