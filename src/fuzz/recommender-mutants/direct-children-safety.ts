import type { SafeNodeTest } from '../../recommend/select.js';
import { recommenderWith, type RecommenderMutant } from './recommender-mutant.js';

/**
 * A node is judged safe by looking only at itself and its direct children: a forbidden action
 * further down (`s3:GetObjectAclPolicy` below `s3:GetObjectAcl` below `s3:GetObject`) is missed.
 */
const directChildrenOnly: SafeNodeTest = (tree, node, forbiddenIn) =>
  [node, ...tree.children[node]!].every((near) => {
    const [from] = tree.ranges[near]!;
    return tree.members.lower[from] !== tree.keys[near] || forbiddenIn(from, from + 1) === 0;
  });

export const directChildrenSafety: RecommenderMutant = {
  name: 'direct-children-safety',
  bug: 'the safe-node test looks only at the node and its direct children, not its whole subtree',
  breaks: ['safety', 'exact'],
  recommend: recommenderWith({ isSafeNode: directChildrenOnly }),
};
