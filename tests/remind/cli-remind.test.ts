// `visit-ledger remind`: §6's JSON, .eml files in outbox/ beside the workbook, 发送日志 saved, once per day, quota.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { openXlsx } from '../../src/local/xlsx-workbook';
import { parseSendLog } from '../../src/core/report/send-log';
import { QUOTA_ENV } from '../../src/local/outbox';
import { cli, sha256, tempDir } from '../local/helpers';
import { readEml } from './eml';

const NOW = new Date('2027-04-20T00:10:00Z');
let dir: string;
let file: string;

interface RemindJson {
  today: string;
  messages: {
    to: string;
    name: string;
    kind: 'person' | 'digest';
    units: string[];
    month: string;
    subject: string;
    body: string;
  }[];
  deferred: number;
}

async function remind(args: string[], quota?: number): Promise<{ code: number; json: RemindJson }> {
  const saved = process.env[QUOTA_ENV];
  if (quota !== undefined) process.env[QUOTA_ENV] = String(quota);
  try {
    const run = await cli(['remind', file, '--json', ...args], NOW);
    return { code: run.code, json: JSON.parse(run.out) as RemindJson };
  } finally {
    if (saved === undefined) delete process.env[QUOTA_ENV];
    else process.env[QUOTA_ENV] = saved;
  }
}

async function outbox(): Promise<string[]> {
  try {
    return (await fs.readdir(path.join(dir, 'outbox'))).sort();
  } catch {
    return [];
  }
}

async function log() {
  return parseSendLog((await openXlsx(file)).read('发送日志'));
}

