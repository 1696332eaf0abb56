// Saving from the sidebar over an in-memory workbook: one row, placed by header, checked twice, under the lock.
import { saveRecord } from '../../src/app/sidebar';
import type { SaveResult } from '../../src/contract/sidebar-payload';
import type { HomeVisitInput, VisitInput } from '../../src/core/schemas';
import { defaultHeaders } from '../../src/core/tables';
import { homeVisit, school, visit, type Row } from '../core/helpers';
import { ports } from './sidebar-ports';

const leaderVisit = (more: Partial<VisitInput> = {}): VisitInput => ({
  kind: 'visit',
  date: '2027-04-19',
  visitor: '张校长',
  coVisitors: ['李副校长'],
  targets: ['陈红', '林国栋'],
  mode: 'faceToFace',
  purpose: '倾听社会对学校发展的心声',
  record: '听取了对课后服务的建议。',
  suggestions: '增加科技社团',
  followUp: 'report',
  followUpOwner: '王主任',
  ...more,
});

const homeVisitInput = (more: Partial<HomeVisitInput> = {}): HomeVisitInput => ({
  kind: 'homeVisit',
  date: '2027-04-18',
  teacher: '赵老师',
  className: '一(1)班',
  students: ['王芳', 'S103'],
  coTeachers: ['张校长'],
  mode: 'inPerson',
  family: '三代同住',
  parentNeeds: '希望多些课外阅读',
  supportNeeded: '',
  record: '了解了学习环境。',
  followUp: null,
  ...more,
});

/** The cells of a sheet's row by header text. */
function rowByHeader(grid: unknown[][], row: number): Record<string, unknown> {
  const header = grid[0] as string[];
  return Object.fromEntries(header.map((h, i) => [h, (grid[row - 1] as unknown[])[i]]));
}

function expectSaved(result: SaveResult): Extract<SaveResult, { ok: true }> {
  if (!result.ok) throw new Error(`not saved: ${JSON.stringify(result.errors)}`);
  return result;
}

describe('saveRecord: a leader visit', () => {
  test('appends exactly one row, every cell under its own header, in the workbook language', () => {
    // The school has reordered the columns and added one of its own.
    const header = defaultHeaders('visits', 'zh');
    const reordered = ['备注（学校自加）', ...header.slice(1).reverse(), header[0] as string];
    const blank = Object.fromEntries(reordered.map((h) => [h, '']));
    const existing: Record<string, string>[] = [
      {
        ...blank,
        编号: 'V-3',
        走访日期: '2027-04-01',
        走访人: '张校长',
        走访对象: '刘洋',
        方式: '面谈',
        情况记录: '交流',
      },
      {
        ...blank,
        编号: 'v-7',
        走访日期: '2027-04-02',
        走访人: '张校长',
        走访对象: '黄敏',
        方式: '面谈',
        情况记录: '交流',
      },
    ];
    const grid = [reordered, ...existing.map((r) => reordered.map((h) => r[h] ?? ''))];
    const p = ports(school({ grids: { visits: grid } }), { email: 'principal@school.cn' });
    const saved = expectSaved(saveRecord(p, leaderVisit()));

    const sheet = p.workbook.sheets.get('走访记录') as unknown[][];
    expect(p.workbook.calls.append).toBe(1);
    expect(sheet).toHaveLength(4);
    expect(saved).toMatchObject({ ok: true, id: 'V-8', row: 4, warnings: [] });
    expect(rowByHeader(sheet, 4)).toEqual({
      '备注（学校自加）': '',
      编号: 'V-8',
      走访日期: '2027-04-19',
      走访人: '张校长',
      同行人: '李副校长',
      走访对象: '陈红、林国栋',
      方式: '面谈',
      走访目的: '倾听社会对学校发展的心声',
      情况记录: '听取了对课后服务的建议。',
      意见建议: '增加科技社团',
      处理方式: '及时汇报',
      跟进人: '王主任',
      跟进结果: '',
      办结日期: '',
      整改编号: '',
      照片: '',
      录入人: '张校长', // the staff name, even when the platform gives an email
      录入时间: '2027-04-20 10:00',
      校验: '✓',
    });
    // The rows that were there are untouched.
    expect(sheet.slice(0, 3)).toEqual(grid);
  });

  test('returns my progress including the new visit; 进度 is refreshed from the same campaign, with no second read', () => {
    const p = ports(school({ visits: [visit('2027-04-10', '张校长', '刘洋')] }));
    const saved = expectSaved(saveRecord(p, leaderVisit()));
    expect(saved.progress.find((l) => l.unit === '校长室')).toMatchObject({ count: 3, minimum: 5 });
    // 进度 counts the new visit too (张校长's line of 校长室 reads 3 / 5) …
    const status = p.workbook.sheets.get('进度') ?? [];
    const line = status.find((row) => row[0] === '张校长');
    expect(line?.[(status[1] ?? []).indexOf('校长室')]).toBe('3/5');
    // … and the workbook was read once per sheet, plus the target sheet once more under the lock.
    const sheetsRead = p.workbook.sheets.size - 1; // every sheet but 进度, which did not exist
    expect(p.workbook.calls.read).toBe(sheetsRead + 1);
    expect(p.workbook.calls.replace).toBe(1);
  });

  test('a failing 进度 refresh never turns a saved row into a failed save (a retry would log it twice)', () => {
    const p = ports(school());
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    p.workbook.replace = () => {
      throw new Error('Service Spreadsheets timed out');
    };
    expect(saveRecord(p, leaderVisit())).toMatchObject({ ok: true, id: 'V-1', row: 2 });
    expect(p.workbook.sheets.get('走访记录')).toHaveLength(2);
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });

  test('录入人 is the person when Apps Script gives no email; English workbooks get English values', () => {
    const p = ports(
      school({
        lang: 'en',
        units: [["Principal's office", 'Parent committee', 5, '', '']],
        staff: [{ name: 'Ann', units: "Principal's office" }],
        targets: [{ name: 'Bob', group: 'Parent committee' }],
      }),
    );
    const input = leaderVisit({
      visitor: 'Ann',
      coVisitors: [],
      targets: ['Bob'],
      mode: 'group',
      followUp: 'none',
      followUpOwner: '',
    });
    const saved = expectSaved(saveRecord(p, input));
    const row = rowByHeader(p.workbook.sheets.get('Visits') as unknown[][], saved.row);
    expect(row).toMatchObject({
      ID: 'V-1',
      Visitor: 'Ann',
      Mode: 'Group visit',
      'Follow-up': 'None',
      'Entered by': 'Ann',
    });
  });
});

