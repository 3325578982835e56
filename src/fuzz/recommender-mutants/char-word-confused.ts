import { tokenBoundaries, type Granularity } from '../../catalog/tokenize.js';
import { recommenderWith, type RecommenderMutant } from './recommender-mutant.js';

const OTHER: Record<Granularity, Granularity> = { word: 'char', char: 'word' };

/**
 * The trie is cut at the other granularity: at every character when words were asked for
 * (`s3:GetObj*`, no word boundary), at word starts when characters were (`s3:GetObject*` where
 * `s3:GetO*` is already safe).
 */
export const charWordConfused: RecommenderMutant = {
  name: 'char-word-confused',
  bug: 'the trie cuts at characters for word granularity, and at words for char granularity',
  breaks: ['minimality'],
  recommend: recommenderWith({ tokenBoundaries: (action, granularity) => tokenBoundaries(action, OTHER[granularity]) }),
};
