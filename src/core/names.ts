// Name comparison and list cells: NFKC normalisation, inner white space and invisible characters removed, the plan's separators.
import { withoutInvisible } from './invisible';

const KEY_CACHE = new Map<string, string>();
const KEY_CACHE_LIMIT = 100_000;

/**
 * The form in which two names are compared: NFKC, trimmed, no inner white space, and none of the
 * characters nobody can see (a zero-width space pasted from a chat app must not make 欧阳明 a stranger;
 * the row gets a NAME_INVISIBLE warning instead).
 */
export function nameKey(name: string): string {
  let key = KEY_CACHE.get(name);
  if (key === undefined) {
    key = withoutInvisible(name.normalize('NFKC').replace(/\s+/gu, ''));
    if (KEY_CACHE.size >= KEY_CACHE_LIMIT) KEY_CACHE.clear();
    KEY_CACHE.set(name, key);
  }
  return key;
}

const LIST_SEPARATORS = /[、,，;；\n\r]+/u;

/** Splits a list cell ("张三、李四, 王五") into its entries, as typed but trimmed, empty ones dropped. */
export function splitList(cell: string): string[] {
  return cell
    .split(LIST_SEPARATORS)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** Text that a spreadsheet would take for a formula if a script wrote it as is. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/u.test(text);
}
