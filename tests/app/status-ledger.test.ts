// 进度's ledger sections (issue 10), written by recompute: the overdue items one by one and the open follow-ups per owner.
import { recompute } from '../../src/app/recompute';
import { WorkbookSession } from '../../src/app/session';
import type { Grid } from '../../src/core/grid';
import { newXlsx } from '../../src/local/xlsx-workbook';
import { school, visit, homeVisit } from '../core/helpers';

const TODAY = '2027-04-20';

function statusGrid(): Grid {
  const wb = newXlsx();
  const sheets = school({
    visits: [
      visit('2027-04-01', '张校长', '陈红', { id: 'V-1', followUp: '及时汇报' }),
      visit('2027-04-05', '张校长', '刘洋', { id: 'V-2', followUp: '研究实践', followUpOwner: '王主任' }),
      visit('2027-04-15', '李副校长', '黄敏', { id: 'V-3', followUp: '研究实践', followUpOwner: '王主任' }),
      visit('2027-04-16', '李副校长', '杨帆', { id: 'V-4', followUp: '及时汇报', closedOn: '2027-04-18' }),
    ],
    homeVisits: [homeVisit('2027-04-19', '赵老师', '一(1)班', '李明', { id: 'H-1', followUp: '及时汇报' })],
    rectification: [
      {
        id: 'R-1',
        problem: '放学时校门口拥堵'.repeat(7),
        owner: '周主任',
        deadline: '2027-04-10',
        status: '整改中',
        openedOn: '2027-04-02',
      },
      {
        id: 'R-2',
        problem: '食堂排队',
        owner: '王主任',
        deadline: '2027-04-18',
        status: '',
        openedOn: '2027-04-03',
      },
      {
        id: 'R-3',
        problem: '作业量',
        owner: '王主任',
        deadline: '2027-04-01',
        status: '已完成',
        openedOn: '2027-03-28',
      },
      {
        id: 'R-4',
        problem: '图书馆',
        owner: '王主任',
        deadline: '2027-04-20',
        status: '待整改',
        openedOn: '2027-04-04',
      },
    ],
  });
  for (const { name, grid } of sheets) wb.replace(name, grid, {});
  recompute(WorkbookSession.open(wb, { now: () => new Date('2027-04-20T02:00:00Z') }, { today: TODAY }));
  return wb.read('进度')!;
}

/** The rows under a section title of 进度's left band, header row first, up to the next blank row. */
function section(grid: Grid, title: string): unknown[][] {
  const start = grid.findIndex((row) => String(row[0] ?? '').startsWith(title));
  if (start < 0) throw new Error(`no section ${title}`);
  const rows: unknown[][] = [];
  for (let r = start + 1; r < grid.length && (grid[r] ?? []).some((c) => c !== null && c !== ''); r++)
    rows.push((grid[r] ?? []).slice(0, 5).map((c) => c ?? ''));
  return rows;
}

describe('进度 after a recompute', () => {
  const grid = statusGrid();

  it('lists the overdue items, most overdue first, the problem cut to one line', () => {
    expect(section(grid, '逾期的整改事项')).toEqual([
      ['编号', '问题', '责任人', '期限', '逾期天数'],
      // 期限 04-10: 10 days; 04-18 (empty status = 待整改): 2 days. R-3 is done, R-4's 期限 is today.
      [
        'R-1',
        // 56 characters: the first 40 shown.
        '放学时校门口拥堵'.repeat(5) + '…',
        '周主任',
        '2027-04-10',
        10,
      ],
      ['R-2', '食堂排队', '王主任', '2027-04-18', 2],
    ]);
  });

  it('counts the open follow-ups per owner, with those older than 7 days and the oldest', () => {
    expect(section(grid, '待跟进事项（按跟进人）').map((r) => r.slice(0, 4))).toEqual([
      ['跟进人', '项数', '超过 7 天', '最久（天）'],
      // V-2 (15 days) and V-3 (5 days) are 王主任's; V-1 (19 days) 张校长's; H-1 (1 day) 赵老师's; V-4 is closed.
      ['王主任', 2, 1, 15],
      ['张校长', 1, 1, 19],
      ['赵老师', 1, 0, 1],
    ]);
  });
});
