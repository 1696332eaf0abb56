// `export FILE (--person NAME | --student ID) --out F.xlsx [--force]`: every row naming that person or student, each sheet's header above, in a new file; the workbook is only read.
import * as path from 'node:path';
import { format, texts } from '../../core/i18n/messages';
import { exportGrids, findPersonData, subjectText } from '../../app/person-data';
import { newXlsx } from '../xlsx-workbook';
import { CliError, DEFAULT_LANG, fileExists, type CliCommand } from './command';
import { saveWorkbook } from './hold';
import { openCampaign } from './open-campaign';
import { subjectOption } from './person-subject';

export const exportCommand: CliCommand = {
  options: {
    person: { type: 'string' },
    student: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run(file, values, io) {
    const subject = subjectOption(values);
    const p = texts(DEFAULT_LANG).personData;
    const out = typeof values.out === 'string' ? values.out.trim() : '';
    if (out === '') throw new CliError(p.outRequired, 2, true);
    if (!/\.xlsx$/i.test(out)) throw new CliError(format(p.outNotXlsx, { file: out }), 2);
    if (path.resolve(out) === path.resolve(file))
      throw new CliError(format(p.outIsWorkbook, { file: out }), 2);
    // Read-only: cell values only, the workbook is never opened for writing.
    const { session } = await openCampaign(file, values, io);
    const t = texts(session.lang);
    if (values.force !== true && (await fileExists(out)))
      throw new CliError(format(t.cli.fileExists, { file: out }), 2);
    const plan = findPersonData(session, subject);
    const who = subjectText(subject);
    if (plan.sheets.length === 0) {
      io.out(format(t.personData.notFound, { who }));
      return 0;
    }
    const book = newXlsx();
    for (const { sheet, grid } of exportGrids(plan)) book.replace(sheet, grid, { frozenRows: 1 });
    await saveWorkbook(book, out, session.lang, io);
    const rows = plan.sheets.reduce((n, s) => n + s.rows.length, 0);
    const sep = session.lang === 'en' ? ', ' : '、';
    io.out(
      format(t.personData.exported, {
        who,
        rows,
        file: out,
        sheets: plan.sheets.map((s) => `${s.sheet} ${s.rows.length}`).join(sep),
      }),
    );
    if (plan.ambiguous > 0) io.err(format(t.personData.ambiguous, { count: plan.ambiguous }));
    return 0;
  },
};
