// The bad-input corpus through Apps Script (over the fakes): typed into the spreadsheet, the edit check and 重新计算进度 run through src/gas/main.ts; 校验 says it, and every typed cell stays.
import * as main from '../../src/gas/main';
import { problemsOf } from '../../src/core/engine';
import { WorkbookSession } from '../../src/app/session';
import { GasWorkbook } from '../../src/gas/workbook';
import type { FakeSpreadsheet, FakeValue } from '../fakes/gas';
import { BAD_INPUTS } from '../fixtures/bad-inputs';
import { caseWorkbook, unfitMessage, unmet, type CaseWorkbook } from '../fixtures/bad-input-workbook';
import { editEvent, useGasFakes } from './fixture';

// 2027-04-20 10:00 in Shanghai, the day the corpus is judged on.
const fakes = useGasFakes();
const RECORD_SHEETS = ['走访记录', '家访记录'];

/** Types the case as a person would; text starting with = + - @ goes into a plain-text cell, as Sheets needs. */
function typeCase(spreadsheet: FakeSpreadsheet, workbook: CaseWorkbook): void {
  for (const { name, grid } of workbook.sheets) {
    const sheet = spreadsheet.addSheet(name);
    sheet.store.maxRows = Math.max(sheet.store.maxRows, grid.length + 1);
    grid.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell === null || cell === '') return;
        if (typeof cell === 'string' && /^[=+\-@]./u.test(cell))
          sheet.getRange(r + 1, c + 1).setNumberFormat('@');
        sheet.store.type(r + 1, c + 1, cell);
      }),
    );
  }
}

const plain = (v: FakeValue): unknown => (v instanceof Date ? v.toISOString() : v);

/** Every cell holding something, by sheet, except the add-on's own 校验 column. */
function typedCells(spreadsheet: FakeSpreadsheet, names: readonly string[]): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  for (const name of names) {
    const values = spreadsheet.sheet(name).store.values();
    const check = (values[0] ?? []).indexOf('校验');
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== '' && c !== check) cells.set(`${name}!${r + 1}:${c + 1}`, plain(v));
      }),
    );
  }
  return cells;
}

describe.each(BAD_INPUTS.map((c) => [c.id, c] as const))('%s', (_id, c) => {
  it('is said in 校验 or the campaign, and keeps every row and cell typed', () => {
    const { spreadsheet } = fakes();
    const workbook = caseWorkbook(c);
    typeCase(spreadsheet, workbook);
    const names = workbook.sheets.map((s) => s.name);
    const before = typedCells(spreadsheet, names);
    const lastRows = names.map((n) => spreadsheet.sheet(n).store.values().length);

    for (const name of RECORD_SHEETS.filter((n) => names.includes(n))) {
      const sheet = spreadsheet.sheet(name);
      const last = sheet.store.values().length;
      if (last >= 2) main.onEdit(editEvent(fakes(), sheet, 2, last, 3));
    }
    main.menuRecompute();

    // The menu answered with its counts, not a failure.
    const alert = fakes().ui.alerts.at(-1)?.prompt ?? '';
    expect(alert).toMatch(/^进度已重新计算：\d+ 个错误，\d+ 条提醒/u);
    // Nothing typed is gone or changed, and no row went away.
    const after = typedCells(spreadsheet, names);
    for (const [where, value] of before) expect({ where, value: after.get(where) }).toEqual({ where, value });
    expect(names.map((n) => spreadsheet.sheet(n).store.values().length)).toEqual(lastRows);

    // The campaign as the menu read it names each problem.
    const { campaign } = WorkbookSession.open(new GasWorkbook(), { now: () => new Date() });
    const problems = problemsOf(campaign, [
      ...campaign.structural,
      ...campaign.notices,
      ...campaign.findings,
    ]);
    expect(c.expect.map((e) => unmet(e, problems)).filter((m) => m !== '')).toEqual([]);
    expect(problems.map((p) => unfitMessage(p.message)).filter((m) => m !== '')).toEqual([]);

    // On a visit sheet, 校验 says it in the row itself (problems of shape on every row).
    for (const e of c.expect) {
      const sheetName = e.row >= 2 ? e.sheet : RECORD_SHEETS.find((n) => names.includes(n));
      if (sheetName === undefined || !RECORD_SHEETS.includes(sheetName)) continue;
      if (e.row < 2 && e.sheet !== sheetName && campaign.structural.length === 0) continue;
      const store = spreadsheet.sheet(sheetName).store;
      const check = (store.values()[0] ?? []).indexOf('校验');
      const row = e.row >= 2 ? e.row : 2;
      const text = String(store.values()[row - 1]?.[check] ?? '');
      const note = store.notes()[row - 1]?.[check] ?? '';
      if (e.code === 'OK') expect({ row, text }).toEqual({ row, text: expect.stringMatching(/^(✓)?$/u) });
      else if (e.row >= 2 || (campaign.structural.length > 0 && store.values().length >= 2))
        expect({ row, note }).toEqual({ row, note: expect.stringContaining(e.words) });
    }
  });
});
