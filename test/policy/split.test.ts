import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../../src/input/json.js';
import { printJson } from '../../src/policy/print.js';
import { policySize } from '../../src/policy/size.js';
import { joinParts, splitPolicy, type PolicySplit } from '../../src/policy/split.js';
import { fuzzParameters } from '../fuzz/_support/fuzz-parameters.js';

const policy = (statements: Json): JsonObject => ({ Version: '2012-10-17', Statement: statements });
const actions = (service: string, count: number): string[] => Array.from({ length: count }, (_, index) => `${service}:Action${String(index).padStart(3, '0')}`);

function splitOf(document: JsonObject, quota: number, maxParts = 10): PolicySplit {
  const outcome = splitPolicy(document, quota, maxParts);
  if (outcome.kind !== 'split') throw new Error(`expected a split, got: ${outcome.reason}`);
  return outcome.split;
}

describe('splitPolicy', () => {
  it('cuts an Action list between patterns, each part under the quota, and the parts join back to the policy byte for byte', () => {
    const document = policy([
      { Sid: 'Read', Effect: 'Allow', Action: actions('s3', 40), Resource: '*' },
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:eu-west-1:111122223333:jobs' },
    ]);
    const split = splitOf(document, 400);
    expect(split.parts.length).toBeGreaterThan(1);
    expect(split.parts.every((part) => policySize(part) <= 400)).toBe(true);
    expect(printJson(joinParts(split, document))).toBe(printJson(document));
    // Every piece keeps the statement's other fields: the Sid, the effect, the resources.
    const pieces = split.parts.flatMap((part) => part.Statement as readonly JsonObject[]).filter((statement) => statement.Sid === 'Read');
    expect(pieces.every((piece) => piece.Effect === 'Allow' && piece.Resource === '*')).toBe(true);
    expect(pieces.flatMap((piece) => piece.Action as readonly string[])).toEqual(actions('s3', 40));
  });

  it('fills each part before opening the next: no part could take the next part\'s first pattern', () => {
    const document = policy([{ Effect: 'Allow', Action: actions('ec2', 900), Resource: '*' }]);
    const split = splitOf(document, 6144);
    expect(split.parts.length).toBeGreaterThan(2);
    expect(split.origins).toEqual(split.parts.map(() => [0]));
    const patternsOf = (part: JsonObject): readonly string[] => (part.Statement as readonly JsonObject[])[0]!.Action as readonly string[];
    split.parts.slice(0, -1).forEach((part, index) => {
      const fuller = policy([{ Effect: 'Allow', Action: [...patternsOf(part), patternsOf(split.parts[index + 1]!)[0]!], Resource: '*' }]);
      expect(policySize(fuller)).toBeGreaterThan(6144);
    });
  });

  it('never cuts a NotAction statement (the union of "all but A" and "all but B" is everything)', () => {
    const notAction = { Effect: 'Allow', NotAction: actions('iam', 10), Resource: '*' };
    const document = policy([{ Effect: 'Allow', Action: actions('s3', 10), Resource: '*' }, notAction]);
    const split = splitOf(document, policySize(policy([notAction])) + 5);
    expect(split.parts.flatMap((part) => part.Statement as readonly JsonObject[]).filter((statement) => 'NotAction' in statement)).toEqual([notAction]);
    expect(printJson(joinParts(split, document))).toBe(printJson(document));
  });

  it('refuses, with the figures, what cannot be cut under the quota or needs more parts than allowed', () => {
    const notAction = policy([{ Effect: 'Allow', NotAction: actions('iam', 30), Resource: '*' }]);
    expect(splitPolicy(notAction, 300, 10)).toEqual({ kind: 'impossible', reason: `a policy of statement 0 alone is ${policySize(notAction)} characters, over the 300 quota, and the statement cannot be cut (NotAction)` });
    const long = policy([{ Effect: 'Allow', Action: ['s3:GetObject', `s3:${'A'.repeat(400)}`], Resource: '*' }]);
    expect(splitPolicy(long, 300, 10)).toEqual({ kind: 'impossible', reason: `the pattern "s3:${'A'.repeat(400)}" of statement 0 does not fit in a policy of 300 characters` });
    const big = policy([{ Effect: 'Allow', Action: actions('ec2', 400), Resource: '*' }]);
    expect(splitPolicy(big, 6144, 1)).toEqual({ kind: 'impossible', reason: '2 parts of at most 6144 characters are needed, more than the 1 available' });
  });

  it('keeps a policy that fits as one part, its Statement as written', () => {
    const document = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' } };
    const split = splitOf(document, 6144);
    expect(split.parts).toHaveLength(1);
    expect(joinParts(split, document)).toEqual(document);
  });

  it('property: parts are under the quota, join back to the policy, and no NotAction statement is cut', () => {
    const statement = fc.record({
      effect: fc.constantFrom('Allow', 'Deny'),
      key: fc.constantFrom('Action', 'Action', 'NotAction'),
      patterns: fc.array(fc.stringMatching(/^[a-z0-9]{1,8}:[A-Za-z*?]{1,30}$/), { minLength: 1, maxLength: 30 }),
      asString: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 8 }), fc.integer({ min: 150, max: 1500 }), (specs, quota) => {
        const document = policy(specs.map((spec) => ({ Effect: spec.effect, [spec.key]: spec.asString && spec.patterns.length === 1 ? spec.patterns[0]! : spec.patterns, Resource: '*' })));
        const outcome = splitPolicy(document, quota, 100);
        if (outcome.kind === 'impossible') return;
        expect(outcome.split.parts.every((part) => policySize(part) <= quota)).toBe(true);
        expect(printJson(joinParts(outcome.split, document))).toBe(printJson(document));
        const notActions = outcome.split.parts.flatMap((part) => part.Statement as readonly JsonObject[]).filter((piece) => 'NotAction' in piece);
        expect(notActions.length).toBe(specs.filter((spec) => spec.key === 'NotAction').length);
      }),
      fuzzParameters(200),
    );
  });
});
