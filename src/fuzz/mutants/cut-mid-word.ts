import { tokenBoundaries } from '../../catalog/tokenize.js';
import { lowerAscii, parseGlob } from '../../glob/glob.js';
import { uncoveredString } from '../../glob/inclusion.js';
import { applyChosenEdit, isNewPattern, mutationSite, type RefinedStatement } from '../_internals/refined-statements.js';
import type { Catalog } from '../../catalog/catalog.js';
import type { Mutant } from './mutant.js';

/**
 * Claim 4 (minimality), word granularity: a new wildcard is cut inside a word
 * (`s3:GetObject*` becomes `s3:GetObj*`) where that allows the same catalog actions and nothing
 * the original did not, so only the word boundary rule is broken: `s3:GetObj` is no trie node.
 */
export const cutMidWord: Mutant = {
  name: 'cut-mid-word',
  breaks: 'minimality',
  keeps: ['exact', 'no-escalation', 'safety'],
  apply: ({ original, recommended, catalog, granularity, choose }) => {
    if (granularity !== 'word') return undefined;
    const site = mutationSite(original, recommended, catalog);
    const edits = site.statements.flatMap((statement) => {
      const { refined } = statement;
      if (refined.actionKey !== 'Action') return [];
      return refined.patterns.flatMap((pattern, position) => {
        const glob = parseGlob(pattern);
        if (!glob.isPrefixPattern || !isNewPattern(pattern, statement)) return [];
        const members = catalog.matching(glob);
        const nameStart = pattern.indexOf(':') + 1;
        return Array.from({ length: Math.max(0, glob.literalPrefix.length - nameStart - 1) }, (_, offset) => nameStart + 1 + offset).flatMap((cut) => {
          const shorter = `${pattern.slice(0, cut)}*`;
          const sameActions = catalog.matching(parseGlob(shorter)).join() === members.join();
          if (!sameActions || isWordBoundary(statement, catalog, cut, lowerAscii(pattern.slice(0, cut))) || !isNewPattern(shorter, statement)) return [];
          if (uncoveredString(statement.original.patterns, shorter) !== undefined) return [];
          const patterns = refined.patterns.map((each, index) => (index === position ? shorter : each));
          return [{ statement, patterns, change: `"${pattern}" cut mid-word to "${shorter}"` }];
        });
      });
    });
    return applyChosenEdit(site, edits, choose, 'minimality');
  },
};

/** Whether some action the original statement allows has a word boundary right after `prefix`. */
function isWordBoundary(statement: RefinedStatement, catalog: Catalog, cut: number, prefix: string): boolean {
  const [from, to] = catalog.rangeWithPrefix(prefix);
  for (let index = from; index < to; index++) {
    if (statement.allowedBefore.has(index) && tokenBoundaries(catalog.actions[index]!, 'word').includes(cut)) return true;
  }
  return false;
}
