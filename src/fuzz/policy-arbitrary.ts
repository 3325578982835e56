import type fc from 'fast-check';
import type { Catalog } from '../catalog/catalog.js';
import type { JsonObject } from '../input/json.js';
import { policySpecArbitrary, writePolicy } from './_internals/policy-spec.js';

/**
 * Constraints to be applied on {@link policyArbitrary}.
 */
export interface PolicyConstraints {
  /** At most this many statements (at least one). Default 4. */
  readonly maxStatements?: number;
  /** At most this many action patterns per statement (at least one). Default 5. */
  readonly maxPatterns?: number;
  /**
   * Give every statement its own `Sid`. By default statements often differ only in their actions,
   * as in real policies, which leaves a reader of the recommendation to work out which original
   * each refined statement stands for.
   */
  readonly distinctSids?: boolean;
  /** The share of statements that use `NotAction`, from 0 to 1. Default 1/7. */
  readonly notActionShare?: number;
}

/**
 * Random IAM policy documents over a (non-empty) catalog; parse them with `parsePolicy`. `Allow`
 * and `Deny` statements with `Action` or `NotAction`, whose patterns are catalog actions in
 * random case, trailing wildcards at word and mid-word positions, wildcards elsewhere
 * (`svc:*Word*`, `svc:?et...`, `*:Get*`, `*`, `s3*:Get*`) and unknown actions. `Statement` and
 * each pattern list are sometimes a single value, and statements carry a `Resource` that must
 * survive refinement.
 */
export function policyArbitrary(catalog: Catalog, constraints: PolicyConstraints = {}): fc.Arbitrary<JsonObject> {
  return policySpecArbitrary(constraints).map((spec) => writePolicy(spec, catalog));
}
