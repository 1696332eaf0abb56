// docs/benchmarks.md from a run's results: one marked section per measurement, each saying how to reproduce it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { EngineResult } from './engine';
import type { PeerResult } from './peer';
import type { XlsxResult } from './xlsx';
import type { GasResult, PayloadResult } from './gas';

export interface Machine {
  cores: number;
  node: string;
  platform: string;
  date: string;
  /** The 1-minute load average when the run started (other work on the machine skews the timings). */
  load: number;
}

export interface FileSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface Results {
  machine: Machine;
  engine?: EngineResult[];
  peer?: { results: PeerResult[]; skipped: string[]; hyperformula: string };
  xlsx?: XlsxResult;
  gas?: GasResult[];
  payload?: PayloadResult;
  sizes?: FileSize[];
}

/** The 50 KB the sidebar's first round trip should stay under. */
export const PAYLOAD_AIM = 50 * 1024;
/** The engine should beat the COUNTIFS peer by this factor at 100k rows. */
export const PEER_AIM = 1000;

const n = (x: number): string => Math.round(x).toLocaleString('en');
const ms = (x: number): string => (x < 10 ? x.toFixed(1) : n(x));
const mb = (bytes: number): string => `${n(bytes / 1024 / 1024)} MB`;
const kb = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (x: number): string => `${(x / 1000).toFixed(1)} s`;

function where(m: Machine, command: string): string {
  return `Measured on ${m.date}: ${m.cores} cores (\`nproc\`), Node ${m.node}, ${m.platform}, load average ${m.load.toFixed(1)} at the start. Reproduce: \`${command}\`.`;
}

function engineSection(m: Machine, results: EngineResult[]): string {
  const lines = results.map((r, i) => {
    const before = results[i - 1];
    const growth =
      before === undefined
        ? '—'
        : `×${(r.totalMs / before.totalMs).toFixed(1)} for ×${(r.rows / before.rows).toFixed(0)} rows`;
    return `| ${n(r.rows)} | ${n(r.homeRows)} | ${ms(r.parseMs)} | ${ms(r.checkMs)} | ${ms(r.countMs)} | **${ms(r.totalMs)}** | ${growth} | ${mb(r.inputRss)} | ${mb(r.peakRss)} |`;
  });
  const runs = results[0]?.runs ?? 0;
  return [
    '## Engine (parse, check, count)',
    '',
    where(m, 'npm run bench -- --only=engine') +
      ' One size: `BENCH_SIZES=100000 npm run bench -- --only=engine`.',
    '',
    `A generated school (60 staff, 15 of them leaders in 5 units, 160 targets, 720 students; visits over seven`,
    `years, two targets each, a co-visitor on 1 row in 5, about 1 row in 100 naming someone outside the`,
    `visitor's groups), a tenth as many home-visit rows. Median of ${runs} runs, milliseconds. Parse = reading the`,
    `grids by header; check = the §4 rules on every row (load minus parse); count = the §3 figures of one month.`,
    `Growth compares the total with the size above. Each size runs in its own process: input = resident memory`,
    `once the generated sheets exist, peak = the process's maximum resident set (\`getrusage\`), both with Node's`,
    `own ~40 MB.`,
    '',
    '| visit rows | home-visit rows | parse | check | count | total | growth | input RSS | peak RSS |',
    '|---:|---:|---:|---:|---:|---:|---|---:|---:|',
    ...lines,
  ].join('\n');
}

