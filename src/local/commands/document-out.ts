// What `report` and `summary` do with a document: print it as text, or write it to --out as an A4 page or an .xlsx.
import { extname } from 'node:path';
import { format, texts, type Lang } from '../../core/i18n/messages';
import type { ReportDocument } from '../../core/report/report-document';
import { reportHtml } from '../report-html';
import { refusedMessage } from '../file-messages';
import { writeFileSafely, WriteRefusedError } from '../safe-write';
import { writeDocumentXlsx } from '../report-xlsx';
import { CliError, type CliIo } from './command';
import { reportText } from './report-text';

/**
 * Without `out`, prints the document as text; with it, writes an .html page (any other name: an .xlsx whose one
 * sheet is `sheet`), safely, and says so. A file that cannot be written is a one-line error, exit 2.
 */
export async function outputDocument(
  document: ReportDocument,
  sheet: string,
  out: unknown,
  lang: Lang,
  io: CliIo,
): Promise<number> {
  if (typeof out !== 'string') {
    io.out(reportText(document));
    return 0;
  }
  const t = texts(lang);
  let shortened = 0;
  try {
    if (extname(out).toLowerCase() === '.html') {
      await writeFileSafely(out, Buffer.from(reportHtml(document), 'utf8'));
    } else {
      ({ shortened } = await writeDocumentXlsx(document, sheet, out));
    }
  } catch (error) {
    if (error instanceof WriteRefusedError) throw new CliError(refusedMessage(error, lang), 2);
    throw new CliError(
      format(t.cliText.writeFailed, { file: out, reason: (error as Error).message.split('\n')[0] ?? '' }),
      2,
    );
  }
  if (shortened > 0) io.err(format(t.files.shortened, { count: shortened, file: out }));
  io.out(format(t.cli.wrote, { file: out }));
  return 0;
}
