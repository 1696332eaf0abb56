// Reports and reminders inside Google Sheets, over the counting fakes: trigger, MailApp, lock, dialogs, chart.
import {
  menuDisableReminders,
  menuEnableReminders,
  menuHealth,
  menuMonthlyReport,
  menuReminderPreview,
  runDaily,
} from '../../src/gas/main';
import { sampleSchool } from '../../src/core/sample/sample-school';
import { defaultHeaders, sheetName, TABLE_KEYS } from '../../src/core/tables';
import { parseSendLog } from '../../src/core/report/send-log';
import { typeSheets, useGasFakes } from '../gas/fixture';
import { FakeLock, type GasFakes } from '../fakes/gas';

/** Types the sample school of a day into the fake spreadsheet; the report goes to two recipients. */
function typeSample(fakes: GasFakes, today: string): void {
  const school = sampleSchool(today, 'zh');
  const settings = school.rows.settings.map((row) =>
    row[0] === '月报收件人' ? [row[0], 'head@school.example, office@school.example'] : row,
  );
  typeSheets(
    fakes.spreadsheet,
    TABLE_KEYS.map((key) => ({
      name: sheetName(key, 'zh'),
      grid: [defaultHeaders(key, 'zh'), ...(key === 'settings' ? settings : school.rows[key])],
    })),
  );
}

function logOf(fakes: GasFakes) {
  const sheet = fakes.spreadsheet.getSheets().find((s) => s.name === '发送日志');
  // The log's cells as the engine read them before dates reached it as text (a Date as its ISO instant).
  return sheet === undefined
    ? []
    : parseSendLog(sheet.store.map((c) => (c.value instanceof Date ? c.value.toISOString() : c.value)));
}

