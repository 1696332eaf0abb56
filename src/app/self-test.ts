// The self-test (自检): what only the deployed add-on can check about itself, one line per check, in the school's language.
import { dateTimeInZone } from '../core/dates';
import { cellText } from '../core/grid';
import { en } from '../core/i18n/en';
import { format, texts, type Lang, type Messages } from '../core/i18n/messages';
import { zh } from '../core/i18n/zh';
import { escapeHtml } from '../core/report/escape';
import { headerText, sheetName, TABLE_KEYS, TABLES, type TableKey } from '../core/tables';
import type { Mailer, WorkbookPort } from './ports';
import { recompute } from './recompute';
import type { TriggerState } from './scheduler';
import type { WorkbookSession } from './session';
import { SELF_TEST_LOOK, selfTestHeader, selfTestSheet } from './self-test-view';
import { activeStaff, staffOfEmail } from './sidebar-view';

export type SelfTestStatus = 'ok' | 'warning' | 'fail';

/** The checks, in the order they run (each has its name in the texts' selfTest.names). */
export type SelfTestCheck = keyof Messages['selfTest']['names'];

/** One line of the self-test: what was checked, how it went, what was found and what that means. */
export interface SelfTestLine {
  check: SelfTestCheck;
  /** The table of a 'sheet' line. */
  table?: TableKey;
  name: string;
  status: SelfTestStatus;
  value: string;
  meaning: string;
}

/** The daily trigger as this user can tell: its record (or null) and whether it is this user's own. */
export interface DailyTriggerView {
  state: TriggerState | null;
  mine: boolean;
}

/** What only the platform knows (Apps Script: Session, SpreadsheetApp, ScriptApp). */
export interface SelfTestPort {
  /** The spreadsheet's own time zone (File › Settings). */
  spreadsheetTimeZone(): string;
  /** The script project's time zone. */
  scriptTimeZone(): string;
  /** The signed-in email; '' when the platform hides it. */
  signedInEmail(): string;
  /** Where a test mail to the person running the self-test goes ('' when unknown). */
  mailAddress(): string;
  dailyTrigger(): DailyTriggerView;
  /** A millisecond clock for timing one recompute. */
  millis(): number;
}

export interface SelfTestDeps {
  port: SelfTestPort;
  mailer: Mailer;
  /** The person said yes to a test mail (asked before the checks). */
  sendTestMail: boolean;
}

export interface SelfTestResult {
  lang: Lang;
  /** The self-test sheet's name. */
  sheet: string;
  lines: SelfTestLine[];
  /** Why the self-test sheet could not be written, when it could not. */
  sheetError?: string;
}

/** A recompute slower than this is reported: a run of Apps Script stops after 6 minutes. */
export const SLOW_RECOMPUTE_MS = 120_000;

/** The wall-clock time written into a date cell with today's date (clear of any daylight-saving gap). */
const PROBE_TIME = '12:30';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The self-test sheet's name: the existing one in either language, else the school's language's. */
export function selfTestSheetName(wb: WorkbookPort, lang: Lang): string {
  const names = wb.sheetNames();
  return [zh.selfTest.sheet, en.selfTest.sheet].find((n) => names.includes(n)) ?? texts(lang).selfTest.sheet;
}

type Texts = Messages['selfTest'];

/** The lines so far; each check adds one (a 'sheet' line per table). */
class Lines {
  readonly items: SelfTestLine[] = [];
  constructor(private readonly t: Texts) {}

  add(
    check: SelfTestCheck,
    status: SelfTestStatus,
    value: string,
    meaning: string,
    sheet?: { name: string; table: TableKey },
  ): void {
    const name = sheet?.name ?? this.t.names[check];
    this.items.push({ check, ...(sheet ? { table: sheet.table } : {}), name, status, value, meaning });
  }

  /** Runs one check; a check that throws becomes a failing line with the message, never an exception. */
  guard(check: SelfTestCheck, meaning: string, run: () => void): void {
    try {
      run();
    } catch (error) {
      this.add(check, 'fail', format(this.t.failedWith, { message: messageOf(error) }), meaning);
    }
  }
}

function zoneLines(session: WorkbookSession, port: SelfTestPort, lines: Lines, t: Texts): void {
  const expected = session.settings.timeZone;
  lines.guard('spreadsheetZone', t.checkFailed, () => {
    const zone = port.spreadsheetTimeZone();
    const value = format(t.zone.spreadsheetValue, { zone, now: dateTimeInZone(session.now, zone) });
    if (zone === expected) lines.add('spreadsheetZone', 'ok', value, format(t.zone.spreadsheetOk, { zone }));
    else
      lines.add('spreadsheetZone', 'warning', value, format(t.zone.spreadsheetDiffers, { zone, expected }));
  });
  lines.guard('scriptZone', t.checkFailed, () => {
    const zone = port.scriptTimeZone();
    if (zone === expected) lines.add('scriptZone', 'ok', zone, t.zone.scriptOk);
    else lines.add('scriptZone', 'warning', zone, format(t.zone.scriptDiffers, { zone, expected }));
  });
}

