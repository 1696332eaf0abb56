// Checks dist/ the way Apps Script will take it, before `clasp push` (npm run check:deploy; npm run deploy runs it).
//
//   node scripts/check-deploy.mjs [--no-build] [--dist DIR] [--max-kb N]
//
// Builds first (scripts/build.mjs) unless --no-build, then checks DIR (default dist/):
//   - appsscript.json: valid JSON, only the manifest's documented top-level keys, V8, a real time zone,
//     exception logging NONE or STACKDRIVER, no Workspace add-on section, and OAuth scopes that are exactly
//     what Code.js uses (a service without its scope fails at run time; a scope nothing uses is asked for anyway).
//   - Code.js: loads in node:vm without calling an Apps Script service; every menu item (src/gas/menu.ts
//     MENU_ENTRIES), the daily trigger's handler (src/gas/triggers.ts DAILY_HANDLER), every sidebar server
//     function (src/contract/server-api.ts) and onOpen/onInstall is a top-level `function` declaration.
//   - Code.js: no syntax newer than ES2019 (Apps Script's V8 rejects class fields at push) and no module loading.
//   - Code.js: at most --max-kb kB (default 1536): our budget, the script is loaded on every run (about 450 kB of
//     it is pinyin-pro's dictionary, for the sidebar's student search by pinyin initials).
//   - every HtmlService.createHtmlOutputFromFile("NAME") of Code.js has its NAME.html.
// Exits 0 when all pass, 1 with one line per problem, 2 when it cannot run (build failed, no dist/).

import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vm from 'node:vm';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCOPE = 'https://www.googleapis.com/auth/';

/** The manifest's top-level fields (https://developers.google.com/apps-script/manifest). */
const MANIFEST_KEYS = [
  'addOns',
  'chat',
  'dependencies',
  'exceptionLogging',
  'executionApi',
  'oauthScopes',
  'runtimeVersion',
  'sheets',
  'timeZone',
  'urlFetchWhitelist',
  'webapp',
];

/** Services Code.js may call, how to see the call, and the scopes any one of which allows it. */
const SERVICE_SCOPES = [
  { what: 'SpreadsheetApp', use: /\bSpreadsheetApp\./, scopes: ['spreadsheets.currentonly', 'spreadsheets'] },
  {
    what: 'menus, sidebars and dialogs (getUi, HtmlService)',
    use: /\.getUi\(|\bHtmlService\./,
    scopes: ['script.container.ui'],
  },
  { what: 'MailApp', use: /\bMailApp\.(?!getRemainingDailyQuota)/, scopes: ['script.send_mail'] },
  {
    what: 'triggers (ScriptApp.newTrigger, getProjectTriggers, deleteTrigger)',
    use: /\bScriptApp\.(?:newTrigger|getProjectTriggers|deleteTrigger|getUserTriggers)\b/,
    scopes: ['script.scriptapp'],
  },
  {
    what: "the user's email (Session.get…User().getEmail)",
    use: /\bSession\.get(?:Active|Effective)User\(\)\s*\.getEmail\b/,
    scopes: ['userinfo.email'],
  },
  { what: 'UrlFetchApp', use: /\bUrlFetchApp\./, scopes: ['script.external_request'] },
  { what: 'GmailApp', use: /\bGmailApp\./, scopes: ['gmail.readonly', 'gmail.modify', 'mail.google.com'] },
  { what: 'DriveApp', use: /\bDriveApp\./, scopes: ['drive', 'drive.readonly', 'drive.file'] },
];

const SERVICES = [
  'SpreadsheetApp',
  'HtmlService',
  'PropertiesService',
  'LockService',
  'Session',
  'MailApp',
  'ScriptApp',
  'CacheService',
  'Utilities',
  'Logger',
  'UrlFetchApp',
  'DriveApp',
  'GmailApp',
];

function parseArgs(argv) {
  const options = { build: true, dist: join(root, 'dist'), maxKb: 1536 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') options.build = false;
    else if (arg === '--dist') options.dist = resolve(argv[++i] ?? '');
    else if (arg === '--max-kb') options.maxKb = Number(argv[++i]);
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node scripts/check-deploy.mjs [--no-build] [--dist DIR] [--max-kb N]');
      process.exit(0);
    } else {
      console.error(`check:deploy: unknown option ${arg}`);
      process.exit(2);
    }
  }
  if (!Number.isFinite(options.maxKb) || options.maxKb <= 0) {
    console.error('check:deploy: --max-kb needs a positive number');
    process.exit(2);
  }
  return options;
}

