// Characters a reader cannot see (zero-width, bidi controls, control characters): found, shown as ⟨U+200B⟩ marks, left out of name keys.

/** Control characters (tab and line feed excepted: they show as what they are), C1 controls, lone surrogates. */
const CONTROLS = '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\p{Cs}';
/**
 * Zero-width and bidi formatting characters and the blanks that show nothing: soft hyphen, combining
 * grapheme joiner, Arabic letter mark, Hangul fillers, Mongolian vowel separator, zero-width space and
 * non-joiner, LRM/RLM, line and paragraph separators, LRE…RLO, word joiner and invisible operators,
 * LRI…PDI, byte order mark, interlinear annotation marks.
 */
const FORMATS =
  '\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180E\\u200B\\u200C\\u200E\\u200F' +
  '\\u2028-\\u202E\\u2060-\\u206F\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB';
/** A zero-width joiner, unless it joins two emoji (👨‍👩‍👧 is one picture, not a hidden character). */
const LONE_JOINER = '(?<!\\p{Extended_Pictographic}\\uFE0F?)\\u200D|\\u200D(?!\\p{Extended_Pictographic})';

// Built with new RegExp (not literals): the bundles target es2019, whose syntax check knows no lookbehind.
const INVISIBLE = new RegExp(`[${CONTROLS}${FORMATS}]|${LONE_JOINER}`, 'gu');
const INVISIBLE_TEST = new RegExp(INVISIBLE.source, 'u');
/** In a name key every one of them goes, emoji joiners included. */
const IN_KEYS = new RegExp(`[${CONTROLS}${FORMATS}\\u200D]`, 'gu');

/** A code point as the mark that stands for it: ⟨U+200B⟩. */
export function markOf(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/** Whether a text holds a character a reader cannot see. */
export function hasInvisible(text: string): boolean {
  return INVISIBLE_TEST.test(text);
}

/** The text with each invisible character shown as its mark ('欧阳\u200B明' → '欧阳⟨U+200B⟩明'). */
export function showInvisible(text: string): string {
  return hasInvisible(text) ? text.replace(INVISIBLE, markOf) : text;
}

/** The invisible characters of a text as marks, each once, in order ('⟨U+200B⟩⟨U+202E⟩'). */
export function invisibleMarks(text: string): string {
  return [...new Set(text.match(INVISIBLE) ?? [])].map(markOf).join('');
}

/** The text without any of them (for comparing names). */
export function withoutInvisible(text: string): string {
  return text.replace(IN_KEYS, '');
}
