// An English workbook (English sheet names, headers, values, 语言 en): the same rules, messages in English.
import { computeStatus, loadCampaign, problemsOf } from '../../src/core/engine';
import { defaultHeaders } from '../../src/core/tables';
import type { Problem } from '../../src/core/model';
import { unitRows } from '../../src/core/defaults';
import { homeVisit, lineOf, visit, workbook, type Row, type WorkbookSpec } from './helpers';

const TODAY = '2027-04-20';
const PRINCIPAL = "Principal's office";

const english = (spec: WorkbookSpec) =>
  workbook({
    lang: 'en',
    staff: [
      { name: 'Ann Lee', units: `${PRINCIPAL}, All teachers`, className: '1A', active: 'Yes' },
      { name: 'Bob Wu', units: 'Development center' },
      { name: 'Cara Xu', units: 'All teachers', className: '1A', active: 'No' },
    ],
    targets: [
      { name: 'Dan Chen', group: 'Parent committee' },
      { name: 'Eve Lin', group: 'Office teachers' },
      { name: 'Hal Sun', group: 'Community notables' },
    ],
    students: [
      { studentId: 'S1', name: 'Fay Ma', className: '1A' },
      { studentId: 'S2', name: 'Gus Ho', className: '1A' },
    ],
    ...spec,
  });

const GOOD_VISIT: Row = visit('2027-04-05', 'Ann Lee', 'Dan Chen', {
  mode: 'Face to face',
  record: 'Talked',
});
const GOOD_HOME_VISIT: Row = homeVisit('2027-04-05', 'Ann Lee', '1A', 'Fay Ma', {
  mode: 'Phone',
  record: 'Called',
});

const problem = (
  severity: Problem['severity'],
  sheet: string,
  row: number,
  column: string,
  code: Problem['code'],
  message: string,
): Problem => ({ sheet, row, column, severity, code, message });

it('counts an English workbook by the same rules', () => {
  const campaign = loadCampaign(
    english({
      visits: [
        GOOD_VISIT,
        { ...GOOD_VISIT, date: '2027-04-06', targets: 'Dan Chen; Hal Sun', coVisitors: 'Bob Wu' },
      ],
      homeVisits: [GOOD_HOME_VISIT],
    }),
    TODAY,
  );
  expect(campaign.lang).toBe('en');
  expect(problemsOf(campaign)).toEqual([]);
  const april = computeStatus(campaign, '2027-04', TODAY);
  expect(lineOf(april, 'Ann Lee', PRINCIPAL)).toEqual({
    name: 'Ann Lee',
    unit: PRINCIPAL,
    count: 2,
    minimum: 5,
    status: 'behind',
  });
  expect(lineOf(april, 'Ann Lee', 'All teachers')?.count).toBe(1);
  expect(lineOf(april, 'Bob Wu', 'Development center')?.count).toBe(0);
  expect(april.classes).toEqual([{ class: '1A', students: 2, visited: 1, inPerson: 0 }]);
});

