// 修改日志 inside Google Sheets (over the counting fake): stamps, typed edits, pastes, contacts never logged, 恢复行.
import { menuRecompute, menuRestoreRow, onEdit } from '../../src/gas/main';
import { LOG_COLUMNS } from '../../src/app/change-log';
import { FakeRange, type FakeSheet } from '../fakes/gas';
import { school, tableGrid, visit, type Row } from '../core/helpers';
import { columnValues, editEvent, typeChangeLog, typeRows, typeSheets, useGasFakes } from './fixture';

const fakes = useGasFakes();

const EXISTING: Row[] = [
  visit('2027-04-01', '张校长', '陈红', { id: 'V-1' }),
  visit('2027-04-02', '李副校长', '林国栋', { id: 'V-2' }),
];

const sheetOf = (name: string): FakeSheet => fakes().spreadsheet.sheet(name);
const visits = () => sheetOf('走访记录');

/** The log's lines as objects by column key (header row left out). */
function logLines(): Record<string, unknown>[] {
  return sheetOf('修改日志')
    .store.values()
    .slice(1)
    .map((line) => Object.fromEntries(LOG_COLUMNS.map((key, i) => [key, line[i]])));
}

/** A header's 1-based column in a sheet. */
function columnOf(sheet: FakeSheet, header: string): number {
  return (sheet.store.values()[0] ?? []).indexOf(header) + 1;
}