describe('on a reminder day (2027-04-20 10:00 in Shanghai)', () => {
  const fakes = useGasFakes(new Date('2027-04-20T02:00:00Z'));
  beforeEach(() => typeSample(fakes(), '2027-04-20'));

  it('启用自动提醒 twice leaves one daily trigger at 8:00 Asia/Shanghai; 停用 removes it', () => {
    menuEnableReminders();
    menuEnableReminders();
    const { ScriptApp } = fakes();
    expect(ScriptApp.triggers).toHaveLength(1);
    expect(ScriptApp.triggers[0]!.handler).toBe('runDaily');
    expect(ScriptApp.triggers[0]!.schedule).toEqual({ atHour: 8, everyDays: 1, timeZone: 'Asia/Shanghai' });
    expect(fakes().ui.alerts.at(-1)!.prompt).toBe('已启用自动提醒：每天 8 点（Asia/Shanghai）运行一次。');
    menuDisableReminders();
    expect(ScriptApp.triggers).toHaveLength(0);
  });

  /** Another teacher of the school opens the sheet: the add-on now runs as them. */
  function signInAs(email: string): void {
    fakes().Session.effectiveEmail = email;
    fakes().Session.activeEmail = email;
  }

  it('another user’s 停用 is refused, naming the owner: the owner’s trigger and its record stay', () => {
    menuEnableReminders();
    signInAs('deputy@school.example');
    menuDisableReminders();
    const { ScriptApp, ui } = fakes();
    expect(ui.alerts.at(-1)!.prompt).toBe(
      '自动提醒由 owner@school.example 启用，只有 owner@school.example 可以停用。请联系 owner@school.example 停用自动提醒。',
    );
    expect(ScriptApp.triggers.map((t) => t.owner)).toEqual(['owner@school.example']);
    menuHealth();
    const html = ui.dialogs.at(-1)!.html.getContent();
    expect(html).toContain('已启用（每天 8 点，Asia/Shanghai）');
    expect(html).toContain('owner@school.example');

    signInAs('owner@school.example');
    menuDisableReminders();
    expect(ui.alerts.at(-1)!.prompt).toBe('已停用自动提醒。');
    expect(ScriptApp.triggers).toHaveLength(0);
  });

  it('another user’s 启用 is refused, naming the owner, and adds no second trigger', () => {
    menuEnableReminders();
    signInAs('deputy@school.example');
    menuEnableReminders();
    const { ScriptApp, ui } = fakes();
    expect(ui.alerts.at(-1)!.prompt).toContain('自动提醒已由 owner@school.example 启用');
    expect(ScriptApp.triggers.map((t) => t.owner)).toEqual(['owner@school.example']);

    // Once the owner has disabled them, the other user may take the reminders over.
    signInAs('owner@school.example');
    menuDisableReminders();
    signInAs('deputy@school.example');
    menuEnableReminders();
    expect(ui.alerts.at(-1)!.prompt).toBe('已启用自动提醒：每天 8 点（Asia/Shanghai）运行一次。');
    expect(ScriptApp.triggers.map((t) => t.owner)).toEqual(['deputy@school.example']);
  });

  it('runDaily mails each person behind once, however often it runs', () => {
    runDaily();
    const sent = fakes().MailApp.sent.length;
    expect(sent).toBeGreaterThan(10);
    runDaily();
    expect(fakes().MailApp.sent).toHaveLength(sent);
    const log = logOf(fakes());
    expect(log.filter((e) => e.status === 'sent')).toHaveLength(sent);
    expect(fakes().MailApp.sent[0]!.htmlBody).toContain('<li>');
  });

  it('applies each mail’s 发送日志 row to the sheet (flush) before the next mail goes out', () => {
    const order: string[] = [];
    const send = fakes().MailApp.sendEmail.bind(fakes().MailApp);
    jest.spyOn(fakes().MailApp, 'sendEmail').mockImplementation((...args: Parameters<typeof send>) => {
      order.push('mail');
      return send(...args);
    });
    const flush = fakes().SpreadsheetApp.flush.bind(fakes().SpreadsheetApp);
    jest.spyOn(fakes().SpreadsheetApp, 'flush').mockImplementation(() => {
      order.push('flush');
      flush();
    });
    runDaily();
    const mails = order.filter((o) => o === 'mail').length;
    expect(mails).toBeGreaterThan(10);
    // mail, flush, mail, flush, …: no second mail before the first one's log row is in the sheet.
    expect(order.slice(0, 2 * mails)).toEqual(
      Array.from({ length: 2 * mails }, (_, i) => (i % 2 ? 'flush' : 'mail')),
    );
  });

  it('logs a MailApp failure with its reason and sends it on the next run', () => {
    fakes().MailApp.failures.push('Invalid email: staff03@miaoqiao.example');
    runDaily();
    const failed = logOf(fakes()).filter((e) => e.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.reason).toBe('Invalid email: staff03@miaoqiao.example');
    const before = fakes().MailApp.sent.length;
    runDaily();
    expect(fakes().MailApp.sent).toHaveLength(before + 1);
    expect(fakes().MailApp.sent.at(-1)!.to).toBe(failed[0]!.to);
    expect(
      logOf(fakes())
        .filter((e) => e.key === failed[0]!.key)
        .map((e) => e.status),
    ).toEqual(['failed', 'sent']);
  });

  it('checks the quota first: what does not fit is deferred, never dropped', () => {
    fakes().MailApp.remainingQuota = 3;
    runDaily();
    expect(fakes().MailApp.sent).toHaveLength(3);
    const deferred = logOf(fakes()).filter((e) => e.status === 'deferred');
    expect(deferred.length).toBeGreaterThan(0);
    fakes().MailApp.remainingQuota = 100;
    runDaily();
    expect(fakes().MailApp.sent).toHaveLength(3 + deferred.length);
  });

  it('sends nothing while another execution holds the document lock', () => {
    fakes().LockService.document.holdByOther();
    runDaily();
    expect(fakes().MailApp.sent).toEqual([]);
    fakes().LockService.document.release();
    runDaily();
    expect(fakes().MailApp.sent.length).toBeGreaterThan(0);
  });

  /** Lets another execution, waiting for the document lock, take it the first time it is free after one mail. */
  function otherTakesLockAfterFirstMail(other: () => void): () => void {
    const { LockService, MailApp } = fakes();
    const state = LockService.document;
    let waiting = true;
    const release = FakeLock.prototype.releaseLock;
    const spy = jest.spyOn(FakeLock.prototype, 'releaseLock').mockImplementation(function (this: FakeLock) {
      release.call(this);
      if (waiting && MailApp.sent.length === 1) {
        waiting = false;
        state.holdByOther();
      }
    });
    state.onWait = () => {
      state.onWait = undefined;
      state.release();
      other();
    };
    return () => spy.mockRestore();
  }

  it('lets a save take the document lock between two mails', () => {
    let mailsWhenSaved = -1;
    const restore = otherTakesLockAfterFirstMail(() => {
      const lock = fakes().LockService.getDocumentLock();
      expect(lock.tryLock(0)).toBe(true);
      mailsWhenSaved = fakes().MailApp.sent.length;
      lock.releaseLock();
    });
    try {
      runDaily();
    } finally {
      restore();
    }
    expect(mailsWhenSaved).toBe(1);
    const sent = fakes().MailApp.sent;
    expect(sent.length).toBeGreaterThan(10);
    expect(logOf(fakes()).filter((e) => e.status === 'sent')).toHaveLength(sent.length);
  });

  it('an overlapping run that gets the lock between two mails sends nothing twice', () => {
    let sentByOverlapping = 0;
    const restore = otherTakesLockAfterFirstMail(() => {
      runDaily();
      sentByOverlapping = fakes().MailApp.sent.length - 1;
    });
    try {
      runDaily();
    } finally {
      restore();
    }
    const sent = fakes().MailApp.sent;
    expect(sent.length).toBeGreaterThan(10);
    // The first run sent one mail, the overlapping run all the others, and the first run none after it.
    expect(sentByOverlapping).toBe(sent.length - 1);
    expect(new Set(sent.map((m) => `${m.to}|${m.subject}`)).size).toBe(sent.length);
    const log = logOf(fakes()).filter((e) => e.status === 'sent');
    expect(new Set(log.map((e) => e.key)).size).toBe(sent.length);
    expect(log).toHaveLength(sent.length);
    runDaily();
    expect(fakes().MailApp.sent).toHaveLength(sent.length);
  });

  it('提醒预览 shows the messages a run would send, and sends and writes nothing', () => {
    menuReminderPreview();
    const dialog = fakes().ui.dialogs.at(-1)!;
    expect(dialog.title).toBe('提醒预览');
    expect(fakes().MailApp.sent).toEqual([]);
    expect(fakes().spreadsheet.getSheetByName('发送日志')).toBeNull();
    const html = dialog.html.getContent();
    runDaily();
    const subjects = fakes().MailApp.sent.map((m) => m.subject);
    expect(html.match(/<section>/g)).toHaveLength(subjects.length);
    for (const subject of subjects) expect(html).toContain(subject);
  });

  it('运行状况 shows the trigger, its owner and next run, the last run, sent today, quota and deferred', () => {
    menuEnableReminders();
    fakes().MailApp.remainingQuota = 5;
    runDaily();
    menuHealth();
    const html = fakes().ui.dialogs.at(-1)!.html.getContent();
    expect(html).toContain('已启用（每天 8 点，Asia/Shanghai）');
    expect(html).toContain('owner@school.example');
    expect(html).toContain('2027-04-21 08:00');
    expect(html).toContain('<th>今日已发送</th><td>5</td>');
    expect(html).toContain('<th>今日剩余邮件配额</th><td>0</td>');
    expect(html).toMatch(/<th>延后待发<\/th><td>[1-9]\d*<\/td>/);
    expect(html).toContain('已发送 5 封');
  });
});

