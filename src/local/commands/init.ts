// `init FILE [--sample] [--lang zh|en] [--today] [--force]`: a new workbook with every sheet, or the sample school.
import { format, texts, type Lang } from '../../core/i18n/messages';
import { dateInZone, dateToSerial, isIsoDate, type IsoDate } from '../../core/dates';
import { DEFAULT_TIME_ZONE } from '../../core/defaults';
import type { Cell } from '../../core/grid';
import { sampleSchool } from '../../core/sample/sample-school';
import { sheetName, TABLES, TABLE_KEYS, type TableKey } from '../../core/tables';
import { setUpWorkbook } from '../../app/setup';
import { newXlsx, type XlsxWorkbook } from '../xlsx-workbook';
import { CliError, DEFAULT_LANG, fileExists, todayOption, usageError, type CliCommand } from './command';
import { checkWorkbookWritable, holdWorkbook, saveWorkbook } from './hold';

/** Sample tables written by init (设置, 部门指标 and 学期 are set-up's own: the sample's are the same rows). */
const SAMPLE_TABLES = TABLE_KEYS.filter(
  (key) => key !== 'settings' && key !== 'units' && key !== 'semesters',
);

/** Date cells of the sample as real spreadsheet dates; other text forms stay as typed. */
function asSheetRow(table: TableKey, row: Cell[]): Cell[] {
  return row.map((cell, c) =>
    TABLES[table].columns[c]?.kind === 'date' && typeof cell === 'string' && isIsoDate(cell)
      ? dateToSerial(cell)
      : cell,
  );
}

/** A new workbook with every sheet set up; with the sample school's rows when asked. */
export function newWorkbook(lang: Lang, today: IsoDate, sample: boolean): XlsxWorkbook {
  const workbook = newXlsx();
  setUpWorkbook(workbook, lang, today);
  if (sample) {
    const school = sampleSchool(today, lang);
    for (const table of SAMPLE_TABLES) {
      const rows = school.rows[table].map((row) => asSheetRow(table, row));
      if (rows.length > 0) workbook.append(sheetName(table, lang), rows);
    }
    // The sample's 负责人 on set-up's 部门指标 rows (the same units, in the same order).
    const head = TABLES.units.columns.findIndex((c) => c.key === 'head');
    workbook.writeColumn(
      sheetName('units', lang),
      head,
      2,
      school.rows.units.map((row) => row[head] ?? null),
    );
  }
  return workbook;
}

export const initCommand: CliCommand = {
  options: {
    sample: { type: 'boolean' },
    lang: { type: 'string' },
    today: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run(file, values, io) {
    const langValue = values.lang ?? DEFAULT_LANG;
    if (langValue !== 'zh' && langValue !== 'en') {
      throw usageError(DEFAULT_LANG, `--lang ${String(langValue)}`, texts(DEFAULT_LANG).cliText.langHint);
    }
    const lang: Lang = langValue;
    const t = texts(lang);
    const today = todayOption(values, lang) ?? dateInZone(io.now(), DEFAULT_TIME_ZONE);
    if (values.force !== true && (await fileExists(file)))
      throw new CliError(format(t.cli.fileExists, { file }), 2);
    const sample = values.sample === true;
    // Writing over a workbook another process has open (the playground) would lose its changes: held first.
    await holdWorkbook(
      file,
      'visit-ledger init',
      io,
      async () => {
        checkWorkbookWritable(file, lang);
        await saveWorkbook(newWorkbook(lang, today, sample), file, lang, io);
      },
      true,
    );
    io.out(format(sample ? t.cliText.wroteSample : t.cli.wrote, { file, today }));
    return 0;
  },
};
