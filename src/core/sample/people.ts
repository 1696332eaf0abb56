// The sample school's people: staff in the plan's units, the leaders' target rosters, and 18 classes of students.
import { texts, type Lang } from '../i18n/messages';
import { splitList } from '../names';
import { maskedPhone, NamePool } from './names';
import type { Random } from './random';
import { samplePhrases } from './phrases';

export interface SampleStaff {
  name: string;
  email: string;
  /** Indexes into the plan's units (0 校长室 … 4 服务中心, 5 全体教师). */
  units: number[];
  role: string;
  /** The class the person has in the semester holding today (人员 › 班级). */
  className: string;
  /** The class the person had in the spring (class teachers move up with their class in September). */
  springClass: string;
  active: boolean;
}

export interface SampleTarget {
  name: string;
  group: string;
  /** The unit whose groups hold this target. */
  unit: number;
  /** 分管人: the unit's leader who looks after this person ('' for most). */
  assignedTo: string;
  contact: string;
  note: string;
}

export interface SampleStudent {
  id: string;
  name: string;
  className: string;
  guardian: string;
  contact: string;
  needsSupport: boolean;
  /** 学生 › 学期: the semester of the roster the row belongs to. */
  semester: string;
}

export interface SampleUnit {
  name: string;
  groups: string[];
  minimum: number;
  purpose: string;
}

export interface SamplePeople {
  units: SampleUnit[];
  staff: SampleStaff[];
  targets: SampleTarget[];
  students: SampleStudent[];
  classes: string[];
  /** A name two classes each have (students are looked up inside the record's class). */
  sharedStudentName: string;
}

export const TEACHERS_UNIT = 5;
const GRADES = ['一', '二', '三', '四', '五', '六'];
const CLASSES_PER_GRADE = 3;
/** Sizes of the target groups, as in the plan (the student council's are the school's own). */
const GROUP_SIZES = [[19, 10], [15, 18], [20], [25], [15, 5]];

function emailOf(index: number): string {
  return `staff${String(index + 1).padStart(2, '0')}@miaoqiao.example`;
}

