// Reading a grid without an object per row: the grid's own rows, their sheet numbers, cells by key on demand.
import { cellAt, parseGrid } from '../../src/core/grid';
import { loadCampaign } from '../../src/core/engine';
import { school, visit } from './helpers';

describe('parseGrid', () => {
  const grid = [
    ['编号', '走访日期', '走访人', '校验', '天气'],
    ['V-1', '2027-04-05', '张校长', '', '晴'],
    [null, '  ', '', '✓', null], // only 校验: not a record row
    [],
    ['', '', '李副校长'],
  ];

  it('keeps the grid’s own rows that hold something, with their sheet row numbers', () => {
    const parsed = parseGrid('visits', '走访记录', grid);
    expect(parsed.rowNumbers).toEqual([2, 5]);
    expect(parsed.lines[0]).toBe(grid[1]);
    expect(parsed.lines[1]).toBe(grid[4]);
    expect(cellAt(parsed.lines[1]!, parsed.columnIndex.visitor)).toBe('李副校长');
    expect(cellAt(parsed.lines[1]!, parsed.columnIndex.date)).toBe('');
    expect(cellAt(parsed.lines[1]!, parsed.columnIndex.targets)).toBeNull(); // no such column
  });

  it('gives the rows keyed by column when asked, built once', () => {
    const parsed = parseGrid('visits', '走访记录', grid);
    expect(parsed.rows).toEqual([
      { row: 2, cells: { id: 'V-1', date: '2027-04-05', visitor: '张校长', check: '' } },
      { row: 5, cells: { id: '', date: '', visitor: '李副校长', check: null } },
    ]);
    expect(parsed.rows).toBe(parsed.rows);
  });
});

describe('records', () => {
  it('share one frozen list per distinct list text, so no row can change another’s', () => {
    const campaign = loadCampaign(
      school({
        visits: [
          visit('2027-04-05', '张校长', '陈红、刘洋'),
          visit('2027-04-06', '张校长', '陈红、刘洋'),
          visit('2027-04-07', '李副校长', '陈红'),
        ],
      }),
      '2027-04-20',
    );
    const [a, b, c] = campaign.visits;
    expect(a?.targets).toEqual(['陈红', '刘洋']);
    expect(b?.targets).toBe(a?.targets);
    expect(b?.counted).toBe(a?.counted);
    expect(c?.targets).toEqual(['陈红']);
    expect(Object.isFrozen(a?.targets)).toBe(true);
    expect(Object.isFrozen(a?.credited)).toBe(true);
    expect(a?.coVisitors).toEqual([]);
    expect(Object.isFrozen(a?.coVisitors)).toBe(true);
  });
});
