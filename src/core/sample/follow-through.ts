// The sample's follow-through: most 及时汇报/研究实践 follow-ups closed within weeks, a handful open, a few turned into rectification items.
import type { Cell } from '../grid';
import { addDays, daysBetween, type IsoDate } from '../dates';
import { texts } from '../i18n/messages';
import { format } from '../i18n/messages';
import type { SampleContext } from './drafts';
import { leaderUnitOf } from './campaign-rows';
import { samplePhrases } from './phrases';

/** A visit or home visit of the sample with its ID, before it becomes a row. */
export interface SampleRecord {
  table: 'visits' | 'homeVisits';
  id: string;
  /** The record's day (whatever form its date cell is typed in). */
  date: IsoDate;
  /** No problem is meant for it (a deliberately bad row is left as it is). */
  good: boolean;
  cells: Record<string, Cell>;
}

/** A record, suggestion or other source a rectification item is opened from. */
export interface LedgerSource {
  id: string;
  date: IsoDate;
  /** Writes the item's R-n (and, for a follow-up, closes it) once the item has its number. */
  link(rectificationId: string, openedOn: IsoDate): void;
}

/** Whether a record is a follow-up that stays open until its 办结日期 (及时汇报, 研究实践). */
export function isFollowUp(ctx: SampleContext, record: SampleRecord): boolean {
  const words = texts(ctx.lang).values.followUps;
  return record.cells.followUp === words.report || record.cells.followUp === words.study;
}

/** Who may be named 跟进人: the principal and vice principals, and for a visit the director of the visitor's unit. */
function ownersFor(ctx: SampleContext, record: SampleRecord): string[] {
  const staff = ctx.people.staff;
  const owners = staff.slice(0, 3).map((s) => s.name);
  if (record.table === 'visits') {
    const visitor = staff.find((s) => s.name === record.cells.visitor);
    const unit = visitor === undefined ? undefined : leaderUnitOf(visitor);
    const director = staff.find((s) => s.active && unit !== undefined && unit > 0 && s.units[0] === unit);
    if (director !== undefined) owners.push(director.name);
  } else {
    const studentCentre = staff.find((s) => s.active && s.units[0] === 1);
    if (studentCentre !== undefined) owners.push(studentCentre.name);
  }
  return owners;
}

/**
 * A few older follow-ups become rectification items: up to `visits` visits and `homeVisits` home visits at
 * least two weeks old, spread over the months. Each is linked when its item is numbered: 整改编号 = R-n,
 * 跟进结果 "转整改 R-n", 办结日期 = the item's 登记日期 (a few days after the record).
 */
export function followUpSources(
  ctx: SampleContext,
  records: readonly SampleRecord[],
  counts: { visits: number; homeVisits: number },
): LedgerSource[] {
  const { random, today } = ctx;
  const sources: LedgerSource[] = [];
  for (const table of ['visits', 'homeVisits'] as const) {
    const candidates = records.filter(
      (r) => r.table === table && r.good && isFollowUp(ctx, r) && daysBetween(r.date, today) >= 14,
    );
    const wanted = Math.min(counts[table], candidates.length);
    for (let k = 0; k < wanted; k++) {
      // One from each part of the list, so the items are spread over the campaign.
      const lo = Math.floor((k * candidates.length) / wanted);
      const hi = Math.floor(((k + 1) * candidates.length) / wanted) - 1;
      const record = candidates[random.int(lo, Math.max(lo, hi))]!;
      sources.push({
        id: record.id,
        date: record.date,
        link(rectificationId, openedOn) {
          record.cells.rectificationId = rectificationId;
          record.cells.followUpResult = format(samplePhrases(ctx.lang).converted, { id: rectificationId });
          record.cells.closedOn = openedOn;
        },
      });
    }
  }
  return sources;
}

/**
 * The other follow-ups: 跟进人 named now and then; most closed within ten days, some within five weeks (跟进结果
 * and 办结日期, never after today); a handful left open, and the most recent ones still open.
 */
export function closeFollowUps(ctx: SampleContext, records: readonly SampleRecord[]): void {
  const { random, today } = ctx;
  const results = samplePhrases(ctx.lang).followUpResults;
  for (const record of records) {
    if (!record.good || !isFollowUp(ctx, record)) continue;
    if (random.chance(0.35)) record.cells.followUpOwner = random.pick(ownersFor(ctx, record));
    if (record.cells.rectificationId) continue;
    // Most within ten days, some take up to five weeks.
    const lag = random.int(1, 10) + (random.chance(0.3) ? random.int(0, 25) : 0);
    const closedOn = addDays(record.date, lag);
    if (closedOn > today || random.chance(0.05)) continue;
    record.cells.followUpResult = random.pick(results);
    record.cells.closedOn = closedOn;
  }
}
