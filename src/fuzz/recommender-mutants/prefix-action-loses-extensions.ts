import { writeSelected } from '../../recommend/select.js';
import { recommenderWith, type RecommenderMutant } from './recommender-mutant.js';

/**
 * The bug of a widely used Python minimizer (facts.md §4): when a safe prefix is itself an
 * action, it is written as that action, without its wildcard, and the used actions it extends
 * are lost (`ec2:CreateVpc*` becomes `ec2:CreateVpc`, and `ec2:CreateVpcEndpoint` is gone).
 */
export const prefixActionLosesExtensions: RecommenderMutant = {
  name: 'prefix-action-loses-extensions',
  bug: 'a safe prefix that is itself an action is written as the action, losing the actions that extend it',
  breaks: ['exact'],
  recommend: recommenderWith({
    writeSelected: (tree, selected) => {
      const [from] = tree.ranges[selected.node]!;
      return tree.members.lower[from] === tree.keys[selected.node] ? tree.members.spelling[from]! : writeSelected(tree, selected);
    },
  }),
};