describe('the monthly report in Sheets', () => {
  const fakes = useGasFakes(new Date('2027-05-10T02:00:00Z'));
  beforeEach(() => typeSample(fakes(), '2027-05-10'));

  it('生成月报 asks for the month (empty: last month), builds 月报 2027-04 with one chart, and replaces it', () => {
    fakes().ui.promptAnswers.push({ text: '', button: 'OK' });
    menuMonthlyReport();
    expect(fakes().ui.alerts.at(-2)!.prompt).toContain('留空为上月 2027-04');
    const sheet = fakes().spreadsheet.getSheetByName('月报 2027-04')!;
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0]!;
    expect(chart.type).toBe('BAR');
    const labels = chart.ranges[0]!.getValues().flat();
    expect(labels).toEqual(['校长室', '学生中心', '发展中心', '课程中心', '服务中心', '全体教师']);
    fakes().ui.promptAnswers.push({ text: '2027-04', button: 'OK' });
    menuMonthlyReport();
    expect(
      fakes()
        .spreadsheet.getSheets()
        .filter((s) => s.name.startsWith('月报')),
    ).toHaveLength(1);
    expect(sheet.charts).toHaveLength(1);
    expect(fakes().ui.alerts.at(-1)!.prompt).toBe('已生成工作表“月报 2027-04”。');
  });

  it('refuses a month it cannot read', () => {
    fakes().ui.promptAnswers.push({ text: '四月', button: 'OK' });
    menuMonthlyReport();
    expect(fakes().ui.alerts.at(-1)!.prompt).toBe('“四月”不是月份，请写成 YYYY-MM。');
    expect(
      fakes()
        .spreadsheet.getSheets()
        .some((s) => s.name.startsWith('月报')),
    ).toBe(false);
  });
});

