// The values reader (fflate + saxes) gives exactly XlsxWorkbook.read's grids: the sample school, hostile files, bad files.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { cli, tempDir } from './helpers';
import { openXlsx, WorkbookFileError } from '../../src/local/xlsx-workbook';
import { openXlsxValues, XlsxValuesWorkbook } from '../../src/local/xlsx-values/values-workbook';
import { isDateFormatCode } from '../../src/local/xlsx-values/parts';
import * as xlsxCells from '../../src/local/xlsx-cells';
import { parseDateCell } from '../../src/core/dates';
import type { Grid } from '../../src/core/grid';
import { bigWorkbook } from '../../scripts/make-workbook';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Every sheet of the file read both ways: same tabs in the same order, same grids. */
async function expectSameAsExceljs(file: string): Promise<XlsxValuesWorkbook> {
  const reference = await openXlsx(file);
  const values = await openXlsxValues(file);
  expect(values.sheetNames()).toStrictEqual(reference.sheetNames());
  for (const name of reference.sheetNames()) {
    expect({ sheet: name, grid: values.read(name) }).toStrictEqual({
      sheet: name,
      grid: reference.read(name),
    });
  }
  return values;
}

async function writeBook(name: string, build: (book: ExcelJS.Workbook) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  build(book);
  const file = path.join(dir, name);
  await book.xlsx.writeFile(file);
  return file;
}

