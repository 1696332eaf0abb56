// 修改日志 and 恢复行 over an .xlsx workbook (the command line's and the playground's home): same lines, same restore.
import { checkEditedRows } from '../../src/app/check-edit';
import { restoreRow } from '../../src/app/restore';
import { newWorkbook } from '../../src/local/commands/init';
import { defaultHeaders } from '../../src/core/tables';

describe('修改日志 in an .xlsx workbook', () => {
  it('logs a typed cell and the stamps, and 恢复行 writes the old value back as a logged change', () => {
    const wb = newWorkbook('zh', '2027-04-20', false);
    const headers = defaultHeaders('visits', 'zh');
    const row = headers.map(() => '' as string);
    row[headers.indexOf('走访日期')] = '2027-04-05';
    row[headers.indexOf('走访人')] = '某老师';
    row[headers.indexOf('走访对象')] = '某家长';
    row[headers.indexOf('方式')] = '上门';
    const at = wb.append('走访记录', [row]);
    const col = headers.indexOf('走访对象');
    wb.writeColumn('走访记录', col, at, ['另一位家长']);
    const now = new Date('2027-04-20T02:00:00Z');
    const edit = { firstColumn: col, columns: 1, typed: { oldValue: '某家长' } };
    checkEditedRows(wb, '走访记录', at, at, { now, userEmail: '某老师', edit });
    const log = wb.read('修改日志') ?? [];
    expect(log[1]?.slice(4)).toEqual(['编辑', at, '走访对象', '某家长', '另一位家长']);
    expect(log.slice(2).map((l) => l[6])).toEqual(['编号', '录入人', '录入时间']);
    const id = String(log[1]?.[3]);
    const clock = { now: () => new Date('2027-04-20T02:05:00Z') };
    const lock = { withLock: <T>(fn: () => T) => fn() };
    const done = restoreRow(wb, { clock, lock }, { target: id, since: '2027-04-20 10:00', who: '张校长' });
    expect(done).toMatchObject({ ok: true, sheet: '走访记录' });
    expect(wb.read('走访记录')?.[at - 1]?.[col]).toBe('某家长');
    // Its stamps came after the time too: restored to empty, each a logged line.
    const restored = (wb.read('修改日志') ?? []).filter((l) => String(l[4]).startsWith('恢复到'));
    expect(restored.map((l) => [l[1], l[3], l[6], l[7], l[8] ?? ''])).toEqual([
      ['张校长', id, '走访对象', '另一位家长', '某家长'],
      ['张校长', id, '录入人', '某老师', ''],
      ['张校长', id, '录入时间', '2027-04-20 10:00', ''],
    ]);
  });
});
