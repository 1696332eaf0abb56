// A bootstrap payload as the server sends it, for the sidebar page tests.
import { sidebarTexts } from '../../src/app/sidebar-texts';
import type {
  ClassStudents,
  PersonView,
  SidebarBootstrap,
  StudentOption,
} from '../../src/contract/sidebar-payload';
import type { Lang } from '../../src/core/i18n/messages';

/** The school's classes and their students, as the server would answer for each. */
export function rosters(): Record<string, StudentOption[]> {
  return {
    '三(1)班': [
      { id: 'S301', name: '王芳', visited: false, initials: 'wf' },
      { id: 'S302', name: '李雷', visited: false, initials: 'll' },
    ],
    '三(2)班': [
      { id: 'S311', name: '王芳', visited: false, initials: 'wf' },
      { id: 'S312', name: '韩梅梅', visited: false, initials: 'hmm' },
      { id: 'S313', name: '陈晨', visited: false, initials: 'cc' },
    ],
  };
}

/** The fake of sidebarClassStudents over a roster (a class of no students gives none). */
export function classStudents(roster = rosters()): (className: string) => ClassStudents {
  return (className) => ({ className, students: roster[className] ?? [] });
}

export function principal(): PersonView {
  return {
    name: '张校长',
    units: ['校长室', '全体教师'],
    canVisit: true,
    canHomeVisit: true,
    className: '三(2)班',
    targets: [
      { name: '周家长', group: '家委会成员', visited: false, initials: 'zjz' },
      { name: '吴先生', group: '社会贤达人士', visited: false, initials: 'wxs' },
      { name: '郑家长', group: '家委会成员', visited: true, initials: 'zjz' },
    ],
    classes: Object.keys(rosters()),
    // Only the class the home-visit form starts on travels with the person; the others are fetched.
    startClass: { className: '三(2)班', students: rosters()['三(2)班'] ?? [] },
    purposes: ['倾听社会对学校发展的心声'],
    progress: [
      {
        unit: '校长室',
        count: 1,
        minimum: 5,
        status: 'behind',
        statusText: '落后',
        text: '校长室：1 / 5 · 落后',
        leftText: '本周期尚未走访：周家长、吴先生',
      },
    ],
    todo: {
      person: '张校长',
      items: [
        {
          kind: 'followUp',
          id: 'V-3',
          date: '2027-04-02',
          age: 18,
          late: true,
          line: 'V-3 · 及时汇报 · 2027-04-02 · 已 18 天',
          text: '操场照明不足',
          deadline: null,
          problem: '操场照明不足',
          owner: '张校长',
        },
        {
          kind: 'rectification',
          id: 'R-1',
          date: '2027-04-10',
          age: 10,
          overdue: false,
          line: 'R-1 · 待整改 · 登记 2027-04-10 · 已 10 天',
          text: '食堂排队时间长',
          deadline: '2027-05-01',
          problem: '',
          owner: '张校长',
        },
      ],
      total: 2,
      lateDays: 7,
    },
  };
}

export function bootstrap(overrides: Partial<SidebarBootstrap> = {}, lang: Lang = 'zh'): SidebarBootstrap {
  return {
    lang,
    texts: sidebarTexts(lang),
    today: '2027-04-20',
    staff: ['张校长', '李主任', '王老师'],
    staffInitials: ['zxz', 'lzr', 'wls'],
    person: principal(),
    problem: null,
    ...overrides,
  };
}
