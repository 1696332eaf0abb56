// The rectification ledger (问题整改) and suggestions (献计) read into records and checked.
import { cellAt, cellText, type ParsedTable } from './grid';
import { parseDateCell } from './dates';
import { FindingList } from './findings';
import type { Rectification, Suggestion } from './schemas';
import { parseRectStatus } from './values';
import { checkDate, IdCheck, type CheckContext } from './check-visits';

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
  const ids = new IdCheck('R');
  return parsed.lines.map((line, i) => {
    const row = parsed.rowNumbers[i] ?? 0;
    const id = cellText(cellAt(line, at.id));
    ids.check(list, row, id);
    const owner = cellText(cellAt(line, at.owner));
    list.invisible(row, 'owner', [owner]);
    const statusText = cellText(cellAt(line, at.status));
    const status = statusText === '' ? undefined : parseRectStatus(statusText);
    if (statusText !== '' && status === undefined)
      list.error(row, 'status', 'STATUS_INVALID', { value: statusText });
    const deadline = parseDateCell(cellAt(line, at.deadline), ctx.settings.timeZone);
    if (deadline === undefined)
      list.error(row, 'deadline', 'DATE_INVALID', { value: cellText(cellAt(line, at.deadline)) });
    const source = cellText(cellAt(line, at.source)).normalize('NFKC');
    if (source !== '' && !SOURCE.test(source))
      list.warning(row, 'source', 'SOURCE_INVALID', { value: source });
    return {
      row,
      id,
      source,
      problem: cellText(cellAt(line, at.problem)),
      rootCause: cellText(cellAt(line, at.rootCause)),
      measures: cellText(cellAt(line, at.measures)),
      owner,
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
  const ids = new IdCheck('S');
  return parsed.lines.map((line, i) => {
    const row = parsed.rowNumbers[i] ?? 0;
    const id = cellText(cellAt(line, at.id));
    ids.check(list, row, id);
    const author = cellText(cellAt(line, at.author));
    list.invisible(row, 'author', [author]);
    return {
      row,
      id,
      date: checkDate(list, row, cellAt(line, at.date), ctx),
      author,
      title: cellText(cellAt(line, at.title)),
      text: cellText(cellAt(line, at.text)),
      category: cellText(cellAt(line, at.category)),
      adopted: cellText(cellAt(line, at.adopted)),
    };
  });
}
