// `report FILE --month YYYY-MM [--today] [--out F.html|F.xlsx]`: the monthly report, as tables, an A4 page or a workbook.
import { extname, resolve } from 'node:path';
import { dateTimeInZone } from '../../core/dates';
import { texts } from '../../core/i18n/messages';
import { reportOf, reportSheetName } from '../../app/report';
import { outputDocument } from './document-out';
import { CliError, DEFAULT_LANG, monthOption, usageError, type CliCommand } from './command';
import { openCampaign } from './open-campaign';

export { reportText } from './report-text';

export const reportCommand: CliCommand = {
  options: {
    month: { type: 'string' },
    today: { type: 'string' },
    out: { type: 'string' },
  },
  async run(file, values, io) {
    const hints = texts(DEFAULT_LANG);
    const month = monthOption(values);
    if (month === undefined) throw new CliError(hints.cliText.monthRequired, 2, true);
    const out = values.out;
    if (out !== undefined) {
      const kind = typeof out === 'string' ? extname(out).toLowerCase() : '';
      if ((kind !== '.html' && kind !== '.xlsx') || resolve(String(out)) === resolve(file)) {
        throw usageError(DEFAULT_LANG, `--out ${String(out)}`, hints.report.outHint);
      }
    }
    const { campaign, today } = await openCampaign(file, values, io);
    const generatedAt = dateTimeInZone(io.now(), campaign.settings.timeZone);
    const { document } = reportOf(campaign, month, today, generatedAt);
    return outputDocument(document, reportSheetName(month, campaign.lang), out, campaign.lang, io);
  },
};
