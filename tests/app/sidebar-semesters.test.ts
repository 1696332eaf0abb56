// The home-visit form in the autumn: the classes and students of the autumn roster, "visited" meaning this semester.
import { classStudents, findStudents } from '../../src/app/sidebar';
import { novemberWorkbook } from '../fixtures/semester-school';
import { ports } from './sidebar-ports';

const NOVEMBER = new Date('2027-11-20T04:00:00Z');
const autumn = () => ports(novemberWorkbook(), { now: NOVEMBER });

describe('the home-visit form on a day of the autumn semester', () => {
  test('gives a re-formed class its autumn students, visited this semester or not (李明 only in spring)', () => {
    expect(classStudents(autumn(), '二(1)班')).toEqual({
      className: '二(1)班',
      students: [
        { id: 'S102', name: '李明', visited: false, initials: '' },
        { id: 'S101', name: '王芳', visited: true, initials: '' },
        { id: 'S104', name: '刘丽', visited: true, initials: '' },
      ],
    });
  });

  test('has no sixth-grade class that left in the summer', () => {
    expect(classStudents(autumn(), '六(1)班')).toEqual({ className: '六(1)班', students: [] });
  });

  test('finds a child once, in the class of this semester', () => {
    const answer = findStudents(autumn(), '王芳');
    expect(answer.students.map((s) => [s.className, s.id, s.visited])).toEqual([['二(1)班', 'S101', true]]);
  });

  test('reads the 学期 sheet with the rosters, once', () => {
    const p = autumn();
    classStudents(p, '二(1)班');
    expect(p.workbook.calls).toEqual({ sheetNames: 1, read: 6 });
  });
});
