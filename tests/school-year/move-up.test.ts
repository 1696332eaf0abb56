// The new school year's class names and roster (pure): each class a grade up, the top grade leaving, unknown names kept and listed.
import { campaignYearSemesters, moveUpRoster, nextClassName } from '../../src/core/school-year';

describe('nextClassName', () => {
  it.each([
    ['一(1)班', '二(1)班'],
    ['五（3）班', '六（3）班'],
    ['一年级1班', '二年级1班'],
    ['三年级（2）班', '四年级（2）班'],
    ['1(1)班', '2(1)班'],
    ['5年级2班', '6年级2班'],
    ['２(1)班', '３(1)班'],
    ['初一(2)班', '初二(2)班'],
    ['初二3班', '初三3班'],
    ['Grade 1 Class 2', 'Grade 2 Class 2'],
  ])('%s becomes %s', (before, after) => {
    expect(nextClassName(before)).toEqual({ kind: 'moved', className: after });
  });

  it.each(['六(1)班', '六年级2班', '6(3)班', '初三(1)班', '高三1班', 'Grade 6 Class 1'])(
    '%s leaves',
    (name) => {
      expect(nextClassName(name)).toEqual({ kind: 'leaves' });
    },
  );

  it.each(['火箭班', '一班', '实验班一(1)', '', 'Grade 12'])('cannot read the grade of "%s"', (name) => {
    expect(nextClassName(name)).toEqual({ kind: 'unreadable' });
  });
});

describe('moveUpRoster', () => {
  const roster = [
    { id: 'S1', className: '一(1)班', guardian: '王父' },
    { id: 'S2', className: '六(2)班', guardian: '李母' },
    { id: 'S3', className: '火箭班', guardian: '' },
    { id: 'S4', className: '五(1)班', guardian: '赵母' },
    { id: 'S5', className: '火箭班', guardian: '' },
  ];

  it('moves each student up, keeps the rest of the row, leaves the top grade out and lists unknown classes once', () => {
    const moved = moveUpRoster(roster);
    expect(moved.rows).toEqual([
      { id: 'S1', className: '二(1)班', guardian: '王父' },
      { id: 'S3', className: '火箭班', guardian: '' },
      { id: 'S4', className: '六(1)班', guardian: '赵母' },
      { id: 'S5', className: '火箭班', guardian: '' },
    ]);
    expect(moved.leaving.map((s) => s.id)).toEqual(['S2']);
    expect(moved.unreadable).toEqual(['火箭班']);
    // The roster given is not changed.
    expect(roster[0]?.className).toBe('一(1)班');
  });
});

describe('campaignYearSemesters', () => {
  it('gives a spring campaign its spring and autumn, named in the language', () => {
    expect(campaignYearSemesters('2027-03-25', 'zh')).toEqual([
      { name: '2027年春季学期', start: '2027-02-17', end: '2027-07-05' },
      { name: '2027年秋季学期', start: '2027-09-01', end: '2028-01-22' },
    ]);
    expect(campaignYearSemesters('2027-03-25', 'en').map((s) => s.name)).toEqual([
      'Spring 2027',
      'Autumn 2027',
    ]);
  });

  it('gives an autumn campaign its autumn and the next spring', () => {
    expect(campaignYearSemesters('2027-09-10', 'zh').map((s) => [s.name, s.start, s.end])).toEqual([
      ['2027年秋季学期', '2027-09-01', '2028-01-22'],
      ['2028年春季学期', '2028-02-17', '2028-07-05'],
    ]);
  });
});
