// The sample's follow-through: most 及时汇报/研究实践 follow-ups closed within weeks, a handful open, a few turned into rectification items.
import type { Cell } from '../grid';
import { addDays, daysBetween, type IsoDate } from '../dates';
import { texts } from '../i18n/messages';
import { format } from '../i18n/messages';
import type { SampleContext } from './drafts';
import { leaderUnitOf } from './campaign-rows';
import { samplePhrases } from './phrases';
import { randomFor, type Random } from './random';

/** A visit or home visit of the sample with its ID, before it becomes a row. */
export interface SampleRecord {
  table: 'visits' | 'homeVisits';
  id: string;
  /** The record's day (whatever form its date cell is typed in). */
  date: IsoDate;
  /** No problem is meant for it (a deliberately bad row is left as it is). */
  good: boolean;
  /** No error is meant for it: it is counted, and its follow-up is followed up like any other (a warned row). */
  counted: boolean;
  cells: Record<string, Cell>;
}

/** A record, suggestion or other source a rectification item is opened from. */
export interface LedgerSource {
  id: string;
  date: IsoDate;
  /** The index of the ledger item (samplePhrases().rectification) the source raises. */
  item: number;
  /** Writes the item's R-n (and, for a follow-up, closes it) once the item has its number. */
  link(rectificationId: string, openedOn: IsoDate): void;
}

/** At most this many follow-ups are open on any day, and at least MIN_OPEN when there are recent ones. */
const MAX_OPEN = 10;
const MIN_OPEN = 5;
/** Older open follow-ups (forgotten for a while): at most two, between a month and ~ten weeks old. */
const FORGOTTEN = { max: 2, from: 31, to: 75 };
/** Days after the campaign's start from which each item's follow-up record is looked for (by item index). */
const ITEM_AFTER_DAYS = [10, 0, 0, 50, 30, 150];

/** Whether a record is a follow-up that stays open until its 办结日期 (及时汇报, 研究实践). */
export function isFollowUp(ctx: SampleContext, record: SampleRecord): boolean {
  const words = texts(ctx.lang).values.followUps;
  return record.cells.followUp === words.report || record.cells.followUp === words.study;
}

/** The leader unit (0 校长室 … 4 服务中心) whose targets a visit's visitor sees. */
function visitUnit(ctx: SampleContext, record: SampleRecord): number | undefined {
  const visitor = ctx.people.staff.find((s) => s.name === record.cells.visitor);
  return visitor === undefined ? undefined : leaderUnitOf(visitor);
}

/** Who may be named 跟进人: the principal and vice principals, and for a visit the director of the visitor's unit. */
function ownersFor(ctx: SampleContext, record: SampleRecord): string[] {
  const staff = ctx.people.staff;
  const owners = staff.slice(0, 3).map((s) => s.name);
  if (record.table === 'visits') {
    const unit = visitUnit(ctx, record);
    const director = staff.find((s) => s.active && unit !== undefined && unit > 0 && s.units[0] === unit);
    if (director !== undefined) owners.push(director.name);
  } else {
    const studentCentre = staff.find((s) => s.active && s.units[0] === 1);
    if (studentCentre !== undefined) owners.push(studentCentre.name);
  }
  return owners;
}

/** The active head teacher (班主任) of a class, in either semester of the campaign year. */
function headTeacherOf(ctx: SampleContext, className: Cell): string | undefined {
  const head = samplePhrases(ctx.lang).roles.head;
  return ctx.people.staff.find(
    (s) =>
      s.active &&
      s.role === head &&
      className !== '' &&
      (s.className === className || s.springClass === className),
  )?.name;
}

/**
 * 跟进人: a home visit's mostly the teacher themself or the class's head teacher (now and then a leader); a
 * leader visit's now and then a leader. Unnamed, it defaults to the unit's 负责人.
 */
function ownerOf(ctx: SampleContext, record: SampleRecord, random: Random): string | undefined {
  const draw = random.next();
  const leader = random.pick(ownersFor(ctx, record));
  if (record.table === 'visits') return draw < 0.35 ? leader : undefined;
  const teacher = String(record.cells.teacher ?? '');
  if (draw < 0.45) return teacher;
  if (draw < 0.75) return headTeacherOf(ctx, record.cells.className ?? '') ?? teacher;
  return draw < 0.85 ? leader : undefined;
}

/**
 * The follow-up records the ledger's items come from, one per item not raised by a suggestion: the first good
 * follow-up of the item's kind (a leader visit of its unit, or a home visit) dated from a fixed day after the
 * campaign's start and at least two weeks before today, so a later day adds items instead of reshuffling them.
 * The record is made to say what the item says (情况记录, and 意见建议 or 家长需求); it is linked when the item
 * is numbered: 整改编号 = R-n, 跟进结果 "转整改 R-n", 办结日期 = the item's 登记日期.
 */