/** A deterministic generator: mulberry32. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the same grids as exceljs', () => {
  it('on the sample school, every sheet', async () => {
    const file = path.join(dir, 'sample.xlsx');
    expect((await cli(['init', file, '--sample', '--today', '2027-11-15'])).code).toBe(0);
    const values = await expectSameAsExceljs(file);
    expect(values.read('走访记录')!.length).toBeGreaterThan(100);
  });

  it('on a generated campaign of 2,000 visits (scripts/make-workbook.ts)', async () => {
    const file = path.join(dir, 'big.xlsx');
    await bigWorkbook(2000).save(file);
    const values = await expectSameAsExceljs(file);
    expect(values.read('走访记录')).toHaveLength(2001);
  });

  it('on rich text, Chinese shared strings split across inflated pieces, links, odd text', async () => {
    const rand = prng(7);
    const chinese = Array.from({ length: 3000 }, (_, i) => {
      let text = `${i}号：`;
      for (let k = 0; k < 30; k++) text += String.fromCodePoint(0x4e00 + Math.floor(rand() * 0x5000));
      // Characters outside the BMP (4 UTF-8 bytes, 2 UTF-16 units) and emoji, where a cut hurts most.
      return `${text}𠮷野家🙂${i % 7 === 0 ? '繁體字測試' : ''}`;
    });
    const file = await writeBook('strings.xlsx', (book) => {
      const ws = book.addWorksheet('文字');
      ws.getCell('A1').value = {
        richText: [{ text: '张' }, { text: '三', font: { bold: true } }, { text: ' 老师' }],
      };
      chinese.forEach((text, i) => (ws.getCell(i + 2, 1).value = text));
      ws.getCell('B1').value = '   ';
      ws.getCell('B2').value = '';
      ws.getCell('B3').value = ' 两边有空格 ';
      ws.getCell('B4').value = '第一行\n第二行\r\n第三行\t制表';
      ws.getCell('C1').value = '=1+2';
      ws.getCell('C2').value = '+86 138 0000 0000';
      ws.getCell('C3').value = 'a & b < c > d " e \' f';
      ws.getCell('C4').value = '_x000D_ 字面';
      ws.getCell('D1').value = { text: '链接', hyperlink: 'https://example.com/?a=1&b=2' };
    });
    const sst = await fs.stat(file);
    expect(sst.size).toBeGreaterThan(100_000);
    const values = await expectSameAsExceljs(file);
    const grid = values.read('文字')!;
    expect(grid[0]![0]).toBe('张三 老师');
    expect(grid.slice(1).map((row) => row[0])).toStrictEqual(chinese);
    expect(JSON.stringify(grid)).not.toContain('\uFFFD');
  });

  it('on formulas: their cached values, shared formulas, errors, none cached', async () => {
    const file = await writeBook('formulas.xlsx', (book) => {
      const ws = book.addWorksheet('公式');
      ws.getCell('A1').value = { formula: '1+2', result: 3 };
      ws.getCell('A2').value = { formula: '"走"&"访"', result: '走访' };
      ws.getCell('A3').value = { formula: 'TRUE()', result: true };
      ws.getCell('A4').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      ws.getCell('A5').value = { formula: 'DATE(2027,4,30)', result: new Date(Date.UTC(2027, 3, 30)) };
      ws.getCell('A5').numFmt = 'yyyy-mm-dd';
      ws.getCell('A6').value = { formula: 'NOW()' } as ExcelJS.CellFormulaValue;
      ws.getCell('A7').value = { formula: '""', result: '' };
      ws.fillFormula('B1:B3', 'A1*2', [6, 4, 2]);
      ws.getCell('C1').value = true;
      ws.getCell('C2').value = false;
      ws.getCell('C3').value = { error: '#N/A' };
      [0, -1.5, 1e-10, 123456789012, 3.14159, 1e21].forEach((n, i) => (ws.getCell(i + 1, 4).value = n));
    });
    const grid = (await expectSameAsExceljs(file)).read('公式')!;
    // Row 7 holds only an empty text: trimmed like any empty row at the end.
    expect(grid.map((row) => row[0])).toStrictEqual([3, '走访', true, '#DIV/0!', grid[4]![0], null]);
    expect(parseDateCell(grid[4]![0])).toBe('2027-04-30');
    expect(grid.slice(0, 3).map((row) => row[1])).toStrictEqual([6, 4, 2]);
    expect(grid[2]![2]).toBe('#N/A');
  });

  it('on merged cells: the value in the top-left cell only', async () => {
    const file = await writeBook('merged.xlsx', (book) => {
      const ws = book.addWorksheet('合并');
      ws.getCell('A1').value = '合并的';
      ws.mergeCells('A1:C2');
      ws.getCell('D1').value = 'x';
      ws.getCell('A3').value = 'y';
      ws.getCell('E5').value = 5;
      ws.mergeCells('E5:F6');
      ws.mergeCells('G8:H9');
    });
    const grid = (await expectSameAsExceljs(file)).read('合并')!;
    expect(grid).toHaveLength(5);
    expect(grid[0]).toStrictEqual(['合并的', null, null, 'x', null]);
  });

  it('on dates with and without time, built-in and custom formats, and numbers that are no dates', async () => {
    const formats = [
      'yyyy-mm-dd',
      'yyyy-mm-dd hh:mm',
      'mm-dd-yy', // built-in 14
      'h:mm', // built-in 20
      '0"日"',
      '[Red]0.00',
      'yyyy"年"m"月"d"日"',
      '[$-804]yyyy/m/d;@',
      '#,##0.00_);[Red](#,##0.00)',
      '@',
      '[h]:mm:ss', // built-in 46
    ];
    const instants = [
      new Date(Date.UTC(2027, 3, 30)),
      new Date(Date.UTC(2027, 3, 30, 22, 30)),
      new Date(Date.UTC(1900, 0, 1)),
      new Date(Date.UTC(1899, 11, 30, 12)),
    ];
    const file = await writeBook('dates.xlsx', (book) => {
      const ws = book.addWorksheet('日期');
      formats.forEach((numFmt, c) => {
        ws.getCell(1, c + 1).value = numFmt;
        instants.forEach((instant, r) => {
          const cell = ws.getCell(r + 2, c + 1);
          cell.value = instant;
          cell.numFmt = numFmt;
        });
        const plain = ws.getCell(instants.length + 2, c + 1);
        plain.value = 45412.75;
        plain.numFmt = numFmt;
      });
    });
    const spy = jest.spyOn(xlsxCells, 'dateCellOfSerial');
    try {
      const grid = (await expectSameAsExceljs(file)).read('日期')!;
      const exceljsCalls = spy.mock.calls.length;
      expect(exceljsCalls).toBeGreaterThan(0);
      spy.mockClear();
      await openXlsxValues(file);
      // Every date cell the values reader makes comes through the one function, as exceljs's adapter's do.
      expect(spy.mock.calls.length).toBe(exceljsCalls);
      expect(parseDateCell(grid[1]![0])).toBe('2027-04-30');
      expect(parseDateCell(grid[2]![1])).toBe('2027-04-30');
    } finally {
      spy.mockRestore();
    }
  });

  it('on a 1904-dated workbook', async () => {
    const file = await writeBook('1904.xlsx', (book) => {
      book.properties.date1904 = true;
      const ws = book.addWorksheet('走访记录');
      ws.addRow(['走访日期', '走访人']);
      ws.addRow([new Date(Date.UTC(2027, 3, 30)), '张三']);
      ws.addRow([new Date(Date.UTC(2027, 3, 30, 22, 30)), '李四']);
      ws.getColumn(1).numFmt = 'yyyy-mm-dd';
    });
    const bytes = await fs.readFile(file);
    expect(bytes.length).toBeGreaterThan(0);
    const grid = (await expectSameAsExceljs(file)).read('走访记录')!;
    expect(parseDateCell(grid[1]![0])).toBe('2027-04-30');
    expect(parseDateCell(grid[2]![0])).toBe('2027-04-30');
  });

  it('on a sheet with gaps, styled empty cells and trailing empty strings', async () => {
    const file = await writeBook('gaps.xlsx', (book) => {
      const ws = book.addWorksheet('空隙');
      ws.getCell('B2').value = 'h';
      ws.getCell('E2').value = '';
      ws.getCell('C4').value = 5;
      ws.getCell('A6').numFmt = '0.00';
      ws.getCell('A6').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
      ws.getCell('B7').value = '';
      ws.getCell('H9').font = { bold: true };
      ws.getRow(12).height = 30;
      book.addWorksheet('空表');
    });
    const values = await expectSameAsExceljs(file);
    expect(values.read('空隙')).toStrictEqual([
      [null, null, null],
      [null, 'h', null],
      [null, null, null],
      [null, null, 5],
    ]);
    expect(values.read('空表')).toStrictEqual([]);
  });
});

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

interface HandSheet {
  name: string;
  /** The target as written in the workbook's relationships (relative to the workbook part, or absolute). */
  target: string;
  xml: string;
  type?: 'worksheet' | 'chartsheet';
}

