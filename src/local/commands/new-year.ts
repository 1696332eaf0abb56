// `new-year FILE [--from NAME] [--to NAME] [--yes]`: the new semester's 学生 rows, each class a grade up; without --yes only what it would do.
import { texts } from '../../core/i18n/messages';
import { doneText, planNewSchoolYear, planText, startNewSchoolYear } from '../../app/new-school-year';
import { XlsxWorkbook } from '../xlsx-workbook';
import { CliError, type CliCommand, type OptionValues } from './command';
import { whoRuns } from './erase';
import { checkWorkbookWritable, holdWorkbook, saveWorkbook } from './hold';
import { openCampaign } from './open-campaign';

function choiceOf(values: OptionValues): { from?: string; to?: string } {
  return {
    ...(typeof values.from === 'string' ? { from: values.from } : {}),
    ...(typeof values.to === 'string' ? { to: values.to } : {}),
  };
}

export const newYearCommand: CliCommand = {
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    today: { type: 'string' },
    yes: { type: 'boolean' },
  },
  async run(file, values, io) {
    if (values.yes !== true) {
      const { session } = await openCampaign(file, values, io);
      const outcome = planNewSchoolYear(session, choiceOf(values));
      // A refusal is the answer to the question asked: said on stderr, exit 1, nothing written.
      if (!outcome.ok) throw new CliError(outcome.message, 1);
      io.out(planText(session, outcome.plan));
      io.out(texts(session.lang).schoolYear.wouldDo);
      return 0;
    }
    // Read, change and save under the one lock every writer of the workbook takes.
    return holdWorkbook(file, 'visit-ledger new-year', io, async () => {
      const { workbook, session } = await openCampaign(file, values, io, {});
      const result = startNewSchoolYear(session, whoRuns(io, 'visit-ledger new-year'), choiceOf(values));
      if ('ok' in result) throw new CliError(result.message, 1);
      checkWorkbookWritable(file, session.lang);
      if (!(workbook instanceof XlsxWorkbook)) throw new Error('the workbook was opened read-only');
      await saveWorkbook(workbook, file, session.lang, io);
      io.out(planText(session, result.plan));
      io.out(doneText(session, result));
      return 0;
    });
  },
};
