// A big school for the sidebar's payload budget: 1,000 students in 25 classes, 200 targets, a leader who teaches.
import type { SheetInput } from '../../src/core/engine';
import { school, STAFF, type Row } from '../core/helpers';

const FAMILY =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏建国文辉力明永健世广志义兴良海山仁波宁贵福生龙元全';

/** The n-th made-up three-character name (deterministic; names repeat across classes, as real ones do). */
export function fakeName(n: number): string {
  const at = (text: string, i: number) => text[i % text.length] as string;
  return at(FAMILY, n) + at(GIVEN, Math.floor(n / FAMILY.length)) + at(GIVEN, n * 7 + 3);
}

export const BIG_CLASSES = 25;
export const BIG_CLASS_SIZE = 40;
/** The leader who teaches: 校长室 and 全体教师, with the first class of the big school. */
export const LEADER = '张校长';
export const LEADER_CLASS = '一年级(1)班';

export function className(i: number): string {
  return `${'一二三四五六'[Math.floor(i / 5) % 6]}年级(${(i % 5) + 1})班`;
}

/** 1,000 students (学号 like 2027010101, guardian and contact filled) and 200 targets of 校长室's groups. */
export function bigSchool(): SheetInput[] {
  const students: Row[] = [];
  for (let c = 0; c < BIG_CLASSES; c++)
    for (let s = 0; s < BIG_CLASS_SIZE; s++)
      students.push({
        studentId: `2027${String(c + 1).padStart(2, '0')}${String(s + 1).padStart(4, '0')}`,
        name: fakeName(c * BIG_CLASS_SIZE + s),
        className: className(c),
        guardian: `${fakeName(c * BIG_CLASS_SIZE + s + 5000)}`,
        contact: `139${String(c * BIG_CLASS_SIZE + s).padStart(8, '0')}`,
      });
  const targets: Row[] = Array.from({ length: 200 }, (_, i) => ({
    name: `${fakeName(i + 20000)}${i}`,
    group: i % 4 === 3 ? '社会贤达人士' : '家委会成员',
    contact: `138${String(i).padStart(8, '0')}`,
  }));
  const staff = STAFF.map((row) => (row?.name === LEADER ? { ...row, className: LEADER_CLASS } : row));
  return school({ staff, students, targets });
}