describe('saveRecord: a home visit', () => {
  test('appends one 家访记录 row with the students of the class joined by 、', () => {
    const p = ports(
      school({ homeVisits: [homeVisit('2027-04-02', '赵老师', '一(1)班', '李明', { id: 'H-2' })] }),
    );
    const saved = expectSaved(saveRecord(p, homeVisitInput()));
    expect(saved).toMatchObject({ id: 'H-3', row: 3, warnings: [] });
    expect(p.workbook.sheets.get('走访记录')).toHaveLength(1);
    const row = rowByHeader(p.workbook.sheets.get('家访记录') as unknown[][], 3);
    expect(row).toMatchObject({
      编号: 'H-3',
      家访日期: '2027-04-18',
      班级: '一(1)班',
      学生: '王芳、S103',
      家访教师: '赵老师',
      协同教师: '张校长',
      方式: '上门',
      家庭情况: '三代同住',
      家长需求: '希望多些课外阅读',
      帮扶需求: '',
      处理方式: '',
      录入人: '赵老师',
      校验: '✓',
    });
  });

  test('a warning of the engine is saved with the row and told to the person', () => {
    const p = ports(school());
    const saved = expectSaved(saveRecord(p, homeVisitInput({ coTeachers: [] })));
    expect(saved.warnings).toEqual(['上门家访没有协同教师（方案建议两三人协同上门）']);
    const row = rowByHeader(p.workbook.sheets.get('家访记录') as unknown[][], saved.row);
    expect(row.校验).toBe('⚠ 1 条提醒：上门家访没有协同教师（方案建议两三人协同上门）');
  });
});

