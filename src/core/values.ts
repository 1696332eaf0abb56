// Choice cells (mode, follow-up, status, yes/no, language) read in either language, and written in one.
import { zh } from './i18n/zh';
import { en } from './i18n/en';
import type { Lang } from './i18n/messages';
import { nameKey } from './names';
import {
  FOLLOW_UPS,
  HOME_VISIT_MODES,
  MODES,
  RECT_STATUSES,
  ADOPTIONS,
  DISCUSSION_FORMS,
  type Adoption,
  type DiscussionForm,
  type FollowUp,
  type Mode,
  type RectStatus,
} from './schemas';

function choiceKey(text: string): string {
  return nameKey(text).toLowerCase();
}

function lookup<T extends string>(
  keys: readonly T[],
  names: (lang: Lang) => Readonly<Record<T, string>>,
  aliases: Record<string, T> = {},
): Map<string, T> {
  const map = new Map<string, T>();
  for (const key of keys) {
    map.set(choiceKey(names('zh')[key]), key);
    map.set(choiceKey(names('en')[key]), key);
    map.set(choiceKey(key), key);
  }
  for (const [alias, key] of Object.entries(aliases)) map.set(choiceKey(alias), key);
  return map;
}

const langTexts = (lang: Lang) => (lang === 'en' ? en : zh);

/** A lookup read through a cache by the cell's own text: a sheet repeats a handful of choices. */
function byText<T extends string>(map: Map<string, T>): (text: string) => T | undefined {
  const seen = new Map<string, T | null>();
  return (text) => {
    let value = seen.get(text);
    if (value === undefined) {
      value = map.get(choiceKey(text)) ?? null;
      if (seen.size >= 10_000) seen.clear();
      seen.set(text, value);
    }
    return value ?? undefined;
  };
}

const MODE_LOOKUP = lookup(MODES, (l) => langTexts(l).values.modes, {
  通讯: 'phone',
  通讯家访: 'phone',
  电话家访: 'phone',
  上门家访: 'inPerson',
  来校家访: 'atSchool',
  集中: 'group',
  'in-person': 'inPerson',
  'at-school': 'atSchool',
  group: 'group',
});
const FOLLOW_UP_LOOKUP = lookup(FOLLOW_UPS, (l) => langTexts(l).values.followUps);
const RECT_STATUS_LOOKUP = lookup(RECT_STATUSES, (l) => langTexts(l).values.rectStatus);
const ADOPTION_LOOKUP = lookup(ADOPTIONS, (l) => langTexts(l).values.adopted, {
  已采纳: 'yes',
  未采纳: 'no',
  'not adopted': 'no',
});
const FORM_LOOKUP = lookup(DISCUSSION_FORMS, (l) => langTexts(l).values.discussionForms, {
  研讨: 'seminar',
  报告: 'lecture',
  座谈: 'forum',
  宣传栏: 'column',
  专栏: 'column',
});
const adoptionOf = byText(ADOPTION_LOOKUP);
const formOf = byText(FORM_LOOKUP);
const modeOf = byText(MODE_LOOKUP);
const followUpOf = byText(FOLLOW_UP_LOOKUP);
const rectStatusOf = byText(RECT_STATUS_LOOKUP);

/** A mode cell: the mode, or undefined if it is none of the plan's modes. */
export function parseMode(text: string): Mode | undefined {
  return modeOf(text);
}

export function isHomeVisitMode(mode: Mode): mode is (typeof HOME_VISIT_MODES)[number] {
  return (HOME_VISIT_MODES as readonly string[]).includes(mode);
}

export function parseFollowUp(text: string): FollowUp | undefined {
  return followUpOf(text);
}

export function parseRectStatus(text: string): RectStatus | undefined {
  return rectStatusOf(text);
}

/** A 采纳 cell: empty is pending; undefined when it is none of 待定, 采纳, 不采纳. */
export function parseAdoption(text: string): Adoption | undefined {
  return text.trim() === '' ? 'pending' : adoptionOf(text);
}

/** A 讨论活动 › 形式 cell: undefined when it is none of the plan's forms. */
export function parseDiscussionForm(text: string): DiscussionForm | undefined {
  return formOf(text);
}

export function adoptionName(value: Adoption, lang: Lang): string {
  return langTexts(lang).values.adopted[value];
}

export function discussionFormName(value: DiscussionForm, lang: Lang): string {
  return langTexts(lang).values.discussionForms[value];
}

const YES = new Set(['是', 'yes', 'y', 'true', '1', '在岗', '√', '✓'].map(choiceKey));
const NO = new Set(['否', 'no', 'n', 'false', '0', '离岗', '不在岗', '×'].map(choiceKey));

/** A yes/no cell: true, false, or undefined if it is neither. */
export function parseYesNo(cell: unknown): boolean | undefined {
  if (typeof cell === 'boolean') return cell;
  const key = choiceKey(String(cell ?? ''));
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return undefined;
}

export function parseLang(text: string): Lang | undefined {
  const key = choiceKey(text);
  if (['zh', '中文', 'chinese', 'zh-cn', '简体中文'].includes(key)) return 'zh';
  if (['en', 'english', '英文', '英语'].includes(key)) return 'en';
  return undefined;
}

export function modeName(mode: Mode, lang: Lang): string {
  return langTexts(lang).values.modes[mode];
}

export function followUpName(value: FollowUp, lang: Lang): string {
  return langTexts(lang).values.followUps[value];
}

export function rectStatusName(value: RectStatus, lang: Lang): string {
  return langTexts(lang).values.rectStatus[value];
}

/** The names offered in a dropdown, in a language. */
export function choiceNames(
  kind: 'modes' | 'homeVisitModes' | 'followUps' | 'rectStatus' | 'adopted' | 'discussionForms',
  lang: Lang,
): string[] {
  const v = langTexts(lang).values;
  if (kind === 'adopted') return ADOPTIONS.map((a) => v.adopted[a]);
  if (kind === 'discussionForms') return DISCUSSION_FORMS.map((f) => v.discussionForms[f]);
  if (kind === 'modes') return MODES.map((m) => v.modes[m]);
  if (kind === 'homeVisitModes') return HOME_VISIT_MODES.map((m) => v.modes[m]);
  if (kind === 'followUps') return FOLLOW_UPS.map((f) => v.followUps[f]);
  return RECT_STATUSES.map((s) => v.rectStatus[s]);
}
