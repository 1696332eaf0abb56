// The campaign phase of a day: 筹备 before the start; 大讨论 early March – mid April; 大转变 by month.
import type { IsoDate } from './dates';
import type { Settings } from './schemas';
import { texts, type Lang } from './i18n/messages';

export type PhaseKey = 'before' | 'discussion' | 'mobilisation' | 'process' | 'consolidation';

/** The last day of April still in the discussion phase ("mid April"). */
const DISCUSSION_LAST_APRIL_DAY = 15;

/**
 * The phases a day falls in. 大讨论 (1 March – 15 April) runs alongside 大转变·思想发动 (March–April);
 * then 过程管控 (May–November) and 建章立制 (December, and January–February after it).
 * January–February of the start year, once the campaign has started, count as 思想发动.
 */
export function phaseOf(date: IsoDate, settings: Pick<Settings, 'campaignStart'>): PhaseKey[] {
  if (date < settings.campaignStart) return ['before'];
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (month === 3 || month === 4) {
    const discussion = month === 3 || day <= DISCUSSION_LAST_APRIL_DAY;
    return discussion ? ['discussion', 'mobilisation'] : ['mobilisation'];
  }
  if (month >= 5 && month <= 11) return ['process'];
  if (month === 12) return ['consolidation'];
  return date.slice(0, 4) === settings.campaignStart.slice(0, 4) ? ['mobilisation'] : ['consolidation'];
}

/** The last day of the discussion phase (大讨论) of the campaign year: 15 April of the start year. */
export function discussionEnd(settings: Pick<Settings, 'campaignStart'>): IsoDate {
  return `${settings.campaignStart.slice(0, 4)}-04-${String(DISCUSSION_LAST_APRIL_DAY).padStart(2, '0')}`;
}

/** The phases of a day in words, e.g. "大讨论 · 大转变·思想发动". */
export function phaseLabel(date: IsoDate, settings: Pick<Settings, 'campaignStart'>, lang: Lang): string {
  const names = texts(lang).phases;
  return phaseOf(date, settings)
    .map((p) => names[p])
    .join(' · ');
}
