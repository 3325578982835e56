import { addCoveredPattern } from './add-covered-pattern.js';
import { addUnusedAction } from './add-unused-action.js';
import { cutMidWord } from './cut-mid-word.js';
import { dropUsedAction } from './drop-used-action.js';
import { duplicatePattern } from './duplicate-pattern.js';
import { lengthenWildcard } from './lengthen-wildcard.js';
import type { Mutant } from './mutant.js';
import { widenPattern } from './widen-pattern.js';

/** Every mutant, in claim order. */
export const ALL_MUTANTS: readonly Mutant[] = [dropUsedAction, widenPattern, addUnusedAction, lengthenWildcard, cutMidWord, duplicatePattern, addCoveredPattern];
