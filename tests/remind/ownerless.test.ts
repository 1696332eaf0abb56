// Overdue items nobody on the roster owns reach the leading unit's head; greetings by 职务; a cut list's ending in both languages.
import { WorkbookSession } from '../../src/app/session';
import { runReminders } from '../../src/app/remind';
import { loadCampaign } from '../../src/core/engine';
import { remindersDue } from '../../src/core/report/reminder-content';
import { reminderMail } from '../../src/core/report/reminder-text';
import { workbook } from '../core/helpers';
import { clockAt, plainLock } from '../report/helpers';
import { MemoryMailer, UNIT_STAFF, unitSchool } from './helpers';

type School = ReturnType<typeof unitSchool>;

function run(wb: School, mailer: MemoryMailer, day: string, dryRun = false) {
  const clock = clockAt(day);
  return runReminders(WorkbookSession.open(wb, clock), { mailer, lock: plainLock(), clock }, { dryRun });
}

/** 问题整改 rows: 编号, 登记日期, 来源, 问题, 原因, 措施, 责任人, 期限, 状态, 完成日期, 长效机制. */
const rect = (id: string, problem: string, owner: string, deadline: string, status = '待整改') => [
  id,
  '2027-04-01',
  '',
  problem,
  '',
  '',
  owner,
  deadline,
  status,
  '',
  '',
];

describe('an overdue item whose 责任人 is empty or not an active staff member (2027-04-20)', () => {
  const rectification = [
    rect('R-1', '楼梯扶手松动', '不存在的人', '2027-04-10'),
    rect('R-2', '献计：午休时间太短', '', '2027-04-15', '整改中'),
    // Not overdue (期限 after today), so nobody hears of it yet.
    rect('R-3', '图书角太小', '', '2027-04-25'),
    // Owned by 方老师 (学生中心): her mail and 邓主任's digest, as before; never the leading unit's list.
    rect('R-4', '食堂排队时间长', '方老师', '2027-04-12'),
  ];

  it('goes to the digest of 校长室’s head (白校长), flagged, and to no other mail', () => {
    const mailer = new MemoryMailer();
    run(unitSchool({ rectification }), mailer, '2027-04-20');
    const digest = mailer.sent.find((m) => m.to === 'p1@school.example')!;
    expect(digest.subject).toBe('部门汇总：校长室 2027-04');
    // Most overdue first: R-1 10 days, R-2 5 days.
    expect(digest.text).toContain(
      '【已逾期、无责任人的整改事项】（责任人为空或不在人员名单中，请指定责任人）\n' +
        'R-1（无责任人：“不存在的人”不在人员名单中，期限 2027-04-10，已逾期 10 天，待整改）：楼梯扶手松动\n' +
        'R-2（无责任人，期限 2027-04-15，已逾期 5 天，整改中）：献计：午休时间太短\n',
    );
    expect(digest.text).not.toMatch(/R-3|R-4/);
    const others = mailer.sent.filter((m) => m.to !== 'p1@school.example');
    for (const mail of others) expect(mail.text).not.toMatch(/R-1|R-2/);
    // R-4 still reaches its owner and her unit's head.
    expect(mailer.sent.find((m) => m.to === 'p4@school.example')!.text).toContain('R-4（责任人 方老师');
    expect(mailer.sent.find((m) => m.to === 'p3@school.example')!.text).toContain('R-4（责任人 方老师');
  });

  it('a 责任人 who left (人员 › 在职 否) counts as nobody: the item moves to the leading digest', () => {
    const wb = unitSchool({ rectification: [rect('R-1', '楼梯扶手松动', '方老师', '2027-04-10')] });
    const staff = wb.read('人员')!.map((r) => [...r]);
    staff.find((r) => r[0] === '方老师')![5] = '否';
    wb.replace('人员', staff, {});
    const mailer = new MemoryMailer();
    const result = run(wb, mailer, '2027-04-20');
    expect(result.messages.map((m) => m.name)).not.toContain('方老师');
    expect(mailer.sent.find((m) => m.to === 'p3@school.example')?.text ?? '').not.toContain('R-1');
    expect(mailer.sent.find((m) => m.to === 'p1@school.example')!.text).toContain(
      'R-1（无责任人：“方老师”不在人员名单中，期限 2027-04-10，已逾期 10 天，待整改）：楼梯扶手松动',
    );
  });

  it('when 校长室 has no head, the next unit of 部门指标 that has one (学生中心, 邓主任) carries them', () => {
    const staff = { ...UNIT_STAFF, 白校长: ['校长室', '教师'] as [string, string] };
    const mailer = new MemoryMailer();
    run(
      unitSchool({ staff, rectification: [rect('R-1', '楼梯扶手松动', '', '2027-04-10')] }),
      mailer,
      '2027-04-20',
    );
    const digest = mailer.sent.find((m) => m.to === 'p3@school.example')!;
    expect(digest.subject).toBe('部门汇总：学生中心 2027-04');
    expect(digest.text).toContain('R-1（无责任人，期限 2027-04-10，已逾期 10 天，待整改）：楼梯扶手松动');
  });
});

