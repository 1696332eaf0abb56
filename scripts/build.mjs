// Build: the Apps Script bundle (dist/), the sidebar pages with script and style inlined, and the Node bundles (dist-node/).
//
// Outputs
//   dist/Code.js            src/gas/main.ts as an IIFE (global `VisitLedger`, target es2019), then one top-level
//                           `function NAME(...args)` per export of main.ts, so Apps Script sees every entry point.
//   dist/appsscript.json    the manifest, copied from ./appsscript.json.
//   dist/NAME.html          each html/NAME.html, with its markers replaced (pushed to Apps Script with clasp).
//   dist-node/NAME.html     each html/local/NAME.html, same markers (local playground pages; never pushed).
//   dist-node/cli.js, start.js, bench.js   from src/local/cli.ts, src/local/start.ts, scripts/bench.ts, when present
//                           (CommonJS, node20, packages external, source maps).
//   dist-node/entry-points.json  the names of the Apps Script entry points (read by tests/bundle.test.ts).
//
// HTML inline convention (paths are relative to the repository root; one marker per line):
//   <!-- inline:script src/client/sidebar.ts -->  becomes <script>…bundle…</script>
//                                                 (esbuild: bundle, iife, es2019, browser)
//   <!-- inline:style html/sidebar.css -->        becomes <style>…file…</style>
// A missing file behind a marker fails the build. Pages must not use Apps Script template scriptlets
// (`<?= ?>`): they are served with HtmlService.createHtmlOutputFromFile.

import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const distNode = join(root, 'dist-node');
const GLOBAL = 'VisitLedger';
const GAS_ENTRY = 'src/gas/main.ts';
const NODE_ENTRIES = [
  ['src/local/cli.ts', 'cli.js'],
  ['src/local/start.ts', 'start.js'],
  ['scripts/bench.ts', 'bench.js'],
];
const MARKER = /^[ \t]*<!--\s*inline:(script|style)\s+(\S+)\s*-->[ \t]*$/gm;

const started = Date.now();
const say = (file, bytes) => console.log(`built ${relative(root, file)} (${(bytes / 1024).toFixed(1)} kB)`);

function fail(message) {
  console.error(`build failed: ${message}`);
  process.exit(1);
}

/** The names main.ts exports, read from an ESM pass's metafile (an IIFE's metafile lists none). */
async function entryPointNames() {
  const result = await esbuild.build({
    entryPoints: [join(root, GAS_ENTRY)],
    bundle: true,
    format: 'esm',
    target: 'es2019',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    packages: 'external',
    write: false,
    metafile: true,
    outfile: join(dist, 'entry.mjs'),
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  const names = output ? [...output.exports].sort() : [];
  const bad = names.filter((n) => n === 'default' || !/^[A-Za-z_$][\w$]*$/.test(n));
  if (bad.length) fail(`${GAS_ENTRY} must export named functions only (found: ${bad.join(', ')})`);
  if (!names.length) fail(`${GAS_ENTRY} exports nothing`);
  return names;
}

async function buildAppsScript() {
  const names = await entryPointNames();
  const result = await esbuild.build({
    entryPoints: [join(root, GAS_ENTRY)],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2019',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    outfile: join(dist, 'Code.js'),
    legalComments: 'none',
    // Chinese text (the messages, pinyin-pro's dictionary) as UTF-8, not \uXXXX escapes: half the size.
    charset: 'utf8',
    logLevel: 'warning',
  });
  const bundle = result.outputFiles[0].text;
  // Look for module loading in the code itself: comments (zod's mention `import()`) are stripped first.
  const { code: bare } = await esbuild.transform(bundle, { minifyWhitespace: true, target: 'es2019' });
  const found = bare.match(/.{0,40}\b(?:import|require)\s*\(.{0,40}/);
  if (found) fail(`dist/Code.js would load a module, which Apps Script cannot do: …${found[0]}…`);
  const globals = names
    .map((n) => `function ${n}(...args) {\n  return ${GLOBAL}.${n}.apply(null, args);\n}`)
    .join('\n');
  const code = `${bundle}\n// Entry points Apps Script can see (one per export of ${GAS_ENTRY}).\n${globals}\n`;
  const file = join(dist, 'Code.js');
  writeFileSync(file, code);
  say(file, Buffer.byteLength(code));
  writeFileSync(join(distNode, 'entry-points.json'), JSON.stringify(names, null, 2) + '\n');
  return names;
}

function copyManifest() {
  const text = readFileSync(join(root, 'appsscript.json'), 'utf8');
  try {
    JSON.parse(text);
  } catch (e) {
    fail(`appsscript.json is not valid JSON: ${e.message}`);
  }
  const file = join(dist, 'appsscript.json');
  writeFileSync(file, text);
  say(file, Buffer.byteLength(text));
}

async function clientScript(path) {
  const result = await esbuild.build({
    entryPoints: [join(root, path)],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    write: false,
    legalComments: 'none',
    // Whitespace only (names kept readable in the browser's debugger): the page stays well under its budget.
    minifyWhitespace: true,
    logLevel: 'warning',
  });
  // Keep the inline <script> element closed only where we close it.
  return result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
}

async function buildPage(page, outDir) {
  const html = readFileSync(page, 'utf8');
  const parts = [];
  for (const m of html.matchAll(MARKER)) {
    const [, kind, path] = m;
    if (!existsSync(join(root, path)))
      fail(`${relative(root, page)}: ${path} (inline:${kind}) does not exist`);
    parts.push(
      kind === 'script'
        ? clientScript(path).then((js) => `<script>\n${js}</script>`)
        : Promise.resolve(
            `<style>\n${readFileSync(join(root, path), 'utf8').replace(/<\/style/gi, '<\\/style')}</style>`,
          ),
    );
  }
  const blocks = await Promise.all(parts);
  let i = 0;
  const out = html.replace(MARKER, () => blocks[i++]);
  const file = join(outDir, page.split(/[\\/]/).pop());
  writeFileSync(file, out);
  say(file, Buffer.byteLength(out));
}

async function buildPages(dir, outDir) {
  if (!existsSync(dir)) return;
  const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
  await Promise.all(pages.map((p) => buildPage(join(dir, p), outDir)));
}

async function buildNode() {
  await Promise.all(
    NODE_ENTRIES.filter(([src]) => existsSync(join(root, src))).map(async ([src, out]) => {
      const file = join(distNode, out);
      await esbuild.build({
        entryPoints: [join(root, src)],
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        packages: 'external',
        sourcemap: true,
        outfile: file,
        logLevel: 'warning',
      });
      say(file, readFileSync(file).length);
    }),
  );
}

// Start clean, so a page or entry that is gone is not pushed to Apps Script or run by mistake.
rmSync(dist, { recursive: true, force: true });
rmSync(distNode, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
mkdirSync(distNode, { recursive: true });
try {
  await Promise.all([
    buildAppsScript(),
    Promise.resolve().then(copyManifest),
    buildPages(join(root, 'html'), dist),
    buildPages(join(root, 'html', 'local'), distNode),
    buildNode(),
  ]);
} catch (e) {
  // esbuild has already printed the located errors.
  fail(e.errors ? `${e.errors.length} esbuild error(s)` : e.message);
}
console.log(`build done in ${Date.now() - started} ms`);