describe('saveRecord: what is refused, and nothing written', () => {
  const refused = (result: SaveResult) => {
    if (result.ok) throw new Error(`saved as ${result.id}`);
    return result.errors;
  };

  test('input the schema rejects: one message per field, in Chinese', () => {
    const p = ports(school());
    const errors = refused(
      saveRecord(p, {
        ...leaderVisit(),
        date: '2027/4/19',
        targets: [],
        record: '   ',
        mode: 'walk',
        purpose: 'x'.repeat(501),
      }),
    );
    expect(errors).toEqual([
      { field: 'date', message: '日期应写成 YYYY-MM-DD' },
      { field: 'targets', message: '请至少选择一项走访对象' },
      { field: 'mode', message: '请选择方式' },
      { field: 'purpose', message: '走访目的不能超过 500 个字' },
      { field: 'record', message: '请填写情况记录' },
    ]);
    expect(refused(saveRecord(p, null))).toEqual([
      { field: '', message: '提交的内容无法识别，请关闭侧栏后重新打开再试。' },
    ]);
    expect(refused(saveRecord(p, { kind: 'party' }))).toEqual([{ field: 'kind', message: '请选择记录类型' }]);
    expect(p.workbook.calls.append).toBeUndefined();
    expect(p.lock.acquired).toBe(0);
  });

  test('in an English workbook the messages are English', () => {
    const p = ports(school({ lang: 'en' }));
    expect(refused(saveRecord(p, { ...leaderVisit(), record: '' }))).toEqual([
      { field: 'record', message: 'Please fill in Record' },
    ]);
  });

  test("the engine's errors on the row as it would stand: future date, inactive visitor, student of another class", () => {
    const p = ports(school());
    expect(refused(saveRecord(p, leaderVisit({ date: '2027-04-21' })))).toEqual([
      { field: 'date', message: '日期 2027-04-21 晚于今天（2027-04-20）' },
    ]);
    expect(refused(saveRecord(p, leaderVisit({ visitor: '孙老师' })))).toEqual([
      { field: 'visitor', message: '“孙老师”已不在岗' },
    ]);
    expect(refused(saveRecord(p, homeVisitInput({ students: ['陈静'] })))).toEqual([
      { field: 'students', message: '学生“陈静”不在一(1)班的名单中' },
    ]);
    expect(p.workbook.calls.append).toBeUndefined();
  });

  test('a sheet without a required column is not written to', () => {
    const header = defaultHeaders('visits', 'zh').filter((h) => h !== '走访对象');
    const p = ports(school({ grids: { visits: [header] } }));
    expect(refused(saveRecord(p, leaderVisit()))).toEqual([
      { field: '', message: '工作表“走访记录”缺少必需的列“走访对象”' },
    ]);
    expect(p.workbook.calls.append).toBeUndefined();
  });
});

describe('saveRecord: two saves racing for the lock', () => {
  test('the second waits for the first and takes the next 编号: never two rows with one 编号', () => {
    const p = ports(school({ visits: [visit('2027-04-10', '张校长', '刘洋', { id: 'V-1' })] }));
    const other = { ...p, lock: p.lock }; // a second execution on the same workbook
    let theirs: SaveResult | undefined;
    // Ours has read the workbook and now waits; meanwhile the other execution holds the lock and saves.
    p.lock.held = true;
    p.lock.onWait = () => {
      p.lock.held = false;
      p.lock.onWait = undefined;
      theirs = saveRecord(other, leaderVisit({ targets: ['黄敏'], visitor: '李副校长', coVisitors: [] }));
    };
    const ours = expectSaved(saveRecord(p, leaderVisit()));
    expect(expectSaved(theirs as SaveResult)).toMatchObject({ id: 'V-2', row: 3 });
    expect(ours).toMatchObject({ id: 'V-3', row: 4 });
    const ids = (p.workbook.sheets.get('走访记录') as unknown[][]).slice(1).map((r) => r[0]);
    expect(ids).toEqual(['V-1', 'V-2', 'V-3']);
  });

  test('when the lock cannot be had in time, nothing is written and the person is told to retry', () => {
    const p = ports(school());
    p.lock.held = true; // held by another execution for longer than we wait
    expect(saveRecord(p, leaderVisit())).toEqual({
      ok: false,
      errors: [{ field: '', message: '其他人正在保存，请稍后再试。' }],
    });
    expect(p.workbook.calls.append).toBeUndefined();
  });

  test('an error while holding the lock is not mistaken for a busy lock', () => {
    const p = ports(school());
    p.workbook.append = () => {
      throw new Error('Service Spreadsheets failed');
    };
    expect(() => saveRecord(p, leaderVisit())).toThrow('Service Spreadsheets failed');
    expect(p.lock.held).toBe(false);
  });
});

test('a fixed number of workbook calls per save, whatever the number of rows', () => {
  const counts = [10, 3000].map((n) => {
    const rows: Row[] = Array.from({ length: n }, (_, i) =>
      visit('2027-04-10', '张校长', '刘洋', { id: `V-${i + 1}` }),
    );
    const p = ports(school({ visits: rows }));
    expectSaved(saveRecord(p, leaderVisit()));
    return p.workbook.calls;
  });
  // Each sheet read once, the target sheet once more under the lock; one append; 进度 written once (its name
  // looked up in the listing).
  expect(counts[0]).toEqual({ sheetNames: 2, read: 11, append: 1, replace: 1 });
  expect(counts[1]).toEqual(counts[0]);
});
