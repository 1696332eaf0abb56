// The 校验 cell's words and the record numbers, as pure functions.
import { verdictOf } from '../../src/app/verdict';
import { largestId, nextIds } from '../../src/app/record-id';
import type { Problem } from '../../src/core/model';

function problem(severity: 'error' | 'warning', message: string, column = '走访日期', row = 5): Problem {
  return { sheet: '走访记录', row, column, severity, code: 'DATE_MISSING', message };
}

describe('verdictOf', () => {
  it('is ✓ with no note when the row has no problem', () => {
    expect(verdictOf([], 'zh')).toEqual({ text: '✓', note: '' });
  });

  it('shows the error count and the first error, the warnings after the errors in the note', () => {
    const verdict = verdictOf(
      [
        problem('warning', '情况记录为空', '情况记录'),
        problem('error', '缺少日期'),
        problem('error', '缺少方式', '方式'),
      ],
      'zh',
    );
    expect(verdict.text).toBe('✗ 2 个错误：缺少日期');
    expect(verdict.note.split('\n')).toEqual([
      '错误｜走访日期：缺少日期',
      '错误｜方式：缺少方式',
      '提醒｜情况记录：情况记录为空',
    ]);
  });

  it('shows warnings with ⚠ in English too', () => {
    expect(verdictOf([problem('warning', 'The record is empty', 'Record')], 'en')).toEqual({
      text: '⚠ 1 warning(s): The record is empty',
      note: 'Warning | Record: The record is empty',
    });
  });
});

describe('record numbers', () => {
  it('continue after the largest number in use, whatever the gaps and spellings', () => {
    const cells = ['V-1', 'v - 7', 'V-3', 'H-99', '', null, 12, 'V-x'];
    expect(largestId(cells, 'V')).toBe(7);
    expect(nextIds(cells, 'V', 3)).toEqual(['V-8', 'V-9', 'V-10']);
    expect(nextIds([], 'H', 1)).toEqual(['H-1']);
  });
});
