// 发送日志's columns: a new log reads time first and the technical key last; a log made with the key first keeps its order.
import { parseSendLog, sendLogHeader, sendLogRow, type SendLogEntry } from '../../src/core/report/send-log';

const entry: SendLogEntry = {
  key: '2027-04|20|张校长|校长室',
  time: '2027-04-20 08:05',
  to: 'p1@school.example',
  name: '张校长',
  unit: '校长室',
  month: '2027-04',
  status: 'sent',
  reason: '',
};

describe('发送日志 columns', () => {
  it('a new log starts with the time and ends with the key', () => {
    const header = sendLogHeader('zh');
    expect(header[0]).toBe('时间');
    expect(header[header.length - 1]).toBe('键');
    const row = sendLogRow(entry, 'zh', header);
    expect(row[0]).toBe('2027-04-20 08:05');
    expect(row[row.length - 1]).toBe(entry.key);
    expect(parseSendLog([header, row])).toEqual([entry]);
  });

  it('rows appended to a log made with the key first follow that log’s own header', () => {
    const header = sendLogHeader('zh');
    const old = [header[header.length - 1]!, ...header.slice(0, -1)];
    const row = sendLogRow(entry, 'zh', old);
    expect(row[0]).toBe(entry.key);
    expect(parseSendLog([old, row])).toEqual([entry]);
  });

  it('a column the school added to the log stays empty in new rows', () => {
    const header = [...sendLogHeader('zh'), '备注'];
    const row = sendLogRow(entry, 'zh', header);
    expect(row).toHaveLength(header.length);
    expect(row[row.length - 1]).toBe('');
    expect(parseSendLog([header, row])).toEqual([entry]);
  });
});
