// `report FILE --month YYYY-MM [--today] [--out F.html|F.xlsx]`: the monthly report, as tables, an A4 page or a workbook.
import { extname, resolve } from 'node:path';
import { dateTimeInZone } from '../../core/dates';
import { format, texts } from '../../core/i18n/messages';
import type { ReportDocument } from '../../core/report/report-document';
import { reportOf } from '../../app/report';
import { reportHtml } from '../report-html';
import { refusedMessage } from '../file-messages';
import { writeFileSafely, WriteRefusedError } from '../safe-write';
import { writeReportXlsx } from '../report-xlsx';
import { textTable } from '../text-table';
import { CliError, DEFAULT_LANG, monthOption, usageError, type CliCommand } from './command';
import { openCampaign } from './open-campaign';

/** The report as aligned plain-text tables for a terminal. */
export function reportText(doc: ReportDocument): string {
  const colon = doc.lang === 'en' ? ': ' : '：';
  const lines: string[] = [doc.title, ...doc.header.map(([k, v]) => `${k}${colon}${v}`)];
  if (doc.notice !== null) lines.push('', doc.notice);
  for (const table of doc.tables) {
    lines.push('', table.title);
    if (table.rows.length === 0) {
      lines.push(table.emptyText);
      continue;
    }
    const numeric = new Set(
      table.columns.map((_, c) => c).filter((c) => typeof table.rows[0]?.[c] === 'number'),
    );
    lines.push(
      ...textTable(
        table.columns,
        table.rows.map((row) => row.map(String)),
        numeric,
      ),
    );
  }
  return lines.join('\n');
}

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
    const t = texts(campaign.lang);
    const generatedAt = dateTimeInZone(io.now(), campaign.settings.timeZone);
    const { document } = reportOf(campaign, month, today, generatedAt);
    if (typeof out !== 'string') {
      io.out(reportText(document));
      return 0;
    }
    let shortened = 0;
    try {
      if (extname(out).toLowerCase() === '.html') {
        await writeFileSafely(out, Buffer.from(reportHtml(document), 'utf8'));
      } else {
        ({ shortened } = await writeReportXlsx(document, month, out));
      }
    } catch (error) {
      if (error instanceof WriteRefusedError) throw new CliError(refusedMessage(error, campaign.lang), 2);
      throw new CliError(
        format(t.cliText.writeFailed, { file: out, reason: (error as Error).message.split('\n')[0] ?? '' }),
        2,
      );
    }
    if (shortened > 0) io.err(format(t.files.shortened, { count: shortened, file: out }));
    io.out(format(t.cli.wrote, { file: out }));
    return 0;
  },
};
