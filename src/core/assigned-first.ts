// 走访对象 › 分管人 (§2): a leader's own assigned people first in "who is left", the rest in their order.
import { nameKey } from './names';
import type { Campaign } from './model';

/** The names (targets as the roster spells them) with those whose 分管人 names `person` first; stable otherwise. */
export function assignedFirst(campaign: Campaign, person: string, names: readonly string[]): string[] {
  const key = nameKey(person);
  const mine: string[] = [];
  const others: string[] = [];
  for (const name of names) {
    const assigned = campaign.rosters.targetByKey.get(nameKey(name))?.assignedTo ?? [];
    (assigned.some((a) => nameKey(a) === key) ? mine : others).push(name);
  }
  return [...mine, ...others];
}
