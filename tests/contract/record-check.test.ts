// The browser's record checker (no zod) and the server's (core's zod schema) give the same answer on every input.
import { sidebarTexts } from '../../src/app/sidebar-texts';
import { checkRecord, isIsoDateText } from '../../src/contract/record-check';
import { isIsoDate } from '../../src/core/dates';
import { texts, type Lang } from '../../src/core/i18n/messages';
import { checkRecordInput } from '../../src/core/input-errors';

const VISIT = {
  kind: 'visit',
  date: '2027-04-20',
  visitor: '张校长',
  coVisitors: ['李主任'],
  targets: ['周家长', '吴先生'],
  mode: 'faceToFace',
  purpose: '倾听社会对学校发展的心声',
  record: '听取了对课后服务的建议。',
  suggestions: '',
  followUp: null,
  followUpOwner: '',
};
const HOME_VISIT = {
  kind: 'homeVisit',
  date: '2027-04-20',
  teacher: '张校长',
  className: '三(1)班',
  students: ['李雷'],
  coTeachers: [],
  mode: 'inPerson',
  family: '',
  parentNeeds: '',
  supportNeeded: '',
  record: '了解了学习环境。',
  followUp: 'report',
};

const both = (value: unknown, lang: Lang = 'zh') => ({
  browser: checkRecord(value, sidebarTexts(lang)),
  server: checkRecordInput(value, texts(lang).sidebar),
});

/** What a person can do in the form, and what the browser must say before anything is sent. */
const TABLE: [string, unknown, { field: string; message: string }[]][] = [
  ['empty date', { ...VISIT, date: '' }, [{ field: 'date', message: '日期应写成 YYYY-MM-DD' }]],
  ['bad date', { ...VISIT, date: '2027-02-30' }, [{ field: 'date', message: '日期应写成 YYYY-MM-DD' }]],
  ['no targets', { ...VISIT, targets: [] }, [{ field: 'targets', message: '请至少选择一项走访对象' }]],
  ['no students', { ...HOME_VISIT, students: [] }, [{ field: 'students', message: '请至少选择一项学生' }]],
  [
    'too long text',
    { ...VISIT, record: '好'.repeat(5001) },
    [{ field: 'record', message: '情况记录不能超过 5000 个字' }],
  ],
  [
    'a long name typed as follow-up owner',
    { ...VISIT, followUpOwner: '李'.repeat(51) },
    [{ field: 'followUpOwner', message: '跟进人不能超过 50 个字' }],
  ],
  ['unknown mode', { ...VISIT, mode: 'teleport' }, [{ field: 'mode', message: '请选择方式' }]],
  ['no mode chosen', { ...HOME_VISIT, mode: '' }, [{ field: 'mode', message: '请选择方式' }]],
  [
    'a leader-visit mode on a home visit',
    { ...HOME_VISIT, mode: 'faceToFace' },
    [{ field: 'mode', message: '请选择方式' }],
  ],
  ['whitespace-only record', { ...VISIT, record: ' \n ' }, [{ field: 'record', message: '请填写情况记录' }]],
  ['no class', { ...HOME_VISIT, className: '' }, [{ field: 'className', message: '请填写班级' }]],
  ['unknown follow-up', { ...VISIT, followUp: 'later' }, [{ field: 'followUp', message: '请选择处理方式' }]],
  ['unknown kind', { ...VISIT, kind: 'note' }, [{ field: 'kind', message: '请选择记录类型' }]],
  [
    'too many co-visitors',
    { ...VISIT, coVisitors: Array.from({ length: 11 }, (_, i) => `老师${i}`) },
    [{ field: 'coVisitors', message: '同行人最多选择 10 项' }],
  ],
  ['not an object', null, [{ field: '', message: '提交的内容无法识别，请关闭侧栏后重新打开再试。' }]],
  [
    'an empty form',
    { ...VISIT, targets: [], mode: '', record: '' },
    [
      { field: 'targets', message: '请至少选择一项走访对象' },
      { field: 'mode', message: '请选择方式' },
      { field: 'record', message: '请填写情况记录' },
    ],
  ],
];

describe('the browser checker says what the server says', () => {
  test.each(TABLE)('%s', (_name, value, errors) => {
    const { browser, server } = both(value);
    expect(server).toEqual({ ok: false, errors });
    expect(browser).toEqual(server);
  });

  test.each([VISIT, HOME_VISIT])(
    'a valid $kind: the same input back, texts trimmed, extra keys dropped',
    (record) => {
      const value = { ...record, record: `  ${record.record}\n`, extra: 'dropped' };
      const { browser, server } = both(value);
      expect(server).toEqual({ ok: true, input: record });
      expect(browser).toEqual(server);
    },
  );

  /** Every field of both kinds given every kind of bad (and good) value, in both languages. */
  const VALUES: unknown[] = [
    undefined,
    null,
    0,
    true,
    '',
    '   ',
    'x',
    ' 三(1)班 ',
    'x'.repeat(50),
    ` ${'x'.repeat(50)} `,
    'x'.repeat(51),
    'x'.repeat(500),
    'x'.repeat(501),
    'x'.repeat(5000),
    'x'.repeat(5001),
    [],
    [''],
    ['  '],
    ['a', ''],
    ['a', 5],
    [' a ', 'b'],
    ['x'.repeat(51)],
    ['x'.repeat(51), ''],
    Array.from({ length: 10 }, (_, i) => `n${i}`),
    Array.from({ length: 11 }, (_, i) => `n${i}`),
    [...Array.from({ length: 11 }, (_, i) => `n${i}`), ''],
    Array.from({ length: 50 }, (_, i) => `n${i}`),
    Array.from({ length: 51 }, () => ''),
    {},
    '2027-04-20',
    ' 2027-04-20',
    '2027-4-20',
    '2027/04/20',
    '2027-13-01',
    '2027-00-10',
    '2027-04-00',
    '2027-04-31',
    '2027-02-29',
    '2028-02-29',
    '2100-02-29',
    '2000-02-29',
    '0000-02-29',
    '0004-02-29',
    'inPerson',
    'phone',
    'atSchool',
    'group',
    'faceToFace',
    'INPERSON',
    'report',
    'study',
    'resolved',
    'none',
  ];
  const cases = [VISIT, HOME_VISIT].flatMap((record) =>
    Object.keys(record).flatMap((field) => VALUES.map((value) => ({ ...record, [field]: value }))),
  );

  test.each(['zh', 'en'] as const)(
    '%s: every field of both kinds, each given each of the values above',
    (lang) => {
      const differ = cases
        .map((value) => ({ value, ...both(value, lang) }))
        .filter(({ browser, server }) => JSON.stringify(browser) !== JSON.stringify(server));
      expect(differ.slice(0, 3)).toEqual([]);
      expect(cases.length).toBeGreaterThan(1000);
    },
  );

  test('several fields wrong at once: one message each, in the same order', () => {
    const cases = [
      { kind: 'visit' },
      { kind: 'homeVisit' },
      { ...HOME_VISIT, date: 5, teacher: null, students: [''], record: 'x'.repeat(6000), followUp: '' },
      'text',
      [],
      { ...VISIT, kind: undefined },
    ];
    for (const value of cases) {
      const { browser, server } = both(value);
      expect(browser).toEqual(server);
    }
  });

  test("the date rule is core's, also on the odd years Date.UTC maps to the 1900s", () => {
    for (const text of ['2027-02-29', '2028-02-29', '0000-02-29', '0004-02-29', '0096-02-29', '0100-02-29'])
      expect([text, isIsoDateText(text)]).toEqual([text, isIsoDate(text)]);
  });
});
