// Coverage cycles of §3: windows of N quota months, exempt months skipped, who in a unit's groups is not yet visited.
import { computeStatus, loadCampaign } from '../../src/core/engine';
import type { CoverageLine } from '../../src/core/model';
import { school, visit, type WorkbookSpec } from './helpers';

function coverage(
  spec: WorkbookSpec,
  month: string,
  today: string,
  unit = '校长室',
): CoverageLine | undefined {
  return computeStatus(loadCampaign(school(spec), today), month, today).coverage.find((c) => c.unit === unit);
}

const PRINCIPAL_GROUPS = ['陈红', '刘洋', '黄敏', '杨帆', '何静', '马丽', '林国栋', '郭志强'];

describe('a coverage cycle', () => {
  it('is two quota months by default; the first also holds the days before the first quota month', () => {
    const visits = [
      visit('2027-03-28', '张校长', '陈红'),
      visit('2027-04-10', '李副校长', '刘洋、林国栋'),
      visit('2027-04-11', '张校长', '刘洋'),
    ];
    expect(coverage({ visits }, '2027-04', '2027-04-20')).toEqual({
      unit: '校长室',
      cycleStart: '2027-03-25',
      cycleEnd: '2027-05-31',
      visited: 3,
      total: 8,
      missing: ['黄敏', '杨帆', '何静', '马丽', '郭志强'],
    });
  });

  it('goes on in the second month of the window, and starts afresh in the next window', () => {
    const visits = [visit('2027-04-10', '张校长', '陈红'), visit('2027-05-06', '张校长', '刘洋')];
    expect(coverage({ visits }, '2027-05', '2027-05-10')).toMatchObject({
      cycleStart: '2027-03-25',
      cycleEnd: '2027-05-31',
      visited: 2,
    });
    const june = coverage(
      { visits: [...visits, visit('2027-06-02', '张校长', '黄敏')] },
      '2027-06',
      '2027-06-10',
    );
    expect(june).toMatchObject({ visited: 1, total: 8 });
    expect(june?.missing).toEqual(PRINCIPAL_GROUPS.filter((n) => n !== '黄敏'));
  });

  it('skips exempt months: June and September make one window when July and August are exempt', () => {
    const visits = [visit('2027-06-10', '张校长', '陈红'), visit('2027-09-05', '张校长', '刘洋')];
    expect(coverage({ visits }, '2027-09', '2027-09-10')).toMatchObject({
      cycleStart: '2027-06-01',
      cycleEnd: '2027-09-30',
      visited: 2,
    });
    expect(coverage({ visits }, '2027-10', '2027-10-10')).toMatchObject({
      cycleStart: '2027-10-01',
      cycleEnd: '2027-11-30',
      visited: 0,
    });
  });

  it('takes its length from the unit’s 覆盖周期, or from 设置 when the unit leaves it empty', () => {
    const units = [
      ['校长室', '家委会成员、社会贤达人士', 5, 3, ''],
      ['发展中心', '办公室教师', 3, 1, ''],
      ['服务中心', '后勤人员、社会服务人员', 3, '', ''],
    ];
    const spec = { units };
    expect(coverage(spec, '2027-05', '2027-05-10')).toMatchObject({
      cycleStart: '2027-03-25',
      cycleEnd: '2027-06-30',
    });
    expect(coverage(spec, '2027-05', '2027-05-10', '发展中心')).toMatchObject({
      cycleStart: '2027-05-01',
      cycleEnd: '2027-05-31',
    });
    expect(coverage(spec, '2027-05', '2027-05-10', '服务中心')).toMatchObject({ cycleEnd: '2027-05-31' });
    const threeByDefault = { units, settings: { coverageMonths: 3 } };
    expect(coverage(threeByDefault, '2027-05', '2027-05-10', '服务中心')).toMatchObject({
      cycleStart: '2027-03-25',
      cycleEnd: '2027-06-30',
    });
  });
});

describe('what a unit’s coverage counts', () => {
  it('counts only visits by members of the unit (visitor or co-visitor)', () => {
    const visits = [
      visit('2027-04-05', '王主任', '陈红'),
      visit('2027-04-06', '周主任', '刘洋', { coVisitors: '王主任' }),
      visit('2027-04-07', '王主任', '黄敏', { coVisitors: '李副校长' }),
    ];
    expect(coverage({ visits }, '2027-04', '2027-04-20')).toMatchObject({
      visited: 1,
      missing: PRINCIPAL_GROUPS.filter((n) => n !== '黄敏'),
    });
  });

  it('does not count rows with errors', () => {
    const visits = [
      visit('2027-04-05', '张校长', '陈红', { mode: '骑车' }),
      visit('2027-04-06', '张校长', '刘洋'),
    ];
    expect(coverage({ visits }, '2027-04', '2027-04-20')).toMatchObject({ visited: 1 });
  });

  it('is given for every leader unit, and not for 全体教师 (covered by classes)', () => {
    const status = computeStatus(loadCampaign(school(), '2027-04-20'), '2027-04', '2027-04-20');
    expect(status.coverage.map((c) => [c.unit, c.total])).toEqual([
      ['校长室', 8],
      ['学生中心', 0],
      ['发展中心', 3],
      ['课程中心', 0],
      ['服务中心', 2],
    ]);
  });
});

describe('a past month’s coverage', () => {
  it('stands as at the end of that month: a May visit does not count in April’s figures of the same cycle', () => {
    const visits = [visit('2027-04-05', '张校长', '陈红'), visit('2027-05-06', '张校长', '刘洋')];
    expect(coverage({ visits }, '2027-04', '2027-05-10')).toMatchObject({ visited: 1 });
    expect(coverage({ visits }, '2027-05', '2027-05-10')).toMatchObject({ visited: 2 });
  });
});
