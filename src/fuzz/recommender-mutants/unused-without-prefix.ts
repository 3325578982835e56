import type { UnusedSet } from '../../findings/unused-set.js';
import { isUnused } from '../../findings/unused-set.js';
import { recommenderWith, type RecommenderMutant } from './recommender-mutant.js';

const bareNames = new WeakMap<UnusedSet, Set<string>>();

/** The unused action names without their service prefix. */
function bareNamesOf(unused: UnusedSet): Set<string> {
  let names = bareNames.get(unused);
  if (names === undefined) {
    names = new Set([...unused.actions].map(withoutPrefix));
    bareNames.set(unused, names);
  }
  return names;
}

function withoutPrefix(lowerAction: string): string {
  return lowerAction.slice(lowerAction.indexOf(':') + 1);
}

/**
 * Unused actions are looked up by name alone, without their service: `s3:GetObject` unused makes
 * `s3express:GetObject` unused too, and a used action is lost.
 */
export const unusedWithoutPrefix: RecommenderMutant = {
  name: 'unused-without-prefix',
  bug: 'unused actions are matched by name without the service prefix',
  breaks: ['exact'],
  recommend: recommenderWith({ isUnused: (unused, lowerAction) => isUnused(unused, lowerAction) || bareNamesOf(unused).has(withoutPrefix(lowerAction)) }),
};