beforeEach(async () => {
  dir = await tempDir();
  file = path.join(dir, 'school.xlsx');
  expect((await cli(['init', file, '--sample', '--today', '2027-04-20'], NOW)).code).toBe(0);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

it('--dry-run --json prints what would go out, in §6’s shape, and writes nothing', async () => {
  const before = await sha256(file);
  const { code, json } = await remind(['--today', '2027-04-20', '--dry-run']);
  expect(code).toBe(0);
  expect(Object.keys(json)).toEqual(['today', 'messages', 'deferred']);
  expect(json.today).toBe('2027-04-20');
  expect(json.messages.length).toBeGreaterThan(10);
  for (const m of json.messages)
    expect(Object.keys(m)).toEqual(['to', 'name', 'kind', 'units', 'month', 'subject', 'body']);
  expect(json.deferred).toBe(0);
  // The sample's heads (the principal, each center's 主任, and the first 副校长 for 全体教师) get digests of one
  // unit; a center's deputy, also a teacher, gets one mail over both units when short in both.
  const digests = json.messages.filter((m) => m.kind === 'digest');
  expect(digests.map((m) => m.units)).toEqual([
    ['校长室'],
    ['全体教师'],
    ['学生中心'],
    ['发展中心'],
    ['课程中心'],
    ['服务中心'],
  ]);
  for (const m of digests) expect(m.subject).toBe(`部门汇总：${m.units[0]} 2027-04`);
  expect(json.messages.some((m) => m.kind === 'person' && m.units.length === 2)).toBe(true);
  // One personal mail per person.
  const people = json.messages.filter((m) => m.kind === 'person').map((m) => m.name);
  expect(new Set(people).size).toBe(people.length);
  expect(await sha256(file)).toBe(before);
  expect(await outbox()).toEqual([]);
});

it('writes one .eml per message to outbox/, saves 发送日志, and a second run the same day sends nothing', async () => {
  const preview = (await remind(['--today', '2027-04-20', '--dry-run'])).json;
  const { json } = await remind(['--today', '2027-04-20']);
  expect(json.messages).toEqual(preview.messages);
  const files = await outbox();
  expect(files).toHaveLength(json.messages.length);
  expect(files[0]).toBe('2027-04-20-0001.eml');
  const first = readEml(await fs.readFile(path.join(dir, 'outbox', files[0]!), 'utf8'));
  expect(first.to).toBe(json.messages[0]!.to);
  expect(first.subject).toBe(json.messages[0]!.subject);
  expect(first.text).toBe(json.messages[0]!.body);
  expect(first.html).toContain('<li>');
  const entries = await log();
  expect(entries.map((e) => e.status)).toEqual(json.messages.map(() => 'sent'));
  expect(entries.map((e) => e.name)).toEqual(json.messages.map((m) => m.name));

  const again = await remind(['--today', '2027-04-20']);
  expect(again.json.messages).toEqual([]);
  expect(await outbox()).toHaveLength(files.length);
  expect(await log()).toHaveLength(entries.length);
});

it('keeps to the daily quota: the rest is deferred and goes out first the next day', async () => {
  const all = (await remind(['--today', '2027-04-20', '--dry-run'])).json.messages;
  const day1 = await remind(['--today', '2027-04-20'], 3);
  expect(day1.json.messages).toEqual(all.slice(0, 3));
  expect(day1.json.deferred).toBe(all.length - 3);
  expect(await outbox()).toHaveLength(3);
  // Still the 20th, still no quota left: nothing more goes out.
  expect((await remind(['--today', '2027-04-20'], 3)).json.messages).toEqual([]);
  const day2 = await remind(['--today', '2027-04-21'], 100);
  expect(day2.json.messages.map((m) => m.name)).toEqual(all.slice(3).map((m) => m.name));
  expect((await outbox()).filter((f) => f.startsWith('2027-04-21-'))).toHaveLength(all.length - 3);
  const statuses = (await log()).map((e) => e.status);
  expect(statuses.filter((s) => s === 'sent')).toHaveLength(all.length);
  expect(statuses.filter((s) => s === 'deferred')).toHaveLength(all.length - 3);
});

it('prints a readable summary without --json', async () => {
  const run = await cli(['remind', file, '--today', '2027-04-22'], NOW);
  expect(run).toMatchObject({ code: 0, out: '已发送 0 封，延后 0 封，失败 0 封。' });
});

it('--dry-run on a day that is not a reminder day says which day is next and lists what it would send', async () => {
  const run = await cli(['remind', file, '--today', '2027-04-22', '--dry-run'], NOW);
  expect(run.code).toBe(0);
  const lines = run.out.split('\n');
  const sent = (await remind(['--today', '2027-04-22', '--dry-run'])).json.messages;
  expect(sent.length).toBeGreaterThan(10);
  expect(lines.filter((l) => l.startsWith('→ '))).toHaveLength(sent.length);
  expect(lines).toContain(`→ ${sent[0]!.to}  ${sent[0]!.name}  部门汇总（校长室）：部门汇总：校长室 2027-04`);
  // The sample's reminder days are the 20th and the 25th.
  expect(lines[0]).toBe(
    '今天（2027-04-22）不是提醒日；下一个提醒日是 2027-04-25。以下是按今天的数据，届时将发送的邮件：',
  );
  expect(lines.at(-1)).toBe(
    `2027-04-25 将发送 ${sent.length} 封提醒，另有 0 封因配额不足将延后。不会发送任何邮件。`,
  );
});

it('runs two overlapping real runs on one file one after the other: each reminder is written once', async () => {
  const [first, second] = await Promise.all([
    cli(['remind', file, '--today', '2027-04-20', '--json'], NOW),
    cli(['remind', file, '--today', '2027-04-20', '--json'], NOW),
  ]);
  // The one that finds the run lock taken says so (exit 2) and sends nothing.
  const codes = [first.code, second.code].sort();
  expect(codes).toEqual([0, 2]);
  const done = first.code === 0 ? first : second;
  const sent = (JSON.parse(done.out) as RemindJson).messages.length;
  expect(sent).toBeGreaterThan(0);
  expect((await outbox()).length).toBe(sent);
  expect(new Set((await log()).map((entry) => entry.key)).size).toBe((await log()).length);
  await expect(fs.access(`${file}.lock`)).rejects.toThrow();
});
