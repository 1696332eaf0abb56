// An edit checked over an .xlsx workbook stamps 录入时间 as the school's wall-clock time, whatever the machine's zone.
import { checkEditedRows } from '../../src/app/check-edit';
import { newWorkbook } from '../../src/local/commands/init';
import { defaultHeaders } from '../../src/core/tables';

describe('an edit in an .xlsx workbook', () => {
  it('stamps 录入时间 in the school’s time zone (Asia/Shanghai), not UTC', () => {
    const wb = newWorkbook('zh', '2027-04-20', false);
    const headers = defaultHeaders('visits', 'zh');
    const row = headers.map(() => '' as string);
    row[headers.indexOf('走访日期')] = '2027-04-05';
    row[headers.indexOf('走访人')] = '某老师';
    row[headers.indexOf('走访对象')] = '某家长';
    row[headers.indexOf('方式')] = '上门';
    const at = wb.append('走访记录', [row]);
    // 20:30 in Shanghai is 12:30 UTC.
    checkEditedRows(wb, '走访记录', at, at, { now: new Date('2027-04-20T12:30:00Z'), userEmail: '' });
    const grid = wb.read('走访记录') ?? [];
    expect(grid[at - 1]?.[headers.indexOf('录入时间')]).toBe('2027-04-20 20:30');
    expect(grid[at - 1]?.[headers.indexOf('走访日期')]).toBe('2027-04-05');
  });
});