/** An .xlsx written by hand into a zip (no exceljs), the workbook part wherever `workbook` says. */
function handXlsx(options: {
  sheets: HandSheet[];
  workbook?: string;
  sharedStrings?: string;
  /** The shared strings' part name beside the workbook part (exceljs finds xl/sharedStrings.xml only). */
  stringsPart?: string;
  styles?: string;
  workbookPr?: string;
  prefix?: string;
  stored?: boolean;
}): Uint8Array {
  const book = options.workbook ?? 'xl/workbook.xml';
  const folder = book.slice(0, book.lastIndexOf('/') + 1);
  const p = options.prefix === undefined ? '' : `${options.prefix}:`;
  const ns = options.prefix === undefined ? `xmlns="${MAIN}"` : `xmlns:${options.prefix}="${MAIN}"`;
  const rels: string[] = [];
  const files: Zippable = {};
  const put = (name: string, text: string) => {
    files[name] = [strToU8(text), { level: options.stored === true ? 0 : 6 }];
  };
  const sheetTags = options.sheets.map((sheet, i) => {
    rels.push(
      `<Relationship Id="rId${i + 1}" Type="${REL}/${sheet.type ?? 'worksheet'}" Target="${sheet.target}"/>`,
    );
    const part = path.posix.normalize(
      sheet.target.startsWith('/') ? sheet.target.slice(1) : `${folder}${sheet.target}`,
    );
    put(part, sheet.xml);
    return `<${p}sheet name="${sheet.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`;
  });
  if (options.sharedStrings !== undefined) {
    const part = options.stringsPart ?? 'sharedStrings.xml';
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="${part}"/>`);
    put(`${folder}${part}`, options.sharedStrings);
  }
  if (options.styles !== undefined) {
    rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
    put(`${folder}styles.xml`, options.styles);
  }
  put('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  put(
    '_rels/.rels',
    `<Relationships xmlns="${PKG}"><Relationship Id="r1" Type="${REL}/officeDocument" Target="/${book}"/></Relationships>`,
  );
  put(
    book,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook ${ns} xmlns:r="${REL}">` +
      `${options.workbookPr ?? ''}<${p}sheets>${sheetTags.join('')}</${p}sheets></${p}workbook>`,
  );
  put(
    `${folder}_rels/${book.slice(folder.length)}.rels`,
    `<Relationships xmlns="${PKG}">${rels.join('')}</Relationships>`,
  );
  return zipSync(files);
}