function peerSection(m: Machine, peer: NonNullable<Results['peer']>): string {
  const lines = peer.results.map(
    (r) =>
      `| ${n(r.rows)} | ${n(r.formulas)} | ${ms(r.engineMs)} | ${seconds(r.peerMs)} | **${n(r.peerMs / r.engineMs)}×** | ${r.editMs === null ? 'not timed' : seconds(r.editMs)} | ${n(r.compared)} pairs, ${n(r.visits)} visits: equal |`,
  );
  const at100k = peer.results.find((r) => r.rows === 100_000);
  const verdict =
    at100k === undefined
      ? `The aim (engine at least ${n(PEER_AIM)}× faster at 100,000 rows) was not measured in this run.`
      : at100k.peerMs / at100k.engineMs >= PEER_AIM
        ? `At 100,000 rows the engine is ${n(at100k.peerMs / at100k.engineMs)}× faster: the aim of ${n(PEER_AIM)}× is met.`
        : `At 100,000 rows the engine is ${n(at100k.peerMs / at100k.engineMs)}× faster: the aim of ${n(PEER_AIM)}× is **not met** yet.`;
  return [
    '## The peer: COUNTIFS formulas (HyperFormula)',
    '',
    where(m, 'npm run bench -- --only=peer') +
      ' One size: `BENCH_PEER_SIZES=10000 npm run bench -- --only=peer`.',
    '',
    'What a school would build by hand: a 进度 sheet with one row per visitor and one column per month (its',
    'first day in row 1), each cell',
    "`=COUNTIFS('走访记录'!$C$2:$C$N,$A2,'走访记录'!$B$2:$B$N,\">=\"&B$1,'走访记录'!$B$2:$B$N,\"<\"&EDATE(B$1,1))`,",
    `evaluated by HyperFormula ${peer.hyperformula} (licence key \`gpl-v3\`, \`maxRows\` raised to the sheet, every other`,
    'option at its default; a benchmark-only devDependency), on the same generated rows, in the same process as',
    'the engine. COUNTIFS counts rows, the engine counts distinct people and checks every row, so the rows are',
    'generated for what both can express: one target each, no co-visitor, every row valid and within the',
    "visitor's groups, no (visitor, target, month) twice. Then each (visitor, month) count must be equal; the",
    'bench fails if one differs, or if the counts do not add up to the rows.',
    '',
    'Engine = load (parse and check every row), the count index of every (person, unit, month), and the quota',
    `lines of every month of the campaign (87 months: every count the formulas hold), median of ${peer.results[0]?.engineRuns ?? 0} runs (as the engine's own section).`,
    'COUNTIFS = building the workbook and evaluating every formula, one run. One edit = a visit date typed over,',
    'and the recalculation HyperFormula does before it returns; the engine answers an edit with a whole run.',
    '',
    '| visit rows | formulas | engine, ms | COUNTIFS | ratio | one edit (COUNTIFS) | counts |',
    '|---:|---:|---:|---:|---:|---:|---|',
    ...lines,
    '',
    verdict,
    ...(peer.skipped.length > 0 ? ['', `Skipped in this run: ${peer.skipped.join('; ')}.`] : []),
  ].join('\n');
}

function xlsxSection(m: Machine, r: XlsxResult): string {
  const share = (100 * r.readMs) / (r.readMs + r.engineMs);
  return [
    '## An .xlsx file: reading against the engine',
    '',
    where(m, 'npm run bench -- --only=xlsx'),
    '',
    `The engine's generated school at ${n(r.rows)} visit rows saved as an .xlsx (dates as date cells), then read as`,
    'the command line reads it: `openWorkbookFile(file, { readOnly: true })` of src/local/commands/open-campaign.ts',
    `and one read of every sheet; then the engine (load and one month's figures) on what was read. Median of ${r.runs}`,
    'runs, milliseconds.',
    '',
    '| visit rows | file | read | engine | read share |',
    '|---:|---:|---:|---:|---:|',
    `| ${n(r.rows)} | ${kb(r.fileBytes)} | ${ms(r.readMs)} | ${ms(r.engineMs)} | ${share.toFixed(0)}% |`,
  ].join('\n');
}

function gasSection(m: Machine, results: GasResult[]): string {
  const operations = results[0]?.operations.map((o) => o.operation) ?? [];
  const header = results.map((r) => `calls at ${n(r.rows)} rows | under the lock`).join(' | ');
  const lines = operations.map((op) => {
    const cells = results.map((r) => {
      const o = r.operations.find((x) => x.operation === op);
      return o === undefined ? '— | —' : `${n(o.calls)} | ${n(o.underLock)}`;
    });
    const tops = [...new Set(results.map((r) => r.operations.find((x) => x.operation === op)?.top ?? ''))];
    const top = tops.join(' / ');
    return `| ${op} | ${cells.join(' | ')} | ${top} |`;
  });
  const mails = results
    .filter((r) => r.mails > 0)
    .map((r) => `${n(r.mails)} at ${n(r.rows)} rows`)
    .join(', ');
  const none = results.filter((r) => r.mails === 0).map((r) => n(r.rows));
  const why = none.length > 0 ? ` (none at ${none.join(' and ')} rows: every leader is on track)` : '';
  return [
    '## Apps Script service calls per operation',
    '',
    where(m, 'npm run bench -- --only=gas'),
    '',
    'The built dist/Code.js loaded in node:vm over the counting fakes of tests/fakes/gas (as',
    'tests/gas/bundle-run.test.ts does): every method of SpreadsheetApp, Ui, HtmlService, PropertiesService,',
    "LockService, Session, Utilities, MailApp counts one call. The spreadsheet holds the engine's generated school",
    '(date cells as dates), after one recompute (进度 and 校验 written, as in a workbook in use); the signed-in user',
    'is a leader who is also a class teacher; the clock is 10:00 on a reminder day. "Under the lock" = calls made',
    "while the document lock is held (the lock's own release included). A call to Google costs tens to hundreds of",
    'milliseconds, so what matters is that the counts do not grow with the rows.',
    '',
    `| operation | ${header} | most-called method |`,
    `|---|${results.map(() => '---:|---:|').join('')}---|`,
    ...lines,
    '',
    `The daily job's count grows with the mails it sends (one MailApp.sendEmail and its log and lock calls per`,
    `message), not with the rows: it sent ${mails || 'none'}${why}.`,
  ].join('\n');
}

