// The sidebar's payloads at 1,000 students and 200 targets stay small: one class travels, the others are fetched.
import {
  classStudents,
  findStudents,
  PERSON_KEY,
  rememberPerson,
  sidebarBootstrap,
} from '../../src/app/sidebar';
import { ports } from './sidebar-ports';
import { BIG_CLASS_SIZE, BIG_CLASSES, bigSchool, className, LEADER, LEADER_CLASS } from './sidebar-school';

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/**
 * Budgets of JSON bytes, as google.script.run carries them. Measured on this school: 56,536 bytes when the
 * bootstrap carried every class's students (40,001 of them the class lists), 18,733 with one class; the
 * budget is the 50 KB. Issue 12 added pinyin initials per name, 未访 per student and the texts of the
 * pickers: 26,424 bytes measured. A browser-side index of all 1,000 students (name, 学号, initials, class)
 * would add about 35 KB and break the budget, so the search across classes asks the server (about 2 KB).
 */
const BOOTSTRAP_BUDGET = 50_000;
/** One class of 40 students (about 1.6 KB measured). */
const CLASS_BUDGET = 4_000;

/** Pinyin initials as the package gives them: one letter a character (the bytes are what is measured). */
const initials = (name: string) => 'abcdefghijklmnopqrstuvwxyz'.slice(0, [...name].length);

describe('payload size at 1,000 students and 200 targets, for a leader who also teaches', () => {
  const school = bigSchool();
  const leaderPorts = () => {
    const p = { ...ports(school), initials };
    p.store.set(PERSON_KEY, LEADER);
    return p;
  };

  test('the bootstrap is under 50 KB and carries the own class only', () => {
    const payload = sidebarBootstrap(leaderPorts());
    const person = payload.person;
    expect(person?.targets).toHaveLength(200);
    expect(person?.classes).toHaveLength(BIG_CLASSES);
    expect(person?.startClass?.className).toBe(LEADER_CLASS);
    expect(person?.startClass?.students).toHaveLength(BIG_CLASS_SIZE);
    const size = bytes(payload);
    expect({ size, under: size < BOOTSTRAP_BUDGET }).toEqual({ size, under: true });
  });

  test('remembering the person gives the same view, and the same budget holds', () => {
    const result = rememberPerson({ ...ports(school), initials }, LEADER);
    expect(result.ok && result.person.startClass?.students.length).toBe(BIG_CLASS_SIZE);
    const size = bytes(result);
    expect({ size, under: size < BOOTSTRAP_BUDGET }).toEqual({ size, under: true });
  });

  test('another class is fetched on its own, its 40 students under 4 KB', () => {
    const answer = classStudents({ ...ports(school), initials }, className(7));
    expect(answer.students).toHaveLength(BIG_CLASS_SIZE);
    const size = bytes(answer);
    expect({ size, under: size < CLASS_BUDGET }).toEqual({ size, under: true });
  });

  test('a search across the 1,000 students sends at most 20 of them, under 3 KB', () => {
    const answer = findStudents({ ...ports(school), initials }, '王');
    expect(answer.students).toHaveLength(20);
    const size = bytes(answer);
    expect({ size, under: size < 3_000 }).toEqual({ size, under: true });
  });
});