it.each<[string, WorkbookSpec, Problem]>([
  [
    'a visitor not on the staff roster',
    { visits: [GOOD_VISIT, { ...GOOD_VISIT, visitor: 'Nobody' }] },
    problem('error', 'Visits', 3, 'Visitor', 'VISITOR_UNKNOWN', '"Nobody" is not on the staff roster'),
  ],
  [
    'a mode not in the list',
    { visits: [{ ...GOOD_VISIT, mode: 'Bike' }] },
    problem(
      'error',
      'Visits',
      2,
      'Mode',
      'MODE_INVALID',
      'The mode "Bike" is not one of: In person, Phone, At school, Group visit, Face to face',
    ),
  ],
  [
    'a target outside the visitor’s groups',
    { visits: [{ ...GOOD_VISIT, targets: 'Eve Lin' }] },
    problem(
      'warning',
      'Visits',
      2,
      'Targets',
      'TARGET_OUTSIDE_GROUPS',
      '"Eve Lin" (Office teachers) is not in the visitor\'s target groups and does not count',
    ),
  ],
  [
    'an unreadable date',
    { visits: [{ ...GOOD_VISIT, date: 'April 6' }] },
    problem(
      'error',
      'Visits',
      2,
      'Date',
      'DATE_INVALID',
      'The date "April 6" is not recognised; write it as 2027-04-05, 2027/4/5, 2027.4.5 or 2027年4月5日',
    ),
  ],
  [
    'a home visit outside the semester',
    { homeVisits: [{ ...GOOD_HOME_VISIT, date: '2027-02-16' }] },
    problem(
      'error',
      'Home visits',
      2,
      'Date',
      'HOME_VISIT_OUTSIDE_SEMESTER',
      'The home visit date 2027-02-16 is in no semester (Spring 2027 2027-02-17 to 2027-07-05)',
    ),
  ],
  [
    'a teacher not active',
    { homeVisits: [{ ...GOOD_HOME_VISIT, teacher: 'Cara Xu' }] },
    problem('error', 'Home visits', 2, 'Teacher', 'VISITOR_INACTIVE', '"Cara Xu" is no longer active'),
  ],
  [
    'a student not in the class',
    { homeVisits: [{ ...GOOD_HOME_VISIT, students: 'Zed Yu' }] },
    problem(
      'error',
      'Home visits',
      2,
      'Students',
      'STUDENT_NOT_IN_CLASS',
      'Student "Zed Yu" is not on the roster of 1A',
    ),
  ],
  [
    'an in-person home visit with no co-teacher',
    { homeVisits: [{ ...GOOD_HOME_VISIT, mode: 'In person' }] },
    problem(
      'warning',
      'Home visits',
      2,
      'Co-teachers',
      'IN_PERSON_NO_COTEACHER',
      'In-person home visit with no co-teacher (the plan recommends going in twos or threes)',
    ),
  ],
  [
    'an unknown time zone',
    { settings: { timeZone: 'Mars/Base' } },
    problem(
      'error',
      'Settings',
      4,
      'Value',
      'SETTING_INVALID',
      'The setting "Time zone" has an unreadable value "Mars/Base": the default is used meanwhile: Asia/Shanghai',
    ),
  ],
])('reports %s in English', (_what, spec, expected) => {
  expect(problemsOf(loadCampaign(english(spec), TODAY))).toEqual([expected]);
});

it('speaks English when 语言 is empty and the sheets have English names', () => {
  const settings = [defaultHeaders('settings', 'en'), ['Campaign start', '2027-03-25']];
  const campaign = loadCampaign(
    english({ grids: { settings }, visits: [{ ...GOOD_VISIT, visitor: 'Nobody' }] }),
    TODAY,
  );
  expect(campaign.lang).toBe('en');
  expect(problemsOf(campaign).map((p) => p.message)).toEqual(['"Nobody" is not on the staff roster']);
});