describe('runDaily on the 1st (2027-05-01 08:30 in Shanghai)', () => {
  const fakes = useGasFakes(new Date('2027-05-01T00:30:00Z'));
  beforeEach(() => typeSample(fakes(), '2027-05-01'));

  it('builds last month’s report and mails the recipients a summary with a link, once', () => {
    runDaily();
    expect(fakes().spreadsheet.getSheetByName('月报 2027-04')).not.toBeNull();
    const mails = fakes().MailApp.sent.filter((m) => m.subject.includes('月报'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toBe('head@school.example,office@school.example');
    expect(mails[0]!.subject).toBe('庙桥小学 走访月报 2027-04');
    expect(mails[0]!.body).toMatch(/#gid=\d+/);
    expect(mails[0]!.htmlBody).toMatch(/<a href="[^"]+#gid=\d+">/);
    expect(mails[0]!.body).toContain('校长室：');
    runDaily();
    expect(fakes().MailApp.sent.filter((m) => m.subject.includes('月报'))).toHaveLength(1);
  });
});

/** Service calls of the reminders in Sheets (fixed, whatever the rows): the preview; the run, per mail. */
const PREVIEW_CALLS = 42;
const DAILY_BASE_CALLS = 64;
/** Lock, quota, log read, send, log append, flush, unlock: 12 calls a mail. */
const CALLS_PER_MAIL = 12;

describe('digests and one mail per person in Sheets (2027-04-20)', () => {
  const fakes = useGasFakes(new Date('2027-04-20T02:00:00Z'));
  beforeEach(() => typeSample(fakes(), '2027-04-20'));

  it('runDaily mails each unit head one digest and everyone else at most one mail; 发送日志 says which kind', () => {
    runDaily();
    const sent = fakes().MailApp.sent;
    const digests = sent.filter((m) => m.subject.startsWith('部门汇总：'));
    expect(digests.map((m) => m.subject)).toEqual(
      ['校长室', '全体教师', '学生中心', '发展中心', '课程中心', '服务中心'].map(
        (u) => `部门汇总：${u} 2027-04`,
      ),
    );
    const personal = sent.filter((m) => m.subject.startsWith('走访提醒 2027-04：')).map((m) => m.to);
    expect(personal.length).toBe(sent.length - digests.length);
    expect(new Set(personal).size).toBe(personal.length);
    const sheet = fakes().spreadsheet.getSheetByName('发送日志')!;
    const kinds = sheet.store.values().map((row) => row[3]);
    expect(kinds[0]).toBe('类型');
    expect(kinds.filter((k) => k === '部门汇总')).toHaveLength(6);
    expect(kinds.filter((k) => k === '个人提醒')).toHaveLength(personal.length);
    runDaily();
    expect(fakes().MailApp.sent).toHaveLength(sent.length);
  });

  it('keeps to its service-call budget: the preview fixed, the run fixed plus a fixed number a mail', () => {
    fakes().calls.reset();
    menuReminderPreview();
    expect(fakes().calls.total()).toBe(PREVIEW_CALLS);
    fakes().calls.reset();
    runDaily();
    const mails = fakes().MailApp.sent.length;
    expect(fakes().calls.total()).toBe(DAILY_BASE_CALLS + CALLS_PER_MAIL * mails);
  });
});

describe('提醒预览 on a day that is not a reminder day (2027-04-22)', () => {
  const fakes = useGasFakes(new Date('2027-04-22T02:00:00Z'));
  beforeEach(() => typeSample(fakes(), '2027-04-22'));

  it('says the next reminder day and shows what it would send, as of today; runDaily sends nothing', () => {
    menuReminderPreview();
    const html = fakes().ui.dialogs.at(-1)!.html.getContent();
    expect(html).toContain('今天（2027-04-22）不是提醒日；下一个提醒日是 2027-04-25。');
    const sections = html.match(/<section>/g)?.length ?? 0;
    expect(sections).toBeGreaterThan(10);
    expect(html).toContain(`2027-04-25 将发送 ${sections} 封提醒`);
    expect(html).toContain('部门汇总：校长室 2027-04');
    expect(html).toContain('截至 2027-04-22');
    runDaily();
    expect(fakes().MailApp.sent).toEqual([]);
  });
});
