import type { ResolvedPolicy, ResolvedStatement } from './approximation.js';
import { actionMatches, conditionHolds, resourceMatches } from './evaluate.js';
import { replayEscape, type Escape } from './witness.js';

/**
 * Likely counterexamples, tried through the evaluator before the solver is asked. Z3 in
 * WebAssembly refutes a comparison in milliseconds but may take seconds to build a model of a
 * `sat` one (measured: 0.4 to 40 s for two-variable string queries). A request found here is
 * pinned in the obligation's script (`(assert (= a "..."))`), which the solver then confirms as a
 * ground query at once; when none is found, the solver gets the script as planned.
 */
export function findEscape(granting: ResolvedPolicy, bounding: ResolvedPolicy, statement: ResolvedStatement, actions: readonly string[]): Escape | undefined {
  const resources = resourceCandidates(granting, bounding);
  const grantingDenies = granting.statements.filter((member) => member.effect === 'Deny');
  for (const action of actions) {
    if (!actionMatches(statement, action)) continue;
    const boundingHere = bounding.statements.filter((member) => actionMatches(member, action));
    // The bounding policy allows the action on every resource in every context: nothing to find here.
    if (boundingHere.every((member) => member.effect === 'Allow') && boundingHere.some(allowsEverywhere)) continue;
    const deniedHere = grantingDenies.filter((member) => actionMatches(member, action));
    if (deniedHere.some(allowsEverywhere)) continue;
    // Only the statements whose action element matches can decide a request for this action: the same answers, without walking the others per resource and atom.
    const grantingHere = onlyMatching(granting, action);
    if (!grantingHere.statements.some((member) => member.effect === 'Allow')) continue;
    const boundingOnly = { ...bounding, statements: boundingHere };
    // A counterexample of this obligation is one its statement grants: a resource its resource element cannot match (whatever the atoms) is not one.
    const widened = new Set(statement.resourceKey === 'NotResource' ? [] : statement.resources.flatMap((pattern) => (pattern.atom === undefined ? [] : [pattern.atom.name])));
    for (const resource of resources) {
      if (!resourceMatches(statement, resource, widened)) continue;
      const escape = replayEscape(grantingHere, boundingOnly, action, resource, MAX_CANDIDATE_ATOMS);
      if (escape !== undefined) return escape;
    }
  }
  return undefined;
}

function onlyMatching(policy: ResolvedPolicy, action: string): ResolvedPolicy {
  return { ...policy, statements: policy.statements.filter((member) => actionMatches(member, action)) };
}

function allowsEverywhere(statement: ResolvedStatement): boolean {
  return statement.condition === undefined && statement.resourceKey === 'Resource' && statement.resources.some((resource) => resource.atom === undefined && /^\*+$/.test(resource.glob)) && conditionHolds(statement, new Set());
}

/** A pattern made concrete: each `*` as nothing (or `x`), each `?` as `x`. */
export function filled(glob: string, star = ''): string {
  return glob.replace(/\*/g, star).replace(/\?/g, 'x');
}

const MAX_RESOURCES = 48;
/**
 * A candidate with more condition atoms in play than this is left to the solver: the search
 * tries every combination of them, per resource candidate (measured: 2^16 of them made the
 * candidates of one SageMaker policy take a minute of the main thread).
 */
const MAX_CANDIDATE_ATOMS = 8;

/** Resources worth trying: each resource pattern of either policy made concrete, then a few plain strings. */
function resourceCandidates(granting: ResolvedPolicy, bounding: ResolvedPolicy): string[] {
  const candidates = new Set<string>();
  for (const statement of [...granting.statements, ...bounding.statements]) {
    for (const { glob } of statement.resources) {
      // `*` made concrete is the empty string: the plain candidates below read better.
      if (/^\*+$/.test(glob)) continue;
      candidates.add(filled(glob));
      candidates.add(filled(glob, 'x'));
      if (candidates.size >= MAX_RESOURCES) break;
    }
  }
  for (const plain of ['arn:aws:s3:::example', 'x', '']) candidates.add(plain);
  return [...candidates];
}

/** The actions worth trying for an action pattern: the pattern made concrete both ways. */
export function actionCandidates(lowerPattern: string): string[] {
  return [...new Set([filled(lowerPattern), filled(lowerPattern, 'x')])];
}
