// Every sidebar server function, called through src/gas/main.ts over the fakes with arguments of the wrong type: a message in the school's words, never a crash, never a row.
import * as main from '../../src/gas/main';
import { school } from '../core/helpers';
import { typeSheets, useGasFakes } from './fixture';

const fakes = useGasFakes();

/** What google.script.run (or a hand-made call) can deliver instead of the argument the function expects. */
const WRONG: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['a number', 42],
  ['NaN', Number.NaN],
  ['a boolean', true],
  ['an array', ['张校长']],
  ['an empty object', {}],
  ['an object whose toString is not a function', { toString: 1 }],
  ['an object of no prototype', Object.create(null) as unknown],
  [
    'an object with valueOf throwing',
    {
      valueOf: () => {
        throw new Error('boom');
      },
    },
  ],
  ['a nested object', { kind: { toString: 1 }, date: { a: 1 } }],
];

const NO_RAW = /Cannot convert|\[object|undefined|NaN|invalid_type|"code"|ZodError|TypeError/;

function visitRows(): number {
  return fakes().spreadsheet.sheet('走访记录').store.values().length;
}

beforeEach(() => typeSheets(fakes().spreadsheet, school()));

describe.each(WRONG)('given %s', (_what, value) => {
  it('sidebarRememberPerson answers with the visitor field’s message in Chinese', () => {
    const result = main.sidebarRememberPerson(value as string);
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'visitor', message: '走访人无效：侧栏发来的内容无法识别。请关闭侧栏后重新打开再试。' },
      ],
    });
  });

  it('sidebarClassStudents fails with the class field’s message in Chinese', () => {
    expect(() => main.sidebarClassStudents(value as string)).toThrow(
      new Error('班级无效：侧栏发来的内容无法识别。请关闭侧栏后重新打开再试。'),
    );
  });

  it('sidebarSave answers with messages in Chinese and writes no row', () => {
    const before = visitRows();
    const result = main.sidebarSave(value as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) {
      expect(e.message).toMatch(/[\u4e00-\u9fff]/u);
      expect(e.message).not.toMatch(NO_RAW);
    }
    expect(visitRows()).toBe(before);
  });
});

it('sidebarBootstrap ignores arguments it does not take', () => {
  const bootstrap = main.sidebarBootstrap as unknown as (
    ...args: unknown[]
  ) => ReturnType<typeof main.sidebarBootstrap>;
  expect(bootstrap({ toString: 1 }, Object.create(null)).lang).toBe('zh');
});

/** Every cell of every sheet, to see that a refused action wrote nothing. */
function everything(): string {
  return JSON.stringify(
    fakes()
      .spreadsheet.getSheets()
      .map((s) => [s.getName(), s.store.values()]),
  );
}

describe.each(WRONG)('the follow-through actions given %s', (_what, value) => {
  it.each(['sidebarCloseFollowUp', 'sidebarConvert', 'sidebarSuggest', 'sidebarDiscussion'] as const)(
    '%s answers in Chinese and writes nothing',
    (name) => {
      main.sidebarRememberPerson('张校长');
      const before = everything();
      const result = main[name](value as never);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors.length).toBeGreaterThan(0);
      for (const e of result.errors) {
        expect(e.message).toMatch(/[\u4e00-\u9fff]/u);
        expect(e.message).not.toMatch(NO_RAW);
      }
      expect(everything()).toBe(before);
    },
  );
});
