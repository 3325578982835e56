import { parseGlob } from '../../glob/glob.js';
import { sortedIgnoringCase } from '../_internals/patterns.js';
import { applyChosenEdit, mutationSite } from '../_internals/refined-statements.js';
import type { Mutant } from './mutant.js';

/**
 * Claim 1 (exact): a used action the statement allowed is no longer allowed. In an `Action`
 * statement every pattern that matches it is spelled out as the other actions it matches; in a
 * `NotAction` statement the action is excluded.
 */
export const dropUsedAction: Mutant = {
  name: 'drop-used-action',
  breaks: 'exact',
  keeps: ['no-escalation', 'safety'],
  apply: ({ original, recommended, catalog, unused, choose }) => {
    const site = mutationSite(original, recommended, catalog);
    const edits = site.statements.flatMap((statement) => {
      const { refined } = statement;
      return [...statement.allowedAfter]
        .filter((dropped) => !unused.actions.has(catalog.lowerActions[dropped]!))
        .map((dropped) => {
          const action = catalog.actions[dropped]!;
          return {
            statement,
            // Computed for the chosen edit only: a large service gives thousands of candidates.
            get patterns() {
              if (refined.actionKey === 'NotAction') return [...refined.patterns, action];
              return sortedIgnoringCase(
                refined.patterns.flatMap((pattern) => {
                  const matched = catalog.matching(parseGlob(pattern));
                  return matched.includes(dropped) ? matched.filter((index) => index !== dropped).map((index) => catalog.actions[index]!) : [pattern];
                }),
              );
            },
            change: `no longer allows the used action ${action}`,
          };
        });
    });
    return applyChosenEdit(site, edits, choose, 'exact');
  },
};
