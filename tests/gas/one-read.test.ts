// No use case reads a record table twice or loads the campaign twice: a save, recompute, the edit check, the daily job.
import * as engine from '../../src/core/engine';
import * as main from '../../src/gas/main';
import { sampleSchool } from '../../src/core/sample/sample-school';
import { defaultHeaders, sheetName, TABLE_KEYS, tableOfSheet } from '../../src/core/tables';
import { FakeSheet } from '../fakes/gas';
import { editEvent, typeSheets, useGasFakes } from './fixture';

const fakes = useGasFakes(new Date('2027-04-20T02:00:00Z'));

/** The sample school of the day, typed in as a person would. */
function typeSample(today: string): void {
  const school = sampleSchool(today, 'zh');
  typeSheets(
    fakes().spreadsheet,
    TABLE_KEYS.map((key) => ({
      name: sheetName(key, 'zh'),
      grid: [defaultHeaders(key, 'zh'), ...school.rows[key]],
    })),
  );
}

/** Runs `work`, counting the grid reads of each record sheet (by name) and the loads of the campaign. */
function observe(work: () => void): { reads: Record<string, number>; loads: number } {
  const reads: Record<string, number> = {};
  const original = FakeSheet.prototype.getDataRange;
  const read = jest.spyOn(FakeSheet.prototype, 'getDataRange').mockImplementation(function (this: FakeSheet) {
    if (tableOfSheet(this.name) !== undefined) reads[this.name] = (reads[this.name] ?? 0) + 1;
    return original.call(this);
  });
  const load = jest.spyOn(engine, 'loadCampaign');
  try {
    work();
    return { reads, loads: load.mock.calls.length };
  } finally {
    read.mockRestore();
    load.mockRestore();
  }
}

/** The tables a visit row is checked against: 问题整改 for its 整改编号. */
const RECORD_SHEETS = TABLE_KEYS.map((key) => sheetName(key, 'zh')).filter((name) =>
  ['settings', 'units', 'staff', 'targets', 'students', 'visits', 'homeVisits', 'rectification'].includes(
    tableOfSheet(name) ?? '',
  ),
);

const once = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, 1]));

describe('each record table is read once, the campaign loaded once', () => {
  beforeEach(() => typeSample('2027-04-20'));

  it('a sidebar save: every table once, its own sheet once more under the lock; one load', () => {
    const rows = sampleSchool('2027-04-20', 'zh').rows;
    const leader = rows.staff.find((r) => String(r[2]).includes('校长室'))![0] as string;
    const target = rows.targets.find((r) => r[1] === '家委会成员')![0] as string;
    const { reads, loads } = observe(() => {
      const result = main.sidebarSave({
        kind: 'visit',
        date: '2027-04-19',
        visitor: leader,
        coVisitors: [],
        targets: [target],
        mode: 'faceToFace',
        purpose: '',
        record: '听取意见',
        suggestions: '',
        followUp: null,
        followUpOwner: '',
      });
      expect(result).toMatchObject({ ok: true });
    });
    expect(loads).toBe(1);
    for (const [name, count] of Object.entries(reads))
      expect([name, count]).toEqual([name, name === '走访记录' ? 2 : 1]);
  });

  it('recompute (menu): every table once; one load', () => {
    const { reads, loads } = observe(() => main.menuRecompute());
    expect(loads).toBe(1);
    expect(Object.values(reads).every((n) => n === 1)).toBe(true);
    expect(Object.keys(reads).length).toBeGreaterThanOrEqual(RECORD_SHEETS.length);
  });

  it('the edit check of a 50-row paste: the tables it needs once; one load', () => {
    const sheet = fakes()
      .spreadsheet.getSheets()
      .find((s) => s.name === '走访记录')!;
    const { reads, loads } = observe(() => main.onEdit(editEvent(fakes(), sheet, 2, 51, 3)));
    expect(loads).toBe(1);
    expect(reads).toEqual(once(RECORD_SHEETS));
  });

  it('the daily job on a reminder day: every table once; one load for the report and the reminders', () => {
    const { reads, loads } = observe(() => main.runDaily());
    expect(loads).toBe(1);
    expect(Object.values(reads).every((n) => n === 1)).toBe(true);
  });
});

describe('the daily job on the 1st builds the report and reminds from the same load', () => {
  const dayOne = useGasFakes(new Date('2027-05-01T02:00:00Z'));
  it('one load, every table once', () => {
    const school = sampleSchool('2027-05-01', 'zh');
    typeSheets(
      dayOne().spreadsheet,
      TABLE_KEYS.map((key) => ({
        name: sheetName(key, 'zh'),
        grid: [defaultHeaders(key, 'zh'), ...school.rows[key]],
      })),
    );
    const { reads, loads } = observe(() => main.runDaily());
    expect(loads).toBe(1);
    expect(Object.values(reads).every((n) => n === 1)).toBe(true);
    expect(
      dayOne()
        .spreadsheet.getSheets()
        .map((s) => s.name),
    ).toContain('月报 2027-04');
  });
});
