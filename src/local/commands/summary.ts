// `summary FILE (--semester NAME | --year) [--today] [--out F.html|F.xlsx]`: a semester or year summary, as tables, an A4 page or a workbook.
import { extname, resolve } from 'node:path';
import { dateTimeInZone } from '../../core/dates';
import { texts } from '../../core/i18n/messages';
import { summaryOf, summaryScopeOf, type SummaryRequest } from '../../app/summary';
import { CliError, DEFAULT_LANG, usageError, type CliCommand, type OptionValues } from './command';
import { openCampaign } from './open-campaign';
import { outputDocument } from './document-out';

/** --semester NAME or --year, exactly one; a usage error otherwise. */
function requestOf(values: OptionValues): SummaryRequest {
  const semester = values.semester;
  const year = values.year === true;
  if ((semester !== undefined) === year) throw new CliError(texts(DEFAULT_LANG).summary.needScope, 2, true);
  if (year) return { kind: 'year' };
  const name = String(semester).trim();
  if (name === '') throw new CliError(texts(DEFAULT_LANG).summary.needScope, 2, true);
  return { kind: 'semester', name };
}

export const summaryCommand: CliCommand = {
  options: {
    semester: { type: 'string' },
    year: { type: 'boolean' },
    today: { type: 'string' },
    out: { type: 'string' },
  },
  async run(file, values, io) {
    const request = requestOf(values);
    const out = values.out;
    if (out !== undefined) {
      const kind = typeof out === 'string' ? extname(out).toLowerCase() : '';
      if ((kind !== '.html' && kind !== '.xlsx') || resolve(String(out)) === resolve(file)) {
        throw usageError(DEFAULT_LANG, `--out ${String(out)}`, texts(DEFAULT_LANG).report.outHint);
      }
    }
    const { campaign, today } = await openCampaign(file, values, io);
    const found = summaryScopeOf(campaign, request, today);
    // An unknown semester is a usage error: one line listing the workbook's semesters, exit 2.
    if ('refusal' in found) throw new CliError(found.refusal, 2);
    const generatedAt = dateTimeInZone(io.now(), campaign.settings.timeZone);
    const { document, sheet } = summaryOf(campaign, found.scope, today, generatedAt);
    return outputDocument(document, sheet, out, campaign.lang, io);
  },
};