export function followUpSources(ctx: SampleContext, records: readonly SampleRecord[]): LedgerSource[] {
  const latest = addDays(ctx.today, -14);
  const taken = new Set<SampleRecord>();
  const sources: LedgerSource[] = [];
  samplePhrases(ctx.lang).rectification.forEach((item, index) => {
    if (item.from === 'suggestion') return;
    const from = addDays(ctx.calendar.campaignStart, ITEM_AFTER_DAYS[index] ?? 0);
    const record = records.find(
      (r) =>
        r.good &&
        isFollowUp(ctx, r) &&
        !taken.has(r) &&
        r.date >= from &&
        r.date <= latest &&
        (item.from === 'home'
          ? r.table === 'homeVisits'
          : r.table === 'visits' && visitUnit(ctx, r) === item.from),
    );
    if (record === undefined) return;
    taken.add(record);
    record.cells.record = item.record;
    if (record.table === 'visits') record.cells.suggestions = item.raised;
    else record.cells.parentNeeds = item.raised;
    sources.push({
      id: record.id,
      date: record.date,
      item: index,
      link(rectificationId, openedOn) {
        record.cells.rectificationId = rectificationId;
        record.cells.followUpResult = format(samplePhrases(ctx.lang).converted, { id: rectificationId });
        record.cells.closedOn = openedOn;
      },
    });
  });
  return sources.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

interface Closing {
  record: SampleRecord;
  closedOn: IsoDate;
  result: string;
  forgotten: boolean;
}

/**
 * The other follow-ups, each from draws of its own (the same on any later day): 跟进人 named (see ownerOf); a
 * 及时汇报 visit has something to report in its 意见建议; closed (跟进结果 that fits a leader or a home visit,
 * 办结日期) mostly within ten days, some within four weeks. Open on today: the most recent ones still in hand,
 * at most MAX_OPEN (the older of those are closed by today), at least MIN_OPEN while there are recent ones, and
 * at most two forgotten for more than a month.
 */
export function closeFollowUps(ctx: SampleContext, records: readonly SampleRecord[]): void {
  const { today } = ctx;
  const phrases = samplePhrases(ctx.lang);
  const report = texts(ctx.lang).values.followUps.report;
  const closings: Closing[] = [];
  for (const record of records) {
    // Every 及时汇报 visit (a warned row too) has something to report.
    if (record.table === 'visits' && record.cells.followUp === report && !record.cells.suggestions)
      record.cells.suggestions = randomFor(`${record.id}|${record.date}|report`).pick(
        phrases.visitSuggestions,
      );
    if (!record.counted || !isFollowUp(ctx, record)) continue;
    const random = randomFor(`${record.id}|${record.date}|follow-up`);
    const owner = ownerOf(ctx, record, random);
    if (owner !== undefined && owner !== '') record.cells.followUpOwner = owner;
    const lag = random.int(1, 10) + (random.chance(0.3) ? random.int(0, 18) : 0);
    const forgets = random.chance(0.05);
    const result = random.pick(record.table === 'visits' ? phrases.visitResults : phrases.homeResults);
    if (record.cells.rectificationId) continue;
    const age = daysBetween(record.date, today);
    closings.push({
      record,
      closedOn: addDays(record.date, lag),
      result,
      forgotten: forgets && age >= FORGOTTEN.from && age <= FORGOTTEN.to,
    });
  }
  const newestFirst = [...closings].sort((a, b) =>
    a.record.date > b.record.date ? -1 : a.record.date < b.record.date ? 1 : 0,
  );
  const open = new Set(newestFirst.filter((c) => c.forgotten).slice(0, FORGOTTEN.max));
  const recent = newestFirst.filter(
    (c) => !c.forgotten && daysBetween(c.record.date, today) < FORGOTTEN.from,
  );
  const inHand = recent.filter((c) => c.closedOn > today);
  for (const c of inHand.slice(0, MAX_OPEN - open.size)) open.add(c);
  for (const c of recent) if (open.size < MIN_OPEN && c.record.date < today) open.add(c);
  for (const c of closings) {
    if (open.has(c)) continue;
    const closedOn = c.closedOn > today ? today : c.closedOn;
    // A follow-up dated today cannot be closed yet.
    if (closedOn <= c.record.date) continue;
    c.record.cells.followUpResult = c.result;
    c.record.cells.closedOn = closedOn;
  }
}

/** A few leader visits carry one or two photo links (照片), which no report shows. */
export function addPhotos(records: readonly SampleRecord[]): void {
  for (const record of records) {
    if (record.table !== 'visits' || !record.good) continue;
    const random = randomFor(`${record.id}|${record.date}|photos`);
    if (!random.chance(0.03)) continue;
    const [year, month] = record.date.split('-');
    const links = Array.from(
      { length: random.int(1, 2) },
      (_, k) => `https://photos.example.edu.cn/${year}/${month}/${record.id.toLowerCase()}-${k + 1}.jpg`,
    );
    record.cells.photos = links.join('\n');
  }
}
