// Every percentage against its aim: met, on the way (as far as the period's elapsed share asks), or behind.
import { daysBetween, type IsoDate } from '../dates';

export type AimLook = 'met' | 'onTrack' | 'behind';

/** The one palette of aims, shared by 进度, the monthly report and its .xlsx: green, amber, red. */
export const AIM_COLORS: Readonly<Record<AimLook, string>> = {
  met: '#d9ead3',
  onTrack: '#fff2cc',
  behind: '#f4cccc',
};

/** The share of a period [start, end] gone by on `asAt` (0–1; 1 once the period has ended). */
export function elapsedShare(start: IsoDate, end: IsoDate, asAt: IsoDate): number {
  if (asAt >= end) return 1;
  if (asAt < start) return 0;
  const days = daysBetween(start, end) + 1;
  return days <= 0 ? 1 : (daysBetween(start, asAt) + 1) / days;
}

/**
 * A share done (0–1) against an aim of 100 % by the period's end: met at 100 %, on track while at least the
 * elapsed share is done (less a tenth, the week's slack), behind below. A period that has ended is met or behind.
 */
export function aimLook(done: number, elapsed = 1): AimLook {
  if (done >= 1) return 'met';
  if (elapsed < 1 && done >= elapsed - 0.1) return 'onTrack';
  return 'behind';
}

/** The colour of a share done against its aim; null when there is nothing to measure. */
export function aimColor(done: number | null, elapsed = 1): string | null {
  return done === null ? null : AIM_COLORS[aimLook(done, elapsed)];
}

/** A count against a minimum (a class's in-person visits against 2): met or behind. */
export function minimumColor(count: number, minimum: number): string {
  return AIM_COLORS[count >= minimum ? 'met' : 'behind'];
}
