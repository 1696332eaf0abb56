// The rectification ledger (问题整改), suggestions (献计) and discussion activities (讨论活动) read and checked.
import { cellAt, cellText, type Cell, type ParsedTable } from './grid';
import { parseDateCell, type IsoDate } from './dates';
import { FindingList } from './findings';
import type { Discussion, Rectification, Suggestion } from './schemas';
import { parseAdoption, parseDiscussionForm, parseRectStatus } from './values';
import { checkDate, IdCheck, type CheckContext } from './check-visits';
import { idKey } from './check-references';

const SOURCE = /^[VHS]-\d+$/i;

/** A date cell that may be empty: null when empty, a DATE_INVALID warning when unreadable. */
function optionalDate(
  list: FindingList,
  row: number,
  column: string,
  cell: Cell | undefined,
  ctx: CheckContext,
): IsoDate | null {
  const date = parseDateCell(cell, ctx.settings.timeZone);
  if (date === undefined) list.warning(row, column, 'DATE_INVALID', { value: cellText(cell) });
  return date ?? null;
}

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
    if (source !== '' && !SOURCE.test(idKey(source)))
      list.warning(row, 'source', 'SOURCE_INVALID', { value: source });
    const openedOn = optionalDate(list, row, 'openedOn', cellAt(line, at.openedOn), ctx);
    const doneOn = optionalDate(list, row, 'doneOn', cellAt(line, at.doneOn), ctx);
    return {
      row,
      id,
      openedOn,
      source,
      problem: cellText(cellAt(line, at.problem)),
      rootCause: cellText(cellAt(line, at.rootCause)),
      measures: cellText(cellAt(line, at.measures)),
      owner,
      deadline: deadline ?? null,
      status: status ?? (statusText === '' ? 'open' : null),
      doneOn,
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
    const adopted = cellText(cellAt(line, at.adopted));
    const adoption = parseAdoption(adopted);
    if (adoption === undefined) list.warning(row, 'adopted', 'ADOPTED_INVALID', { value: adopted });
    return {
      row,
      id,
      date: checkDate(list, row, cellAt(line, at.date), ctx),
      author,
      title: cellText(cellAt(line, at.title)),
      text: cellText(cellAt(line, at.text)),
      category: cellText(cellAt(line, at.category)),
      adopted,
      adoption: adoption ?? null,
      rectificationId: cellText(cellAt(line, at.rectificationId)).normalize('NFKC').trim(),
    };
  });
}

export function checkDiscussions(
  parsed: ParsedTable | undefined,
  ctx: CheckContext,
  findings: FindingList[],
): Discussion[] {
  if (parsed === undefined) return [];
  const list = new FindingList(parsed);
  findings.push(list);
  const at = parsed.columnIndex;
  const ids = new IdCheck('D');
  return parsed.lines.map((line, i) => {
    const row = parsed.rowNumbers[i] ?? 0;
    const id = cellText(cellAt(line, at.id));
    ids.check(list, row, id);
    const formText = cellText(cellAt(line, at.form));
    const form = parseDiscussionForm(formText);
    if (formText !== '' && form === undefined) list.error(row, 'form', 'FORM_INVALID', { value: formText });
    const organiser = cellText(cellAt(line, at.organiser));
    list.invisible(row, 'organiser', [organiser]);
    const attendanceText = cellText(cellAt(line, at.attendance)).normalize('NFKC').trim();
    const attendance = attendanceText === '' ? null : Number(attendanceText);
    const readable = attendance !== null && Number.isInteger(attendance) && attendance >= 0;
    if (attendance !== null && !readable)
      list.warning(row, 'attendance', 'ATTENDANCE_INVALID', { value: attendanceText });
    return {
      row,
      id,
      date: checkDate(list, row, cellAt(line, at.date), ctx),
      form: form ?? (formText === '' ? 'other' : null),
      topic: cellText(cellAt(line, at.topic)),
      organiser,
      attendance: readable ? attendance : null,
      record: cellText(cellAt(line, at.record)),
    };
  });
}