/**
 * Writes today's date and a date-time into the self-test sheet as a person types them, then reads them
 * back through the workbook's own read (the path every table takes): both must come back as written.
 */
function dateLine(session: WorkbookSession, sheet: string, lines: Lines, t: Texts): void {
  const written = [session.today, `${session.today} ${PROBE_TIME}`];
  lines.guard('dateRoundTrip', format(t.date.failed, { sheet }), () => {
    const probe = [selfTestHeader(session.lang), [t.names.dateRoundTrip, ...written]];
    session.workbook.replace(sheet, probe, SELF_TEST_LOOK);
    const row = session.workbook.read(sheet)?.[1] ?? [];
    const read = written.map((_, i) => cellText(row[i + 1]));
    const value = format(t.date.value, { written: written.join(' / '), read: read.join(' / ') });
    const same = read.every((text, i) => text === written[i]);
    lines.add('dateRoundTrip', same ? 'ok' : 'fail', value, same ? t.date.ok : t.date.differs);
  });
}

function languageLine(session: WorkbookSession, lines: Lines, t: Texts): void {
  const { campaign } = session;
  const lang = campaign.lang;
  const name = t.language[lang];
  const setting = texts(lang).settingNames.language;
  const invalid = campaign.findings.find(
    (f) => f.table === 'settings' && f.code === 'SETTING_INVALID' && f.params.setting === setting,
  );
  if (invalid === undefined) lines.add('language', 'ok', name, t.language.ok);
  else
    lines.add(
      'language',
      'warning',
      format(t.language.invalidValue, { value: String(invalid.params.value ?? ''), lang: name }),
      t.language.invalid,
    );
}

/** One line per table: its sheet and columns as found (by header text), or what is missing. */
function sheetLines(session: WorkbookSession, lines: Lines, t: Texts): void {
  const { campaign } = session;
  const lang = campaign.lang;
  const sep = lang === 'en' ? ', ' : '、';
  const s = t.sheets;
  for (const table of TABLE_KEYS) {
    const def = TABLES[table];
    const parsed = campaign.tables[table];
    if (parsed === undefined) {
      const sheet = sheetName(table, lang);
      const at = { name: format(t.names.sheet, { sheet }), table };
      if (def.required)
        lines.add(
          'sheet',
          'fail',
          format(s.sheetMissing, { sheet }),
          format(s.sheetMissingMeaning, { sheet }),
          at,
        );
      else lines.add('sheet', 'ok', s.optionalSheetMissing, s.optionalSheetMissingMeaning, at);
      continue;
    }
    const at = { name: format(t.names.sheet, { sheet: parsed.sheet }), table };
    const missing = def.columns.filter((c) => parsed.columnIndex[c.key] === undefined);
    const headers = (columns: readonly { key: string }[]) =>
      columns.map((c) => headerText(table, c.key, lang)).join(sep);
    const required = missing.filter((c) => c.required);
    const extra = parsed.unknown.length > 0 ? format(s.unknownColumns, { count: parsed.unknown.length }) : '';
    if (required.length > 0) {
      const columns = headers(required);
      const value = format(s.columnMissing, { columns }) + extra;
      lines.add('sheet', 'fail', value, format(s.columnMissingMeaning, { columns }), at);
    } else if (missing.length > 0) {
      const value = format(s.optionalMissing, { columns: headers(missing) }) + extra;
      lines.add('sheet', 'warning', value, s.optionalMissingMeaning, at);
    } else {
      const total = def.columns.length;
      lines.add('sheet', 'ok', format(s.allFound, { found: total, total }) + extra, s.ok, at);
    }
  }
}

function emailLine(session: WorkbookSession, port: SelfTestPort, lines: Lines, t: Texts): void {
  const e = t.email;
  lines.guard('email', e.hiddenMeaning, () => {
    const email = port.signedInEmail().trim();
    if (email === '') {
      lines.add('email', 'warning', e.hidden, e.hiddenMeaning);
      return;
    }
    const staff = staffOfEmail(session.campaign, email);
    if (staff === undefined) lines.add('email', 'warning', e.notStaff, e.notStaffMeaning);
    else lines.add('email', 'ok', format(e.known, { name: staff.name }), e.knownMeaning);
  });
}

