// The sample school's follow-through: follow-ups closed within weeks, a handful open, conversions linked both ways, a ledger whose sources make sense.
import { sampleSchool, type SampleSchool } from '../../src/core/sample/sample-school';
import { loadCampaign } from '../../src/core/engine';
import { daysBetween } from '../../src/core/dates';
import { nameKey } from '../../src/core/names';
import { defaultHeaders, sheetName, TABLE_KEYS } from '../../src/core/tables';
import type { Lang } from '../../src/core/i18n/messages';

function sheetsOf(school: SampleSchool) {
  return TABLE_KEYS.map((key) => ({
    name: sheetName(key, school.lang),
    grid: [defaultHeaders(key, school.lang), ...school.rows[key]],
  }));
}

describe.each<[string, Lang]>([
  ['2027-11-15', 'zh'],
  ['2027-05-10', 'zh'],
  ['2028-01-10', 'en'],
])('the follow-through of the sample on %s (%s)', (today, lang) => {
  const school = sampleSchool(today, lang);
  const campaign = loadCampaign(sheetsOf(school), today);
  const records = [...campaign.visits, ...campaign.homeVisits].filter((r) => r.valid);
  const followUps = records.filter((r) => r.followUp === 'report' || r.followUp === 'study');
  const active = new Set(campaign.rosters.staff.filter((p) => p.active).map((p) => nameKey(p.name)));
  const byId = new Map<string, { date: string | null }>(
    [...campaign.visits, ...campaign.homeVisits, ...campaign.suggestions].map((r) => [r.id, r]),
  );
  const items = new Map(campaign.rectification.map((r) => [r.id, r]));
  const converted = texts(lang);

  it('closes most follow-ups within weeks, never after today, and leaves a handful open', () => {
    const closed = followUps.filter((r) => r.closedOn !== null);
    const open = followUps.filter((r) => r.closedOn === null);
    expect(closed.length).toBeGreaterThanOrEqual(followUps.length * 0.75);
    expect(open.length).toBeGreaterThanOrEqual(2);
    // Open: the recent ones, and a handful of older ones forgotten.
    const old = open.filter((r) => daysBetween(r.date!, today) > 35);
    expect(old.length).toBeLessThanOrEqual(Math.max(3, followUps.length * 0.08));
    for (const r of closed) {
      expect(r.closedOn! > r.date!).toBe(true);
      expect(r.closedOn! <= today).toBe(true);
      expect(daysBetween(r.date!, r.closedOn!)).toBeLessThanOrEqual(35);
      expect(r.followUpResult).not.toBe('');
    }
    // 跟进人 sometimes, always an active staff member.
    const owned = followUps.filter((r) => r.followUpOwner !== '');
    expect(owned.length).toBeGreaterThan(0);
    expect(owned.length).toBeLessThan(followUps.length);
    for (const r of owned) expect(active.has(nameKey(r.followUpOwner))).toBe(true);
  });

  it('turns a few follow-ups into rectification items, linked both ways and dated after the record', () => {
    const turned = records.filter((r) => r.rectificationId !== '');
    expect(turned.length).toBeGreaterThanOrEqual(today >= '2027-06-01' ? 3 : 1);
    for (const r of turned) {
      const item = items.get(r.rectificationId)!;
      expect(item.source).toBe(r.id);
      expect(item.openedOn! > r.date!).toBe(true);
      expect(r.followUpResult).toBe(converted(r.rectificationId));
      expect(r.closedOn).toBe(item.openedOn);
    }
  });

  it('has a ledger whose every source is an earlier record, owners on the roster, done items dated', () => {
    expect(campaign.rectification.length).toBeGreaterThanOrEqual(3);
    campaign.rectification.forEach((item, i) => {
      expect(item.id).toBe(`R-${i + 1}`);
      const source = byId.get(item.source);
      expect(source).toBeDefined();
      expect(source!.date! < item.openedOn!).toBe(true);
      expect(item.openedOn! <= today).toBe(true);
      expect(active.has(nameKey(item.owner))).toBe(true);
      if (item.status === 'done' || item.status === 'rule') {
        expect(item.doneOn! >= item.openedOn!).toBe(true);
        expect(item.doneOn! <= today).toBe(true);
      } else expect(item.doneOn).toBeNull();
      if (item.status === 'rule') expect(item.lastingRule).not.toBe('');
    });
    // Registered in order of 登记日期.
    const opened = campaign.rectification.map((r) => r.openedOn!);
    expect([...opened].sort()).toEqual(opened);
  });

  it('clusters suggestions in the discussion phase, adopts some, and links the converted ones both ways', () => {
    const phase = campaign.suggestions.filter((s) => s.date! >= '2027-03-25' && s.date! <= '2027-04-15');
    expect(phase.length).toBeGreaterThanOrEqual(campaign.suggestions.length * 0.6);
    expect(campaign.suggestions.every((s) => s.date! <= today)).toBe(true);
    expect(campaign.suggestions.some((s) => s.adoption === 'yes')).toBe(true);
    const linked = campaign.suggestions.filter((s) => s.rectificationId !== '');
    expect(linked.length).toBeGreaterThanOrEqual(1);
    expect(linked.length).toBeLessThanOrEqual(2);
    for (const s of linked) {
      expect(s.adoption).toBe('yes');
      expect(items.get(s.rectificationId)?.source).toBe(s.id);
    }
  });

  it('has discussion activities, mostly in the discussion phase, each with a form', () => {
    const d = campaign.discussions;
    expect(d.length).toBeGreaterThanOrEqual(4);
    expect(d.map((x) => x.id)).toEqual(d.map((_, i) => `D-${i + 1}`));
    expect(d.every((x) => x.form !== null && x.date! <= today)).toBe(true);
    expect(d.filter((x) => x.date! <= '2027-04-15').length).toBeGreaterThan(d.length / 2);
    expect(d.some((x) => (x.attendance ?? 0) > 0)).toBe(true);
  });

  it('names a head for a unit or two and an assigned leader for some targets, all on the roster', () => {
    const heads = campaign.units.filter((u) => u.head !== '');
    expect(heads.length).toBeGreaterThanOrEqual(1);
    for (const u of heads) {
      const person = campaign.rosters.staffByKey.get(nameKey(u.head));
      expect(person?.units.map(nameKey)).toContain(nameKey(u.name));
    }
    const assigned = campaign.targets.filter((t) => t.assignedTo.length > 0);
    expect(assigned.length).toBeGreaterThan(10);
    expect(assigned.length).toBeLessThan(campaign.targets.length / 2);
    for (const t of assigned) for (const name of t.assignedTo) expect(active.has(nameKey(name))).toBe(true);
  });
});

function texts(lang: Lang) {
  return (id: string) => (lang === 'en' ? `To rectification ${id}` : `转整改 ${id}`);
}
