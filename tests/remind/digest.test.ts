// One mail per person over all their units, a digest per unit head, follow-ups and overdue items to their owners, 分管人 first, old log keys.
import { WorkbookSession } from '../../src/app/session';
import { runReminders } from '../../src/app/remind';
import { sendLogHeader } from '../../src/core/report/send-log';
import { healthOf } from '../../src/app/health';
import { clockAt, memoryStore, plainLock } from '../report/helpers';
import { COUNCIL, logOf, MemoryMailer, TARGETS, UNIT_STAFF, unitSchool, visitRow } from './helpers';

type School = ReturnType<typeof unitSchool>;

function run(wb: School, mailer: MemoryMailer, day: string, dryRun = false) {
  const clock = clockAt(day);
  return runReminders(WorkbookSession.open(wb, clock), { mailer, lock: plainLock(), clock }, { dryRun });
}

const shape = (r: ReturnType<typeof run>) => r.messages.map((m) => [m.name, m.kind, m.units]);

describe('2027-04-20, nobody has visited anyone: April is 20/30 gone, so 0 of 5 is behind (floor(5×20/30) = 3)', () => {
  it('程老师, in 校长室 and 学生中心, gets one mail covering both units', () => {
    const mailer = new MemoryMailer();
    const result = run(unitSchool(), mailer, '2027-04-20');
    const mails = mailer.sent.filter((m) => m.to === 'p2@school.example');
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('走访提醒 2027-04：校长室 已走访 0/5 人；学生中心 已走访 0/5 人');
    expect(mail.text).toContain('【校长室】\n截至 2027-04-20，您在“校长室”本月（2027-04）已走访 0 人');
    expect(mail.text).toContain('【学生中心】\n截至 2027-04-20，您在“学生中心”本月（2027-04）已走访 0 人');
    expect(mail.text).toContain(`本周期尚未走访的对象：${COUNCIL.join('、')}\n`);
    expect(result.messages.find((m) => m.name === '程老师')).toMatchObject({
      kind: 'person',
      units: ['校长室', '学生中心'],
    });
  });

  it('each unit head (by 职务 when 负责人 is empty) gets a digest instead of a personal mail for the unit', () => {
    const wb = unitSchool();
    const mailer = new MemoryMailer();
    const result = run(wb, mailer, '2027-04-20');
    // 白校长 heads 校长室 (职务 校长) and is in no other unit: the digest is all he gets; 邓主任 likewise.
    expect(shape(result)).toEqual([
      ['白校长', 'digest', ['校长室']],
      ['程老师', 'person', ['校长室', '学生中心']],
      ['邓主任', 'digest', ['学生中心']],
      ['方老师', 'person', ['学生中心']],
    ]);
    const digest = mailer.sent.find((m) => m.to === 'p3@school.example')!;
    expect(digest.subject).toBe('部门汇总：学生中心 2027-04');
    expect(digest.text).toContain('以下是“学生中心”截至 2027-04-20 的情况（2027-04，每人每月至少 5 人）。');
    expect(digest.text).toContain('【本月落后】\n程老师 0/5、邓主任 0/5、方老师 0/5\n');
    expect(digest.text).toContain('【本周期覆盖】\n2027-03-25 至 2027-05-31：已走访 0/8 人。');
    expect(digest.text).toContain(`尚未走访：${COUNCIL.join('、')}\n`);
    // The log says what each mail was and which units it covered.
    const log = logOf(wb);
    expect(log.map((e) => [e.name, e.unit, e.key])).toEqual([
      ['白校长', '校长室', '2027-04|20|白校长|校长室|digest'],
      ['程老师', '校长室、学生中心', '2027-04|20|程老师'],
      ['邓主任', '学生中心', '2027-04|20|邓主任|学生中心|digest'],
      ['方老师', '学生中心', '2027-04|20|方老师'],
    ]);
    const sheet = wb.read('发送日志')!;
    expect(sheet[0]![3]).toBe('类型');
    expect(sheet.slice(1).map((row) => row[3])).toEqual(['部门汇总', '个人提醒', '部门汇总', '个人提醒']);
  });

  it('部门指标 › 负责人 names the head: 方老师 gets 学生中心’s digest, and 邓主任 now a personal mail', () => {
    const mailer = new MemoryMailer();
    const result = run(unitSchool({ heads: { 学生中心: '方老师' } }), mailer, '2027-04-20');
    expect(shape(result)).toEqual([
      ['白校长', 'digest', ['校长室']],
      ['程老师', 'person', ['校长室', '学生中心']],
      ['邓主任', 'person', ['学生中心']],
      ['方老师', 'digest', ['学生中心']],
    ]);
    expect(mailer.sent.find((m) => m.to === 'p4@school.example')!.subject).toBe('部门汇总：学生中心 2027-04');
  });

  it('a head’s own line in another unit still comes in their personal mail', () => {
    const staff = { ...UNIT_STAFF, 邓主任: ['学生中心、校长室', '学生中心主任'] as [string, string] };
    const mailer = new MemoryMailer();
    const result = run(unitSchool({ staff }), mailer, '2027-04-20');
    expect(result.messages.filter((m) => m.name === '邓主任').map((m) => [m.kind, m.units])).toEqual([
      ['digest', ['学生中心']],
      ['person', ['校长室']],
    ]);
    const own = mailer.sent.filter((m) => m.to === 'p3@school.example')[1]!;
    expect(own.subject).toBe('走访提醒 2027-04：校长室 已走访 0/5 人');
    expect(own.text).not.toContain('学生中心');
  });

  it('a person with nothing to do gets nothing; a head whose unit has nothing left gets no digest', () => {
    // 学生中心's three visit all eight council members, five each, on 1 April: all met, coverage full.
    const visits = ['程老师', '邓主任', '方老师'].map((visitor, i) =>
      visitRow(`V-${i + 1}`, '2027-04-01', visitor, i === 0 ? COUNCIL.slice(0, 5) : COUNCIL.slice(3)),
    );
    const result = run(unitSchool({ visits }), new MemoryMailer(), '2027-04-20');
    expect(shape(result)).toEqual([
      ['白校长', 'digest', ['校长室']],
      ['程老师', 'person', ['校长室']],
    ]);
  });

  it('a re-run the same day sends nothing twice; the next reminder day sends each once more', () => {
    const wb = unitSchool();
    const mailer = new MemoryMailer();
    expect(run(wb, mailer, '2027-04-20').messages).toHaveLength(4);
    expect(run(wb, mailer, '2027-04-20').messages).toEqual([]);
    expect(mailer.sent).toHaveLength(4);
    expect(run(wb, mailer, '2027-04-21').messages).toHaveLength(4);
    expect(run(wb, mailer, '2027-04-21').messages).toEqual([]);
    expect(mailer.sent).toHaveLength(8);
    const keys = logOf(wb).map((e) => e.key);
    expect(new Set(keys).size).toBe(8);
  });
});

