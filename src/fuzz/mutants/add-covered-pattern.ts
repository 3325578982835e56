import { tokenBoundaries } from '../../catalog/tokenize.js';
import { parseGlob } from '../../glob/glob.js';
import { matchedBy } from '../../policy/allowed.js';
import { applyChosenEdit, mutationSite } from '../_internals/refined-statements.js';
import type { Mutant } from './mutant.js';

/**
 * Claim 5 (no redundancy): a pattern the others already cover on the catalog is added: an action
 * the statement allows (or, with `NotAction`, excludes) by name, or a prefix wildcard of it that
 * matches only actions the other patterns match.
 */
export const addCoveredPattern: Mutant = {
  name: 'add-covered-pattern',
  breaks: 'no-redundancy',
  keeps: ['exact', 'safety'],
  apply: ({ original, recommended, catalog, granularity, choose }) => {
    const site = mutationSite(original, recommended, catalog);
    const edits = site.statements.flatMap((statement) => {
      const { refined } = statement;
      const matched = matchedBy(refined.patterns, catalog);
      return [...matched].flatMap((index) => {
        const action = catalog.actions[index]!;
        const wildcards = tokenBoundaries(action, granularity)
          .filter((cut) => cut > action.indexOf(':'))
          .map((cut) => `${action.slice(0, cut)}*`)
          .filter((wildcard) => catalog.matching(parseGlob(wildcard)).every((covered) => matched.has(covered)));
        // A `NotAction` statement's original exclusions are not judged: add only what it lacks.
        return [action, ...wildcards]
          .filter((added) => refined.actionKey === 'Action' || !statement.original.patterns.includes(added))
          .map((added) => ({ statement, patterns: [...refined.patterns, added], change: `covered pattern "${added}" added` }));
      });
    });
    return applyChosenEdit(site, edits, choose, 'no-redundancy');
  },
};
