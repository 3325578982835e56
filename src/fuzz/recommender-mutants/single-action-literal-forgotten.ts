import { recommenderWith, type RecommenderMutant } from './recommender-mutant.js';

/**
 * A safe node that covers a single action is written as a wildcard instead of that action's
 * name. Where the node's wildcard is not inside the original pattern (`s3:Get*` for the one used
 * action of `s3:*Object`), it grants strings the original never did.
 */
export const singleActionLiteralForgotten: RecommenderMutant = {
  name: 'single-action-literal-forgotten',
  bug: 'a safe node covering one action is written as a wildcard, not as the action',
  breaks: ['no-escalation'],
  recommend: recommenderWith({
    writeSelected: (tree, { node, kind }) => {
      const first = tree.members.spelling[tree.ranges[node]![0]]!;
      return kind === 'member' ? first : `${first.slice(0, tree.keys[node]!.length)}*`;
    },
  }),
};
