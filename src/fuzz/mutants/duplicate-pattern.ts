import { lowerAscii, parseGlob } from '../../glob/glob.js';
import { isNewPattern, mutationSite, withPatterns } from '../_internals/refined-statements.js';
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
    const candidates = site.statements.flatMap((statement) =>
      statement.refined.patterns.filter((pattern) => catalog.matching(parseGlob(pattern)).length > 0 && (statement.refined.actionKey === 'Action' || isNewPattern(pattern, statement))).map((pattern) => ({ statement, pattern })),
    );
    const picked = choose(candidates);
    const spelling = choose(['as written', 'lower-cased'] as const);
    if (picked === undefined || spelling === undefined) return undefined;
    const copy = spelling === 'as written' ? picked.pattern : lowerAscii(picked.pattern);
    return {
      recommended: withPatterns(site.recommended, picked.statement.refined, [...picked.statement.refined.patterns, copy]),
      breaks: 'no-redundancy',
      change: `statement ${picked.statement.original.index}: "${picked.pattern}" repeated as "${copy}"`,
    };
  },
};
