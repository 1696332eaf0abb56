// The built Apps Script bundle: loads dist/Code.js in node:vm and checks the entry points and the manifest.

import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import * as ts from 'typescript';

const root = join(__dirname, '..');
const codePath = join(root, 'dist', 'Code.js');
const manifestPath = join(root, 'dist', 'appsscript.json');
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
];

function builtCode(): string {
  if (!existsSync(codePath)) {
    throw new Error('dist/Code.js is missing: run `npm run build` first (`npm test` builds before jest).');
  }
  return readFileSync(codePath, 'utf8');
}

/** The names src/gas/main.ts exports now, read from esbuild's metafile (independently of the build). */
async function exportsOfMain(): Promise<string[]> {
  const result = await esbuild.build({
    entryPoints: [join(root, 'src/gas/main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    packages: 'external',
    write: false,
    metafile: true,
    outfile: join(root, 'dist', 'probe.mjs'),
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  return [...(output?.exports ?? [])].sort();
}

/** Runs the bundle in a fresh context whose Apps Script services record every property read. */
function load(code: string): { context: vm.Context; touched: string[] } {
  const touched: string[] = [];
  const sandbox: Record<string, unknown> = { console };
  for (const name of SERVICES) {
    sandbox[name] = new Proxy(
      {},
      {
        get(_target, prop) {
          touched.push(`${name}.${String(prop)}`);
          return () => undefined;
        },
      },
    );
  }
  const context = vm.createContext(sandbox);
  vm.runInContext(code, context, { filename: 'Code.js' });
  return { context, touched };
}

/** Syntax Apps Script's V8 rejects at push, or that cannot run there (module loading). */
function unsupportedSyntax(code: string): string[] {
  const source = ts.createSourceFile('Code.js', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const found: string[] = [];
  const where = (node: ts.Node) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    return `line ${line + 1}`;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyDeclaration(node)) found.push(`class field at ${where(node)}`);
    if (ts.isClassStaticBlockDeclaration(node)) found.push(`class static block at ${where(node)}`);
    if (ts.isPrivateIdentifier(node)) found.push(`private name at ${where(node)}`);
    if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) found.push(`import() at ${where(node)}`);
      if (ts.isIdentifier(node.expression) && node.expression.text === 'require') {
        found.push(`require() at ${where(node)}`);
      }
    }
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node))
      found.push(`module syntax at ${where(node)}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('dist/Code.js, the Apps Script bundle', () => {
  let code: string;
  let names: string[];

  beforeAll(async () => {
    code = builtCode();
    names = await exportsOfMain();
  });

  it('is built from the current src/gas/main.ts and lists its entry points', () => {
    expect(names).toEqual(expect.arrayContaining(['onInstall', 'onOpen']));
    const listed = JSON.parse(readFileSync(join(root, 'dist-node', 'entry-points.json'), 'utf8'));
    expect(listed).toEqual(names);
  });

  it('declares every export of main.ts as a top-level function of the script', () => {
    const { context } = load(code);
    for (const name of names) {
      expect({ name, type: typeof context[name] }).toEqual({ name, type: 'function' });
      // A `function` declaration, not only a property of the IIFE's global object.
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
      expect(context[name]).not.toBe(context.VisitLedger[name]);
    }
  });

  it('forwards each top-level call, with its arguments and result, to the bundled module', () => {
    const { context } = load(code);
    for (const name of names) {
      const calls: unknown[][] = [];
      const real = context.VisitLedger;
      context.VisitLedger = {
        [name]: (...args: unknown[]) => {
          calls.push(args);
          return `${name} result`;
        },
      };
      const event = { source: 'event' };
      expect(context[name](event, 2)).toBe(`${name} result`);
      expect(calls).toEqual([[event, 2]]);
      context.VisitLedger = real;
    }
  });

  it('makes no Apps Script service call while loading', () => {
    expect(load(code).touched).toEqual([]);
  });

  it('contains no syntax that Apps Script V8 rejects and no module loading', () => {
    expect(unsupportedSyntax(code)).toEqual([]);
  });
});

describe('dist/appsscript.json, the manifest', () => {
  it('runs on V8 in the school time zone with the narrowest scopes', () => {
    builtCode();
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Shanghai');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect([...manifest.oauthScopes].sort()).toEqual(
      [
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/script.scriptapp',
        'https://www.googleapis.com/auth/script.send_mail',
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/userinfo.email',
      ].sort(),
    );
    // A bound script / Editor add-on manifest: no Workspace add-on section.
    expect(manifest.addOns).toBeUndefined();
  });
});
