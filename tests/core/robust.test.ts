// Issue 11's engine helpers: settings that never throw, invisible characters shown as marks, offset date-times, the .xlsx cell limit.
import { fitXlsxCell, XLSX_CELL_LIMIT } from '../../src/core/cell-limit';
import { parseDateCell, parseDateText } from '../../src/core/dates';
import { format } from '../../src/core/i18n/messages';
import { zh } from '../../src/core/i18n/zh';
import { hasInvisible, showInvisible } from '../../src/core/invisible';
import { nameKey } from '../../src/core/names';
import { loadCampaign, problemsOf } from '../../src/core/engine';
import { defaultHeaders } from '../../src/core/tables';
import { school } from './helpers';

const HOSTILE: unknown[] = [
  'head@school.c',
  '校长@学校.中国',
  'a..b@x.com',
  '1000000000',
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  '',
  ' ',
  '=1+1',
  '\u200B',
  '\u202E12',
  '\u001b[2J',
  '9999-12-31',
  '0000-00-00',
  '2027-02-30',
  'x'.repeat(50_000),
  '😀',
  '𠮷',
  true,
  false,
  0,
  -1,
  1e21,
  2958466,
  3.5,
];

describe('设置 never stops the run', () => {
  it.each(Object.keys(zh.settingNames))(
    '%s: every hostile value gives problems on its row, never a throw',
    (key) => {
      const name = zh.settingNames[key as keyof typeof zh.settingNames];
      for (const value of HOSTILE) {
        const sheets = school().map((s) =>
          s.name === '设置'
            ? { name: s.name, grid: [defaultHeaders('settings', 'zh'), [name, value as string]] }
            : s,
        );
        const campaign = loadCampaign(sheets, '2027-04-20');
        for (const p of problemsOf(campaign)) {
          expect(p.message).not.toMatch(/^\[|"code"|invalid_format|ZodError/u);
          if (p.sheet === '设置')
            expect(p).toMatchObject({
              row: 2,
              code: expect.stringMatching(/^(SETTING_INVALID|TEXT_TOO_LONG)$/u),
            });
        }
      }
    },
  );
});

describe('invisible characters', () => {
  it('shows zero-width, bidi and control characters as marks in every placeholder', () => {
    expect(format('“{name}”', { name: '欧阳\u200B明' })).toBe('“欧阳⟨U+200B⟩明”');
    expect(format('{a}{b}', { a: '\u202Eabc', b: '\u001b[31m' })).toBe('⟨U+202E⟩abc⟨U+001B⟩[31m');
    expect(showInvisible('\u2066x\u2069\uFEFF\u00AD')).toBe('⟨U+2066⟩x⟨U+2069⟩⟨U+FEFF⟩⟨U+00AD⟩');
  });

  it('leaves emoji sequences, line feeds and tabs as they are, and marks a joiner between letters', () => {
    expect(hasInvisible('👨‍👩‍👧 🏳️‍🌈')).toBe(false);
    expect(showInvisible('a\tb\nc')).toBe('a\tb\nc');
    expect(showInvisible('王\u200D芳')).toBe('王⟨U+200D⟩芳');
  });

  it('compares names without them', () => {
    expect(nameKey('欧阳\u200B明')).toBe(nameKey('欧阳明'));
    expect(nameKey('\u202B赵老师\u202C')).toBe('赵老师');
  });
});

describe('date-times with an offset', () => {
  it('are read in the school’s time zone; plain forms stay wall-clock dates', () => {
    expect(parseDateText('2027-04-20T23:30:00Z', 'Asia/Shanghai')).toBe('2027-04-21');
    expect(parseDateText('2027-04-20T23:30:00Z', 'Europe/London')).toBe('2027-04-21');
    expect(parseDateText('2027-04-20T22:30:00Z', 'Europe/London')).toBe('2027-04-20');
    expect(parseDateText('2027-04-21T07:00:00+08:00', 'America/New_York')).toBe('2027-04-20');
    expect(parseDateText('2027-04-20 23:30', 'Asia/Shanghai')).toBe('2027-04-20');
    expect(parseDateCell('2027-04-20T23:30:00Z', 'Asia/Shanghai')).toBe('2027-04-21');
    expect(parseDateCell('2027-04-20T23:30:00Z', 'UTC')).toBe('2027-04-20');
    expect(parseDateText('2027-02-30T10:00:00Z')).toBeNull();
  });
});

describe('fitXlsxCell', () => {
  it('gives a fitting text back unchanged', () => {
    expect(fitXlsxCell('y'.repeat(XLSX_CELL_LIMIT), 'zh')).toEqual({ text: 'y'.repeat(XLSX_CELL_LIMIT) });
  });

  it('shortens a longer one to the limit and says so in the school’s language', () => {
    const zhCut = fitXlsxCell('长'.repeat(100_000), 'zh');
    expect(zhCut.text.length).toBeLessThanOrEqual(XLSX_CELL_LIMIT);
    expect(zhCut.shortenedFrom).toBe(100_000);
    expect(zhCut.text.endsWith('…（原文 100000 个字符，超过 Excel 单元格上限，已截断）')).toBe(true);
    expect(fitXlsxCell('x'.repeat(40_000), 'en').text).toMatch(
      /shortened: the original holds 40000 characters/u,
    );
  });

  it('never cuts an emoji in half', () => {
    const { text } = fitXlsxCell('😀'.repeat(20_000), 'zh');
    expect(text.length).toBeLessThanOrEqual(XLSX_CELL_LIMIT);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u.test(text.replace(/….*$/u, ''))).toBe(false);
    expect(hasInvisible(text)).toBe(false);
  });
});
