import { parseGlob } from '../../glob/glob.js';
import { sortedIgnoringCase } from '../_internals/patterns.js';
import { mutationSite, withoutStatement, withPatterns } from '../_internals/refined-statements.js';
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
    const picked = choose(site.statements.flatMap((statement) => [...statement.allowedAfter].filter((index) => !unused.actions.has(catalog.lowerActions[index]!)).map((index) => ({ statement, index }))));
    if (picked === undefined) return undefined;
    const { refined } = picked.statement;
    const action = catalog.actions[picked.index]!;
    const patterns =
      refined.actionKey === 'NotAction'
        ? [...refined.patterns, action]
        : sortedIgnoringCase(
            refined.patterns.flatMap((pattern) => {
              const matched = catalog.matching(parseGlob(pattern));
              return matched.includes(picked.index) ? matched.filter((index) => index !== picked.index).map((index) => catalog.actions[index]!) : [pattern];
            }),
          );
    return {
      recommended: patterns.length === 0 ? withoutStatement(site.recommended, refined) : withPatterns(site.recommended, refined, patterns),
      breaks: 'exact',
      change: `statement ${picked.statement.original.index} no longer allows the used action ${action}`,
    };
  },
};
