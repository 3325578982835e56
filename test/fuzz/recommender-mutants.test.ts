import { describe, expect, it } from 'vitest';
import { oracleRefutations } from '../../src/fuzz/cross-check.js';
import { parseRecommendedPolicy } from '../../src/policy/recommended.js';
import { ALL_RECOMMENDER_MUTANTS } from '../../src/fuzz/recommender-mutants/all-recommender-mutants.js';
import { refinementCaseFromJson, type RefinementCaseJson } from '../../src/fuzz/refinement-case.js';
import type { JsonObject } from '../../src/input/json.js';
import { recommend } from '../../src/recommend/recommend.js';

const allow = (action: string | string[], key: 'Action' | 'NotAction' = 'Action'): JsonObject => ({ Effect: 'Allow', [key]: action, Resource: '*' });
const policy = (...statements: JsonObject[]): JsonObject => ({ Version: '2012-10-17', Statement: statements });

/** For each mutant, a small case that exposes its bug (most found and shrunk by the mutation campaign). */
const EXPOSING: Record<string, RefinementCaseJson> = {
  'off-by-one-token': { catalog: { s3: ['GetBucket', 'GetObject', 'GetObjectAcl'] }, policy: policy(allow('s3:*')), unused: [{ serviceNamespace: 's3', actions: ['GetBucket'] }], granularity: 'word' },
  'char-word-confused': { catalog: { s3: ['Get', 'GetDashboard', 'GetDB'] }, policy: policy(allow('s3:*')), unused: [{ serviceNamespace: 's3', actions: ['Get'] }], granularity: 'word' },
  'direct-children-safety': { catalog: { s3: ['Get', 'GetObject', 'GetObjectAcl'] }, policy: policy(allow('s3:*')), unused: [{ serviceNamespace: 's3', actions: ['GetObjectAcl'] }], granularity: 'word' },
  'single-action-literal-forgotten': { catalog: { s3: ['GetObject', 'PutObject'] }, policy: policy(allow('s3:*Object')), unused: [{ serviceNamespace: 's3', actions: ['PutObject'] }], granularity: 'word' },
  'case-sensitive-matching': { catalog: { s3: ['Get', 'Put'] }, policy: policy(allow(['s3:get*', 's3:Put'])), unused: [{ serviceNamespace: 's3', actions: ['Get'] }], granularity: 'word' },
  'unused-without-prefix': { catalog: { iam: ['Get'], s3: ['Get'] }, policy: policy(allow('s3:*')), unused: [{ serviceNamespace: 'iam', actions: ['Get'] }], granularity: 'word' },
  'prefix-action-loses-extensions': { catalog: { s3: ['Get', 'Listen', 'ListenObject'] }, policy: policy(allow('s3:*')), unused: [{ serviceNamespace: 's3', actions: ['Get'] }], granularity: 'word' },
  'question-mark-as-regex': { catalog: { s3: ['Get', 'Put'] }, policy: policy(allow(['s3:?et', 's3:Put'])), unused: [{ serviceNamespace: 's3', actions: ['Get'] }], granularity: 'word' },
  'not-action-as-action': { catalog: { s3: ['Get', 'GetObject'] }, policy: policy(allow('s3:Get', 'NotAction')), unused: [{ serviceNamespace: 's3', actions: ['Get'] }], granularity: 'word' },
  'deny-refined': { catalog: { s3: ['Get', 'Put'] }, policy: policy(allow('s3:Put'), { Effect: 'Deny', Action: 's3:*', Resource: '*' }), unused: [{ serviceNamespace: 's3', actions: ['Get'] }], granularity: 'word' },
};

/**
 * Each mutant recommender is iam-refine's recommender with one bug: on a case that exposes it,
 * its output differs from the correct one and the oracle refutes a claim it is expected to
 * break, while the correct output holds every claim. (The campaign test finds such cases at
 * random and has Z3 refute them too.)
 */
describe.each(ALL_RECOMMENDER_MUTANTS)('mutant recommender $name', (mutant) => {
  it(`breaks claim ${mutant.breaks.join(' or ')} where iam-refine's recommender holds`, () => {
    const input = refinementCaseFromJson(EXPOSING[mutant.name]!);
    const options = { granularity: input.granularity };
    const correct = recommend(input.policy, input.unused, input.catalog, options).policy;
    const broken = mutant.recommend(input.policy, input.unused, input.catalog, options).policy;
    expect(oracleRefutations(input, parseRecommendedPolicy(correct))).toEqual([]);
    expect(broken).not.toEqual(correct);
    const refuted = oracleRefutations(input, parseRecommendedPolicy(broken)).map((claim) => claim.claim);
    expect(refuted.filter((claim) => mutant.breaks.includes(claim)), JSON.stringify(broken)).not.toEqual([]);
  });

  it('gives the same output as iam-refine on a case its bug does not touch', () => {
    const input = refinementCaseFromJson({ catalog: { s3: ['GetObject', 'PutObject'] }, policy: policy(allow(['s3:GetObject', 's3:PutObject'])), unused: [{ serviceNamespace: 's3', actions: ['PutObject'] }], granularity: 'word' });
    const options = { granularity: input.granularity };
    expect(mutant.recommend(input.policy, input.unused, input.catalog, options).policy).toEqual(recommend(input.policy, input.unused, input.catalog, options).policy);
  });
});

it('has an exposing case for every mutant, and at least ten mutants', () => {
  expect(Object.keys(EXPOSING).sort()).toEqual(ALL_RECOMMENDER_MUTANTS.map((mutant) => mutant.name).sort());
  expect(ALL_RECOMMENDER_MUTANTS.length).toBeGreaterThanOrEqual(10);
});
