import { tokenBoundaries } from '../../catalog/tokenize.js';
import { parseGlob } from '../../glob/glob.js';
import { sortedIgnoringCase } from '../_internals/patterns.js';
import { applyChosenEdit, isNewPattern, mutationSite } from '../_internals/refined-statements.js';
import type { Mutant } from './mutant.js';

/**
 * Claim 4 (minimality), a needlessly long prefix: a new wildcard `p*` becomes `q*` for a longer
 * trie node `q` below it, with the actions `q*` no longer covers spelled out, so that the
 * statement allows the same actions (`s3:GetObject*` becomes `s3:GetObjectAcl*` beside literal
 * `s3:GetObject...` actions). The node between `p` and `q` is safe, so `q*` is not shortest.
 */
export const lengthenWildcard: Mutant = {
  name: 'lengthen-wildcard',
  breaks: 'minimality',
  keeps: ['exact', 'no-escalation', 'safety'],
  apply: ({ original, recommended, catalog, granularity, choose }) => {
    const site = mutationSite(original, recommended, catalog);
    const edits = site.statements.flatMap((statement) => {
      const { refined } = statement;
      if (refined.actionKey !== 'Action') return [];
      return refined.patterns.flatMap((pattern) => {
        const glob = parseGlob(pattern);
        if (!glob.isPrefixPattern || !isNewPattern(pattern, statement)) return [];
        const members = catalog.matching(glob);
        if (members.length < 2) return [];
        // Down from `p` towards each member, to the first node that leaves some of the others out.
        return members.flatMap((member) => {
          const action = catalog.actions[member]!;
          const narrower = tokenBoundaries(action, granularity)
            .filter((boundary) => boundary > glob.literalPrefix.length)
            .map((boundary) => ({ longer: `${action.slice(0, boundary)}*`, covered: catalog.matching(parseGlob(`${action.slice(0, boundary)}*`)) }))
            .find(({ covered }) => covered.length < members.length);
          if (narrower === undefined || !isNewPattern(narrower.longer, statement)) return [];
          const { longer, covered } = narrower;
          const spelledOut = members.filter((index) => !covered.includes(index)).map((index) => catalog.actions[index]!);
          const patterns = sortedIgnoringCase(refined.patterns.flatMap((each) => (each === pattern ? [longer, ...spelledOut] : [each])));
          return [{ statement, patterns, change: `"${pattern}" lengthened to "${longer}" plus ${spelledOut.join(', ')}` }];
        });
      });
    });
    return applyChosenEdit(site, edits, choose, 'minimality');
  },
};
