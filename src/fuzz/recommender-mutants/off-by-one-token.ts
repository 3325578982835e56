import { writeSelected } from '../../recommend/select.js';
import { recommenderWith, type RecommenderMutant } from './recommender-mutant.js';

/**
 * The wildcard is cut one token too early: a safe node is written with its parent's prefix
 * (`s3:Get*` for the safe node `s3:GetObject`), which covers the unused actions that made the
 * parent unsafe.
 */
export const offByOneToken: RecommenderMutant = {
  name: 'off-by-one-token',
  bug: 'a wildcard is written one token short: the parent of the safe node',
  breaks: ['safety', 'exact', 'no-escalation'],
  recommend: recommenderWith({
    writeSelected: (tree, selected) => {
      const [from, to] = tree.ranges[selected.node]!;
      const parent = tree.parents[selected.node]!;
      if (selected.kind === 'member' || to - from === 1 || parent < 0) return writeSelected(tree, selected);
      return `${tree.members.spelling[from]!.slice(0, tree.keys[parent]!.length)}*`;
    },
  }),
};
