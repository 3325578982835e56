import { lowerAscii, parseGlob } from '../../glob/glob.js';
import { applyChosenEdit, isNewPattern, mutationSite } from '../_internals/refined-statements.js';
import type { Mutant } from './mutant.js';

/**
 * Claim 5 (no redundancy): a pattern that matches catalog actions appears twice, as written or
 * lower-cased. In a `NotAction` statement only a new exclusion is repeated: the original ones
 * are the user's and are not judged.
 */
export const duplicatePattern: Mutant = {
  name: 'duplicate-pattern',
  breaks: 'no-redundancy',
  keeps: ['exact', 'no-escalation', 'safety'],
  apply: ({ original, recommended, catalog, choose }) => {
    const site = mutationSite(original, recommended, catalog);
    const edits = site.statements.flatMap((statement) =>
      statement.refined.patterns
        .filter((pattern) => catalog.matching(parseGlob(pattern)).length > 0 && (statement.refined.actionKey === 'Action' || isNewPattern(pattern, statement)))
        .flatMap((pattern) => [pattern, lowerAscii(pattern)].map((copy) => ({ statement, patterns: [...statement.refined.patterns, copy], change: `"${pattern}" repeated as "${copy}"` }))),
    );
    return applyChosenEdit(site, edits, choose, 'no-redundancy');
  },
};
