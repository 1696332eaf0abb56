// The sample's September: the autumn roster made by the school's own move-up, a few class changes, a new first grade.
import { moveUpRoster, nextClassName } from '../school-year';
import { maskedPhone, type NamePool } from './names';
import type { SamplePeople, SampleStudent } from './people';
import type { Random } from './random';

/** The class a class teacher has in the autumn: theirs a grade up; the sixth grade's teachers take the new first grade. */
export function autumnClassOf(className: string): string {
  if (className === '') return '';
  const move = nextClassName(className);
  if (move.kind === 'moved') return move.className;
  return move.kind === 'leaves' ? `一${className.slice(1)}` : className;
}

/** The other class of the same grade (一(1)班 → 一(2)班, 一(3)班 → 一(1)班). */
function neighbour(classes: readonly string[], className: string): string {
  const c = classes.indexOf(className);
  const perGrade = 3;
  const grade = Math.floor(c / perGrade);
  return classes[grade * perGrade + (((c % perGrade) + 1) % perGrade)] ?? className;
}

/**
 * The autumn roster (学期 = `semester`): the spring's students moved up by moveUpRoster, as the office's
 * 开始新学年 does (the sixth grade leaves), then what the office changes by hand: a handful of students moved to
 * another class of their grade, and a new first grade of three classes (学号 from the new entry year).
 */
export function autumnRoster(
  random: Random,
  pool: NamePool,
  people: SamplePeople,
  semester: string,
  entryYear: number,
): SampleStudent[] {
  const spring = people.students.filter((s) => s.semester !== semester);
  const moved = moveUpRoster(spring).rows.map((s) => ({ ...s, semester }));
  // Class changes: never the two who share a name (they would meet in one class).
  const movable = moved.filter((s) => s.name !== people.sharedStudentName);
  for (const student of random.shuffle(movable).slice(0, 5))
    student.className = neighbour(people.classes, student.className);
  const firstGrade: SampleStudent[] = [];
  people.classes.slice(0, 3).forEach((className, c) => {
    const size = random.int(38, 42);
    for (let n = 1; n <= size; n++) {
      const name = pool.next();
      firstGrade.push({
        id: `${entryYear}${c + 1}${String(n).padStart(2, '0')}`,
        name,
        className,
        guardian: pool.next(name.slice(0, 1)),
        contact: maskedPhone(random),
        needsSupport: random.chance(0.06),
        semester,
      });
    }
  });
  const order = (s: SampleStudent) => people.classes.indexOf(s.className);
  return [...firstGrade, ...moved].sort((a, b) => order(a) - order(b));
}