describe('follow-ups and overdue items', () => {
  const visits = [
    // 8 days old on the 20th: reminded to its owner 程老师.
    visitRow('V-1', '2027-04-12', '方老师', [COUNCIL[0]!], '及时汇报', '程老师'),
    // 6 days old: not yet.
    visitRow('V-2', '2027-04-14', '方老师', [COUNCIL[1]!], '研究实践', '程老师'),
    // No 跟进人: its owner is the head of the visitor's unit, 邓主任; it is in his digest.
    visitRow('V-3', '2027-04-01', '方老师', [COUNCIL[2]!], '及时汇报'),
  ];
  const rectification = [
    ['R-1', '2027-04-01', 'V-3', '食堂排队时间长', '', '', '方老师', '2027-04-10', '整改中', '', ''],
    ['R-2', '2027-04-01', '', '操场灯坏了', '', '', '方老师', '2027-04-10', '已完成', '2027-04-09', ''],
    ['R-3', '2027-04-01', '', '图书角太小', '', '', '方老师', '2027-04-25', '待整改', '', ''],
  ];

  it('a follow-up older than 7 days is in its owner’s mail, a 6-day-old one is not', () => {
    const mailer = new MemoryMailer();
    run(unitSchool({ visits, rectification }), mailer, '2027-04-20');
    const mail = mailer.sent.find((m) => m.to === 'p2@school.example')!;
    expect(mail.subject).toBe(
      '走访提醒 2027-04：校长室 已走访 0/5 人；学生中心 已走访 0/5 人；1 项跟进待办结',
    );
    expect(mail.text).toContain(
      '【超过 7 天未办结的跟进】\nV-1 2027-04-12（8 天，及时汇报，跟进人 程老师）：建议多开家长会\n',
    );
    expect(mail.text).not.toContain('V-2');
    expect(mail.text).not.toContain('V-3');
  });

  it('an overdue item is in its 责任人’s mail; done and not yet due items are not', () => {
    const mailer = new MemoryMailer();
    run(unitSchool({ visits, rectification }), mailer, '2027-04-20');
    const mail = mailer.sent.find((m) => m.to === 'p4@school.example')!;
    expect(mail.subject).toBe('走访提醒 2027-04：学生中心 已走访 3/5 人；1 项整改已逾期');
    expect(mail.text).toContain(
      '【已逾期的整改事项】\nR-1（责任人 方老师，期限 2027-04-10，已逾期 10 天，整改中）：食堂排队时间长\n',
    );
    expect(mail.text).not.toMatch(/R-2|R-3/);
  });

  it('the unit head’s digest holds the unit’s old follow-ups and overdue items, and they are not repeated in a personal mail', () => {
    const mailer = new MemoryMailer();
    const result = run(unitSchool({ visits, rectification }), mailer, '2027-04-20');
    const digest = mailer.sent.find((m) => m.to === 'p3@school.example')!;
    // Records of 学生中心's visitors, 8 days old and more, whoever owns them; the items of 学生中心's people.
    expect(digest.text).toContain(
      '【超过 7 天未办结的跟进】\nV-3 2027-04-01（19 天，及时汇报，跟进人 邓主任）',
    );
    expect(digest.text).toContain('V-1 2027-04-12（8 天，及时汇报，跟进人 程老师）');
    expect(digest.text).not.toContain('V-2');
    expect(digest.text).toContain('R-1（责任人 方老师，期限 2027-04-10，已逾期 10 天，整改中）');
    // 方老师 visited 3 of 5: behind (< 3 is behind; 3 is on track), 程老师 and 邓主任 0.
    expect(digest.text).toContain('【本月落后】\n程老师 0/5、邓主任 0/5\n');
    expect(digest.text).toContain('【本月尚未达标（进度正常）】\n方老师 3/5\n');
    expect(digest.text).toContain('已走访 3/8 人');
    // 邓主任 owns V-3, which his digest already shows: no personal mail for it.
    expect(result.messages.filter((m) => m.name === '邓主任').map((m) => m.kind)).toEqual(['digest']);
  });
});