/** The handler names the add-on hands to Apps Script, read from the sources (not from the bundle). */
async function handlerNames() {
  const entry = [
    `export { MENU_ENTRIES } from './src/gas/menu';`,
    `export { DAILY_HANDLER } from './src/gas/triggers';`,
    `export { SERVER_FUNCTIONS } from './src/contract/server-api';`,
  ].join('\n');
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
  });
  const module = { exports: {} };
  const sandbox = { module, exports: module.exports, console };
  for (const name of SERVICES) sandbox[name] = new Proxy({}, { get: () => () => undefined });
  vm.runInNewContext(result.outputFiles[0].text, sandbox, { filename: 'handlers.js' });
  const { MENU_ENTRIES, DAILY_HANDLER, SERVER_FUNCTIONS } = module.exports;
  return [
    ...['onOpen', 'onInstall'].map((name) => ({ name, why: 'simple trigger' })),
    ...MENU_ENTRIES.filter((e) => e.functionName).map((e) => ({ name: e.functionName, why: 'menu item' })),
    { name: DAILY_HANDLER, why: 'daily trigger, src/gas/triggers.ts DAILY_HANDLER' },
    ...SERVER_FUNCTIONS.map((name) => ({ name, why: 'sidebar server function (google.script.run)' })),
  ];
}

function checkManifest(dist, code, problems) {
  const file = join(dist, 'appsscript.json');
  if (!existsSync(file)) return problems.push('appsscript.json is missing from dist/');
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return problems.push(`appsscript.json is not valid JSON: ${e.message}`);
  }
  for (const key of Object.keys(manifest)) {
    if (!MANIFEST_KEYS.includes(key)) problems.push(`appsscript.json: unknown key "${key}"`);
  }
  if (manifest.runtimeVersion !== 'V8')
    problems.push(
      `appsscript.json: runtimeVersion must be "V8" (found ${JSON.stringify(manifest.runtimeVersion)})`,
    );
  try {
    new Intl.DateTimeFormat('en', { timeZone: manifest.timeZone });
    if (typeof manifest.timeZone !== 'string') throw new Error();
  } catch {
    problems.push(`appsscript.json: timeZone ${JSON.stringify(manifest.timeZone)} is not a time zone`);
  }
  if (!['NONE', 'STACKDRIVER'].includes(manifest.exceptionLogging))
    problems.push(
      `appsscript.json: exceptionLogging must be NONE or STACKDRIVER (found ${JSON.stringify(manifest.exceptionLogging)})`,
    );
  if (manifest.addOns !== undefined)
    problems.push(
      'appsscript.json: an "addOns" section makes it a Workspace add-on; this is an Editor add-on',
    );
  const scopes = manifest.oauthScopes;
  if (!Array.isArray(scopes) || scopes.some((s) => typeof s !== 'string'))
    return problems.push('appsscript.json: oauthScopes must be a list of scope URLs');
  for (const scope of scopes) {
    if (!scope.startsWith(SCOPE)) problems.push(`appsscript.json: scope ${scope} is not a ${SCOPE}… URL`);
  }
  const short = scopes.map((s) => s.slice(SCOPE.length));
  const used = new Set();
  for (const service of SERVICE_SCOPES) {
    if (!service.use.test(code)) continue;
    const granted = service.scopes.filter((s) => short.includes(s));
    granted.forEach((s) => used.add(s));
    if (!granted.length)
      problems.push(
        `appsscript.json: Code.js uses ${service.what} but oauthScopes lacks ${SCOPE}${service.scopes[0]}`,
      );
  }
  for (const scope of short) {
    if (!SERVICE_SCOPES.some((s) => s.scopes.includes(scope)))
      problems.push(`appsscript.json: scope ${SCOPE}${scope} is not one this check knows a use for`);
    else if (!used.has(scope))
      problems.push(`appsscript.json: scope ${SCOPE}${scope} is asked for but nothing in Code.js uses it`);
  }
}

