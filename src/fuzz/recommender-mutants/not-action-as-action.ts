import { RECOMMENDER_PARTS } from '../../recommend/recommend.js';
import { refineActionStatement } from '../../recommend/refine-action.js';
import { recommenderWith, type RecommenderMutant } from './recommender-mutant.js';

/**
 * `NotAction` statements are refined as if they were `Action` statements: exclusions that match
 * unused actions are narrowed (so they exclude less and allow more), and unused actions the
 * statement allows are never excluded.
 */
export const notActionAsAction: RecommenderMutant = {
  name: 'not-action-as-action',
  bug: 'NotAction statements are refined like Action statements',
  breaks: ['safety', 'exact', 'no-escalation'],
  recommend: recommenderWith({
    refineStatement: (statement, context) => (statement.effect === 'Deny' ? RECOMMENDER_PARTS.refineStatement(statement, context) : refineActionStatement(statement, context)),
  }),
};
