// status --json's followUps and rectification (§6) on a hand-made .xlsx: open follow-ups with owner, kind and age; every ledger item.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { newXlsx } from '../../src/local/xlsx-workbook';
import { homeVisit, school, visit } from '../core/helpers';
import { cli, tempDir } from './helpers';

const TODAY = '2027-04-20';
let dir: string;
let file: string;

beforeAll(async () => {
  dir = await tempDir();
  file = path.join(dir, 'ledger.xlsx');
  const book = newXlsx();
  const sheets = school({
    visits: [
      // Open, no 跟进人: 张校长 is the visitor; 校长室 has no 负责人 and his 职务 is empty, so he owns it. 15 days.
      visit('2027-04-05', '张校长', '陈红', { id: 'V-1', followUp: '及时汇报' }),
      // Closed on 04-10: not listed.
      visit('2027-04-06', '张校长', '刘洋', { id: 'V-2', followUp: '研究实践', closedOn: '2027-04-10' }),
      // Open with a 跟进人. 10 days.
      visit('2027-04-10', '李副校长', '黄敏', { id: 'V-3', followUp: '研究实践', followUpOwner: '王主任' }),
      // Resolved: no follow-up.
      visit('2027-04-11', '张校长', '杨帆', { id: 'V-4', followUp: '已解决' }),
    ],
    homeVisits: [homeVisit('2027-04-18', '赵老师', '一(1)班', '李明', { id: 'H-1', followUp: '及时汇报' })],
    rectification: [
      {
        id: 'R-1',
        source: 'V-1',
        problem: '校门口拥堵',
        owner: '周主任',
        deadline: '2027-04-15',
        status: '整改中',
      },
      { id: 'R-2', problem: '食堂排队', owner: '王主任', deadline: '2027-04-19', status: '已完成' },
      { id: 'R-3', problem: '作业量', deadline: '2027-04-20', status: '' },
      { id: 'R-4', problem: '图书馆', status: '已建章立制' },
      { id: 'R-5', problem: '操场积水', deadline: '2027-04-01', status: '搁置' },
    ],
  });
  for (const { name, grid } of sheets) book.replace(name, grid, {});
  await book.book.xlsx.writeFile(file);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('status --json', () => {
  it('lists the open follow-ups oldest first, their kind in the plan’s words and their age in days', async () => {
    const run = await cli(['status', file, '--today', TODAY, '--json']);
    expect(run.code).toBe(0);
    const status = JSON.parse(run.out);
    expect(status.followUps).toEqual([
      { id: 'V-1', owner: '张校长', kind: '及时汇报', age: 15 },
      { id: 'V-3', owner: '王主任', kind: '研究实践', age: 10 },
      { id: 'H-1', owner: '赵老师', kind: '及时汇报', age: 2 },
    ]);
  });

  it('lists every ledger item, done ones too, with its status word, deadline and whether it is overdue', async () => {
    const status = JSON.parse((await cli(['status', file, '--today', TODAY, '--json'])).out);
    expect(status.rectification).toEqual([
      { id: 'R-1', status: '整改中', owner: '周主任', deadline: '2027-04-15', overdue: true },
      { id: 'R-2', status: '已完成', owner: '王主任', deadline: '2027-04-19', overdue: false },
      // 期限 today is not yet overdue; an empty status is 待整改.
      { id: 'R-3', status: '待整改', owner: '', deadline: '2027-04-20', overdue: false },
      { id: 'R-4', status: '已建章立制', owner: '', deadline: null, overdue: false },
      // A status nobody can read is null, and never overdue.
      { id: 'R-5', status: null, owner: '', deadline: '2027-04-01', overdue: false },
    ]);
  });

  it('gives a past month the follow-ups open at its end, aged to today', async () => {
    const status = JSON.parse(
      (await cli(['status', file, '--today', '2027-05-03', '--month', '2027-04', '--json'])).out,
    );
    expect(status.followUps.map((f: { id: string; age: number }) => [f.id, f.age])).toEqual([
      ['V-1', 28],
      ['V-3', 23],
      ['H-1', 15],
    ]);
  });
});
