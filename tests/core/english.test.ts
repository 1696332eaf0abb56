// An English workbook (English sheet names, headers, values, 语言 en): the same rules, messages in English.
import { computeStatus, loadCampaign, problemsOf } from '../../src/core/engine';
import { defaultHeaders } from '../../src/core/tables';
import type { Problem } from '../../src/core/model';
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
      'The home visit date 2027-02-16 is outside the semester (2027-02-17 to 2027-07-05)',
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
      'The setting "Time zone" has an unreadable value "Mars/Base": Asia/Shanghai',
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