describe('the greeting says the reader’s 职务 when it names 校长 or 主任, else 老师', () => {
  const staff: Record<string, [string, string]> = {
    董欣艳: ['校长室', '校长'],
    程晓: ['校长室、学生中心', '教师'],
    邓伟: ['学生中心', '学生中心副主任'],
    方园: ['学生中心', ''],
  };

  it('董欣艳校长, 邓伟副主任, 程晓老师, 方园老师', () => {
    const mailer = new MemoryMailer();
    run(unitSchool({ staff }), mailer, '2027-04-20');
    const first = (to: string) => mailer.sent.find((m) => m.to === to)!.text.split('\n')[0];
    expect(first('p1@school.example')).toBe('董欣艳校长：您好！');
    expect(first('p2@school.example')).toBe('程晓老师：您好！');
    expect(first('p3@school.example')).toBe('邓伟副主任：您好！');
    expect(first('p4@school.example')).toBe('方园老师：您好！');
    expect(mailer.sent.find((m) => m.to === 'p1@school.example')!.html).toContain(
      '<p>董欣艳校长：您好！</p>',
    );
  });

  it('a name that already ends with the title does not say it twice (白校长, 程老师)', () => {
    const mailer = new MemoryMailer();
    run(unitSchool(), mailer, '2027-04-20');
    expect(mailer.sent.find((m) => m.to === 'p1@school.example')!.text).toMatch(/^白校长：您好！\n/);
    expect(mailer.sent.find((m) => m.to === 'p2@school.example')!.text).toMatch(/^程老师：您好！\n/);
  });
});

describe('an English workbook', () => {
  const targets = Array.from({ length: 11 }, (_, i) => ({
    name: `Parent ${i + 1}`,
    group: 'Parent committee',
  }));
  const campaign = () =>
    loadCampaign(
      workbook({
        lang: 'en',
        staff: [
          { name: 'Dong Xinyan', email: 'p1@school.example', units: "Principal's office", role: 'Principal' },
          { name: 'Hu Nuo', email: 'p2@school.example', units: "Principal's office", role: 'Teacher' },
        ],
        targets,
        rectification: [
          {
            id: 'R-1',
            problem: 'Loose handrail',
            owner: 'Nobody Here',
            deadline: '2027-04-10',
            status: 'Open',
          },
          {
            id: 'R-2',
            problem: 'Short lunch break',
            owner: '',
            deadline: '2027-04-15',
            status: 'In progress',
          },
        ],
      }),
      '2027-04-20',
    );

  it('greets "Dear <name>", ends a cut list with "(11 in all)" and flags items with no owner', () => {
    const c = campaign();
    const due = remindersDue(c, '2027-04-20');
    expect(due.map((d) => [d.name, d.kind])).toEqual([
      ['Dong Xinyan', 'digest'],
      ['Hu Nuo', 'person'],
    ]);
    const person = reminderMail(c, due[1]!, 'p2@school.example', '2027-04-20');
    expect(person.text).toMatch(/^Dear Hu Nuo,\n/);
    expect(person.text).toContain('Parent 9, Parent 10 (11 in all)\n');
    expect(person.html).toContain('<p>(11 in all)</p>');
    expect(person.text).not.toMatch(/R-1|R-2/);
    const digest = reminderMail(c, due[0]!, 'p1@school.example', '2027-04-20');
    expect(digest.text).toMatch(/^Dear Dong Xinyan,\n/);
    expect(digest.text).toContain(
      '[Overdue items with no owner] (owner empty or not on the roster: please name one)\n' +
        'R-1 (owner not on the roster: "Nobody Here", deadline 2027-04-10, 10 day(s) overdue, Open): Loose handrail\n' +
        'R-2 (no owner, deadline 2027-04-15, 5 day(s) overdue, In progress): Short lunch break\n',
    );
  });
});
