// Opens a workbook file for a command: the file's problems and shape problems become one-line failures (exit 2).
import { format, texts } from '../../core/i18n/messages';
import type { Campaign } from '../../core/model';
import type { IsoDate } from '../../core/dates';
import { WorkbookSession } from '../../app/session';
import type { WorkbookPort } from '../../app/ports';
import { workbookFileMessage } from '../file-messages';
import { openXlsxValues } from '../xlsx-values/values-workbook';
import { openXlsx, WorkbookFileError, type OpenOptions, type XlsxWorkbook } from '../xlsx-workbook';
import { CliError, DEFAULT_LANG, todayOption, type CliIo, type OptionValues } from './command';

export interface OpenedCampaign<W extends WorkbookPort = WorkbookPort> {
  workbook: W;
  /** The session every use case of the command runs on (the workbook read once, the campaign loaded once). */
  session: WorkbookSession;
  campaign: Campaign;
  /** --today, or the real date in the school's time zone. */
  today: IsoDate;
}

/**
 * Opens the file. Read-only, only the cell values are read (xlsx-values: a fraction of exceljs's time and
 * memory) and the workbook cannot be changed; a command that writes the workbook back must not ask for
 * `readOnly`, and gets the whole workbook (exceljs).
 */
export async function openWorkbookFile(file: string, options: { readOnly: true }): Promise<WorkbookPort>;
export async function openWorkbookFile(file: string, options?: { readOnly?: false }): Promise<XlsxWorkbook>;
export async function openWorkbookFile(file: string, options?: OpenOptions): Promise<WorkbookPort>;
export async function openWorkbookFile(file: string, options: OpenOptions = {}): Promise<WorkbookPort> {
  try {
    return options.readOnly === true ? await openXlsxValues(file) : await openXlsx(file, options);
  } catch (error) {
    if (!(error instanceof WorkbookFileError)) throw error;
    throw new CliError(workbookFileMessage(error, DEFAULT_LANG), 2);
  }
}

/**
 * Opens the workbook and loads the campaign as of --today (or now). A required sheet or column
 * missing is a failure naming each sheet and column, in the workbook's language. Read-only unless
 * `options` says otherwise (a command that saves the workbook passes `{}`).
 */
export async function openCampaign(
  file: string,
  values: OptionValues,
  io: CliIo,
  options: OpenOptions = { readOnly: true },
): Promise<OpenedCampaign> {
  const given = todayOption(values);
  const workbook = await openWorkbookFile(file, options);
  const session = WorkbookSession.open(workbook, { now: io.now }, { today: given });
  const problems = session.structuralProblem();
  if (problems !== null)
    throw new CliError(format(texts(session.lang).cliText.shapeProblem, { file, problems }), 2);
  return { workbook, session, campaign: session.campaign, today: session.today };
}
