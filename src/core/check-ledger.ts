// The rectification ledger (问题整改) and suggestions (献计) read into records and checked.
import { cellText, type ParsedTable } from './grid';
import { parseDateCell } from './dates';
import { FindingList } from './findings';
import type { Rectification, Suggestion } from './schemas';
import { parseRectStatus } from './values';
import { checkDate, type CheckContext } from './check-visits';

const SOURCE = /^[VHS]-\d+$/i;

export function checkRectification(
  parsed: ParsedTable | undefined,
  ctx: CheckContext,
  findings: FindingList[],
): Rectification[] {
  if (parsed === undefined) return [];
  const list = new FindingList(parsed);
  findings.push(list);
  return parsed.rows.map(({ row, cells }) => {
    const statusText = cellText(cells.status);
    const status = statusText === '' ? undefined : parseRectStatus(statusText);
    if (statusText !== '' && status === undefined)
      list.error(row, 'status', 'STATUS_INVALID', { value: statusText });
    const deadline = parseDateCell(cells.deadline);
    if (deadline === undefined)
      list.error(row, 'deadline', 'DATE_INVALID', { value: cellText(cells.deadline ?? null) });
    const source = cellText(cells.source).normalize('NFKC');
    if (source !== '' && !SOURCE.test(source))
      list.warning(row, 'source', 'SOURCE_INVALID', { value: source });
    return {
      row,
      id: cellText(cells.id),
      source,
      problem: cellText(cells.problem),
      rootCause: cellText(cells.rootCause),
      measures: cellText(cells.measures),
      owner: cellText(cells.owner),
      deadline: deadline ?? null,
      status: status ?? (statusText === '' ? 'open' : null),
      lastingRule: cellText(cells.lastingRule),
    };
  });
}

export function checkSuggestions(
  parsed: ParsedTable | undefined,
  ctx: CheckContext,
  findings: FindingList[],
): Suggestion[] {
  if (parsed === undefined) return [];
  const list = new FindingList(parsed);
  findings.push(list);
  return parsed.rows.map(({ row, cells }) => ({
    row,
    id: cellText(cells.id),
    date: checkDate(list, row, cells.date, ctx),
    author: cellText(cells.author),
    title: cellText(cells.title),
    text: cellText(cells.text),
    category: cellText(cells.category),
    adopted: cellText(cells.adopted),
  }));
}
