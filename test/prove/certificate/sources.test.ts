import { describe, expect, it } from 'vitest';
import { checkInputOf } from '../../../src/prove/certificate/sources.js';
import { allow, inputErrorOf } from '../../support.js';
import { documentOf, smallSources, sourceOf } from '../_support.js';

describe('checkInputOf', () => {
  it('parses the policy, the unused list against the catalog and the recommendation, keeping catalog and granularity', () => {
    const sources = { ...smallSources(), granularity: 'char' as const };
    const input = checkInputOf(sources);
    expect({
      original: input.original.statements.map((statement) => statement.patterns),
      unused: [...input.unused.actions].sort(),
      recommended: input.recommended?.statements.map((statement) => statement.patterns),
      catalog: input.catalog,
      granularity: input.granularity,
    }).toEqual({
      original: [['s3:Get*', 'iam:*'], ['ec2:*']],
      unused: ['iam:listusers', 's3:getbucketacl', 's3:getbucketpolicy'],
      recommended: [['s3:GetObject*', 'iam:GetUser'], ['ec2:*']],
      catalog: sources.catalog,
      granularity: 'char',
    });
  });

  it('reads a DETACH_POLICY recommendation as no policy', () => {
    const input = checkInputOf(smallSources({ recommendedSteps: [{ unusedPermissionsRecommendedStep: { recommendedAction: 'DETACH_POLICY' } }] }));
    expect(input.recommended).toBeUndefined();
  });

  it('reads a response without steps as the original policy', () => {
    const input = checkInputOf(smallSources({ recommendedSteps: [] }));
    expect(input.recommended).toBe(input.original);
  });

  it('names the recommendation file and the JSON path of a bad action', () => {
    expect(inputErrorOf(() => checkInputOf(smallSources(documentOf([allow(['s3:GetObject*', 'nothing'])]))))).toBe(
      'recommended.json: Statement[0].Action[1]: "nothing" is not an action pattern (expected "service:action" or "*")',
    );
  });

  it('names the unused file and the JSON path of a bad entry', () => {
    expect(inputErrorOf(() => checkInputOf({ ...smallSources(), unused: sourceOf('unused.json', [{ serviceNamespace: 's3', actions: [{ action: true }] }]) }))).toBe(
      'unused.json: [0].actions[0].action: expected an action name, got a boolean',
    );
  });
});
