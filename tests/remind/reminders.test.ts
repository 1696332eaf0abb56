// The reminder run: once per (person, month, reminder day), quota and deferral, failures retried, dry run.
import { WorkbookSession } from '../../src/app/session';
import { runReminders, LAST_RUN_KEY, type LastRun } from '../../src/app/remind';
import type { Lock } from '../../src/app/ports';
import { clockAt, memoryStore, plainLock } from '../report/helpers';
import { LEADERS, logOf, MemoryMailer, TARGETS, tinySchool } from './helpers';

function run(wb: ReturnType<typeof tinySchool>, mailer: MemoryMailer, day: string, dryRun = false) {
  const clock = clockAt(day);
  return runReminders(WorkbookSession.open(wb, clock), { mailer, lock: plainLock(), clock }, { dryRun });
}

describe('a reminder day (2027-04-20), everyone behind', () => {
  it('two runs on the same day send each reminder once', () => {
    const wb = tinySchool();
    const mailer = new MemoryMailer();
    const first = run(wb, mailer, '2027-04-20');
    const second = run(wb, mailer, '2027-04-20');
    expect(first.messages.map((m) => m.name)).toEqual(LEADERS);
    expect(second.messages).toEqual([]);
    expect(mailer.sent).toHaveLength(5);
    const log = logOf(wb);
    expect(log.map((e) => e.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    expect(new Set(log.map((e) => e.key)).size).toBe(5);
    expect(log[0]).toMatchObject({
      to: 'p1@school.example',
      name: '白校长',
      unit: '校长室',
      month: '2027-04',
    });
    expect(log[0]!.time).toBe('2027-04-20 08:05');
  });

  it('says the count, the minimum, the days left and up to 10 people not yet visited', () => {
    const wb = tinySchool({
      visits: [
        [
          'V-1',
          null,
          '2027-04-02',
          '白校长',
          null,
          `${TARGETS[0]}、${TARGETS[1]}`,
          '上门',
          null,
          '谈学校发展',
        ],
      ],
    });
    const mailer = new MemoryMailer();
    run(wb, mailer, '2027-04-20');
    const mail = mailer.sent.find((m) => m.to === 'p1@school.example')!;
    expect(mail.subject).toBe('走访提醒 2027-04：校长室 已走访 2/5 人');
    expect(mail.text).toContain('已走访 2 人，每月至少 5 人，本月还剩 11 天');
    const listed = TARGETS.slice(2, 12);
    expect(mail.text).toContain(`本周期尚未走访的对象：${listed.join('、')}\n`);
    expect(mail.text).not.toContain('等共');
    for (const name of listed) expect(mail.html).toContain(`<li>${name}</li>`);
    expect(mail.html.match(/<li>/g)).toHaveLength(10);
  });

  it('lists at most 10 names and says how many there are in all', () => {
    const wb = tinySchool();
    const mailer = new MemoryMailer();
    run(wb, mailer, '2027-04-20');
    const mail = mailer.sent[0]!;
    expect(mail.text).toContain(`${TARGETS.slice(0, 10).join('、')} 等共 12 人`);
    expect(mail.text).not.toContain(TARGETS[10]);
    expect(mail.html.match(/<li>/g)).toHaveLength(10);
  });

  it('leaves out people who have met their minimum', () => {
    const five = TARGETS.slice(0, 5).join('、');
    const wb = tinySchool({
      visits: [['V-1', null, '2027-04-02', '白校长', null, five, '集中走访', null, '座谈']],
    });
    const mailer = new MemoryMailer();
    const result = run(wb, mailer, '2027-04-20');
    expect(result.messages.map((m) => m.name)).toEqual(LEADERS.slice(1));
  });
});

describe('the mail quota', () => {
  it('with 3 left and 5 due sends 3, defers 2; the next day sends those 2 first, ahead of new mail', () => {
    const wb = tinySchool();
    const mailer = new MemoryMailer(3);
    const first = run(wb, mailer, '2027-04-20');
    expect(first.messages.map((m) => m.name)).toEqual(LEADERS.slice(0, 3));
    expect(first.deferred).toBe(2);
    expect(logOf(wb).map((e) => [e.name, e.status])).toEqual([
      ['白校长', 'sent'],
      ['程副校长', 'sent'],
      ['邓副校长', 'sent'],
      ['方主任', 'deferred'],
      ['高主任', 'deferred'],
    ]);
    expect(logOf(wb)[3]!.reason).toBe('今日邮件配额已用完');

    // The 21st is a reminder day too: the three who got mail yesterday are due again.
    mailer.quota = 3;
    const next = run(wb, mailer, '2027-04-21');
    expect(next.messages.map((m) => m.name)).toEqual(['方主任', '高主任', '白校长']);
    expect(next.deferred).toBe(2);
    const log = logOf(wb);
    // The deferred keys of the 20th are the ones sent, not new keys of the 21st.
    const sentOn21 = log.slice(5).filter((e) => e.status === 'sent');
    expect(sentOn21.map((e) => e.key.split('|')[1])).toEqual(['20', '20', '21']);
    expect(mailer.sent.filter((m) => m.to === 'p4@school.example')).toHaveLength(1);
  });

  it('logs a reminder as deferred once, however many runs it waits', () => {
    const wb = tinySchool();
    const mailer = new MemoryMailer(0);
    run(wb, mailer, '2027-04-20');
    run(wb, mailer, '2027-04-20');
    run(wb, mailer, '2027-04-22');
    expect(logOf(wb).map((e) => e.status)).toEqual(Array(5).fill('deferred'));
    mailer.quota = 10;
    const later = run(wb, mailer, '2027-04-22');
    expect(later.messages).toHaveLength(5);
    expect(mailer.sent).toHaveLength(5);
  });
});

describe('failures', () => {
  it('logs a mail error with its reason and retries it on the next run, without sending the others again', () => {
    const wb = tinySchool();
    const mailer = new MemoryMailer();
    mailer.failFor.add('p2@school.example');
    const first = run(wb, mailer, '2027-04-20');
    expect(first.failed).toBe(1);
    expect(first.messages.map((m) => m.name)).toEqual(['白校长', '邓副校长', '方主任', '高主任']);
    const failed = logOf(wb).find((e) => e.status === 'failed')!;
    expect(failed).toMatchObject({ name: '程副校长', reason: 'Invalid email: p2@school.example' });

    mailer.failFor.clear();
    const retry = run(wb, mailer, '2027-04-20');
    expect(retry.messages.map((m) => m.name)).toEqual(['程副校长']);
    expect(mailer.sent.map((m) => m.to).sort()).toEqual(LEADERS.map((_, i) => `p${i + 1}@school.example`));
    expect(
      logOf(wb)
        .filter((e) => e.key === failed.key)
        .map((e) => e.status),
    ).toEqual(['failed', 'sent']);
  });

  it('logs a person without an email as failed and does not try to mail them', () => {
    const wb = tinySchool({ emails: { 方主任: '' } });
    const mailer = new MemoryMailer();
    const result = run(wb, mailer, '2027-04-20');
    expect(result.messages).toHaveLength(4);
    expect(logOf(wb).find((e) => e.name === '方主任')).toMatchObject({
      status: 'failed',
      reason: '人员表中没有邮箱',
    });
    run(wb, mailer, '2027-04-20');
    expect(logOf(wb).filter((e) => e.name === '方主任')).toHaveLength(1);
  });

  it('does nothing while another run holds the lock, and the health panel learns of it', () => {
    const wb = tinySchool();
    const mailer = new MemoryMailer();
    const store = memoryStore();
    const busy = {
      withLock: () => {
        throw new Error('Lock timeout');
      },
    };
    expect(() =>
      runReminders(
        WorkbookSession.open(wb, clockAt('2027-04-20')),
        { mailer, lock: busy, clock: clockAt('2027-04-20'), store },
        {},
      ),
    ).toThrow('Lock timeout');
    expect(mailer.sent).toEqual([]);
    expect(wb.sheetNames()).not.toContain('发送日志');
    const last = JSON.parse(store.data.get(LAST_RUN_KEY)!) as LastRun;
    expect(last).toMatchObject({ ok: false, error: 'Lock timeout' });
  });
});

/**
 * A document lock shared by two executions: the first time it is asked for after `mailsBefore` mails
 * have gone out, the other execution, which was waiting, gets it first and does its work.
 */
function sharedLock(
  mailer: MemoryMailer,
  mailsBefore: number,
  other: () => void,
): Lock & { otherRan: boolean } {
  let held = false;
  const lock = {
    otherRan: false,
    withLock<T>(fn: () => T): T {
      if (held) throw new Error('lock busy');
      if (!lock.otherRan && mailer.sent.length === mailsBefore) {
        lock.otherRan = true;
        other();
      }
      held = true;
      try {
        return fn();
      } finally {
        held = false;
      }
    },
  };
  return lock;
}

describe('another execution between two mails', () => {
  it('gets the lock after the first mail; an overlapping run then sends nothing the first run sent or sends', () => {
    const wb = tinySchool();
    const mailer = new MemoryMailer();
    const clock = clockAt('2027-04-20');
    let overlapping: string[] = [];
    const lock = sharedLock(mailer, 1, () => {
      overlapping = runReminders(WorkbookSession.open(wb, clock), { mailer, lock, clock }, {}).messages.map(
        (m) => m.name,
      );
    });
    const first = runReminders(WorkbookSession.open(wb, clock), { mailer, lock, clock }, {});
    expect(lock.otherRan).toBe(true);
    expect(first.messages.map((m) => m.name)).toEqual(['白校长']);
    expect(overlapping).toEqual(LEADERS.slice(1));
    expect(mailer.sent.map((m) => m.to)).toEqual(LEADERS.map((_, i) => `p${i + 1}@school.example`));
    const log = logOf(wb);
    expect(log.map((e) => e.status)).toEqual(Array(5).fill('sent'));
    expect(new Set(log.map((e) => e.key)).size).toBe(5);
    expect(run(wb, mailer, '2027-04-20').messages).toEqual([]);
  });

  it('defers, not fails, what no longer fits when another execution used the quota meanwhile', () => {
    const wb = tinySchool();
    const mailer = new MemoryMailer(5);
    const lock = sharedLock(mailer, 2, () => {
      mailer.quota = 0;
    });
    const first = runReminders(
      WorkbookSession.open(wb, clockAt('2027-04-20')),
      { mailer, lock, clock: clockAt('2027-04-20') },
      {},
    );
    expect(first.messages.map((m) => m.name)).toEqual(LEADERS.slice(0, 2));
    expect(first.deferred).toBe(3);
    expect(first.failed).toBe(0);
    expect(logOf(wb).map((e) => e.status)).toEqual(['sent', 'sent', 'deferred', 'deferred', 'deferred']);
    mailer.quota = 10;
    expect(
      run(wb, mailer, '2027-04-21')
        .messages.map((m) => m.name)
        .slice(0, 3),
    ).toEqual(LEADERS.slice(2));
  });
});

describe('a dry run', () => {
  it('sends nothing and writes no log, and shows exactly what the real run then sends', () => {
    const wb = tinySchool();
    const mailer = new MemoryMailer(3);
    const before = wb.sheetNames();
    const preview = run(wb, mailer, '2027-04-20', true);
    expect(mailer.sent).toEqual([]);
    expect(wb.sheetNames()).toEqual(before);
    expect(preview.deferred).toBe(2);
    const real = run(wb, mailer, '2027-04-20');
    expect(real.messages).toEqual(preview.messages);
    const after = run(wb, mailer, '2027-04-20', true);
    expect(after.messages).toEqual([]);
  });

  it('on a day that is not a reminder day shows what the next reminder day would send, as of today’s figures', () => {
    const wb = tinySchool();
    const mailer = new MemoryMailer();
    const preview = run(wb, mailer, '2027-04-22', true);
    expect(preview.reminderDay).toBe(false);
    // Reminder days 20 and 21: the next one after the 22nd is 20 May.
    expect(preview.plan.forDay).toBe('2027-05-20');
    expect(preview.messages.map((m) => m.name)).toEqual(LEADERS);
    // Today's figures: 0 of 5, 9 days left in April.
    expect(preview.messages[0]!.body).toContain('截至 2027-04-22，您在“校长室”本月（2027-04）已走访 0 人');
    expect(preview.messages[0]!.body).toContain('本月还剩 9 天');
    // A real run that day sends nothing and writes no log.
    const real = run(wb, mailer, '2027-04-22');
    expect(real.messages).toEqual([]);
    expect(mailer.sent).toEqual([]);
    expect(logOf(wb)).toEqual([]);
  });
});
