import { parseGlob } from '../../glob/glob.js';
import { mutationSite, withPatterns } from '../_internals/refined-statements.js';
import type { Mutant } from './mutant.js';

/**
 * Claim 3 (safety): an unused action the original statement allowed is allowed again: written
 * back into an `Action` list, or, in a `NotAction` statement, the new exclusions that matched it
 * are left out.
 */
export const addUnusedAction: Mutant = {
  name: 'add-unused-action',
  breaks: 'safety',
  keeps: ['no-escalation'],
  apply: ({ original, recommended, catalog, unused, choose }) => {
    const site = mutationSite(original, recommended, catalog);
    const candidates = site.statements.flatMap((statement) => {
      const { refined } = statement;
      return [...statement.allowedBefore].flatMap((index) => {
        const action = catalog.actions[index]!;
        if (!unused.actions.has(catalog.lowerActions[index]!)) return [];
        if (refined.actionKey === 'Action') return [{ statement, action, patterns: [...refined.patterns, action] }];
        // The original allowed it, so only exclusions the refinement added can match it.
        const kept = refined.patterns.filter((pattern) => !catalog.matching(parseGlob(pattern)).includes(index));
        return kept.length === 0 ? [] : [{ statement, action, patterns: kept }];
      });
    });
    const picked = choose(candidates);
    if (picked === undefined) return undefined;
    return {
      recommended: withPatterns(site.recommended, picked.statement.refined, picked.patterns),
      breaks: 'safety',
      change: `statement ${picked.statement.original.index} allows the unused action ${picked.action} again`,
    };
  },
};
