// What a principal reading the sample notices: ledger items say what their sources say, a handful of open follow-ups, fitting results, photo links.
import { sampleSchool, type SampleSchool } from '../../src/core/sample/sample-school';
import { loadCampaign } from '../../src/core/engine';
import { daysBetween } from '../../src/core/dates';
import { nameKey } from '../../src/core/names';
import { defaultHeaders, sheetName, TABLE_KEYS } from '../../src/core/tables';

function campaignOf(school: SampleSchool) {
  const sheets = TABLE_KEYS.map((key) => ({
    name: sheetName(key, school.lang),
    grid: [defaultHeaders(key, school.lang), ...school.rows[key]],
  }));
  return loadCampaign(sheets, school.today);
}

describe.each(['2027-05-10', '2027-11-15', '2027-12-20'])('the sample on %s', (today) => {
  const school = sampleSchool(today, 'zh');
  const campaign = campaignOf(school);
  const followUps = [...campaign.visits, ...campaign.homeVisits].filter(
    (r) => r.valid && (r.followUp === 'report' || r.followUp === 'study'),
  );

  it("puts each rectification item's problem in its source's own text", () => {
    const textOf = new Map<string, string>([
      ...campaign.visits.map((v) => [v.id, `${v.record} ${v.suggestions}`] as const),
      ...campaign.homeVisits.map((h) => [h.id, `${h.record} ${h.parentNeeds}`] as const),
      ...campaign.suggestions.map((s) => [s.id, `${s.title} ${s.text}`] as const),
    ]);
    expect(campaign.rectification.length).toBeGreaterThanOrEqual(3);
    for (const item of campaign.rectification) expect(textOf.get(item.source)).toContain(item.problem);
  });

  it('never takes an item from, or beside, a suggestion on its topic that was turned down', () => {
    const homework = campaign.suggestions.find((s) => s.title === '优化作业公示')!;
    expect(homework.adoption).not.toBe('no');
    const topics = ['作业', '午餐', '表格', '校门口'];
    for (const item of campaign.rectification)
      for (const topic of topics.filter((t) => item.problem.includes(t)))
        for (const s of campaign.suggestions.filter((x) => x.text.includes(topic)))
          expect(s.adoption).not.toBe('no');
  });

  it('leaves a handful of follow-ups open, all but at most two younger than a month', () => {
    const open = followUps.filter((r) => r.closedOn === null);
    expect(open.length).toBeGreaterThanOrEqual(5);
    expect(open.length).toBeLessThanOrEqual(12);
    expect(open.filter((r) => daysBetween(r.date!, today) >= 31).length).toBeLessThanOrEqual(2);
    // No follow-up left open for a whole term.
    expect(open.every((r) => daysBetween(r.date!, today) <= 75)).toBe(true);
  });

  it('names the teacher or the head teacher as 跟进人 on most home-visit follow-ups', () => {
    const home = campaign.homeVisits.filter(
      (h) => h.valid && (h.followUp === 'report' || h.followUp === 'study'),
    );
    const byTeacher = home.filter((h) => {
      const owner = campaign.rosters.staffByKey.get(nameKey(h.followUpOwner));
      return (
        owner !== undefined && (nameKey(h.teacher) === nameKey(owner.name) || owner.className === h.className)
      );
    });
    expect(byTeacher.length).toBeGreaterThan(home.length / 2);
  });

  it('closes leader-visit follow-ups with results that never mention parents unless a parent was visited', () => {
    const parentTargets = new Set(
      campaign.targets.filter((t) => `${t.group}${t.note}`.includes('家长')).map((t) => nameKey(t.name)),
    );
    const closed = campaign.visits.filter((v) => followUps.includes(v) && v.closedOn !== null);
    expect(closed.length).toBeGreaterThan(10);
    for (const v of closed)
      if (!v.counted.some((t) => parentTargets.has(t))) expect(v.followUpResult).not.toContain('家长');
  });

  it('gives a 及时汇报 visit something to report', () => {
    const reports = campaign.visits.filter((v) => v.valid && v.followUp === 'report');
    expect(reports.length).toBeGreaterThan(0);
    for (const v of reports) expect(v.suggestions).not.toBe('');
  });

  it('gives a few leader visits one or two photo links', () => {
    const withPhotos = campaign.visits.filter((v) => v.photos !== '');
    expect(withPhotos.length).toBeGreaterThanOrEqual(2);
    expect(withPhotos.length).toBeLessThan(campaign.visits.length / 10);
    for (const v of withPhotos) {
      const links = v.photos.split('\n');
      expect(links.length).toBeLessThanOrEqual(2);
      for (const link of links)
        expect(link).toMatch(/^https:\/\/photos\.example\.edu\.cn\/\d{4}\/\d{2}\/v-\d+-[12]\.jpg$/);
    }
  });
});

describe('the sample on a later day', () => {
  it('keeps the items opened from leader visits and suggestions, and their owners', () => {
    const pick = (today: string) =>
      campaignOf(sampleSchool(today, 'zh'))
        .rectification.filter((r) => !r.source.startsWith('H-'))
        .map((r) => `${r.source} ${r.problem} ${r.owner} ${r.openedOn}`);
    const earlier = pick('2027-11-15');
    expect(earlier.length).toBeGreaterThanOrEqual(4);
    expect(pick('2027-11-20').slice(0, earlier.length)).toEqual(earlier);
  });
});
