// Reading 设置: the reminder hour in the forms a school types it, or as Sheets stores a typed time.
import { loadCampaign, problemsOf } from '../../src/core/engine';
import { school } from './helpers';

function withReminderHour(value: string) {
  const sheets = school();
  const row = sheets.find((s) => s.name === '设置')?.grid.find((r) => r[0] === '提醒时间');
  if (row === undefined) throw new Error('no reminder-hour row');
  row[1] = value;
  return loadCampaign(sheets, '2027-04-20');
}

describe('the reminder hour in 设置', () => {
  it.each([
    ['7', 7],
    ['7:00', 7],
    ['19：00', 19],
    ['1899-12-30 07:00', 7], // a time value Sheets made of "7:00", as the Sheets adapter reads it
  ])('reads %s as %i o’clock', (typed, hour) => {
    const campaign = withReminderHour(typed);
    expect(campaign.settings.reminderHour).toBe(hour);
    expect(problemsOf(campaign)).toEqual([]);
  });

  it('reports 7:30 (not a whole hour) on the 设置 row and keeps the default of 8', () => {
    const campaign = withReminderHour('7:30');
    expect(campaign.settings.reminderHour).toBe(8);
    expect(problemsOf(campaign).map((p) => [p.sheet, p.code])).toEqual([['设置', 'SETTING_INVALID']]);
  });
});
