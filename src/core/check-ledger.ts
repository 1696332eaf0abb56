// The rectification ledger (问题整改) and suggestions (献计) read into records and checked.
import { cellAt, cellText, type ParsedTable } from './grid';
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
  const at = parsed.columnIndex;
  return parsed.lines.map((line, i) => {
    const row = parsed.rowNumbers[i] ?? 0;
    const statusText = cellText(cellAt(line, at.status));
    const status = statusText === '' ? undefined : parseRectStatus(statusText);
    if (statusText !== '' && status === undefined)
      list.error(row, 'status', 'STATUS_INVALID', { value: statusText });
    const deadline = parseDateCell(cellAt(line, at.deadline));
    if (deadline === undefined)
      list.error(row, 'deadline', 'DATE_INVALID', { value: cellText(cellAt(line, at.deadline)) });
    const source = cellText(cellAt(line, at.source)).normalize('NFKC');
    if (source !== '' && !SOURCE.test(source))
      list.warning(row, 'source', 'SOURCE_INVALID', { value: source });
    return {
      row,
      id: cellText(cellAt(line, at.id)),
      source,
      problem: cellText(cellAt(line, at.problem)),
      rootCause: cellText(cellAt(line, at.rootCause)),
      measures: cellText(cellAt(line, at.measures)),
      owner: cellText(cellAt(line, at.owner)),
      deadline: deadline ?? null,
      status: status ?? (statusText === '' ? 'open' : null),
      lastingRule: cellText(cellAt(line, at.lastingRule)),
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
  const at = parsed.columnIndex;
  return parsed.lines.map((line, i) => ({
    row: parsed.rowNumbers[i] ?? 0,
    id: cellText(cellAt(line, at.id)),
    date: checkDate(list, parsed.rowNumbers[i] ?? 0, cellAt(line, at.date), ctx),
    author: cellText(cellAt(line, at.author)),
    title: cellText(cellAt(line, at.title)),
    text: cellText(cellAt(line, at.text)),
    category: cellText(cellAt(line, at.category)),
    adopted: cellText(cellAt(line, at.adopted)),
  }));
}
