// The campaign as of now: sheets read into the engine, with "today" taken in the school's own time zone.
import { dateInZone, type IsoDate } from '../core/dates';
import { DEFAULT_TIME_ZONE } from '../core/defaults';
import { loadCampaign, type SheetInput } from '../core/engine';
import type { Campaign } from '../core/model';

/** Loads the campaign; the time zone is a setting, so today is settled after a first look at the settings. */
export function loadCampaignNow(
  sheets: readonly SheetInput[],
  now: Date,
): { campaign: Campaign; today: IsoDate } {
  const guess = dateInZone(now, DEFAULT_TIME_ZONE);
  const first = loadCampaign(sheets, guess);
  const today = dateInZone(now, first.settings.timeZone);
  return { campaign: today === guess ? first : loadCampaign(sheets, today), today };
}