/** The spring's people; `schoolYear` is the year the spring's school year began (its first grade's entry year). */
export function makePeople(
  random: Random,
  pool: NamePool,
  lang: Lang,
  schoolYear: number,
  semester: string,
): SamplePeople {
  const t = texts(lang);
  const phrases = samplePhrases(lang);
  const units: SampleUnit[] = t.defaults.units.map((u) => ({
    name: u.name,
    groups: splitList(u.groups),
    minimum: u.minimum,
    purpose: u.purpose,
  }));
  const classes = GRADES.flatMap((g) =>
    Array.from({ length: CLASSES_PER_GRADE }, (_, i) => `${g}(${i + 1})班`),
  );

  // Students: ~40 a class, one name shared by 三(1)班 and 三(2)班.
  const students: SampleStudent[] = [];
  classes.forEach((className, c) => {
    const grade = Math.floor(c / CLASSES_PER_GRADE) + 1;
    const entry = schoolYear - grade + 1;
    const size = random.int(38, 42);
    for (let n = 1; n <= size; n++) {
      const name = pool.next();
      students.push({
        id: `${entry}${(c % CLASSES_PER_GRADE) + 1}${String(n).padStart(2, '0')}`,
        name,
        className,
        guardian: pool.next(name.slice(0, 1)),
        contact: maskedPhone(random),
        needsSupport: random.chance(0.06),
        semester,
      });
    }
  });
  const inClass = (className: string) => students.filter((s) => s.className === className);
  const sharedStudentName = inClass(classes[6]!)[5]!.name;
  const second = inClass(classes[7]!);
  students.push({
    id: `${schoolYear - 2}2${String(second.length + 1).padStart(2, '0')}`,
    name: sharedStudentName,
    className: classes[7]!,
    guardian: pool.next(sharedStudentName.slice(0, 1)),
    contact: maskedPhone(random),
    needsSupport: false,
    semester,
  });
  students.sort((a, b) => classes.indexOf(a.className) - classes.indexOf(b.className));

  // Staff: the principal, two vice principals, three leaders per center, 45 teachers, 2 who have left.
  const staff: SampleStaff[] = [];
  let classTurn = 0;
  const nextClass = () => classes[classTurn++ % classes.length]!;
  staff.push({
    name: pool.next(),
    email: '',
    units: [0],
    role: phrases.roles.principal,
    className: '',
    springClass: '',
    active: true,
  });
  staff.push({
    name: pool.reserve('欧阳明'),
    email: '',
    units: [0, TEACHERS_UNIT],
    role: phrases.roles.vicePrincipal,
    className: nextClass(),
    springClass: '',
    active: true,
  });
  staff.push({
    name: pool.next(),
    email: '',
    units: [0, TEACHERS_UNIT],
    role: phrases.roles.vicePrincipal,
    className: nextClass(),
    springClass: '',
    active: true,
  });
  for (let unit = 1; unit <= 4; unit++) {
    for (let i = 0; i < 3; i++) {
      staff.push({
        name: pool.next(),
        email: '',
        units: [unit, TEACHERS_UNIT],
        role: i === 0 ? phrases.roles.director : phrases.roles.deputy,
        className: nextClass(),
        springClass: '',
        active: true,
      });
    }
  }
  const teachers: SampleStaff[] = [];
  for (let i = 0; i < 45; i++) {
    teachers.push({
      name: pool.next(),
      email: '',
      units: [TEACHERS_UNIT],
      role: i < classes.length ? phrases.roles.head : phrases.roles.teacher,
      className: i < classes.length ? classes[i]! : nextClass(),
      springClass: '',
      active: true,
    });
  }
  const leftSchool = [0, 1].map(() => ({
    name: pool.next(),
    email: '',
    units: [TEACHERS_UNIT],
    role: phrases.roles.teacher,
    className: nextClass(),
    springClass: '',
    active: false,
  }));
  staff.push(
    ...teachers.slice(0, 20),
    leftSchool[0]!,
    ...teachers.slice(20, 38),
    leftSchool[1]!,
    ...teachers.slice(38),
  );
  staff.forEach((s, i) => {
    s.email = emailOf(i);
    s.springClass = s.className;
  });

  // Targets: parents and notables, the student council, the teachers, logistics and outside service staff.
  const targets: SampleTarget[] = [];
  const fill = (t: string, className: string) => t.replace('{className}', className);
  const council = new Set<string>();
  GROUP_SIZES.forEach((sizes, unit) =>
    sizes.forEach((size, g) => {
      const group = units[unit]!.groups[g]!;
      for (let i = 0; i < size; i++) {
        let name: string;
        let note = '';
        if (unit === 0 && g === 0) {
          name = pool.next();
          note = fill(phrases.targetNotes.parent, random.pick(classes));
        } else if (unit === 0) {
          name = pool.next();
          note = random.pick(phrases.targetNotes.notables);
        } else if (unit === 1) {
          // 大队委委员 from grades 4–6; 班队委员 one from each class.
          const className = g === 0 ? classes[9 + (i % 9)]! : classes[i % classes.length]!;
          const candidates = inClass(className).filter(
            (s) => s.name !== sharedStudentName && !council.has(s.name),
          );
          name = random.pick(candidates).name;
          council.add(name);
          note = fill(phrases.targetNotes.council, className);
        } else if (unit === 2) {
          name = teachers[i]!.name;
        } else if (unit === 3) {
          name = teachers[20 + i]!.name;
        } else if (g === 0) {
          name = pool.next();
          note = random.pick(phrases.targetNotes.logistics);
        } else {
          name = pool.next();
          note = random.pick(phrases.targetNotes.service);
        }
        targets.push({ name, group, unit, assignedTo: '', contact: maskedPhone(random), note });
      }
    }),
  );
  // 分管人 for about a third of the targets: one of their unit's leaders.
  for (const target of targets) {
    const leaders = staff.filter((s) => s.active && s.units[0] === target.unit).map((s) => s.name);
    if (leaders.length > 0 && random.chance(0.3)) target.assignedTo = random.pick(leaders);
  }
  return { units, staff, targets, students, classes, sharedStudentName };
}
