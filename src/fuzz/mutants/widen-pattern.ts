import { uncoveredString } from '../../glob/inclusion.js';
import { literalPrefixLength } from '../_internals/patterns.js';
import { applyChosenEdit, mutationSite, type PatternEdit, type RefinedStatement } from '../_internals/refined-statements.js';
import type { Mutant } from './mutant.js';

/**
 * Claim 2 (no escalation): a pattern of an `Action` statement is cut back to a shorter prefix that
 * matches a string the original patterns do not (`s3:Get*` becomes `s3:G*`); in a `NotAction`
 * statement an original exclusion that no other exclusion covers is left out.
 */
export const widenPattern: Mutant = {
  name: 'widen-pattern',
  breaks: 'no-escalation',
  keeps: [],
  apply: ({ original, recommended, catalog, choose }) => {
    const site = mutationSite(original, recommended, catalog);
    return applyChosenEdit(site, site.statements.flatMap((statement) => (statement.refined.actionKey === 'Action' ? widenings(statement) : narrowings(statement))), choose, 'no-escalation');
  },
};

/** Every shorter prefix of a pattern, kept `service:...`-shaped or `*`, that escapes the original. */
function widenings(statement: RefinedStatement): PatternEdit[] {
  const { original, refined } = statement;
  return refined.patterns.flatMap((pattern, position) => {
    const literalEnd = literalPrefixLength(pattern);
    const firstCut = pattern.indexOf(':') + 1;
    const cuts = [0, ...Array.from({ length: Math.max(0, literalEnd - firstCut) }, (_, offset) => firstCut + offset)];
    return cuts.flatMap((cut) => {
      const wider = `${pattern.slice(0, cut)}*`;
      const witness = uncoveredString(original.patterns, wider);
      if (witness === undefined) return [];
      const patterns = refined.patterns.map((each, index) => (index === position ? wider : each));
      return [{ statement, patterns, change: `"${pattern}" widened to "${wider}", which matches "${witness}"` }];
    });
  });
}

/** Every original exclusion whose removal lets a string through that the original excluded. */
function narrowings(statement: RefinedStatement): PatternEdit[] {
  const { original, refined } = statement;
  return refined.patterns.flatMap((pattern, position) => {
    const others = refined.patterns.filter((_, index) => index !== position);
    if (!original.patterns.includes(pattern) || others.length === 0 || uncoveredString(others, pattern) === undefined) return [];
    return [{ statement, patterns: others, change: `original exclusion "${pattern}" left out` }];
  });
}
