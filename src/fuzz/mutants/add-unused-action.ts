import { parseGlob } from '../../glob/glob.js';
import { applyChosenEdit, mutationSite } from '../_internals/refined-statements.js';
import type { Mutant } from './mutant.js';

/**
 * Claim 3 (safety): an unused action the original statement allowed is allowed again: written
 * back into an `Action` list, or, in a `NotAction` statement, the new exclusions that matched it
 * are left out (and the original exclusions kept).
 */
export const addUnusedAction: Mutant = {
  name: 'add-unused-action',
  breaks: 'safety',
  keeps: ['no-escalation'],
  apply: ({ original, recommended, catalog, unused, choose }) => {
    const site = mutationSite(original, recommended, catalog);
    const edits = site.statements.flatMap((statement) => {
      const { refined } = statement;
      return [...statement.allowedBefore].flatMap((index) => {
        const action = catalog.actions[index]!;
        if (!unused.actions.has(catalog.lowerActions[index]!)) return [];
        const change = `allows the unused action ${action} again`;
        // Computed for the chosen edit only: a large service gives thousands of candidates.
        if (refined.actionKey === 'Action') return [{ statement, get patterns() { return [...refined.patterns, action]; }, change }];
        // No original exclusion matches an action the original allowed: put back any the refinement
        // subsumed into an exclusion that goes, so that the exclusions still contain the original ones.
        const kept = refined.patterns.filter((pattern) => !catalog.matching(parseGlob(pattern)).includes(index));
        const patterns = [...kept, ...statement.original.patterns.filter((pattern) => !kept.includes(pattern))];
        return patterns.length === 0 ? [] : [{ statement, patterns, change }];
      });
    });
    return applyChosenEdit(site, edits, choose, 'safety');
  },
};
