// Fictional Chinese names for the sample school: a surname and one or two given-name characters, never repeated.
import type { Random } from './random';

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力斌宇浩凯晨欣怡梓涵子轩雨婷佳琪思远嘉豪俊熙语彤一诺欣然宇航天佑若曦诗雨博文皓轩梦瑶家乐泽宇可馨晓东海燕春梅秋菊志刚国庆德明振华淑珍美玲丹丹亮亮',
];

/** Hands out names no one else in the school has (unless asked to reuse one on purpose). */
export class NamePool {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  /** Marks a name as taken (e.g. one chosen by hand). */
  reserve(name: string): string {
    this.used.add(name);
    return name;
  }

  has(name: string): boolean {
    return this.used.has(name);
  }

  /** A new name; `surname` fixes the family name (a guardian shares the child's). */
  next(surname?: string): string {
    for (;;) {
      const family = surname ?? this.random.pick(SURNAMES);
      const given = this.random.pick(GIVEN) + (this.random.chance(0.7) ? this.random.pick(GIVEN) : '');
      const name = family + given;
      if (!this.used.has(name) && given[0] !== given[1]) return this.reserve(name);
    }
  }
}

/** A fictional, masked mobile number such as 138****2746. */
export function maskedPhone(random: Random): string {
  const prefix = random.pick([
    '130',
    '133',
    '135',
    '136',
    '138',
    '139',
    '150',
    '151',
    '158',
    '177',
    '186',
    '189',
  ]);
  return `${prefix}****${String(random.int(0, 9999)).padStart(4, '0')}`;
}