/** Syntax newer than ES2019 (with its line), and module loading. */
function newerSyntax(code) {
  const source = ts.createSourceFile('Code.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found = [];
  const at = (node, what) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`Code.js line ${line + 1}: ${what}`);
  };
  const visit = (node) => {
    if (ts.isPropertyDeclaration(node) && ts.isClassLike(node.parent)) {
      const isStatic = node.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
      at(node, `${isStatic ? 'class static field' : 'class field'} (ES2022; Apps Script rejects it at push)`);
    }
    if (ts.isClassStaticBlockDeclaration(node)) at(node, 'class static block (ES2022)');
    if (ts.isPrivateIdentifier(node)) at(node, `private name ${node.text} (ES2022)`);
    if (node.kind === ts.SyntaxKind.QuestionDotToken) at(node, 'optional chaining ?. (ES2020)');
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if (op === ts.SyntaxKind.QuestionQuestionToken) at(node, 'nullish coalescing ?? (ES2020)');
      if (
        op === ts.SyntaxKind.QuestionQuestionEqualsToken ||
        op === ts.SyntaxKind.BarBarEqualsToken ||
        op === ts.SyntaxKind.AmpersandAmpersandEqualsToken
      )
        at(node, 'logical assignment (ES2021)');
    }
    if (ts.isBigIntLiteral(node)) at(node, 'BigInt literal (ES2020)');
    if (ts.isNumericLiteral(node) && node.getText(source).includes('_'))
      at(node, 'numeric separator (ES2021)');
    if (ts.isRegularExpressionLiteral(node) && /\/[a-z]*[dv][a-z]*$/.test(node.text))
      at(node, 'RegExp flag d or v (ES2022+)');
    if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) at(node, 'import.meta');
    if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword)
        at(node, 'import() (Apps Script loads no modules)');
      if (ts.isIdentifier(node.expression) && node.expression.text === 'require')
        at(node, 'require() (Apps Script loads no modules)');
    }
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isExportAssignment(node))
      at(node, 'module syntax (import/export)');
    if (ts.isAwaitExpression(node) && !ts.findAncestor(node, ts.isFunctionLike)) at(node, 'top-level await');
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const d of source.parseDiagnostics ?? []) {
    const { line } = source.getLineAndCharacterOfPosition(d.start ?? 0);
    found.push(
      `Code.js line ${line + 1}: syntax error: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
    );
  }
  return found;
}

async function checkCode(dist, code, maxKb, problems) {
  const syntax = newerSyntax(code);
  problems.push(...syntax);
  if (!syntax.length) {
    // Belt and braces: esbuild lowers whatever is newer than the target, so a difference means newer syntax.
    try {
      const [old, latest] = await Promise.all(
        ['es2019', 'esnext'].map((target) =>
          esbuild.transform(code, { target, loader: 'js', legalComments: 'inline' }),
        ),
      );
      if (old.code !== latest.code)
        problems.push('Code.js: esbuild lowers some syntax for ES2019 (newer than the target)');
    } catch (e) {
      problems.push(`Code.js: esbuild cannot parse it for ES2019: ${e.message.split('\n')[0]}`);
    }
  }

  const kb = Buffer.byteLength(code) / 1024;
  if (kb > maxKb) problems.push(`Code.js is ${kb.toFixed(1)} kB, over the budget of ${maxKb} kB`);

  const touched = [];
  const sandbox = { console };
  for (const name of SERVICES) {
    sandbox[name] = new Proxy(
      {},
      {
        get(_t, prop) {
          touched.push(`${name}.${String(prop)}`);
          return () => undefined;
        },
      },
    );
  }
  const context = vm.createContext(sandbox);
  try {
    vm.runInContext(code, context, { filename: 'Code.js' });
  } catch (e) {
    problems.push(`Code.js throws while loading: ${e.message}`);
    return;
  }
  if (touched.length)
    problems.push(
      `Code.js calls Apps Script while loading (not allowed before authorization): ${touched.join(', ')}`,
    );

  const source = ts.createSourceFile('Code.js', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const topLevel = new Set(
    source.statements.filter(ts.isFunctionDeclaration).flatMap((f) => (f.name ? [f.name.text] : [])),
  );
  const seen = new Set();
  for (const { name, why } of await handlerNames()) {
    if (seen.has(name)) continue;
    seen.add(name);
    if (!topLevel.has(name) || typeof context[name] !== 'function')
      problems.push(`Code.js: ${name} (${why}) is not a top-level function; Apps Script could not call it`);
  }

  for (const m of code.matchAll(/createHtmlOutputFromFile\(\s*(["'])([^"']+)\1\s*\)/g)) {
    const page = `${m[2]}.html`;
    if (!existsSync(join(dist, page))) problems.push(`dist/${page} is missing (Code.js serves "${m[2]}")`);
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.build) {
    const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
    if (build.status !== 0) {
      console.error('check:deploy: the build failed (see above)');
      return 2;
    }
  }
  const dist = options.dist;
  const near = relative(process.cwd(), dist);
  const shown = !near ? '.' : near.startsWith('..') ? dist : near;
  const codeFile = join(dist, 'Code.js');
  if (!existsSync(dist) || !existsSync(codeFile)) {
    console.error(`check:deploy: ${shown}/Code.js is missing: run \`npm run build\` (or drop --no-build)`);
    return 2;
  }
  const code = readFileSync(codeFile, 'utf8');
  const problems = [];
  checkManifest(dist, code, problems);
  await checkCode(dist, code, options.maxKb, problems);
  for (const f of readdirSync(dist)) {
    if (!/\.(js|gs|html)$/.test(f) && f !== 'appsscript.json' && statSync(join(dist, f)).isFile())
      problems.push(`dist/${f}: clasp does not push this kind of file; it should not be in dist/`);
  }
  if (problems.length) {
    for (const p of problems) console.error(`check:deploy: ✗ ${p}`);
    console.error(`check:deploy: ${problems.length} problem(s); ${shown}/ is not ready for clasp push`);
    return 1;
  }
  const kb = (Buffer.byteLength(code) / 1024).toFixed(1);
  console.log(
    `check:deploy: ${shown}/ is ready for clasp push (manifest, handlers, ES2019 syntax, Code.js ${kb} kB)`,
  );
  return 0;
}

process.exitCode = await main();
