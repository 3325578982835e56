/**
 * The comparison against an enumeration oracle: small random catalogs, policies over a tiny
 * alphabet (wildcards, NotAction, NotResource, conditions shared between the policies, policy
 * variables), both modes and both scopes. The oracle enumerates every action and resource of a
 * small universe and every value of the condition atoms, with its own regex-based matcher and its
 * own reading of conditions and policy variables (atoms). Agreement: whenever the oracle finds a request one policy
 * allows and the other does not, compare says FAIL for that direction; every counterexample
 * compare gives is real for the oracle; with the catalog scope, compare lists every catalog
 * action the oracle finds, and each one it lists is real. `COMPARE_ORACLE_RUNS=5000` runs a
 * bigger campaign (.ci/run does).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/catalog.js';
import type { CompareReport } from '../../src/compare/compare.js';
import type { JsonObject } from '../../src/input/json.js';
import { catalogOf } from '../support.js';
import { fuzzParameters } from '../fuzz/_support/fuzz-parameters.js';
import { compareStatements, usePool } from './_support.js';

const RUNS = Number(process.env.COMPARE_ORACLE_RUNS ?? 150);
const pool = usePool();

const NAMES = ['x', 'y', 'xy', 'yx'] as const;
const CONDITIONS: readonly JsonObject[] = [{ StringEquals: { 'aws:PrincipalTag/t': 'x' } }, { Bool: { 'aws:SecureTransport': 'true' } }];

const actionPattern = fc.oneof(
  { weight: 1, arbitrary: fc.constant('*') },
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom('a', 'b', '*', '?', 'A'), fc.constantFrom('x', 'y', 'xy', 'X', 'x*', '*y', '?', '*', 'x?', 'yx', '*x*')).map(([service, name]) => `${service}:${name}`) },
);
const resourcePattern = fc.constantFrom('*', 'r/*', 'r/x', 'R/*', 'r?', 'r/${v}', '${v}/x', 'r/*x', '?/x', 'x');
const statement = fc.record({
  Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
  actionKey: fc.constantFrom('Action', 'Action', 'Action', 'Action', 'NotAction'),
  actions: fc.uniqueArray(actionPattern, { minLength: 1, maxLength: 3 }),
  resourceKey: fc.constantFrom('Resource', 'Resource', 'Resource', 'NotResource'),
  resources: fc.uniqueArray(resourcePattern, { minLength: 1, maxLength: 2 }),
  condition: fc.constantFrom(-1, -1, -1, 0, 1),
});
type StatementSpec = typeof statement extends fc.Arbitrary<infer T> ? T : never;
const policy = fc.array(statement, { minLength: 1, maxLength: 3 });
const catalogSpec = fc.record({ a: fc.subarray([...NAMES], { minLength: 1 }), b: fc.subarray([...NAMES]) });

function document(specs: readonly StatementSpec[]): JsonObject[] {
  return specs.map((spec) => ({
    Effect: spec.Effect,
    [spec.actionKey]: [...spec.actions],
    [spec.resourceKey]: [...spec.resources],
    ...(spec.condition === -1 ? {} : { Condition: CONDITIONS[spec.condition]! }),
  }));
}

// The oracle: its own matcher and its own reading of the semantics, sharing no code with src/compare.
const ACTIONS = ['', 'x', 'a', ...['a', 'b', 'z', ''].flatMap((service) => ['', 'x', 'y', 'xy', 'yx', 'xx', 'z', 'xyx'].map((name) => `${service}:${name}`)), 'a:x:y'];
const RESOURCES = (() => {
  const letters = ['r', 'R', '/', 'x'];
  const all = [''];
  for (let length = 1; length <= 3; length++) for (const prefix of all.filter((text) => text.length === length - 1)) for (const letter of letters) all.push(prefix + letter);
  return all;
})();

function globRegExp(glob: string, caseless: boolean): RegExp {
  const body = [...glob].map((char) => (char === '*' ? '[\\s\\S]*' : char === '?' ? '[\\s\\S]' : char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, caseless ? 'iu' : 'u');
}

/** Atoms 0 and 1 are the conditions; each resource pattern with a variable has its own (VARIABLE_ATOMS), within its widened form. */
const VARIABLE_ATOMS = ['r/${v}', '${v}/x'];

