// A school where one staff member (赵老师) stands in every role and one student (S101 王芳) in two semesters' rows, as an .xlsx file.
import * as path from 'node:path';
import type { Grid } from '../../src/core/grid';
import { newXlsx } from '../../src/local/xlsx-workbook';
import { homeVisit, school, STAFF, STUDENTS, tableGrid, visit } from '../core/helpers';

const staff = STAFF.map((row) => (row?.name === '赵老师' ? { ...row, email: 'zhao@school.cn' } : row));

/** 学生 with a 学期 on every row: S101 in spring (一(1)班) and again in autumn (二(1)班). */
function studentsGrid(): Grid {
  return tableGrid('students', 'zh', [
    ...STUDENTS.map((row) => (row === null ? row : { ...row, semester: '2027春' })),
    {
      studentId: 'S101',
      name: '王芳',
      className: '二(1)班',
      guardian: '刘妈妈',
      contact: '13900000009',
      semester: '2027秋',
    },
  ]);
}

export const PERSON_SHEETS = school({
  staff,
  grids: { students: studentsGrid() },
  visits: [
    visit('2027-04-05', '赵老师', '陈红'), // visitor
    visit('2027-04-06', '张校长', '刘洋', { coVisitors: '王主任、赵老师' }), // co-visitor
    visit('2027-04-07', '张校长', '黄敏', { followUp: '及时汇报', followUpOwner: '赵老师' }), // follow-up owner
    visit('2027-04-08', '钱老师', '杨帆', { enteredBy: 'zhao@school.cn' }), // entered by (Sheets' e-mail stamp)
    visit('2027-04-09', '张校长', '赵老师'), // target
    visit('2027-04-10', '钱老师', '何静'), // names nobody asked about
  ],
  homeVisits: [
    homeVisit('2027-04-05', '赵老师', '一(1)班', '王芳、李明'), // teacher; 王芳 of 一(1)班 by name
    homeVisit('2027-04-06', '钱老师', '一(2)班', '王芳'), // another 王芳 (S201)
    homeVisit('2027-04-07', '张校长', '一(1)班', 'S101', { coTeachers: '赵老师' }), // by 学号; co-teacher
    homeVisit('2027-04-08', '钱老师', '一(2)班', '陈静'),
  ],
  rectification: [
    { id: 'R-1', problem: '门口拥堵', owner: '赵老师', status: '待整改' },
    { id: 'R-2', problem: '食堂排队', owner: '王主任', status: '整改中' },
  ],
  suggestions: [
    { id: 'S-1', date: '2027-04-05', author: '赵老师', text: '增加家长开放日' },
    { id: 'S-2', date: '2027-04-06', author: '陈红', text: '延长图书馆开放时间' },
  ],
});

/** Writes the school to DIR/school.xlsx and returns its path. */
export async function writePersonSchool(dir: string): Promise<string> {
  const book = newXlsx();
  for (const { name, grid } of PERSON_SHEETS) book.replace(name, grid, {});
  const file = path.join(dir, 'school.xlsx');
  await book.save(file);
  return file;
}
