// Files that are no readable .xlsx, named in the school's words with what to do: an encrypted workbook, a part too big to inflate, an .ods (on the command line and at the playground's start), a folder.
import { promises as fs, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { texts } from '../../src/core/i18n/messages';
import { startPlayground, StartError } from '../../src/local/playground/run';
import { cli, sha256, tempDir } from './helpers';

const ROOT = path.join(__dirname, '..', '..');
const TODAY = '2027-04-20';
const t = texts('zh');
let dir: string;

beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Every reading command gives the same one line, exit 2, and leaves the file as it was. */
async function refusal(file: string): Promise<string> {
  const before = await sha256(file).catch(() => null);
  const lines = new Set<string>();
  for (const args of [
    ['validate', file, '--today', TODAY],
    ['status', file, '--today', TODAY],
    ['remind', file, '--today', TODAY],
  ]) {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.err.split('\n')).toHaveLength(1);
    lines.add(run.err);
  }
  expect(lines.size).toBe(1);
  if (before !== null) expect(await sha256(file)).toBe(before);
  return [...lines][0] ?? '';
}

/** What an encrypted .xlsx is: an OLE2 compound file whose directory names an EncryptionInfo stream. */
function encryptedWorkbook(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const directory = Buffer.alloc(512);
  Buffer.from('EncryptionInfo', 'utf16le').copy(directory, 128);
  Buffer.from('EncryptedPackage', 'utf16le').copy(directory, 256);
  return Buffer.concat([header, directory, Buffer.alloc(4096, 7)]);
}

/** A small zip whose central directory declares `part` as `size` bytes inflated. */
function declaredSize(parts: Record<string, string>, part: string, size: number): Uint8Array {
  const zip = zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const name = Buffer.from(part);
  for (let at = 0; at + 46 < zip.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    if (Buffer.from(zip.subarray(at + 46, at + 46 + length)).equals(name))
      view.setUint32(at + 24, size, true);
  }
  return zip;
}

it('an encrypted workbook is called password-protected, with how to clear the password (not “not a valid .xlsx”)', async () => {
  const file = path.join(dir, 'locked.xlsx');
  writeFileSync(file, encryptedWorkbook());
  const line = await refusal(file);
  expect(line).toBe(t.files.encrypted.replace('{file}', file));
  expect(line).not.toContain('不是有效的');
});

it('a part declared at 600 MB is refused by its size before anything is inflated, naming the part', async () => {
  const file = path.join(dir, 'huge.xlsx');
  const parts = {
    '[Content_Types].xml': '<Types/>',
    'xl/workbook.xml': '<workbook/>',
    'xl/sharedStrings.xml': '<sst/>',
  };
  writeFileSync(file, declaredSize(parts, 'xl/sharedStrings.xml', 600 * 1024 * 1024));
  const line = await refusal(file);
  expect(line).toContain('xl/sharedStrings.xml');
  expect(line).toContain('600 MB');
  expect(line).toContain('太大');
});

describe('an OpenDocument spreadsheet', () => {
  const ods = (mimetypeFirst: boolean) =>
    zipSync(
      mimetypeFirst
        ? {
            mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
            'content.xml': strToU8('<office:document-content/>'),
          }
        : {
            'content.xml': strToU8('<office:document-content/>'),
            'META-INF/manifest.xml': strToU8('<manifest/>'),
          },
    );
  const odsLine = (file: string) =>
    t.cliText.otherKind.replace('{file}', file).replace('{kind}', t.cliText.kinds.ods);

  it('is named as such on the command line, even renamed .xlsx with its mimetype not first', async () => {
    const named = path.join(dir, 'school.ods');
    writeFileSync(named, ods(true));
    expect(await refusal(named)).toBe(odsLine(named));
    const renamed = path.join(dir, 'renamed.xlsx');
    writeFileSync(renamed, ods(false));
    expect(await refusal(renamed)).toBe(odsLine(renamed));
  });

  it('is named as such when the playground starts on it (it was called an empty workbook)', async () => {
    const file = path.join(dir, 'start.ods');
    writeFileSync(file, ods(true));
    const bytes = readFileSync(file);
    const options = {
      workbook: file,
      storeFile: path.join(dir, 'store.json'),
      port: 0,
      today: TODAY,
      lang: 'zh' as const,
      email: '',
    };
    const started = startPlayground(options, ROOT);
    await expect(started).rejects.toBeInstanceOf(StartError);
    const message = (await started.catch((e: Error) => e)) as Error;
    expect(message.message.startsWith(odsLine(file))).toBe(true);
    expect(message.message).not.toContain('空的工作簿');
    expect(readFileSync(file).equals(bytes)).toBe(true);
    await expect(fs.access(`${file}.lock`)).rejects.toThrow();
  });
});

it('a folder is called a folder', async () => {
  const folder = path.join(dir, 'a-folder.xlsx');
  await fs.mkdir(folder);
  expect(await refusal(folder)).toBe(t.files.folder.replace('{file}', folder));
});