const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;

async function writeBytes(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  return file;
}

describe('files written by other tools (zips made by hand)', () => {
  it('inline strings, rich and phonetic, and shared strings with escapes: as exceljs reads them', async () => {
    const file = await writeBytes(
      'inline.xlsx',
      handXlsx({
        sheets: [
          {
            name: '走访记录',
            target: 'worksheets/sheet1.xml',
            xml: sheetXml(
              '<row r="1"><c r="A1" t="inlineStr"><is><t>走访日期</t></is></c>' +
                '<c r="B1" t="inlineStr"><is><r><t>张</t></r><r><rPr><b/></rPr><t xml:space="preserve">三 </t></r></is></c>' +
                '<c r="C1" t="inlineStr"><is><r><t>東</t></r><r><t>京</t></r></is></c></row>' +
                '<row r="2"><c r="A2" t="inlineStr"><is><t></t></is></c>' +
                '<c r="B2" t="inlineStr"><is><t>a &amp; b &lt;c&gt; &#x4E2D;&#25991;</t></is></c>' +
                '<c r="C2" t="s"><v>0</v></c><c r="D2" t="s"><v>1</v></c><c r="E2" t="s"><v>2</v></c></row>',
            ),
          },
        ],
        sharedStrings:
          `<sst xmlns="${MAIN}"><si><t>第一行_x000D_第二行</t></si>` +
          '<si><r><t>李</t></r><r><t>四</t></r><rPh sb="0" eb="1"><t>lǐ</t></rPh><phoneticPr fontId="1"/></si>' +
          '<si><t>_x005F_x000D_ 字面</t></si></sst>',
      }),
    );
    const grid = (await expectSameAsExceljs(file)).read('走访记录');
    expect(grid).toStrictEqual([
      ['走访日期', '张三 ', '東京', null, null],
      [null, 'a & b <c> 中文', '第一行\r第二行', '李四', '_x000D_ 字面'],
    ]);
  });

  it('a workbook elsewhere than xl/, sheets not named sheetN.xml, prefixed tags, cells without r, chart sheets', async () => {
    const rows =
      '<x:row><x:c><x:v>1</x:v></x:c><x:c t="str"><x:v>二</x:v></x:c><x:c/><x:c t="b"><x:v>1</x:v></x:c></x:row>' +
      '<x:row r="4"><x:c r="C4" t="e"><x:v>#REF!</x:v></x:c><x:c t="d"><x:v>2027-04-30T10:30:00</x:v></x:c>' +
      '<x:c t="s"><x:v>0</x:v></x:c></x:row>';
    const file = await writeBytes(
      'elsewhere.xlsx',
      handXlsx({
        workbook: 'book/main.xml',
        prefix: 'x',
        stored: true,
        sharedStrings: `<x:sst xmlns:x="${MAIN}"><x:si><x:t>共享</x:t></x:si></x:sst>`,
        stringsPart: 'strings/all.xml',
        sheets: [
          { name: 'Chart', target: 'charts/one.xml', xml: '<chartsheet/>', type: 'chartsheet' },
          {
            name: '数据',
            target: '../book/tables/data.xml',
            xml: `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData>${rows}</x:sheetData></x:worksheet>`,
          },
          {
            name: 'Second',
            target: '/book/other/../tables/second-sheet.xml',
            xml: sheetXml('<row r="2"><c r="B2"><v>2</v></c></row>'),
          },
        ],
      }),
    );
    const values = await openXlsxValues(file);
    expect(values.sheetNames()).toStrictEqual(['数据', 'Second']);
    const data = values.read('数据')!;
    expect(data.slice(0, 3)).toStrictEqual([
      [1, '二', null, true, null],
      [null, null, null, null, null],
      [null, null, null, null, null],
    ]);
    expect(data[3]!.slice(0, 3)).toStrictEqual([null, null, '#REF!']);
    expect(parseDateCell(data[3]![3])).toBe('2027-04-30');
    expect(data[3]![4]).toBe('共享');
    expect(values.read('Second')).toStrictEqual([
      [null, null],
      [null, 2],
    ]);
    expect(values.read('Chart')).toBeUndefined();
  });

  it('a merged range whose other cells hold values, and inline text with phonetic guides', async () => {
    const file = await writeBytes(
      'merged-values.xlsx',
      handXlsx({
        sheets: [
          {
            name: 'S',
            target: 'worksheets/sheet1.xml',
            xml:
              `<worksheet xmlns="${MAIN}"><sheetData>` +
              '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>' +
              '<row r="2"><c r="A2"><v>4</v></c><c r="B2"><v>5</v></c>' +
              '<c r="C2" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></is></c></row>' +
              // exceljs loses this cell and every one after it in the sheet (its rich-text state is left open).
              '<row r="3"><c r="A3" t="inlineStr"><is><r><t>東</t></r><r><t>京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c>' +
              '<c r="B3"><v>6</v></c></row>' +
              '</sheetData><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells></worksheet>',
          },
        ],
      }),
    );
    expect((await openXlsxValues(file)).read('S')).toStrictEqual([
      [1, null, 3],
      [null, null, '漢字'],
      ['東京', 6, null],
    ]);
  });

  it('date styles from a styles part: built-in East Asian ids, custom codes, the 1904 system', async () => {
    const file = await writeBytes(
      'styles.xlsx',
      handXlsx({
        workbookPr: '<workbookPr date1904="1"/>',
        styles:
          `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>` +
          '<numFmt numFmtId="165" formatCode="0.0\\h"/></numFmts>' +
          '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="31"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="57"/></cellXfs>' +
          '<dxfs count="1"><dxf><numFmt numFmtId="166" formatCode="yyyy"/></dxf></dxfs></styleSheet>',
        sheets: [
          {
            name: 'S',
            target: 'worksheets/sheet1.xml',
            xml: sheetXml(
              '<row r="1"><c r="A1"><v>45412</v></c><c r="B1" s="1"><v>45412</v></c><c r="C1" s="2"><v>45412</v></c>' +
                '<c r="D1" s="3"><v>45412</v></c><c r="E1" s="4"><v>45412</v></c></row>',
            ),
          },
        ],
      }),
    );
    const [row] = (await openXlsxValues(file)).read('S')!;
    // Serial 45412 is 2024-04-30 in the 1900 system; in the 1904 system it is 1462 days later.
    expect(row![0]).toBe(45412);
    expect([1, 2, 4].map((c) => parseDateCell(row![c]))).toStrictEqual([
      '2028-05-01',
      '2028-05-01',
      '2028-05-01',
    ]);
    expect(row![3]).toBe(45412);
  });
});