function payloadSection(m: Machine, p: PayloadResult): string {
  return [
    '## Sidebar bootstrap payload',
    '',
    where(m, 'npm run bench -- --only=payload'),
    '',
    `sidebarBootstrap's JSON (the one round trip when the sidebar opens) for ${p.person}, a leader who is also a`,
    `class teacher, at ${n(p.students)} students and ${n(p.targets)} targets (${n(p.visitRows)} visit rows), through dist/Code.js over the fakes.`,
    '',
    '| students | targets | JSON (UTF-8) | gzip | aim |',
    '|---:|---:|---:|---:|---|',
    `| ${n(p.students)} | ${n(p.targets)} | ${n(p.bytes)} B (${kb(p.bytes)}) | ${kb(p.gzipBytes)} | under 50 KB: ${p.bytes < PAYLOAD_AIM ? 'met' : '**not met**'} |`,
  ].join('\n');
}

function sizesSection(m: Machine, sizes: FileSize[]): string {
  return [
    '## Bundle sizes',
    '',
    where(m, 'npm run bench -- --only=sizes') + ' The files are those `npm run build` just made.',
    '',
    '| file | bytes | gzip |',
    '|---|---:|---:|',
    ...sizes.map((s) => `| ${s.file} | ${n(s.bytes)} (${kb(s.bytes)}) | ${kb(s.gzipBytes)} |`),
  ].join('\n');
}

const ORDER = ['summary', 'engine', 'peer', 'xlsx', 'gas', 'payload', 'sizes'] as const;
type SectionName = (typeof ORDER)[number];

function summary(r: Results, old: string | undefined): string | undefined {
  const at = (rows: number) => r.engine?.find((e) => e.rows === rows);
  const peer = r.peer?.results.find((p) => p.rows === 100_000) ?? r.peer?.results.at(-1);
  if (at(100_000) === undefined || peer === undefined || r.payload === undefined) return old;
  const e10 = at(10_000);
  const e100 = at(100_000)!;
  return [
    '## In short',
    '',
    `${where(r.machine, 'npm run bench')} \`npm run bench -- --quick\` is a shorter run that prints and writes nothing.`,
    '',
    `- Engine: ${e10 ? `10,000 visit rows in ${ms(e10.totalMs)} ms, ` : ''}100,000 in ${ms(e100.totalMs)} ms (peak ${mb(e100.peakRss)}).`,
    `- COUNTIFS peer at ${n(peer.rows)} rows: ${seconds(peer.peerMs)} against ${ms(peer.engineMs)} ms, ${n(peer.peerMs / peer.engineMs)}× (aim at 100,000 rows: ${n(PEER_AIM)}×).`,
    `- Sidebar bootstrap at 1,000 students and 200 targets: ${kb(r.payload.bytes)} (aim: under 50 KB).`,
  ].join('\n');
}

/** Rewrites docs/benchmarks.md: the sections this run measured are replaced, the others kept as they were. */
export function writeReport(path: string, r: Results): void {
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const kept = (name: string): string | undefined => {
    const match = new RegExp(`<!-- bench:${name}:start -->\\n([\\s\\S]*?)\\n<!-- bench:${name}:end -->`).exec(
      old,
    );
    return match?.[1];
  };
  const m = r.machine;
  const made: Record<SectionName, string | undefined> = {
    summary: summary(r, kept('summary')),
    engine: r.engine ? engineSection(m, r.engine) : kept('engine'),
    peer: r.peer ? peerSection(m, r.peer) : kept('peer'),
    xlsx: r.xlsx ? xlsxSection(m, r.xlsx) : kept('xlsx'),
    gas: r.gas ? gasSection(m, r.gas) : kept('gas'),
    payload: r.payload ? payloadSection(m, r.payload) : kept('payload'),
    sizes: r.sizes ? sizesSection(m, r.sizes) : kept('sizes'),
  };
  // The hand-written account of where each operation's calls go (asserted by the tests) stays as written.
  const handWritten = /<!-- gas-calls:start -->[\s\S]*<!-- gas-calls:end -->/.exec(old)?.[0];
  const parts = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (scripts/bench.ts, scripts/bench/); each section says how to reproduce it.',
    ...ORDER.flatMap((name) => {
      const body = made[name];
      return body === undefined
        ? []
        : ['', `<!-- bench:${name}:start -->`, body, `<!-- bench:${name}:end -->`];
    }),
    ...(handWritten ? ['', handWritten] : []),
  ];
  writeFileSync(path, `${parts.join('\n')}\n`);
}

/** The sections as text, for a run that does not write the file (--quick). */
export function renderReport(r: Results): string {
  const m = r.machine;
  return [
    r.engine && engineSection(m, r.engine),
    r.peer && peerSection(m, r.peer),
    r.xlsx && xlsxSection(m, r.xlsx),
    r.gas && gasSection(m, r.gas),
    r.payload && payloadSection(m, r.payload),
    r.sizes && sizesSection(m, r.sizes),
  ]
    .filter((s): s is string => typeof s === 'string')
    .join('\n\n');
}