/** One typed cell, as Apps Script reports it: the range, e.value and (when the cell held something) e.oldValue. */
function typeCell(sheet: FakeSheet, row: number, header: string, value: string, oldValue?: string): void {
  const column = columnOf(sheet, header);
  sheet.store.type(row, column, value);
  onEdit({
    authMode: 'LIMITED',
    range: new FakeRange(fakes().calls, sheet, row, column, 1, 1),
    source: fakes().spreadsheet,
    user: { getEmail: () => '' },
    value: String(value ?? ''),
    ...(oldValue === undefined ? {} : { oldValue }),
  } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
}

beforeEach(() => {
  typeSheets(fakes().spreadsheet, school({ visits: EXISTING }));
  typeChangeLog(fakes().spreadsheet);
});

describe('what the edit check writes is logged', () => {
  it('logs the 编号, 录入人 and 录入时间 stamps, empty before, and the pasted cells with the old value unknown', () => {
    typeRows(visits(), 4, tableGrid('visits', 'zh', [visit('2027-04-18', '张校长', '刘洋')]).slice(1));
    onEdit(editEvent(fakes(), visits(), 4, 4, 15));
    const lines = logLines();
    const stamps = lines.filter((l) => l.note === '自动填写（编辑检查）');
    expect(stamps.map((l) => [l.column, l.before, l.after])).toEqual([
      ['编号', '', 'V-3'],
      ['录入人', '', 'teacher@school.example'],
      ['录入时间', '', '2027-04-20 10:00'],
    ]);
    expect(stamps.every((l) => l.id === 'V-3' && l.row === 4 && l.sheet === '走访记录')).toBe(true);
    const pasted = lines.filter((l) => String(l.note).startsWith('粘贴'));
    expect(pasted).toHaveLength(15);
    expect(pasted.find((l) => l.column === '走访对象')).toMatchObject({
      time: '2027-04-20 10:00',
      who: 'teacher@school.example',
      id: 'V-3',
      row: 4,
      before: '（原值未知：粘贴）',
      after: '刘洋',
      note: '粘贴 1 行 × 15 列，原值未知',
    });
    // The verdict written into 校验 is not logged: it is worked out again on every check.
    expect(lines.some((l) => String(l.after).startsWith('✓'))).toBe(false);
  });

  it('logs one typed cell with its old and new value', () => {
    typeCell(visits(), 3, '走访对象', '刘洋', '林国栋');
    expect(logLines()).toEqual([
      {
        time: '2027-04-20 10:00',
        who: 'teacher@school.example',
        sheet: '走访记录',
        id: 'V-2',
        note: '编辑',
        row: 3,
        column: '走访对象',
        before: '林国栋',
        after: '刘洋',
      },
      // 录入人 and 录入时间 were empty on that older row: stamped, and logged as such.
      expect.objectContaining({ column: '录入人', before: '', note: '自动填写（编辑检查）' }),
      expect.objectContaining({ column: '录入时间', before: '', after: '2027-04-20 10:00' }),
    ]);
  });

  it('says a typed date’s old value as the date (Apps Script gives its serial)', () => {
    typeCell(visits(), 2, '走访日期', '2027-04-03', '46478');
    expect(logLines()[0]).toMatchObject({ column: '走访日期', before: '2027-04-01', after: '2027-04-03' });
  });

  it('logs recompute’s numbers, written by the add-on', () => {
    typeRows(visits(), 4, tableGrid('visits', 'zh', [visit('2027-04-18', '张校长', '刘洋')]).slice(1));
    menuRecompute();
    expect(logLines()).toEqual([
      expect.objectContaining({ who: '走访台账（自动）', id: 'V-3', row: 4, column: '编号', after: 'V-3' }),
    ]);
    // A second recompute numbers nothing and appends nothing.
    menuRecompute();
    expect(logLines()).toHaveLength(1);
  });
});

describe('contact details never reach the log', () => {
  it('logs "(联系方式已修改)" for a typed contact, a pasted guardian and a target’s contact', () => {
    const students = sheetOf('学生');
    typeCell(students, 2, '联系方式', '13911112222', '13900000001');
    typeRows(students, 3, [[null, null, null, null, '李妈妈', '13733334444']]);
    onEdit(editEvent(fakes(), students, 3, 3, 7));
    typeCell(sheetOf('走访对象'), 2, '联系方式', '021-5555', '');
    const text = JSON.stringify(sheetOf('修改日志').store.values());
    for (const secret of ['13911112222', '13900000001', '李妈妈', '13733334444', '021-5555', '王爸爸'])
      expect(text).not.toContain(secret);
    const contact = logLines().filter((l) => l.column === '联系方式' || l.column === '监护人');
    expect(contact).toHaveLength(4);
    expect(contact.every((l) => l.after === '（联系方式已修改）' && l.before === '')).toBe(true);
    // The other pasted cells of 学生 are logged as any others.
    expect(logLines().find((l) => l.sheet === '学生' && l.column === '姓名')).toMatchObject({
      row: 3,
      after: '李明',
    });
  });
});

describe('恢复行', () => {
  const answer = (...texts: string[]) =>
    fakes().ui.promptAnswers.push(...texts.map((text) => ({ text, button: 'OK' })));

  it('writes back the values from before the time, and logs the restore as a change', () => {
    const original = String(columnValues(visits(), '情况记录')[1]);
    typeCell(visits(), 3, '走访对象', '刘洋', '林国栋');
    typeCell(visits(), 3, '情况记录', '改过的记录', original);
    typeCell(visits(), 3, '走访对象', '黄敏', '刘洋');
    fakes().calls.reset();
    answer('V-2', '2027-04-20 10:00');
    menuRestoreRow();
    expect(fakes().ui.alerts.at(-1)?.prompt).toMatch(/^V-2：已恢复 \d 格/);
    expect(columnValues(visits(), '走访对象')[1]).toBe('林国栋');
    expect(columnValues(visits(), '情况记录')[1]).toBe(original);
    const restored = logLines().filter((l) => String(l.note).startsWith('恢复到'));
    expect(restored.map((l) => [l.column, l.before, l.after])).toEqual(
      expect.arrayContaining([
        ['走访对象', '黄敏', '林国栋'],
        ['录入人', 'teacher@school.example', ''],
      ]),
    );
    expect(restored.every((l) => l.id === 'V-2' && l.note === '恢复到 2027-04-20 10:00 之前的值')).toBe(true);
  });

  it('refuses a cell changed since it was logged, and says so', () => {
    typeCell(visits(), 3, '走访对象', '刘洋', '林国栋');
    // Someone changes it again, and the log misses it (onEdit drops events under bursts).
    visits().store.type(3, columnOf(visits(), '走访对象'), '何静');
    answer('走访记录 3', '2027-04-20');
    menuRestoreRow();
    expect(columnValues(visits(), '走访对象')[1]).toBe('何静');
    expect(fakes().ui.alerts.at(-1)?.prompt).toContain(
      '“走访对象”自记录以来又被改过（现为“何静”，日志中为“刘洋”），未覆盖',
    );
    expect(logLines().some((l) => l.column === '走访对象' && String(l.note).startsWith('恢复到'))).toBe(
      false,
    );
  });

  it('does not restore a pasted cell (old value unknown) and restores nothing before the time', () => {
    typeRows(visits(), 4, tableGrid('visits', 'zh', [visit('2027-04-18', '张校长', '刘洋')]).slice(1));
    onEdit(editEvent(fakes(), visits(), 4, 4, 15));
    answer('V-3', '2027-04-21 00:00');
    menuRestoreRow();
    expect(fakes().ui.alerts.at(-1)?.prompt).toBe('V-3 在 2027-04-21 00:00 及以后没有可以恢复的修改。');
    answer('V-3', '2027-04-20 09:00');
    menuRestoreRow();
    expect(fakes().ui.alerts.at(-1)?.prompt).toContain('“走访对象”的原值未知（粘贴），未恢复');
    expect(columnValues(visits(), '走访对象')[2]).toBe('刘洋');
  });

  it('reads an older five-column log and brings its header up to date without touching a line', () => {
    const log = sheetOf('修改日志');
    typeRows(log, 1, [
      ['时间', '操作人', '工作表', '编号', '修改内容'],
      ['2027-04-19 09:00', '张校长', '走访记录', 'V-1', '撤回：校验由“✓”改为“已撤回”'],
    ]);
    typeCell(visits(), 3, '走访对象', '刘洋', '林国栋');
    answer('V-2', '2027-04-20 10:00');
    menuRestoreRow();
    const values = log.store.values();
    expect(values[0]).toEqual(['时间', '操作人', '工作表', '编号', '修改内容', '行', '列', '原值', '新值']);
    expect(values[1]?.slice(0, 5)).toEqual([
      '2027-04-19 09:00',
      '张校长',
      '走访记录',
      'V-1',
      '撤回：校验由“✓”改为“已撤回”',
    ]);
    expect(columnValues(visits(), '走访对象')[1]).toBe('林国栋');
  });

  it('answers a row it cannot read', () => {
    answer('第三行', '2027-04-20');
    menuRestoreRow();
    expect(fakes().ui.alerts.at(-1)?.prompt).toMatch(/^看不懂“第三行”/);
  });
});

describe('the log’s service calls', () => {
  it('an edit of 人员 costs the same for one row as for a 40-row paste', () => {
    const staff = sheetOf('人员');
    fakes().calls.reset();
    typeCell(staff, 2, '职务', '校长', '');
    const one = fakes().calls.total();
    fakes().calls.reset();
    onEdit(editEvent(fakes(), staff, 2, 41, 6));
    expect(fakes().calls.total()).toBe(one);
    expect(one).toBe(STAFF_EDIT_CALLS);
  });

  it('an edit of a generated sheet costs two calls and logs nothing', () => {
    typeSheets(fakes().spreadsheet, [{ name: '进度', grid: [['x'], ['y']] }]);
    fakes().calls.reset();
    onEdit(editEvent(fakes(), sheetOf('进度'), 2, 2));
    expect(fakes().calls.byMethod()).toEqual({ 'Range.getSheet': 1, 'Sheet.getName': 1 });
    expect(logLines()).toEqual([]);
  });
});

/**
 * Measured: the event's range (getSheet, getName, getRow, getLastRow, getColumn, getNumColumns), the document
 * lock, who is editing, one read each of 人员 and 设置 over the sheet listing, and one append to 修改日志.
 */
const STAFF_EDIT_CALLS = 32;
