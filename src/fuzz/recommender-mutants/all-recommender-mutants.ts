import { caseSensitiveMatching } from './case-sensitive-matching.js';
import { charWordConfused } from './char-word-confused.js';
import { denyRefined } from './deny-refined.js';
import { directChildrenSafety } from './direct-children-safety.js';
import { notActionAsAction } from './not-action-as-action.js';
import { offByOneToken } from './off-by-one-token.js';
import { prefixActionLosesExtensions } from './prefix-action-loses-extensions.js';
import { questionMarkAsRegex } from './question-mark-as-regex.js';
import type { RecommenderMutant } from './recommender-mutant.js';
import { singleActionLiteralForgotten } from './single-action-literal-forgotten.js';
import { unusedWithoutPrefix } from './unused-without-prefix.js';

/** Every mutant recommender, each iam-refine's recommender with one bug. */
export const ALL_RECOMMENDER_MUTANTS: readonly RecommenderMutant[] = [
  offByOneToken,
  charWordConfused,
  directChildrenSafety,
  singleActionLiteralForgotten,
  caseSensitiveMatching,
  unusedWithoutPrefix,
  prefixActionLosesExtensions,
  questionMarkAsRegex,
  notActionAsAction,
  denyRefined,
];
