// `erase FILE (--person NAME | --student ID) [--yes]`: names become 已删除-n and contacts are blanked everywhere, one 修改日志 line; without --yes only what would change.
import { hostname, userInfo } from 'node:os';
import { format, texts } from '../../core/i18n/messages';
import { changesBySheet, erasePersonData, findPersonData, subjectText } from '../../app/person-data';
import { XlsxWorkbook } from '../xlsx-workbook';
import type { CliCommand, CliIo, OptionValues } from './command';
import { checkWorkbookWritable, holdWorkbook, saveWorkbook } from './hold';
import { openCampaign } from './open-campaign';
import { subjectOption } from './person-subject';

/** Who ran the command, for 修改日志: the account and the machine. */
export function whoRuns(io: CliIo, command = 'visit-ledger erase'): string {
  let user = io.env?.USER ?? io.env?.USERNAME ?? '';
  try {
    user = userInfo().username || user;
  } catch {
    // no account name on this system: the environment's, if any
  }
  return `${user || '?'}@${hostname()} (${command})`;
}

export const eraseCommand: CliCommand = {
  options: {
    person: { type: 'string' },
    student: { type: 'string' },
    yes: { type: 'boolean' },
  },
  async run(file, values, io) {
    const subject = subjectOption(values);
    if (values.yes !== true) return preview(file, values, io);
    // Read, change and save under the one lock every writer of the workbook takes.
    return holdWorkbook(file, 'visit-ledger erase', io, async () => {
      const { workbook, session } = await openCampaign(file, values, io, {});
      const t = texts(session.lang).personData;
      const who = subjectText(subject);
      const result = erasePersonData(session, subject, whoRuns(io));
      const { plan } = result;
      if (result.cells === 0 && plan.exportSheets.length === 0) {
        io.out(format(t.notFound, { who }));
        return 0;
      }
      checkWorkbookWritable(file, session.lang);
      if (!(workbook instanceof XlsxWorkbook)) throw new Error('the workbook was opened read-only');
      await saveWorkbook(workbook, file, session.lang, io);
      io.out(
        format(t.erased, {
          cells: result.cells,
          sheets: changesBySheet(plan, session.lang),
          marker: plan.marker,
        }),
      );
      for (const sheet of plan.exportSheets) io.out(format(t.exportSheetDeleted, { sheet }));
      if (plan.ambiguous > 0) io.err(format(t.ambiguous, { count: plan.ambiguous }));
      return 0;
    });
  },
};

async function preview(file: string, values: OptionValues, io: CliIo): Promise<number> {
  const subject = subjectOption(values);
  const { session } = await openCampaign(file, values, io);
  const t = texts(session.lang).personData;
  const plan = findPersonData(session, subject);
  if (plan.changes.length === 0) {
    io.out(format(t.notFound, { who: subjectText(subject) }));
    return 0;
  }
  io.out(
    format(t.wouldErase, {
      cells: plan.changes.length,
      sheets: changesBySheet(plan, session.lang),
      marker: plan.marker,
    }),
  );
  if (plan.ambiguous > 0) io.err(format(t.ambiguous, { count: plan.ambiguous }));
  return 0;
}
