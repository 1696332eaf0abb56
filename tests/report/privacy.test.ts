// No contact or guardian detail of the sample school appears in any report (sheet, HTML, xlsx), email, outbox or log.
import { WorkbookSession } from '../../src/app/session';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { sampleSchool } from '../../src/core/sample/sample-school';
import { TABLES, type TableKey } from '../../src/core/tables';
import { openXlsx } from '../../src/local/xlsx-workbook';
import { buildReportSheet } from '../../src/app/report';
import { runReminders } from '../../src/app/remind';
import { reminderPreviewHtml } from '../../src/core/report/reminder-preview';
import { cli, tempDir } from '../local/helpers';
import { readEml } from '../remind/eml';
import { MemoryMailer } from '../remind/helpers';
import { clockAt, plainLock, workbookOf } from './helpers';

const column = (table: TableKey, key: string) => TABLES[table].columns.findIndex((c) => c.key === key);

/** Every contact and guardian value of the sample school, and every name (to tell a name apart from a guardian's). */
function secretsOf(today: string) {
  const school = sampleSchool(today, 'zh');
  const values = (table: TableKey, key: string) =>
    school.rows[table]
      .map((row) => row[column(table, key)])
      .filter((v): v is string => typeof v === 'string' && v !== '');
  const secrets = [
    ...values('targets', 'contact'),
    ...values('students', 'contact'),
    ...values('students', 'guardian'),
  ];
  const names = [...values('targets', 'name'), ...values('students', 'name'), ...values('staff', 'name')];
  return { school, secrets: [...new Set(secrets)], names };
}

/**
 * The secrets found in a text. A guardian's name may be part of a longer name of someone else (王芳 in
 * 王芳丽), so the longer names holding a secret are blanked out before it is looked for.
 */
function leaked(text: string, secrets: readonly string[], names: readonly string[]): string[] {
  return secrets.filter((secret) => {
    let rest = text;
    for (const name of names) if (name !== secret && name.includes(secret)) rest = rest.split(name).join('□');
    return rest.includes(secret);
  });
}

describe.each([['2027-04-20'], ['2027-05-10']])('the sample school on %s', (today) => {
  const month = '2027-04';
  const { school, secrets, names } = secretsOf(today);
  let dir: string;
  const outputs: { what: string; text: string }[] = [];
  const now = new Date(`${today}T00:10:00Z`);

  beforeAll(async () => {
    dir = await tempDir();
    const file = path.join(dir, 'school.xlsx');
    expect((await cli(['init', file, '--sample', '--today', today], now)).code).toBe(0);
    const html = path.join(dir, 'r.html');
    const xlsx = path.join(dir, 'r.xlsx');
    const terminal = await cli(['report', file, '--month', month, '--today', today], now);
    await cli(['report', file, '--month', month, '--today', today, '--out', html], now);
    await cli(['report', file, '--month', month, '--today', today, '--out', xlsx], now);
    const preview = await cli(['remind', file, '--today', '2027-04-20', '--dry-run', '--json'], now);
    const sent = await cli(['remind', file, '--today', '2027-04-20', '--json'], now);
    outputs.push({ what: 'report on the terminal', text: terminal.out });
    outputs.push({ what: 'HTML report', text: await fs.readFile(html, 'utf8') });
    const book = await openXlsx(xlsx);
    outputs.push({ what: 'xlsx report', text: JSON.stringify(book.sheetNames().map((n) => book.read(n))) });
    outputs.push({ what: 'remind --dry-run --json', text: preview.out });
    outputs.push({ what: 'remind --json', text: sent.out });
    const saved = await openXlsx(file);
    outputs.push({ what: '发送日志', text: JSON.stringify(saved.read('发送日志')) });
    for (const name of await fs.readdir(path.join(dir, 'outbox'))) {
      const eml = readEml(await fs.readFile(path.join(dir, 'outbox', name), 'utf8'));
      outputs.push({ what: `outbox/${name}`, text: [eml.raw, eml.subject, eml.text, eml.html].join('\n') });
    }

    // In the add-on: the report sheet, the emails (HTML and text) and the preview dialog.
    const wb = workbookOf(school);
    const report = buildReportSheet(WorkbookSession.open(wb, clockAt(today)), {
      month,
      generatedAt: `${today} 08:00`,
    });
    outputs.push({ what: 'report sheet', text: JSON.stringify(wb.read(report.sheet)) });
    const mailer = new MemoryMailer(15);
    const run = runReminders(WorkbookSession.open(wb, clockAt('2027-04-20')), {
      mailer,
      lock: plainLock(),
      clock: clockAt('2027-04-20'),
    });
    outputs.push({ what: 'emails', text: JSON.stringify(mailer.sent) });
    outputs.push({ what: 'preview dialog', text: reminderPreviewHtml(run.plan, 'zh') });
    outputs.push({ what: 'log sheet', text: JSON.stringify(wb.read('发送日志')) });
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('has contact and guardian values to look for, and outputs that name people', () => {
    expect(secrets.length).toBeGreaterThan(700);
    expect(secrets.some((s) => /^\d{3}\*{4}\d{4}$/.test(s))).toBe(true);
    expect(outputs.length).toBeGreaterThan(20);
    // The outputs do name students and targets: the search would find a leaked name.
    const all = outputs.map((o) => o.text).join('\n');
    expect(names.filter((n) => all.includes(n)).length).toBeGreaterThan(100);
    // And the search finds a phone number or a guardian's name that is there.
    const guardian = school.rows.students[0]![column('students', 'guardian')] as string;
    const phone = school.rows.students[0]![column('students', 'contact')] as string;
    expect(leaked(`家长 ${guardian}，电话 ${phone}`, secrets, names)).toEqual(
      [phone, guardian].sort((a, b) => secrets.indexOf(a) - secrets.indexOf(b)),
    );
  });

  it('finds none of them in any report, email, outbox file or log', () => {
    for (const output of outputs)
      expect({ what: output.what, leaked: leaked(output.text, secrets, names) }).toEqual({
        what: output.what,
        leaked: [],
      });
  });
});