function triggerLine(session: WorkbookSession, port: SelfTestPort, lines: Lines, t: Texts): void {
  const tr = t.trigger;
  lines.guard('trigger', tr.noneMeaning, () => {
    const { state, mine } = port.dailyTrigger();
    if (state === null) {
      lines.add('trigger', 'warning', tr.none, tr.noneMeaning);
      return;
    }
    const { reminderHour, timeZone } = session.settings;
    // A trigger found without its record runs at the hour of 设置 (as the health panel says).
    const known = state.hour >= 0;
    const hour = known ? state.hour : reminderHour;
    const zone = known ? state.timeZone : timeZone;
    const staff = state.owner === '' ? undefined : staffOfEmail(session.campaign, state.owner);
    const owner = mine ? tr.you : (staff?.name ?? (state.owner || tr.unknownOwner));
    const value = format(tr.installed, { hour, timeZone: zone, owner });
    const meaning = mine ? tr.mineMeaning : format(tr.otherMeaning, { owner });
    if (hour !== reminderHour || zone !== timeZone)
      lines.add(
        'trigger',
        'warning',
        value,
        `${format(tr.mismatch, { hour: reminderHour, timeZone })} ${meaning}`,
      );
    else lines.add('trigger', mine ? 'ok' : 'warning', value, meaning);
  });
}

function quotaLine(session: WorkbookSession, mailer: Mailer, lines: Lines, t: Texts): void {
  const q = t.quota;
  lines.guard('quota', q.none, () => {
    const quota = mailer.remainingQuota();
    const needed = activeStaff(session.campaign).filter((s) => s.email.trim() !== '').length;
    const value = format(q.value, { quota });
    if (quota <= 0) lines.add('quota', 'fail', value, q.none);
    else if (quota < needed) lines.add('quota', 'warning', value, format(q.low, { needed }));
    else lines.add('quota', 'ok', value, format(q.ok, { needed }));
  });
}

/** Times one full recompute (it re-checks every row and rewrites 进度, as the menu item does). */
function recomputeLine(session: WorkbookSession, port: SelfTestPort, lines: Lines, t: Texts): void {
  const r = t.recompute;
  lines.guard('recompute', r.failed, () => {
    const start = port.millis();
    const result = recompute(session);
    const elapsed = Math.max(0, port.millis() - start);
    const seconds = (elapsed / 1000).toFixed(1);
    const { tables } = session.campaign;
    const rows = (tables.visits?.rows.length ?? 0) + (tables.homeVisits?.rows.length ?? 0);
    const value = format(r.value, { seconds });
    const done = format(r.ok, { rows, errors: result.errors, warnings: result.warnings });
    if (elapsed > SLOW_RECOMPUTE_MS)
      lines.add('recompute', 'warning', value, `${format(r.slow, { seconds })} ${done}`);
    else lines.add('recompute', 'ok', value, done);
  });
}

function mailLine(session: WorkbookSession, deps: SelfTestDeps, lines: Lines, t: Texts): void {
  const m = t.mail;
  if (!deps.sendTestMail) {
    lines.add('testMail', 'warning', m.notAsked, m.notAskedMeaning);
    return;
  }
  lines.guard('testMail', m.failedMeaning, () => {
    const to = deps.port.mailAddress().trim();
    if (to === '') {
      lines.add('testMail', 'fail', m.noAddress, m.failedMeaning);
      return;
    }
    const { campaignName, timeZone } = session.settings;
    const subject = format(m.subject, { campaign: campaignName });
    const text = format(m.body, { time: `${dateTimeInZone(session.now, timeZone)} (${timeZone})` });
    const html = `<p>${escapeHtml(text)}</p>`;
    try {
      deps.mailer.send({ to, subject, text, html });
    } catch (error) {
      lines.add('testMail', 'fail', format(m.failed, { message: messageOf(error) }), m.failedMeaning);
      return;
    }
    lines.add('testMail', 'ok', m.sent, format(m.sentMeaning, { subject }));
  });
}

/**
 * Runs every check on one session (the caller holds the document lock: the recompute writes), writes the
 * self-test sheet (one row per line, replaced each time and protected like 进度) and returns the lines.
 * No check throws: a failure is a failing line. Contact details are never read into a line.
 */
export function runSelfTest(session: WorkbookSession, deps: SelfTestDeps): SelfTestResult {
  const lang = session.lang;
  const t = texts(lang).selfTest;
  const sheet = selfTestSheetName(session.workbook, lang);
  const lines = new Lines(t);
  zoneLines(session, deps.port, lines, t);
  dateLine(session, sheet, lines, t);
  languageLine(session, lines, t);
  sheetLines(session, lines, t);
  emailLine(session, deps.port, lines, t);
  triggerLine(session, deps.port, lines, t);
  quotaLine(session, deps.mailer, lines, t);
  recomputeLine(session, deps.port, lines, t);
  mailLine(session, deps, lines, t);
  const result: SelfTestResult = { lang, sheet, lines: lines.items };
  try {
    const { grid, format: look } = selfTestSheet(result.lines, lang);
    session.workbook.replace(sheet, grid, look);
  } catch (error) {
    result.sheetError = messageOf(error);
  }
  return result;
}
