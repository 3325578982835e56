import type { Catalog } from '../../catalog/catalog.js';
import type { Granularity } from '../../catalog/tokenize.js';
import type { UnusedSet } from '../../findings/unused-set.js';
import type { JsonObject } from '../../input/json.js';
import type { Policy } from '../../policy/types.js';
import type { ClaimId } from '../../prove/claims.js';
import type { Choose } from '../_internals/random.js';

/** What a mutant starts from: a correct refinement (`CREATE_POLICY`) and everything it was made from. */
export interface MutantInput {
  readonly original: Policy;
  /** The correct recommended policy. */
  readonly recommended: JsonObject;
  readonly catalog: Catalog;
  readonly unused: UnusedSet;
  readonly granularity: Granularity;
  /** Every random choice the mutant makes, so that a seed replays it. */
  readonly choose: Choose;
}

/** A broken recommendation and the claim it must break. */
export interface Mutation {
  /** `undefined` for a broken `DETACH_POLICY`. */
  readonly recommended: JsonObject | undefined;
  readonly breaks: ClaimId;
  /** What was changed, for a failure message. */
  readonly change: string;
}

/**
 * A deliberately broken recommender: it takes a correct refinement and breaks one claim, so that
 * a checker can be shown to refute that claim. It returns `undefined` when the input offers
 * nothing to break that way (no used action to drop, no new wildcard to lengthen, ...).
 */
export interface Mutant {
  readonly name: string;
  readonly breaks: ClaimId;
  /** Claims the mutation leaves true by construction: a checker must not refute them either. */
  readonly keeps: readonly ClaimId[];
  readonly apply: (input: MutantInput) => Mutation | undefined;
}
