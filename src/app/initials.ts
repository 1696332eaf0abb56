// The pinyin initials of a name ('wf' for 王芳), worked out on the server so no pinyin table reaches the browser.

/**
 * Lower-case initials of a name, one letter per character ('' when unknown). The Apps Script and playground
 * wiring give a pinyin package's; without one every name has none and the search matches names and 学号 only.
 */
export type Initials = (name: string) => string;

export const NO_INITIALS: Initials = () => '';

/** Initials of a name as the search compares them: lower-case ASCII letters only. */
export function initialsOf(initials: Initials | undefined, name: string): string {
  if (initials === undefined) return '';
  try {
    return initials(name)
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  } catch {
    return '';
  }
}