function matches(spec: StatementSpec, action: string, resource: string, atoms: readonly boolean[]): boolean {
  const actionHit = spec.actions.some((pattern) => globRegExp(pattern, true).test(action));
  if ((spec.actionKey === 'Action') !== actionHit) return false;
  const resourceHit = spec.resources.some((pattern) => (pattern.includes('${') ? atoms[2 + VARIABLE_ATOMS.indexOf(pattern)]! && globRegExp(pattern.replace(/\$\{[^}]*\}/g, '*'), false).test(resource) : globRegExp(pattern, false).test(resource)));
  if ((spec.resourceKey === 'Resource') !== resourceHit) return false;
  return spec.condition === -1 || atoms[spec.condition]!;
}

function allows(specs: readonly StatementSpec[], action: string, resource: string, atoms: readonly boolean[]): boolean {
  return specs.some((spec) => spec.Effect === 'Allow' && matches(spec, action, resource, atoms)) && !specs.some((spec) => spec.Effect === 'Deny' && matches(spec, action, resource, atoms));
}

const VALUATIONS = Array.from({ length: 16 }, (_, mask) => [0, 1, 2, 3].map((bit) => ((mask >> bit) & 1) === 1));

function escapesSomewhere(granting: readonly StatementSpec[], bounding: readonly StatementSpec[], action: string, resources: readonly string[]): boolean {
  return resources.some((resource) => VALUATIONS.some((atoms) => allows(granting, action, resource, atoms) && !allows(bounding, action, resource, atoms)));
}

function checkAgreement(report: CompareReport, old: readonly StatementSpec[], fresh: readonly StatementSpec[], catalog: Catalog | undefined): void {
  for (const direction of report.directions) {
    const [granting, bounding] = direction.direction === 'gained' ? [fresh, old] : [old, fresh];
    const universe = catalog === undefined ? ACTIONS : catalog.actions;
    const found = universe.find((action) => escapesSomewhere(granting, bounding, action, RESOURCES));
    expect(direction.verdict, `${direction.direction}: oracle ${found === undefined ? 'finds nothing' : `finds ${found}`}`).toBe(found === undefined ? direction.verdict : 'fail');
    expect(direction.verdict).not.toBe('unknown');
    for (const example of [...direction.counterexamples, ...(direction.catalogActions?.actions ?? [])]) {
      expect(escapesSomewhere(granting, bounding, example.action, [example.resource]), `${direction.direction}: ${example.action} on ${example.resource} is not real`).toBe(true);
    }
    if (catalog !== undefined) {
      const listed = new Set(direction.catalogActions!.actions.map((example) => example.action));
      const expected = catalog.actions.filter((action) => escapesSomewhere(granting, bounding, action, RESOURCES));
      for (const action of expected) expect(listed.has(action), `${direction.direction}: ${action} not listed`).toBe(true);
      expect(direction.catalogActions!.complete).toBe(true);
      if (listed.size > 0) expect(direction.verdict).toBe('fail');
    }
  }
}

describe('compare agrees with the enumeration oracle', () => {
  it(`on ${RUNS} random small cases, both modes and scopes`, async () => {
    await fc.assert(
      fc.asyncProperty(policy, policy, fc.constantFrom('no-new-access', 'equivalent'), fc.constantFrom('all-strings', 'catalog'), catalogSpec, fc.nat(), async (old, fresh, mode, scope, services, variation) => {
        // Most cases compare a policy with a variation of itself (a statement dropped, replaced or added), where answers are closest.
        const at = variation % old.length;
        const newer = [
          [...old.slice(0, at), ...old.slice(at + 1), ...(old.length === 1 ? fresh.slice(0, 1) : [])],
          [...old.slice(0, at), fresh[0]!, ...old.slice(at + 1)],
          [...old, fresh[0]!],
          fresh,
        ][Math.floor(variation / 3) % 4]!;
        const catalog = scope === 'catalog' ? catalogOf({ a: services.a, ...(services.b.length === 0 ? {} : { b: services.b }) }) : undefined;
        const report = await compareStatements(pool(), document(old), document(newer), { mode, scope, ...(catalog === undefined ? {} : { catalog }) });
        checkAgreement(report, old, newer, catalog);
      }),
      fuzzParameters(RUNS),
    );
    // About 40 ms a case on 2 cores: a long run gets the time it needs.
  }, Math.max(120_000, RUNS * 200));
});
