// `npm start` (until the playground lands): makes .local/workbook.xlsx from the sample school if absent, prints this month's status.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { format, texts } from '../core/i18n/messages';
import { computeStatus } from '../core/engine';
import { dateInZone, monthOf } from '../core/dates';
import { DEFAULT_TIME_ZONE } from '../core/defaults';
import { CliError, DEFAULT_LANG, type CliIo } from './commands/command';
import { newWorkbook } from './commands/init';
import { openCampaign } from './commands/open-campaign';
import { reportedProblems } from './commands/validate';
import { processIo } from './cli';
import { renderStatus } from './status-text';

/** The sample workbook's place under a project folder. */
export function sampleWorkbookPath(root: string): string {
  return path.join(root, '.local', 'workbook.xlsx');
}

export async function start(io: CliIo = processIo, root: string = process.cwd()): Promise<number> {
  const file = sampleWorkbookPath(root);
  const t = texts(DEFAULT_LANG);
  try {
    const exists = await fs.stat(file).then(
      () => true,
      () => false,
    );
    if (!exists) {
      const today = dateInZone(io.now(), DEFAULT_TIME_ZONE);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await newWorkbook(DEFAULT_LANG, today, true).save(file);
      io.out(format(t.cliText.madeSample, { today }));
    }
    io.out(format(t.cliText.sampleWorkbook, { file }));
    io.out('');
    const { campaign, today } = await openCampaign(file, {}, io);
    const status = computeStatus(campaign, monthOf(today), today);
    io.out(
      renderStatus(
        status,
        reportedProblems(campaign),
        campaign.lang,
        campaign.units.map((u) => u.name),
      ),
    );
    return 0;
  } catch (error) {
    io.err(error instanceof CliError ? error.message : String((error as Error).message ?? error));
    return error instanceof CliError ? error.exitCode : 2;
  }
}

if (typeof require !== 'undefined' && require.main === module) {
  void start().then((code) => {
    process.exitCode = code;
  });
}
