// `status` on a workbook of two semesters: --json's "semester" object (§6) and the text naming it.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { newXlsx } from '../../src/local/xlsx-workbook';
import { novemberWorkbook } from '../fixtures/semester-school';
import { cli, tempDir } from './helpers';

let dir: string;
let file: string;

beforeAll(async () => {
  dir = await tempDir();
  file = path.join(dir, 'year.xlsx');
  const book = newXlsx();
  for (const { name, grid } of novemberWorkbook()) book.replace(name, grid, {});
  await book.book.xlsx.writeFile(file);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('status on a campaign year', () => {
  it('--json puts the semester of the month after coverage, with the classes of its roster', async () => {
    const run = await cli(['status', file, '--month', '2027-06', '--today', '2027-11-20', '--json']);
    expect(run.code).toBe(0);
    const status = JSON.parse(run.out);
    expect(Object.keys(status)).toEqual([
      'month',
      'today',
      'people',
      'coverage',
      'semester',
      'classes',
      'problems',
    ]);
    expect(status.semester).toEqual({ name: '2027年春季学期', start: '2027-02-17', end: '2027-07-05' });
    expect(status.classes).toEqual([
      { class: '一(1)班', students: 3, visited: 2, inPerson: 2 },
      { class: '六(1)班', students: 1, visited: 1, inPerson: 0 },
      { class: '三(1)班', students: 1, visited: 0, inPerson: 0 },
    ]);
  });

  it('--json of an autumn month names the autumn', async () => {
    const run = await cli(['status', file, '--month', '2027-11', '--today', '2027-11-20', '--json']);
    expect(JSON.parse(run.out).semester).toEqual({
      name: '2027年秋季学期',
      start: '2027-09-01',
      end: '2028-01-22',
    });
  });

  it('names the semester in the text, above the figures and over the class table', async () => {
    const run = await cli(['status', file, '--month', '2027-11', '--today', '2027-11-20']);
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    expect(lines[1]).toBe('学期：2027年秋季学期（2027-09-01 至 2028-01-22）');
    expect(lines).toContain('班级家访（2027年秋季学期）');
  });
});
