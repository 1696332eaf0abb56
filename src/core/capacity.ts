// Capacity (§3): a unit whose active members cannot visit all of its groups in one cycle at the monthly minimum.
import type { ParsedTable } from './grid';
import { FindingList } from './findings';
import { nameKey } from './names';
import { membersOfUnit, type Rosters } from './rosters';

/**
 * A CAPACITY_SHORT warning on the 部门指标 row (column 走访对象类别) of each leader unit whose active members ×
 * monthly minimum × cycle months is less than the people of its groups. Units of 学生家庭 are covered by
 * classes, not cycles: no check; nor is a unit with no active member (nobody has its quota yet).
 */
export function checkCapacity(
  parsed: ParsedTable | undefined,
  rosters: Rosters,
  findings: FindingList[],
): void {
  if (parsed === undefined) return;
  const list = new FindingList(parsed);
  findings.push(list);
  const members = new Map<string, number>();
  for (const person of rosters.staff) {
    if (!person.active || rosters.staffByKey.get(nameKey(person.name)) !== person) continue;
    for (const unit of new Set(person.units.map(nameKey))) members.set(unit, (members.get(unit) ?? 0) + 1);
  }
  for (const unit of rosters.units) {
    if (unit.homeVisits) continue;
    const size = membersOfUnit(rosters, unit).length;
    const count = members.get(nameKey(unit.name)) ?? 0;
    // A unit with no active member has no quota lines at all (a roster still being filled in): no pace to judge.
    if (count === 0) continue;
    const capacity = count * unit.minimum * unit.coverageMonths;
    if (capacity >= size) continue;
    list.warning(unit.row, 'groups', 'CAPACITY_SHORT', {
      unit: unit.name,
      members: count,
      minimum: unit.minimum,
      months: unit.coverageMonths,
      capacity,
      size,
    });
  }
}
