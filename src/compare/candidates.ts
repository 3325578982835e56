import type { ResolvedPolicy, ResolvedStatement } from './approximation.js';
import { actionMatches, conditionHolds } from './evaluate.js';
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
    for (const resource of resources) {
      const escape = replayEscape(granting, bounding, action, resource);
      if (escape !== undefined) return escape;
    }
  }
  return undefined;
}

function allowsEverywhere(statement: ResolvedStatement): boolean {
  return statement.condition === undefined && statement.resourceKey === 'Resource' && statement.resources.some((resource) => resource.atom === undefined && /^\*+$/.test(resource.glob)) && conditionHolds(statement, new Set());
}

/** A pattern made concrete: each `*` as nothing (or `x`), each `?` as `x`. */
export function filled(glob: string, star = ''): string {
  return glob.replace(/\*/g, star).replace(/\?/g, 'x');
}

const MAX_RESOURCES = 48;

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
