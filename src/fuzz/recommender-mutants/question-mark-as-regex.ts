import { recommenderWith, type RecommenderMutant } from './recommender-mutant.js';

/**
 * Patterns are matched by a regular expression in which only `*` is translated: `?` stays a
 * regex quantifier ("the character before is optional") instead of "any one character", so
 * `s3:?etObject` seems to match nothing and is kept, unused actions and all.
 */
function patternRegExp(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');
}

export const questionMarkAsRegex: RecommenderMutant = {
  name: 'question-mark-as-regex',
  bug: '`?` is left in the regular expression a pattern is matched with, as a quantifier',
  breaks: ['safety', 'exact'],
  recommend: recommenderWith({
    matching: (catalog, glob) => {
      const expression = patternRegExp(glob.text);
      return catalog.actions.flatMap((action, index) => (expression.test(action) ? [index] : []));
    },
  }),
};
