// Fifty sidebar saves sent to the playground at once: every one gets its own 编号 and row, none is lost in the file.
import type { VisitInput } from '../../src/core/schemas';
import { savedCampaign, startTestPlayground, TODAY, type TestPlayground } from './playground-fixture';

const SAVES = 50;

let playground: TestPlayground;

beforeAll(async () => {
  playground = await startTestPlayground();
});

afterAll(async () => {
  await playground?.close();
});

test(`${SAVES} saves at once: ${SAVES} rows with distinct 编号, all in the .xlsx, nothing else lost`, async () => {
  const before = await savedCampaign(playground);
  const unit = before.units.find((u) => !u.homeVisits && u.minimum > 0);
  if (unit === undefined) throw new Error('the sample has no leader unit');
  const visitor = before.staff.find((s) => s.active && s.units.includes(unit.name));
  const targets = before.targets.filter((t) => unit.groups.includes(t.group));
  if (visitor === undefined || targets.length === 0) throw new Error(`no visitor or targets in ${unit.name}`);

  const input = (i: number): VisitInput => ({
    kind: 'visit',
    date: TODAY,
    visitor: visitor.name,
    coVisitors: [],
    targets: [targets[i % targets.length]!.name],
    mode: 'faceToFace',
    purpose: '',
    record: `同时保存 ${i}`,
    suggestions: '',
    followUp: null,
    followUpOwner: '',
  });
  const url = `${playground.running.url}/api/run/sidebarSave`;
  const answers = await Promise.all(
    Array.from({ length: SAVES }, async (_, i) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([input(i)]),
      });
      return (await response.json()) as { ok: boolean; value?: { ok: boolean; id?: string; row?: number } };
    }),
  );
  const saved = answers.map((a) => a.value);
  expect(saved.every((v) => v?.ok === true)).toBe(true);
  const ids = saved.map((v) => v?.id);
  const rows = saved.map((v) => v?.row);
  expect(new Set(ids).size).toBe(SAVES);
  expect(new Set(rows).size).toBe(SAVES);

  const after = await savedCampaign(playground);
  expect(after.visits).toHaveLength(before.visits.length + SAVES);
  // Every row that was there is still there, as it was; every new row holds its own record text.
  for (const v of before.visits) expect(after.visits.find((w) => w.row === v.row)?.id).toBe(v.id);
  const records = after.visits.filter((v) => ids.includes(v.id)).map((v) => v.record);
  expect(new Set(records).size).toBe(SAVES);
});