describe('分管人', () => {
  it('a leader’s assigned people lead their list of who is left; others keep the roster order', () => {
    const assigned = { [TARGETS[7]!]: '程老师', [TARGETS[11]!]: '白校长、程老师', [TARGETS[3]!]: '白校长' };
    const mailer = new MemoryMailer();
    run(unitSchool({ assigned }), mailer, '2027-04-20');
    const mail = mailer.sent.find((m) => m.to === 'p2@school.example')!;
    const first = [TARGETS[7]!, TARGETS[11]!, ...TARGETS.slice(0, 7), TARGETS[8]!];
    expect(mail.text).toContain(`本周期尚未走访的对象：${first.join('、')} 等共 12 人`);
    // The head's digest lists the unit's gaps in roster order.
    const digest = mailer.sent.find((m) => m.to === 'p1@school.example')!;
    expect(digest.text).toContain(`尚未走访：${TARGETS.slice(0, 10).join('、')} 等共 12 人`);
  });
});

describe('a 发送日志 written by the earlier version (one key per person and unit, no 类型 column)', () => {
  const OLD_HEADER = ['时间', '收件人', '姓名', '部门', '月份', '状态', '原因', '键'];
  const old = (name: string, to: string, unit: string, status: string, reason = '') => [
    '2027-04-20 08:00',
    to,
    name,
    unit,
    '2027-04',
    status,
    reason,
    `2027-04|20|${name}|${unit}`,
  ];

  it('a run after upgrading sends nobody a second mail on a day they were mailed; a deferred one goes first, once', () => {
    const wb = unitSchool();
    wb.replace(
      '发送日志',
      [
        OLD_HEADER,
        old('程老师', 'p2@school.example', '校长室', '已发送'),
        old('程老师', 'p2@school.example', '学生中心', '已发送'),
        old('白校长', 'p1@school.example', '校长室', '已发送'),
        old('方老师', 'p4@school.example', '学生中心', '已延后', '今日邮件配额已用完'),
      ],
      {},
    );
    expect(sendLogHeader('zh')).not.toEqual(OLD_HEADER);
    const mailer = new MemoryMailer();
    const result = run(wb, mailer, '2027-04-20');
    expect(shape(result)).toEqual([
      ['方老师', 'person', ['学生中心']],
      ['邓主任', 'digest', ['学生中心']],
    ]);
    expect(run(wb, mailer, '2027-04-20').messages).toEqual([]);
    expect(mailer.sent.map((m) => m.to)).toEqual(['p4@school.example', 'p3@school.example']);
    // New rows follow the old header; their keys say what they were.
    const sheet = wb.read('发送日志')!;
    expect(sheet[0]).toEqual(OLD_HEADER);
    expect(sheet.slice(5).map((row) => row[7])).toEqual([
      '2027-04|20|方老师',
      '2027-04|20|邓主任|学生中心|digest',
    ]);
    // The health panel no longer counts the old deferred key: that mail went out under the new one.
    const health = healthOf(WorkbookSession.open(wb, clockAt('2027-04-20')), {
      mailer,
      store: memoryStore(),
      trigger: null,
    });
    expect([health.deferred, health.failed]).toEqual([0, 0]);
    // The next reminder day mails everyone under the new keys.
    expect(run(wb, mailer, '2027-04-21').messages).toHaveLength(4);
  });
});

describe('the preview on a day that is not a reminder day (2027-04-22)', () => {
  it('shows what the next reminder day (2027-05-20) would send, digests included, as of today’s figures; a real run sends nothing', () => {
    const wb = unitSchool();
    const mailer = new MemoryMailer();
    const preview = run(wb, mailer, '2027-04-22', true);
    expect(preview.reminderDay).toBe(false);
    expect(preview.plan.forDay).toBe('2027-05-20');
    expect(shape(preview)).toEqual([
      ['白校长', 'digest', ['校长室']],
      ['程老师', 'person', ['校长室', '学生中心']],
      ['邓主任', 'digest', ['学生中心']],
      ['方老师', 'person', ['学生中心']],
    ]);
    expect(preview.messages[1]!.body).toContain('截至 2027-04-22');
    expect(run(wb, mailer, '2027-04-22').messages).toEqual([]);
    expect(mailer.sent).toEqual([]);
    // On the day itself (the figures then of May) the real run sends the same four.
    expect(shape(run(wb, mailer, '2027-05-20'))).toEqual(shape(preview));
  });
});
