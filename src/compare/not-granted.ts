import { InputError } from '../input/input-error.js';
import type { JsonObject } from '../input/json.js';
import type { Catalog } from '../catalog/catalog.js';
import { parsePolicy } from '../policy/parse.js';
import type { Policy } from '../policy/types.js';
import type { Solver } from '../prove/solver/solver.js';
import { compareOn, comparisonOf, type CompareReport } from './compare.js';

/**
 * `check-not-granted`: none of the listed actions (globs allowed), on the listed resources
 * (default: every resource), is allowed by the policy. It is a comparison against the policy
 * that allows exactly the other requests, `Allow NotAction LIST on *` and, with resources,
 * `Allow * NotResource RESOURCES`: the policy grants nothing beyond it iff it grants no listed
 * request, and every counterexample is a listed request it allows.
 */
export function unlistedPolicy(actions: readonly string[], resources: readonly string[] | undefined): Policy {
  if (actions.length === 0) throw new InputError('--actions', [], 'expected at least one action');
  if (resources !== undefined && resources.length === 0) throw new InputError('--resources', [], 'expected at least one resource');
  const statements: JsonObject[] = [
    { Sid: 'OtherActions', Effect: 'Allow', NotAction: [...actions], Resource: '*' },
    ...(resources === undefined ? [] : [{ Sid: 'OtherResources', Effect: 'Allow', Action: '*', NotResource: [...resources] }]),
  ];
  try {
    return parsePolicy({ Version: '2012-10-17', Statement: statements }, '--actions');
  } catch (error) {
    if (error instanceof InputError) throw new InputError('--actions', [], error.problem);
    throw error;
  }
}

export async function checkNotGranted(policy: Policy, source: string, actions: readonly string[], resources: readonly string[] | undefined, pool: Solver, catalog?: Catalog): Promise<CompareReport> {
  const comparison = comparisonOf({
    old: unlistedPolicy(actions, resources),
    new: policy,
    oldSource: 'the listed requests',
    newSource: source,
    mode: 'no-new-access',
    scope: 'all-strings',
    names: { old: 'unlisted', new: 'policy' },
    ...(catalog === undefined ? {} : { catalog }),
  });
  return compareOn(comparison, pool);
}
