// Whatever a person typed is escaped in HTML: the report page, email bodies, the preview and health dialogs.
import { WorkbookSession } from '../../src/app/session';
import { buildReportSheet, reportOf } from '../../src/app/report';
import { runReminders, LAST_RUN_KEY } from '../../src/app/remind';
import { healthHtml, healthOf } from '../../src/app/health';
import { loadCampaign } from '../../src/core/engine';
import { readSheets } from '../../src/app/read';
import { reminderPreviewHtml } from '../../src/core/report/reminder-preview';
import { reportHtml } from '../../src/local/report-html';
import { clockAt, memoryStore, plainLock } from './helpers';
import { MemoryMailer, tinySchool } from '../remind/helpers';

const SCRIPT = '<script>alert(1)</script>';
const LEADER = `王<script>老师`;
const TARGETS = ['A&B家长', '"引号"家长', `${SCRIPT}家长`, '普通家长'];
const RECORD = `谈到 ${SCRIPT} & "食堂" 的问题`;

function school() {
  return tinySchool({
    leaders: [LEADER, '李"主任"'],
    targets: TARGETS,
    visits: [
      ['V-1', null, '2027-04-02', LEADER, null, TARGETS[3]!, '上门', null, RECORD, RECORD, '及时汇报', 'A&B'],
    ],
  });
}

/** Raw text that must not be in HTML: the markup typed by a person. */
function expectEscaped(html: string): void {
  expect(html).not.toContain('<script>');
  expect(html).not.toContain('"引号"');
  expect(html).not.toContain('A&B');
  expect(html).not.toContain('李"主任"');
}

it('the HTML report shows names and record text escaped', () => {
  const wb = school();
  const campaign = loadCampaign(readSheets(wb), '2027-05-10');
  const { document } = reportOf(campaign, '2027-04', '2027-05-10', '2027-05-10 09:00');
  const html = reportHtml(document);
  expectEscaped(html);
  expect(html).toContain('谈到 &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;食堂&quot; 的问题');
  expect(html).toContain('王&lt;script&gt;老师');
  expect(html).toContain('&quot;引号&quot;家长');
  expect(html).toMatch(/<td[^>]*>A&amp;B<\/td>/);
  // The sheet keeps the text exactly as typed.
  const sheet = buildReportSheet(
    WorkbookSession.open(wb, { now: () => new Date() }, { today: '2027-05-10' }),
    { month: '2027-04', generatedAt: 'x' },
  );
  expect(wb.read(sheet.sheet)!.flat()).toContain(RECORD);
});

it('reminder emails escape the HTML part and keep the plain text as typed', () => {
  const wb = school();
  const mailer = new MemoryMailer();
  runReminders(
    WorkbookSession.open(wb, clockAt('2027-04-20')),
    { mailer, lock: plainLock(), clock: clockAt('2027-04-20') },
    {},
  );
  expect(mailer.sent).toHaveLength(2);
  for (const mail of mailer.sent) expectEscaped(mail.html);
  const mine = mailer.sent.find((m) => m.to === 'p1@school.example')!;
  expect(mine.html).toContain('<p>王&lt;script&gt;老师：您好！</p>');
  expect(mine.html).toContain('<li>A&amp;B家长</li>');
  expect(mine.html).toContain('<li>&quot;引号&quot;家长</li>');
  expect(mine.html).toContain('<li>&lt;script&gt;alert(1)&lt;/script&gt;家长</li>');
  expect(mine.text).toContain(`${TARGETS[0]}、${TARGETS[1]}、${TARGETS[2]}`);
});

it('the preview dialog and the health panel escape what they show', () => {
  const wb = school();
  const preview = runReminders(
    WorkbookSession.open(wb, clockAt('2027-04-20')),
    { mailer: new MemoryMailer(), lock: plainLock(), clock: clockAt('2027-04-20') },
    { dryRun: true },
  );
  const dialog = reminderPreviewHtml(preview.plan, 'zh');
  expectEscaped(dialog);
  expect(dialog).toContain('<section>');

  const store = memoryStore();
  store.set(
    LAST_RUN_KEY,
    JSON.stringify({
      at: 'x',
      today: '',
      ok: false,
      sent: 0,
      deferred: 0,
      failed: 0,
      error: `bad ${SCRIPT} "q" & r`,
    }),
  );
  const panel = healthHtml(
    healthOf(WorkbookSession.open(wb, clockAt('2027-04-20')), {
      mailer: new MemoryMailer(),
      store,
      trigger: { hour: 8, timeZone: 'Asia/Shanghai', owner: '<b>owner</b>&co', installedAt: '' },
    }),
    'zh',
  );
  expect(panel).not.toContain('<script>');
  expect(panel).not.toContain('<b>owner');
  expect(panel).toContain('bad &lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &amp; r');
  expect(panel).toContain('&lt;b&gt;owner&lt;/b&gt;&amp;co');
});
