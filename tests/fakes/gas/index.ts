// Installs the counting Apps Script fakes on globalThis for a test, and removes them after.
import { CallLog } from './calls';
import { FakeHtmlService } from './html';
import { FakeLockService } from './lock';
import { FakePropertiesService } from './properties';
import { FakeLogger, FakeMailApp, FakeScriptApp, FakeSession, FakeUtilities } from './session';
import { FakeSpreadsheet, FakeSpreadsheetApp } from './spreadsheet';
import { FakeUi } from './ui';

export { CallLog } from './calls';
export {
  FakeSheet,
  FakeSpreadsheet,
  FakeRange,
  FakeDataValidation,
  FakeConditionalFormatRule,
} from './spreadsheet';
export { FakeMenu, FakeUi, type MenuItem } from './ui';
export { FakeHtmlOutput } from './html';
export { FakeTrigger } from './script-app';
export { FakeEmbeddedChart } from './charts';
export type { SentMail } from './session';
export { FakeLock, LockState } from './lock';
export type { FakeValue } from './sheet-store';

export interface GasFakeOptions {
  /** The spreadsheet's time zone (File › Settings); default Asia/Shanghai. */
  timeZone?: string;
  /** The spreadsheet's locale; default zh_CN. */
  locale?: string;
  /** The name Apps Script gives the add-on menu (the manifest's / project's name). */
  addonName?: string;
  /** Project HTML files by name (as HtmlService.createHtmlOutputFromFile finds them). */
  htmlFiles?: Record<string, string>;
  /** A folder of NAME.html files served after htmlFiles (e.g. dist/). */
  htmlFolder?: string;
}

export interface GasFakes {
  /** Every service call, by method name (Utilities apart: see utilityCalls). */
  calls: CallLog;
  /** Calls of Utilities, which run in the script's process: counted apart from the service calls. */
  utilityCalls: CallLog;
  /** The active spreadsheet (add sheets with spreadsheet.addSheet, uncounted). */
  spreadsheet: FakeSpreadsheet;
  SpreadsheetApp: FakeSpreadsheetApp;
  ui: FakeUi;
  HtmlService: FakeHtmlService;
  PropertiesService: FakePropertiesService;
  LockService: FakeLockService;
  Session: FakeSession;
  Utilities: FakeUtilities;
  MailApp: FakeMailApp;
  ScriptApp: FakeScriptApp;
  Logger: FakeLogger;
  /** The services by global name, e.g. for a node:vm context. */
  globals(): Record<string, unknown>;
  /** Puts back whatever the globals were before. */
  uninstall(): void;
}

const GLOBAL_NAMES = [
  'SpreadsheetApp',
  'HtmlService',
  'PropertiesService',
  'LockService',
  'Session',
  'Utilities',
  'MailApp',
  'ScriptApp',
  'Logger',
] as const;

/** A fresh set of fakes, not installed anywhere. */
export function createGasFakes(options: GasFakeOptions = {}): Omit<GasFakes, 'uninstall'> {
  const calls = new CallLog();
  const spreadsheet = new FakeSpreadsheet(
    calls,
    options.timeZone ?? 'Asia/Shanghai',
    options.locale ?? 'zh_CN',
  );
  const ui = new FakeUi(calls, options.addonName ?? '走访台账');
  const session = new FakeSession(calls);
  const utilityCalls = new CallLog();
  const services = {
    SpreadsheetApp: new FakeSpreadsheetApp(calls, spreadsheet, ui),
    HtmlService: new FakeHtmlService(calls, options.htmlFiles, options.htmlFolder),
    PropertiesService: new FakePropertiesService(calls, () => session.activeEmail || session.temporaryKey),
    LockService: new FakeLockService(calls),
    Session: session,
    Utilities: new FakeUtilities(utilityCalls),
    MailApp: new FakeMailApp(calls),
    ScriptApp: new FakeScriptApp(calls, () => session.effectiveEmail),
    Logger: new FakeLogger(calls),
  };
  const held = (state: { holder: unknown }) => state.holder !== null && state.holder !== 'other';
  calls.lockHeld = () => held(services.LockService.document) || held(services.LockService.script);
  return {
    calls,
    utilityCalls,
    spreadsheet,
    ui,
    ...services,
    globals: () => ({ ...services }),
  };
}

/** Creates the fakes and puts them on globalThis, where Apps Script code looks for its services. */
export function installGasFakes(options: GasFakeOptions = {}): GasFakes {
  const fakes = createGasFakes(options);
  const scope = globalThis as Record<string, unknown>;
  const before = new Map<string, { had: boolean; value: unknown }>();
  const services = fakes.globals();
  for (const name of GLOBAL_NAMES) {
    before.set(name, { had: name in scope, value: scope[name] });
    scope[name] = services[name];
  }
  return {
    ...fakes,
    uninstall: () => {
      for (const [name, { had, value }] of before) {
        if (had) scope[name] = value;
        else delete scope[name];
      }
    },
  };
}
