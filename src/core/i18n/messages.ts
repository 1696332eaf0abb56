// The shape of a language's texts (zh.ts is the model) and the lookup and formatting helpers.
import { zh } from './zh';
import { en } from './en';
import { showInvisible } from '../invisible';

type Widen<T> = T extends string ? string : { readonly [K in keyof T]: Widen<T[K]> };

export type Messages = Widen<typeof zh>;
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

export function texts(lang: Lang): Messages {
  return lang === 'en' ? en : zh;
}

/**
 * Fills {name} placeholders; unknown placeholders stay as written. Every value shows its invisible
 * characters as marks (欧阳⟨U+200B⟩明): this is the one place messages are put together, so no message
 * anywhere (cell, note, email, terminal) can hide a zero-width space, turn round on a bidi control or
 * carry a raw control character.
 */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? showInvisible(String(params[key])) : whole,
  );
}