describe('every other check, in English', () => {
  const V = 'Visits';
  const H = 'Home visits';
  const bad = (change: Row): WorkbookSpec => ({
    visits: [GOOD_VISIT, { ...GOOD_VISIT, date: '2027-04-06', targets: 'Hal Sun', ...change }],
  });
  const badHome = (change: Row): WorkbookSpec => ({
    homeVisits: [GOOD_HOME_VISIT, { ...GOOD_HOME_VISIT, date: '2027-04-06', students: 'Gus Ho', ...change }],
  });
  const E = 'error' as const;
  const W = 'warning' as const;
  const cases: [WorkbookSpec, Problem][] = [
    [bad({ date: null }), problem(E, V, 3, 'Date', 'DATE_MISSING', 'The date is missing')],
    [
      bad({ date: '2027-04-21' }),
      problem(E, V, 3, 'Date', 'DATE_FUTURE', 'The date 2027-04-21 is after today (2027-04-20)'),
    ],
    [
      bad({ date: '2027-03-24' }),
      problem(
        E,
        V,
        3,
        'Date',
        'VISIT_BEFORE_CAMPAIGN',
        'The visit date 2027-03-24 is before the campaign start 2027-03-25',
      ),
    ],
    [bad({ visitor: '' }), problem(E, V, 3, 'Visitor', 'VISITOR_MISSING', 'The visitor is missing')],
    [
      bad({ visitor: 'Cara Xu' }),
      problem(E, V, 3, 'Visitor', 'VISITOR_INACTIVE', '"Cara Xu" is no longer active'),
    ],
    [
      bad({ coVisitors: 'Guest' }),
      problem(
        W,
        V,
        3,
        'Co-visitors',
        'COVISITOR_UNKNOWN',
        'Co-visitor "Guest" is not on the staff roster and gets no credit',
      ),
    ],
    [bad({ targets: '' }), problem(E, V, 3, 'Targets', 'TARGETS_MISSING', 'No one visited is named')],
    [
      bad({ targets: 'Stranger' }),
      problem(
        W,
        V,
        3,
        'Targets',
        'TARGET_UNKNOWN',
        '"Stranger" is not on the targets roster and does not count',
      ),
    ],
    [bad({ mode: '' }), problem(E, V, 3, 'Mode', 'MODE_MISSING', 'The mode is missing')],
    [
      bad({ followUp: 'Later' }),
      problem(
        W,
        V,
        3,
        'Follow-up',
        'FOLLOWUP_INVALID',
        'The follow-up "Later" is not one of: Report to a leader, Study and act, Resolved, None',
      ),
    ],
    [
      bad({ date: '2027-04-05', targets: 'Dan Chen' }),
      problem(
        W,
        V,
        3,
        'Targets',
        'DUPLICATE_ROW',
        'Duplicate of row 2 (same visitor, same person, same date)',
      ),
    ],
    [bad({ record: '' }), problem(W, V, 3, 'Record', 'RECORD_EMPTY', 'The record text is empty')],
    [badHome({ className: '' }), problem(E, H, 3, 'Class', 'CLASS_MISSING', 'The class is missing')],
    [badHome({ students: '' }), problem(E, H, 3, 'Students', 'STUDENTS_MISSING', 'No student is named')],
    [
      badHome({ mode: 'Group visit' }),
      problem(
        E,
        H,
        3,
        'Mode',
        'MODE_INVALID',
        'The mode "Group visit" is not one of: In person, Phone, At school',
      ),
    ],
    [
      { staff: [{ name: 'Ann Lee', units: 'Library' }] },
      problem(W, 'Staff', 2, 'Units', 'UNIT_UNKNOWN', 'The unit "Library" is not in Units'),
    ],
    [
      { staff: [{ name: 'Ann Lee', units: PRINCIPAL, active: 'Maybe' }] },
      problem(W, 'Staff', 2, 'Active', 'ACTIVE_INVALID', 'Active "Maybe" must be "Yes" or "No"'),
    ],
    [
      { staff: [{ name: '', units: PRINCIPAL }] },
      problem(E, 'Staff', 2, 'Name', 'NAME_MISSING', 'The name is missing'),
    ],
    [
      { targets: [{ name: 'Old Friend', group: 'Alumni' }] },
      problem(
        W,
        'Targets',
        2,
        'Group',
        'GROUP_UNKNOWN',
        'The group "Alumni" is not a target group of any unit',
      ),
    ],
    [
      { units: [...unitRows('en'), ['Library', 'Parent committee', 'five', '', '']] },
      problem(
        E,
        'Units',
        8,
        'Monthly minimum',
        'MINIMUM_INVALID',
        'The monthly minimum "five" must be a positive whole number',
      ),
    ],
    [
      { units: [...unitRows('en'), ['Library', 'Parent committee', 3, 0, '']] },
      problem(
        E,
        'Units',
        8,
        'Coverage months',
        'COVERAGE_INVALID',
        'Coverage months "0" must be a positive whole number (leave it empty for the default)',
      ),
    ],
    [
      { rectification: [{ problem: 'Queue at the gate', status: 'Paused' }] },
      problem(
        E,
        'Rectification',
        2,
        'Status',
        'STATUS_INVALID',
        'The status "Paused" is not one of: Open, In progress, Done, Lasting rule made',
      ),
    ],
    [
      { rectification: [{ problem: 'Queue at the gate', status: 'Open', source: 'talk 12' }] },
      problem(
        W,
        'Rectification',
        2,
        'Source',
        'SOURCE_INVALID',
        'The source "talk 12" should be an ID such as V-12, H-7 or S-3',
      ),
    ],
  ];
  it.each(cases.map(([spec, p]) => [p.code, spec, p] as const))('reports %s', (_code, spec, expected) => {
    expect(problemsOf(loadCampaign(english(spec), TODAY))).toEqual([expected]);
  });
});
