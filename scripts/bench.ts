// `npm run bench`: the engine, the COUNTIFS peer, the .xlsx split, Apps Script calls, payload and sizes → docs/benchmarks.md.
//
//   npm run bench                    everything (about 13 minutes on 2 shared cores; the peer at 100k rows is most of it)
//   npm run bench -- --quick         a shorter run (under a minute): prints the tables, writes nothing
//   npm run bench -- --only=a,b      some of: engine, peer, xlsx, gas, payload, sizes (writes those sections)
//   BENCH_SIZES=1000,10000           the engine's sizes; BENCH_PEER_SIZES the peer's
//
// Each measurement runs in a child process of its own (this file again, with --child), so that one size's
// memory and garbage do not weigh on the next and each peak RSS is that measurement's.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, platform, arch, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HyperFormula } from 'hyperformula';
import { runEngine, type EngineResult } from './bench/engine';
import { runPeer, type PeerResult } from './bench/peer';
import { runXlsx, type XlsxResult } from './bench/xlsx';
import { bootstrapPayload, runGas, ROOT, type GasResult, type PayloadResult } from './bench/gas';
import { renderReport, writeReport, type FileSize, type Results } from './bench/report';

const RESULT = 'BENCH_RESULT ';
const SECTIONS = ['engine', 'peer', 'xlsx', 'gas', 'payload', 'sizes'] as const;
type Section = (typeof SECTIONS)[number];

interface Plan {
  quick: boolean;
  only: Set<Section>;
  engineSizes: number[];
  engineRuns: number;
  peerSizes: number[];
  /** The peer's one-edit recalculation is timed up to this size (it costs as much as a full evaluation). */
  peerEditMax: number;
  xlsxRows: number;
  xlsxRuns: number;
  gasSizes: number[];
}

function sizes(env: string | undefined, fallback: number[]): number[] {
  return env === undefined || env.trim() === '' ? fallback : env.split(',').map(Number);
}

function plan(args: string[]): Plan {
  const quick = args.includes('--quick');
  const onlyArg = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const only = new Set<Section>(
    onlyArg === undefined
      ? SECTIONS
      : (onlyArg.split(',').filter((s) => (SECTIONS as readonly string[]).includes(s)) as Section[]),
  );
  return {
    quick,
    only,
    engineSizes: sizes(
      process.env.BENCH_SIZES,
      quick ? [1_000, 10_000, 100_000] : [1_000, 10_000, 100_000, 300_000],
    ),
    engineRuns: quick ? 3 : 5,
    peerSizes: sizes(process.env.BENCH_PEER_SIZES, quick ? [10_000] : [10_000, 100_000]),
    peerEditMax: quick ? 0 : 10_000,
    xlsxRows: quick ? 10_000 : 100_000,
    xlsxRuns: quick ? 1 : 3,
    gasSizes: quick ? [1_000] : [1_000, 100_000],
  };
}

/** Runs one measurement in a child process and returns what it printed after RESULT. */
function child<T>(task: string, ...args: (string | number)[]): T {
  const started = Date.now();
  process.stderr.write(`bench: ${task} ${args.join(' ')} … `);
  const out = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=8192', __filename, '--child', task, ...args.map(String)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const line = out.stdout.split('\n').find((l) => l.startsWith(RESULT));
  if (out.status !== 0 || line === undefined)
    throw new Error(`bench: ${task} ${args.join(' ')} failed (exit ${String(out.status ?? out.signal)})`);
  process.stderr.write(`${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return JSON.parse(line.slice(RESULT.length)) as T;
}

/** The child side: one measurement, its result as one JSON line on stdout. */
async function runChild([task, ...args]: string[]): Promise<void> {
  const num = (i: number): number => Number(args[i]);
  let result: unknown;
  if (task === 'engine') result = runEngine(num(0), num(1));
  else if (task === 'peer')
    result = { ...runPeer(num(0), num(1), args[2] === '1'), peakRss: process.resourceUsage().maxRSS * 1024 };
  else if (task === 'xlsx') result = await runXlsx(num(0), num(1));
  else if (task === 'gas') result = runGas(num(0));
  else if (task === 'payload') result = bootstrapPayload();
  else throw new Error(`unknown bench task ${String(task)}`);
  process.stdout.write(`\n${RESULT}${JSON.stringify(result)}\n`);
}

function fileSize(file: string): FileSize {
  const bytes = readFileSync(join(ROOT, file));
  return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
}

function main(): void {
  const p = plan(process.argv.slice(2));
  const started = Date.now();
  const results: Results = {
    machine: {
      cores: availableParallelism(),
      node: process.version,
      platform: `${platform()} ${arch()}`,
      date: new Date().toISOString().slice(0, 10),
      load: loadavg()[0] ?? 0,
    },
  };
  if (p.only.has('sizes')) results.sizes = [fileSize('dist/Code.js'), fileSize('dist/sidebar.html')];
  if (p.only.has('engine'))
    results.engine = p.engineSizes.map((rows) => child<EngineResult>('engine', rows, p.engineRuns));
  if (p.only.has('payload')) results.payload = child<PayloadResult>('payload');
  if (p.only.has('gas')) results.gas = p.gasSizes.map((rows) => child<GasResult>('gas', rows));
  if (p.only.has('xlsx')) results.xlsx = child<XlsxResult>('xlsx', p.xlsxRows, p.xlsxRuns);
  if (p.only.has('peer')) {
    const skipped: string[] = [];
    if (!p.peerSizes.includes(100_000))
      skipped.push('the peer at 100,000 rows (--quick or BENCH_PEER_SIZES)');
    const over = p.peerSizes.filter((rows) => rows > p.peerEditMax);
    if (over.length > 0)
      skipped.push(
        `the one-edit recalculation at ${over.map((x) => x.toLocaleString('en')).join(', ')} rows (it costs about as much as the full evaluation; timed at 10,000 rows in a full run)`,
      );
    results.peer = {
      hyperformula: HyperFormula.version,
      skipped,
      results: p.peerSizes.map((rows) =>
        child<PeerResult>('peer', rows, p.engineRuns, rows <= p.peerEditMax ? 1 : 0),
      ),
    };
  }

  console.log(renderReport(results));
  const took = `${((Date.now() - started) / 1000).toFixed(0)} s`;
  if (p.quick) console.log(`\n(--quick: docs/benchmarks.md not written; ${took})`);
  else {
    writeReport(join(ROOT, 'docs', 'benchmarks.md'), results);
    console.log(`\nwrote docs/benchmarks.md (${took})`);
  }
}

const argv = process.argv.slice(2);
if (argv[0] === '--child')
  runChild(argv.slice(1)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
else
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
