import { refineActionStatement } from '../../recommend/refine-action.js';
import { refineNotActionStatement } from '../../recommend/refine-not-action.js';
import { recommenderWith, type RecommenderMutant } from './recommender-mutant.js';

/**
 * `Deny` statements are refined like `Allow` statements: a deny of unused actions is narrowed or
 * dropped, so the policy denies less than before.
 */
export const denyRefined: RecommenderMutant = {
  name: 'deny-refined',
  bug: 'Deny statements are refined like Allow statements',
  breaks: ['no-escalation'],
  recommend: recommenderWith({
    refineStatement: (statement, context) => (statement.actionKey === 'Action' ? refineActionStatement(statement, context) : refineNotActionStatement(statement, context)),
  }),
};
