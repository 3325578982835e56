import { matchesLower } from '../../glob/match.js';
import { recommenderWith, type RecommenderMutant } from './recommender-mutant.js';

/**
 * Patterns are matched against the catalog's spelling as written, case-sensitively: `s3:get*`
 * seems to match nothing, so it is kept as it is, unused actions and all.
 */
export const caseSensitiveMatching: RecommenderMutant = {
  name: 'case-sensitive-matching',
  bug: 'patterns are matched case-sensitively against the catalog spelling',
  breaks: ['safety', 'exact'],
  recommend: recommenderWith({
    matching: (catalog, glob) => catalog.actions.flatMap((action, index) => (matchesLower(glob.text, action) ? [index] : [])),
  }),
};
