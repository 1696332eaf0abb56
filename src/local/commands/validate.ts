// `validate FILE [--today] [--json]`: every §4 problem of the workbook; exit 1 if any is an error.
import { format, texts, type Lang } from '../../core/i18n/messages';
import { problemsOf } from '../../core/engine';
import type { Campaign, Problem } from '../../core/model';
import type { CliCommand } from './command';
import { openCampaign } from './open-campaign';

/** Every problem to report: the columns the school added first (harmless, but said), then the row problems. */
export function reportedProblems(campaign: Campaign): Problem[] {
  return problemsOf(campaign, [...campaign.notices, ...campaign.findings]);
}

/** One problem as a line: severity (a column the school added is a notice), then sheet!row column, the message. */
export function problemLine(problem: Problem, lang: Lang): string {
  const t = texts(lang);
  const severity = problem.code === 'COLUMN_UNKNOWN' ? t.cliText.notice : t.severity[problem.severity];
  const where = problem.row > 0 ? `${problem.sheet}!${problem.row}` : problem.sheet;
  const place = problem.column === '' ? where : `${where} ${problem.column}`;
  return format(t.cliText.problemLine, {
    severity,
    place,
    message: problem.message,
  });
}

/** The count line: errors and warnings of the rows (the notices of added columns are not problems of a row). */
export function problemsSummary(problems: readonly Problem[], lang: Lang): string {
  const counted = problems.filter((p) => p.code !== 'COLUMN_UNKNOWN');
  const errors = counted.filter((p) => p.severity === 'error').length;
  return format(texts(lang).cli.problemsSummary, { errors, warnings: counted.length - errors });
}

export const validateCommand: CliCommand = {
  options: {
    today: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(file, values, io) {
    const { campaign } = await openCampaign(file, values, io);
    const problems = reportedProblems(campaign);
    if (values.json === true) {
      io.out(JSON.stringify({ problems }, null, 2));
    } else if (problems.length === 0) {
      io.out(texts(campaign.lang).cli.noProblems);
    } else {
      for (const problem of problems) io.out(problemLine(problem, campaign.lang));
      io.out('');
      io.out(problemsSummary(problems, campaign.lang));
    }
    return problems.some((p) => p.severity === 'error') ? 1 : 0;
  },
};
