// The bad-input corpus through the engine: each case gets its problems in words, every message fit to show, every record row kept.
import { loadCampaign, problemsOf } from '../../src/core/engine';
import type { Campaign } from '../../src/core/model';
import { zh } from '../../src/core/i18n/zh';
import type { TableKey } from '../../src/core/tables';
import { BAD_INPUTS } from '../fixtures/bad-inputs';
import { caseWorkbook, recordTablesOf, unfitMessage, unmet } from '../fixtures/bad-input-workbook';

const TODAY = '2027-04-20';

function recordRows(campaign: Campaign, table: TableKey): number[] {
  const records = {
    visits: campaign.visits,
    homeVisits: campaign.homeVisits,
    rectification: campaign.rectification,
    suggestions: campaign.suggestions,
    discussions: campaign.discussions,
  }[table as 'visits'];
  return (records ?? []).map((r) => r.row);
}

describe.each(BAD_INPUTS.map((c) => [c.id, c] as const))('%s', (_id, c) => {
  it('gets its problems in words, fit to show, and keeps every record row', () => {
    const workbook = caseWorkbook(c);
    const campaign = loadCampaign(workbook.sheets, TODAY);
    const problems = problemsOf(campaign, [
      ...campaign.structural,
      ...campaign.notices,
      ...campaign.findings,
    ]);
    expect(c.expect.map((e) => unmet(e, problems)).filter((m) => m !== '')).toEqual([]);
    expect(problems.map((p) => unfitMessage(p.message)).filter((m) => m !== '')).toEqual([]);
    for (const table of recordTablesOf(workbook)) {
      const typed = (workbook.typedRows[table] ?? []).filter((row) => {
        const line = workbook.sheets.find((s) => s.name === zh.sheets[table])?.grid[row - 1] ?? [];
        return line.some((cell) => cell !== null && String(cell).trim() !== '');
      });
      if (campaign.structural.length === 0)
        expect(recordRows(campaign, table)).toEqual(expect.arrayContaining(typed));
    }
  });
});

it('is a corpus of at least 80 cases over every class, naming every problem code there is', () => {
  expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(80);
  expect(new Set(BAD_INPUTS.map((c) => c.id)).size).toBe(BAD_INPUTS.length);
  expect([...new Set(BAD_INPUTS.map((c) => c.class))].sort()).toEqual([
    'date',
    'duplicate',
    'formula',
    'invisible',
    'long-text',
    'rule',
    'setting',
    'structure',
    'unicode',
    'wrong-type',
  ]);
  const named = new Set(BAD_INPUTS.flatMap((c) => c.expect.map((e) => e.code)));
  expect(Object.keys(zh.problems).filter((code) => !named.has(code as never))).toEqual([]);
});
