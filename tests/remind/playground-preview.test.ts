// The playground's 提醒预览 on a day that is not a reminder day: the next reminder day named, its mails listed, nothing sent.
import { existsSync, promises as fs, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { startPlayground } from '../../src/local/playground/run';
import { cli, tempDir } from '../local/helpers';

const ROOT = path.join(__dirname, '..', '..');
const NOW = new Date('2027-04-22T00:10:00Z');
let dir: string;

beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

it('names the next reminder day (the sample’s are the 20th and the 25th) and shows what it would send', async () => {
  const file = path.join(dir, 'school.xlsx');
  expect((await cli(['init', file, '--sample', '--today', '2027-04-22'], NOW)).code).toBe(0);
  const expected = JSON.parse(
    (await cli(['remind', file, '--today', '2027-04-22', '--dry-run', '--json'], NOW)).out,
  ) as { messages: { to: string; subject: string }[] };
  const running = await startPlayground(
    {
      workbook: file,
      storeFile: path.join(dir, 'store.json'),
      port: 0,
      today: '2027-04-22',
      lang: 'zh',
      email: '',
    },
    ROOT,
  );
  try {
    const result = await running.session.menu({ action: 'remindPreview' });
    expect(result.message).toBe(
      '今天（2027-04-22）不是提醒日；下一个提醒日是 2027-04-25。以下是按今天的数据，届时将发送的邮件： ' +
        `2027-04-25 将发送 ${expected.messages.length} 封提醒，另有 0 封因配额不足将延后。不会发送任何邮件。`,
    );
    expect(result.dialog?.mails?.map((m) => [m.to, m.subject])).toEqual(
      expected.messages.map((m) => [m.to, m.subject]),
    );
    expect(result.dialog?.mails?.some((m) => m.subject === '部门汇总：校长室 2027-04')).toBe(true);
  } finally {
    await running.stop();
  }
  const outbox = path.join(dir, 'outbox');
  expect(existsSync(outbox) ? readdirSync(outbox) : []).toEqual([]);
});
