// What each person and each unit head has on a reminder day (§5): short quota lines, old open follow-ups, overdue items, unit digests.
import { CLASS_IN_PERSON_MINIMUM } from '../defaults';
import { monthOf, type IsoDate } from '../dates';
import { computeStatus, personProgress } from '../engine';
import {
  hasActiveOwner,
  openFollowUps,
  overdueItems,
  unitHead,
  unitOfRecord,
  type FollowUpItem,
  type OverdueItem,
} from '../follow-through';
import { nameKey } from '../names';
import type { Campaign, ClassLine, CoverageLine, PersonLine } from '../model';
import type { Unit } from '../schemas';

/** An open follow-up is reminded once it is older than this many days. */
export const FOLLOW_UP_REMIND_AFTER = 7;

export type ReminderKind = 'person' | 'digest';

/** One unit of a person's mail: their line this month (behind or not yet met) and who is left. */
export interface QuotaSection {
  line: PersonLine;
  homeVisits: boolean;
  /** Not yet visited this cycle (their 分管 people first), or students of their class this semester. */
  missing: string[];
}

export interface PersonDue {
  kind: 'person';
  /** The staff member, as 人员 spells the name. */
  name: string;
  /** The units of the quota sections. */
  units: string[];
  quota: QuotaSection[];
  /** Open follow-ups they own, older than 7 days (those in a digest they get are left to the digest). */
  followUps: FollowUpItem[];
  /** Overdue rectification items whose 责任人 they are (likewise). */
  overdue: OverdueItem[];
}

export interface DigestDue {
  kind: 'digest';
  /** The unit head. */
  name: string;
  unit: Unit;
  units: string[];
  /** The unit's members behind this month, and those on track who have not yet met the minimum. */
  behind: PersonLine[];
  notYetMet: PersonLine[];
  /** A leader unit's cycle coverage (null for the home-visit unit). */
  coverage: CoverageLine | null;
  /** The home-visit unit's classes not yet covered (someone not visited, or fewer than 2 in person). */
  classes: ClassLine[];
  /** The unit's open follow-ups older than 7 days: those of records whose unit it is (the rule of the default owner). */
  followUps: FollowUpItem[];
  /** The unit's overdue items: those whose 责任人's unit it is (first leader unit, else the home-visit unit). */
  overdue: OverdueItem[];
  /**
   * Overdue items whose 责任人 is empty or not an active staff member: in the digest of the school's leading unit
   * (the first unit of 部门指标 with a head) only, so that they reach somebody.
   */
  ownerless: OverdueItem[];
}

export type Due = PersonDue | DigestDue;

function isShort(line: PersonLine): boolean {
  return line.status === 'behind' || line.status === 'on_track';
}

function hasContent(due: Due): boolean {
  if (due.kind === 'person') return due.quota.length + due.followUps.length + due.overdue.length > 0;
  return (
    due.behind.length +
      due.notYetMet.length +
      due.classes.length +
      due.followUps.length +
      due.overdue.length +
      due.ownerless.length >
      0 || (due.coverage?.missing.length ?? 0) > 0
  );
}

/** The unit an overdue item belongs to: its 责任人's first leader unit, else their home-visit unit. */
function unitOfOwner(campaign: Campaign, owner: string): Unit | undefined {
  return unitOfRecord(campaign, owner, false) ?? unitOfRecord(campaign, owner, true);
}

/**
 * The school's leading unit (our reading of §5): the first unit of 部门指标 (normally 校长室) that has a head, whose
 * digest carries the overdue items nobody on the roster owns; undefined when no unit has a head.
 */
export function leadingUnit(campaign: Campaign): Unit | undefined {
  return campaign.units.find((unit) => unitHead(campaign, unit) !== undefined);
}

/**
 * Every message due on `today`, as of today's figures: per active staff member in roster order, the digests
 * of the units they head, then their own mail. Someone with nothing to do has none.
 */
export function remindersDue(campaign: Campaign, today: IsoDate): Due[] {
  const status = computeStatus(campaign, monthOf(today), today);
  const followUps = openFollowUps(campaign, today, today).filter((f) => f.age > FOLLOW_UP_REMIND_AFTER);
  const overdue = overdueItems(campaign, today);
  const unitKeyOf = (unit: Unit | undefined) => (unit === undefined ? '' : nameKey(unit.name));
  const followUpUnit = new Map(
    followUps.map((f) => [f, unitKeyOf(unitOfRecord(campaign, f.visitor, f.kind === 'homeVisit'))]),
  );
  const ownerless = new Set(overdue.filter((o) => !hasActiveOwner(campaign, o.owner)));
  const leading = leadingUnit(campaign);
  const overdueUnit = new Map(
    overdue.map((o) => [o, ownerless.has(o) ? '' : unitKeyOf(unitOfOwner(campaign, o.owner))]),
  );

  const digestsOf = new Map<string, DigestDue[]>();
  const headed = new Set<string>();
  for (const unit of campaign.units) {
    const unitKey = nameKey(unit.name);
    const head = unitHead(campaign, unit);
    if (head === undefined || headed.has(unitKey)) continue;
    headed.add(`${nameKey(head)}|${unitKey}`);
    headed.add(unitKey);
    const lines = status.people.filter((l) => nameKey(l.unit) === unitKey);
    const digest: DigestDue = {
      kind: 'digest',
      name: head,
      unit,
      units: [unit.name],
      behind: lines.filter((l) => l.status === 'behind'),
      notYetMet: lines.filter((l) => l.status === 'on_track'),
      coverage: unit.homeVisits ? null : (status.coverage.find((c) => nameKey(c.unit) === unitKey) ?? null),
      classes: unit.homeVisits
        ? status.classes.filter((c) => c.visited < c.students || c.inPerson < CLASS_IN_PERSON_MINIMUM)
        : [],
      followUps: followUps.filter((f) => followUpUnit.get(f) === unitKey),
      overdue: overdue.filter((o) => overdueUnit.get(o) === unitKey),
      ownerless: unit === leading ? overdue.filter((o) => ownerless.has(o)) : [],
    };
    if (!hasContent(digest)) continue;
    const list = digestsOf.get(nameKey(head)) ?? [];
    list.push(digest);
    digestsOf.set(nameKey(head), list);
  }

  const due: Due[] = [];
  for (const person of campaign.rosters.staff) {
    const key = nameKey(person.name);
    if (!person.active || campaign.rosters.staffByKey.get(key) !== person) continue;
    const digests = digestsOf.get(key) ?? [];
    due.push(...digests);
    const inDigest = new Set<unknown>(digests.flatMap((d) => [...d.followUps, ...d.overdue]));
    const lines = status.people.filter(
      (l) => nameKey(l.name) === key && isShort(l) && !headed.has(`${key}|${nameKey(l.unit)}`),
    );
    const left = lines.length > 0 ? personProgress(campaign, person.name, today).missing : [];
    const own: PersonDue = {
      kind: 'person',
      name: person.name,
      units: lines.map((l) => l.unit),
      quota: lines.map((line) => ({
        line,
        homeVisits: campaign.rosters.unitByKey.get(nameKey(line.unit))?.homeVisits ?? false,
        missing: left.find((m) => nameKey(m.unit) === nameKey(line.unit))?.names ?? [],
      })),
      followUps: followUps.filter((f) => nameKey(f.owner) === key && !inDigest.has(f)),
      overdue: overdue.filter((o) => nameKey(o.owner) === key && !inDigest.has(o)),
    };
    if (hasContent(own)) due.push(own);
  }
  return due;
}
