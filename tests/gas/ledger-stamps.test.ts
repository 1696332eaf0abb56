// The ledger sheets' stamps inside Google Sheets (over the counting fake): R-n / S-n / D-n, 登记日期 and 完成日期, on edit and on recompute.
import { menuRecompute, onEdit } from '../../src/gas/main';
import type { Cell } from '../../src/core/grid';
import { school, tableGrid, visit, type Row } from '../core/helpers';
import type { FakeSheet } from '../fakes/gas';
import {
  columnValues,
  editEvent,
  snapshot,
  typeChangeLog,
  typeRows,
  typeSheets,
  useGasFakes,
} from './fixture';

const fakes = useGasFakes();

function sheet(name: string): FakeSheet {
  return fakes().spreadsheet.sheet(name);
}

function rowsOf(table: 'rectification' | 'suggestions' | 'discussions', rows: Row[]): Cell[][] {
  return tableGrid(table, 'zh', rows).slice(1);
}

/** A date cell as the sheet shows it (the fake holds a date as an instant in the spreadsheet's zone, Shanghai). */
function day(value: unknown): string {
  return value instanceof Date
    ? new Date(value.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
    : String(value ?? '');
}

function logLines(): unknown[][] {
  return sheet('修改日志').store.values().slice(1);
}

beforeEach(() => {
  typeSheets(
    fakes().spreadsheet,
    school({
      visits: [visit('2027-04-01', '张校长', '陈红', { id: 'V-1', followUp: '及时汇报' })],
      rectification: [
        { id: 'R-1', openedOn: '2027-04-02', source: 'V-1', problem: '校门口拥堵', status: '整改中' },
        { id: 'R-4', openedOn: '2027-04-03', problem: '食堂排队', status: '已完成' },
      ],
      suggestions: [{ id: 'S-2', date: '2027-04-05', text: '多开放图书馆' }],
      discussions: [{ id: 'D-1', date: '2027-04-06', form: '座谈会', topic: '学校发展大家谈' }],
    }),
  );
  typeChangeLog(fakes().spreadsheet);
});

describe('an edit of 问题整改', () => {
  it('gives a new row R-n after the largest and 登记日期 today, and logs both', () => {
    typeRows(
      sheet('问题整改'),
      4,
      rowsOf('rectification', [{ problem: '作业量大', owner: '王主任', status: '待整改' }]),
    );
    onEdit(editEvent(fakes(), sheet('问题整改'), 4, 4, 11));
    expect(columnValues(sheet('问题整改'), '编号')).toEqual(['R-1', 'R-4', 'R-5']);
    expect(columnValues(sheet('问题整改'), '登记日期').map(day)).toEqual([
      '2027-04-02',
      '2027-04-03',
      '2027-04-20',
    ]);
    // Not done: 完成日期 stays empty.
    expect(columnValues(sheet('问题整改'), '完成日期').map(day)).toEqual(['', '', '']);
    const stamps = logLines().filter((l) => l[4] === '自动填写（编辑检查）');
    expect(stamps.map((l) => [l[2], l[3], l[5], l[6], l[7], day(l[8])])).toEqual([
      ['问题整改', 'R-5', 4, '编号', '', 'R-5'],
      ['问题整改', 'R-5', 4, '登记日期', '', '2027-04-20'],
    ]);
  });

  it('fills 完成日期 when 状态 becomes 已完成, and never a 完成日期 or 登记日期 that is there', () => {
    const rect = sheet('问题整改');
    const statusColumn = (rect.store.values()[0] ?? []).indexOf('状态') + 1;
    rect.store.type(2, statusColumn, '已完成');
    onEdit(editEvent(fakes(), rect, 2, 2, 11));
    expect(columnValues(rect, '完成日期').map(day)).toEqual(['2027-04-20', '']);
    // R-4 is done and has no 完成日期 either, but nobody touched it: it is left for a person to fill.
    expect(columnValues(rect, '登记日期').map(day)).toEqual(['2027-04-02', '2027-04-03']);
    // Typed again later: the 完成日期 there is kept.
    rect.store.type(2, statusColumn, '已建章立制');
    onEdit(editEvent(fakes(), rect, 2, 2, 11));
    expect(columnValues(rect, '完成日期').map(day)).toEqual(['2027-04-20', '']);
  });

  it('numbers 献计 and 讨论活动 rows: S-n and D-n after the largest', () => {
    typeRows(sheet('献计'), 3, rowsOf('suggestions', [{ date: '2027-04-18', text: '增加课间活动' }]));
    onEdit(editEvent(fakes(), sheet('献计'), 3, 3, 8));
    typeRows(
      sheet('讨论活动'),
      3,
      rowsOf('discussions', [{ date: '2027-04-19', form: '研讨会', topic: '课堂' }]),
    );
    onEdit(editEvent(fakes(), sheet('讨论活动'), 3, 3, 7));
    expect(columnValues(sheet('献计'), '编号')).toEqual(['S-2', 'S-3']);
    expect(columnValues(sheet('讨论活动'), '编号')).toEqual(['D-1', 'D-2']);
  });

  it('costs the same calls for a 40-row paste as for one row', () => {
    const rect = sheet('问题整改');
    typeRows(rect, 4, rowsOf('rectification', [{ problem: '一', status: '已完成' }]));
    fakes().calls.reset();
    onEdit(editEvent(fakes(), rect, 4, 4, 11));
    const one = fakes().calls.total();
    const rows = Array.from({ length: 40 }, (_, i): Row => ({ problem: `问题${i}`, status: '已完成' }));
    typeRows(rect, 5, rowsOf('rectification', rows));
    fakes().calls.reset();
    onEdit(editEvent(fakes(), rect, 5, 44, 11));
    expect(fakes().calls.total()).toBe(one);
    expect(columnValues(rect, '编号').slice(-2)).toEqual(['R-44', 'R-45']);
    expect(
      columnValues(rect, '完成日期')
        .slice(2)
        .every((v) => day(v) === '2027-04-20'),
    ).toBe(true);
  });
});

describe('recompute', () => {
  it('numbers and dates the rows the edit check missed, leaves the rest as typed, and logs as the add-on', () => {
    const rect = sheet('问题整改');
    typeRows(rect, 4, rowsOf('rectification', [{ problem: '作业量大', status: '已完成' }]));
    typeRows(sheet('献计'), 3, rowsOf('suggestions', [{ date: '2027-04-18', text: '增加课间活动' }]));
    typeRows(
      sheet('讨论活动'),
      3,
      rowsOf('discussions', [{ date: '2027-04-19', form: '研讨会', topic: '课堂' }]),
    );
    menuRecompute();
    expect(columnValues(rect, '编号')).toEqual(['R-1', 'R-4', 'R-5']);
    expect(columnValues(rect, '登记日期').map(day)).toEqual(['2027-04-02', '2027-04-03', '2027-04-20']);
    // R-4 (done, numbered before) is not given today as its 完成日期: only the row new to the add-on.
    expect(columnValues(rect, '完成日期').map(day)).toEqual(['', '', '2027-04-20']);
    expect(columnValues(sheet('献计'), '编号')).toEqual(['S-2', 'S-3']);
    expect(columnValues(sheet('讨论活动'), '编号')).toEqual(['D-1', 'D-2']);
    const lines = logLines().filter((l) => l[1] === '走访台账（自动）');
    expect(lines.map((l) => [l[2], l[3], l[6]])).toEqual([
      ['问题整改', 'R-5', '编号'],
      ['问题整改', 'R-5', '登记日期'],
      ['问题整改', 'R-5', '完成日期'],
      ['献计', 'S-3', '编号'],
      ['讨论活动', 'D-2', '编号'],
    ]);
    // A second run finds nothing to stamp: the sheets are as the first left them.
    const before = snapshot(rect);
    menuRecompute();
    expect(snapshot(rect)).toEqual(before);
  });
});
