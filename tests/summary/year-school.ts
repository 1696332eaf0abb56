// A small campaign year for the summary tests: two semesters, a few visits, follow-ups, ledger items, suggestions, discussions.
import { homeVisit, visit, workbook, type Row, type WorkbookSpec } from '../core/helpers';
import type { SheetInput } from '../../src/core/engine';

export const SPRING = '2027年春季学期';
export const AUTUMN = '2027年秋季学期';

/** 校长室 (2 a month, 4 people), 发展中心 (1 a month, 2 people), 全体教师 (1 a month); cycles of 2 months. */
export const UNITS = [
  ['校长室', '家委会成员、社会贤达人士', 2, 2, '', ''],
  ['发展中心', '办公室教师', 1, 2, '', ''],
  ['全体教师', '学生家庭', 1, '', '', ''],
];

export const STAFF: Row[] = [
  { name: '张校长', units: '校长室' },
  { name: '李副校长', units: '校长室' },
  { name: '王主任', units: '发展中心' },
  { name: '赵老师', units: '全体教师', className: '一(1)班' },
  { name: '钱老师', units: '全体教师', className: '一(2)班' },
];

export const TARGETS: Row[] = [
  { name: '陈红', group: '家委会成员', contact: '13800000001' },
  { name: '刘洋', group: '家委会成员' },
  { name: '黄敏', group: '家委会成员' },
  { name: '林国栋', group: '社会贤达人士' },
  { name: '吴老师', group: '办公室教师' },
  { name: '郑老师', group: '办公室教师' },
];

export const STUDENTS: Row[] = [
  { studentId: 'S101', name: '王芳', className: '一(1)班', guardian: '王爸爸', contact: '13900000001' },
  { studentId: 'S102', name: '李明', className: '一(1)班' },
  { studentId: 'S201', name: '陈静', className: '一(2)班' },
  { studentId: 'S202', name: '赵磊', className: '一(2)班' },
];

export const SEMESTERS: Row[] = [
  { name: SPRING, start: '2027-02-17', end: '2027-07-05' },
  { name: AUTUMN, start: '2027-09-01', end: '2028-01-20' },
];

/** V-1…V-8: three follow-ups (V-3 closed in May, V-5 never, V-7 closed in November). */
export const VISITS: Row[] = [
  visit('2027-04-10', '张校长', '陈红、刘洋', { id: 'V-1' }),
  visit('2027-04-12', '李副校长', '黄敏', { id: 'V-2' }),
  visit('2027-05-06', '张校长', '林国栋', { id: 'V-3', followUp: '及时汇报', closedOn: '2027-05-20' }),
  visit('2027-05-08', '李副校长', '陈红、林国栋', { id: 'V-4' }),
  visit('2027-04-15', '王主任', '吴老师', { id: 'V-5', followUp: '研究实践' }),
  visit('2027-06-03', '王主任', '郑老师', { id: 'V-6' }),
  visit('2027-10-09', '张校长', '刘洋、黄敏', { id: 'V-7', followUp: '及时汇报', closedOn: '2027-11-02' }),
  visit('2027-10-20', '王主任', '吴老师', { id: 'V-8' }),
];

/** H-1…H-4, all in the spring; H-2 is a follow-up closed in the autumn. H-1 is before the campaign start. */
export const HOME_VISITS: Row[] = [
  homeVisit('2027-03-10', '赵老师', '一(1)班', '王芳', { id: 'H-1', mode: '上门' }),
  homeVisit('2027-04-08', '钱老师', '一(2)班', '陈静', {
    id: 'H-2',
    followUp: '研究实践',
    closedOn: '2027-09-15',
  }),
  homeVisit('2027-05-12', '赵老师', '一(1)班', '李明', { id: 'H-3', mode: '上门' }),
  homeVisit('2027-06-20', '钱老师', '一(2)班', '陈静、赵磊', { id: 'H-4', mode: '上门' }),
];

/** R-4 has no 登记日期: its day is its source H-2's. R-1 and R-5 made lasting rules. */
export const RECTIFICATION: Row[] = [
  {
    id: 'R-1',
    openedOn: '2027-04-20',
    source: 'V-5',
    problem: '办公室教师反映教研时间不足',
    status: '已建章立制',
    doneOn: '2027-06-30',
    lastingRule: '每月第一周召开办公室教师座谈会',
  },
  {
    id: 'R-2',
    openedOn: '2027-05-21',
    source: 'V-3',
    problem: '校门口接送拥堵',
    status: '已完成',
    doneOn: '2027-06-10',
  },
  {
    id: 'R-3',
    openedOn: '2027-10-12',
    source: 'V-7',
    problem: '作业量偏多',
    status: '整改中',
    deadline: '2027-12-31',
  },
  { id: 'R-4', source: 'H-2', problem: '学生家庭需要学业资助' },
  {
    id: 'R-5',
    openedOn: '2027-11-15',
    problem: '食堂菜品单一',
    status: '已完成',
    doneOn: '2027-12-20',
    lastingRule: '食堂每周公示菜谱',
  },
];

export const SUGGESTIONS: Row[] = [
  { id: 'S-1', date: '2027-04-02', author: '陈红', text: '增加课后服务', adopted: '采纳' },
  { id: 'S-2', date: '2027-05-15', author: '刘洋', text: '开放图书馆' },
  { id: 'S-3', date: '2027-10-10', author: '黄敏', text: '取消午休', adopted: '不采纳' },
  { id: 'S-4', date: '2027-11-11', author: '林国栋', text: '家长开放日', adopted: '采纳' },
];

export const DISCUSSIONS: Row[] = [
  { id: 'D-1', date: '2027-03-05', form: '研讨会', topic: '大讨论启动', attendance: 40 },
  { id: 'D-2', date: '2027-04-18', form: '座谈会', topic: '家长座谈', attendance: 25 },
  { id: 'D-3', date: '2027-05-09', form: '研讨会', topic: '课堂改革', attendance: 30 },
  { id: 'D-4', date: '2027-10-16', form: '宣传专栏', topic: '走访成果展' },
];

/** The year school's workbook (with its two 学期 rows unless `semesters` says otherwise). */
export function yearSchool(spec: WorkbookSpec = {}): SheetInput[] {
  return workbook({
    units: UNITS,
    staff: STAFF,
    targets: TARGETS,
    students: STUDENTS,
    semesters: SEMESTERS,
    visits: VISITS,
    homeVisits: HOME_VISITS,
    rectification: RECTIFICATION,
    suggestions: SUGGESTIONS,
    discussions: DISCUSSIONS,
    ...spec,
  });
}