describe('date formats', () => {
  it.each([
    ['yyyy-mm-dd', true],
    ['yyyy\\-mm\\-dd', true],
    ['m/d/yy h:mm', true],
    ['[h]:mm:ss', true],
    ['[$-804]yyyy"年"m"月"d"日";@', true],
    ['hh"时"mm"分"', true],
    ['AM/PM h:mm', true],
    ['General', false],
    ['G/通用格式', false],
    ['0.00', false],
    ['#,##0.00_);[Red](#,##0.00)', false],
    ['0"日"', false],
    ['0.0\\h', false],
    ['[Blue]0;[Red]-0', false],
    ['"date: "0', false],
    ['@', false],
    ['0.00E+00', false],
  ])('%s is a date format: %s', (code, expected) => {
    expect(isDateFormatCode(code)).toBe(expected);
  });
});

describe('bad files: the same problem as openXlsx, the file untouched', () => {
  async function problemOf(open: (file: string) => Promise<unknown>, file: string): Promise<string> {
    try {
      await open(file);
      return 'opened';
    } catch (error) {
      if (error instanceof WorkbookFileError) return error.problem;
      throw error;
    }
  }

  it.each<[string, () => Promise<Uint8Array | null>]>([
    ['missing', async () => null],
    ['zero bytes', async () => new Uint8Array(0)],
    ['a text file', async () => strToU8('姓名,部门\n张三,校长室\n')],
    [
      'an .xls (OLE) file',
      async () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
    ],
    [
      'a zip with no workbook (an .ods)',
      async () => zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet') }),
    ],
    [
      'a workbook with no sheet',
      async () => {
        const file = path.join(dir, 'nosheet-src.xlsx');
        await new ExcelJS.Workbook().xlsx.writeFile(file);
        return fs.readFile(file);
      },
    ],
    [
      'a truncated workbook',
      async () => {
        const file = path.join(dir, 'cut-src.xlsx');
        await bigWorkbook(50).save(file);
        const bytes = await fs.readFile(file);
        return bytes.subarray(0, bytes.length - 200);
      },
    ],
    [
      'a workbook whose sheet is not well-formed XML',
      async () =>
        handXlsx({
          sheets: [
            {
              name: 'S',
              target: 'worksheets/sheet1.xml',
              xml: sheetXml('<row r="1"><c r="A1"><v>1</v></row>'),
            },
          ],
        }),
    ],
  ])('%s', async (name, make) => {
    const bytes = await make();
    const file = path.join(dir, `bad-${name.replace(/\W+/g, '-')}.xlsx`);
    if (bytes !== null) await fs.writeFile(file, bytes);
    const expected = await problemOf(openXlsx, file);
    expect(expected).not.toBe('opened');
    expect(await problemOf(openXlsxValues, file)).toBe(expected);
    if (bytes !== null) expect(new Uint8Array(await fs.readFile(file))).toStrictEqual(new Uint8Array(bytes));
  });

  it('a folder', async () => {
    expect(await problemOf(openXlsxValues, dir)).toBe(await problemOf(openXlsx, dir));
  });
});

describe('read-only', () => {
  it('refuses every change, and hands out a fresh grid each time', async () => {
    const file = path.join(dir, 'ro.xlsx');
    await bigWorkbook(10).save(file);
    const wb = await openXlsxValues(file);
    expect(() => wb.create('S', ['a'], {})).toThrow(/read-only/);
    expect(() => wb.applyFormat('设置', {})).toThrow(/read-only/);
    expect(() => wb.replace('设置', [], {})).toThrow(/read-only/);
    expect(() => wb.append('设置', [['a']])).toThrow(/read-only/);
    expect(() => wb.writeColumn('设置', 0, 1, ['a'])).toThrow(/read-only/);
    expect(() => wb.formulaCells('设置', 0, 1, 1)).toThrow(/read-only/);
    expect(() => wb.deleteSheet('设置')).toThrow(/read-only/);
    const first: Grid = wb.read('设置')!;
    first[0]![0] = 'changed';
    expect(wb.read('设置')![0]![0]).not.toBe('changed');
    expect(wb.read('nope')).toBeUndefined();
  });
});
