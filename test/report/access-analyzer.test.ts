import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../../src/input/json.js';
import { recommend } from '../../src/recommend/recommend.js';
import { accessAnalyzerReport, type ResponseContext } from '../../src/report/access-analyzer.js';
import { checkQuota } from '../../src/report/quota.js';
import { TOOL_VERSION } from '../../src/version.js';
import { allow, catalogOf, deny, policyOf, unusedOf } from '../support.js';

const CATALOG = catalogOf({ s3: ['GetObject', 'GetObjectAcl', 'GetBucketAcl', 'PutObject'], iam: ['GetUser'] }, 'f00d');

const TIMES = { startedAt: '2024-06-20T10:00:00.000Z', completedAt: '2024-06-20T10:00:01.000Z' };

/** The report for a policy with these statements and unused actions. */
function reportFor(statements: Json, unused: Readonly<Record<string, readonly string[] | undefined>>, context: ResponseContext = TIMES) {
  const policy = policyOf(statements);
  return accessAnalyzerReport(policy, recommend(policy, unusedOf(CATALOG, unused), CATALOG, { policySource: 'policy.json' }), context);
}

/** The `refinement` section of a report. */
const refinementOf = (report: JsonObject): JsonObject => report.refinement as JsonObject;

describe('accessAnalyzerReport', () => {
  it('answers like GetFindingRecommendation: the response fields in order, CREATE_POLICY with the policy as a JSON string, then the paired DETACH_POLICY', () => {
    const context = { ...TIMES, resourceArn: 'arn:aws:iam::111122223333:role/Dev', existingPolicyId: 'arn:aws:iam::111122223333:policy/Dev', policyUpdatedAt: '2024-05-02T00:00:00Z' };
    const report = reportFor([{ Sid: 'Read', ...allow(['s3:Get*', 's3:PutObject', 'iam:GetUser']) }, deny('s3:PutObject')], { s3: ['GetBucketAcl'], iam: undefined }, context);
    const { refinement, ...response } = report;
    expect(refinement).toBeDefined();
    expect(Object.keys(report)).toEqual(['resourceArn', 'status', 'startedAt', 'completedAt', 'recommendationType', 'recommendedSteps', 'refinement']);
    expect(response).toEqual({
      resourceArn: 'arn:aws:iam::111122223333:role/Dev',
      status: 'SUCCEEDED',
      startedAt: '2024-06-20T10:00:00.000Z',
      completedAt: '2024-06-20T10:00:01.000Z',
      recommendationType: 'UNUSED_PERMISSION_RECOMMENDATION',
      recommendedSteps: [
        {
          unusedPermissionsRecommendedStep: {
            recommendedAction: 'CREATE_POLICY',
            existingPolicyId: 'arn:aws:iam::111122223333:policy/Dev',
            policyUpdatedAt: '2024-05-02T00:00:00Z',
            recommendedPolicy: '{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":["s3:GetObject*","s3:PutObject"],"Resource":"*"},{"Effect":"Deny","Action":"s3:PutObject","Resource":"*"}]}',
          },
        },
        { unusedPermissionsRecommendedStep: { recommendedAction: 'DETACH_POLICY', existingPolicyId: 'arn:aws:iam::111122223333:policy/Dev' } },
      ],
    });
  });

  it('leaves out what the inputs cannot tell: no resourceArn nor existingPolicyId unless given', () => {
    const report = reportFor([allow(['s3:Get*'])], { s3: ['GetBucketAcl'] });
    expect({ arn: 'resourceArn' in report, steps: report.recommendedSteps }).toEqual({
      arn: false,
      steps: [
        { unusedPermissionsRecommendedStep: { recommendedAction: 'CREATE_POLICY', recommendedPolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject*"],"Resource":"*"}]}' } },
        { unusedPermissionsRecommendedStep: { recommendedAction: 'DETACH_POLICY' } },
      ],
    });
  });

  it("measures the recommendation against its kind's quota and warns, saying what to do, when it is over", () => {
    const policy = policyOf([allow(['s3:Get*', 's3:PutObject'])]);
    const recommendation = recommend(policy, unusedOf(CATALOG, { s3: ['GetBucketAcl'] }), CATALOG, { policySource: 'policy.json' });
    const size = policyOf([allow(['s3:GetObject*', 's3:PutObject'])]).raw;
    const recommended = JSON.stringify(size).length;
    const within = refinementOf(accessAnalyzerReport(policy, recommendation, TIMES, checkQuota(policy, recommendation, 'user-inline', 'policy.json')));
    expect({ size: within.size, warnings: within.warnings }).toEqual({
      size: { original: JSON.stringify(policy.raw).length, recommended, policyKind: 'user-inline', quota: 2048, withinQuota: true },
      warnings: [],
    });
    // A quota this small is no real one: the warning is what matters.
    const over = checkQuota(policy, { ...recommendation, policy: { Statement: 'x'.repeat(2100) } }, 'user-inline', 'policy.json');
    expect(over.warning).toEqual({
      source: 'policy.json',
      path: [],
      message: `the recommendation is ${(2100 + 16).toLocaleString('en-US')} characters, over the 2,048 of a user's inline policies together; try --granularity char (the most compact), or move part of it to managed policies (as "iam-refine account" splits them)`,
    });
    expect(refinementOf(accessAnalyzerReport(policy, recommendation, TIMES, over)).warnings).toEqual([{ file: 'policy.json', path: '', message: over.warning!.message }]);
  });

  it('explains each statement: every pattern kept, removed or replaced and by what, with the unused actions it allowed', () => {
    const report = reportFor([{ Sid: 'Read', ...allow(['s3:Get*', 's3:PutObject', 'iam:GetUser']) }, deny('s3:PutObject')], { s3: ['GetBucketAcl'], iam: undefined });
    expect(refinementOf(report).statements).toEqual([
      {
        index: 0,
        sid: 'Read',
        effect: 'Allow',
        field: 'Action',
        outcome: 'refined',
        patterns: [
          { pattern: 's3:Get*', fate: 'replaced', replacements: ['s3:GetObject*'], unusedMatched: ['s3:GetBucketAcl'] },
          { pattern: 's3:PutObject', fate: 'kept' },
          { pattern: 'iam:GetUser', fate: 'removed', unusedMatched: ['iam:GetUser'] },
        ],
        result: ['s3:GetObject*', 's3:PutObject'],
      },
      { index: 1, effect: 'Deny', field: 'Action', outcome: 'unchanged', reason: 'a Deny statement: refinement narrows only what is allowed', result: ['s3:PutObject'] },
    ]);
  });

  it('names the tool, the catalog identity, the granularity, the sizes and the warnings with their paths', () => {
    const report = reportFor([allow(['s3:Get*', 's3:NewThing'])], { s3: ['GetBucketAcl', 'OldThing'] });
    const { statements, ...rest } = refinementOf(report);
    expect(statements).toHaveLength(1);
    expect(rest).toEqual({
      tool: `iam-refine ${TOOL_VERSION}`,
      catalog: { source: 'file', sha256: 'f00d' },
      granularity: 'word',
      changed: true,
      size: {
        original: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:NewThing"],"Resource":"*"}]}'.length,
        recommended: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject*","s3:NewThing"],"Resource":"*"}]}'.length,
      },
      warnings: [
        { file: 'unused.json', path: '[0].actions[1]', message: 'unknown action "s3:OldThing" in catalog file sha256:f00d; wildcards are refined without it' },
        { file: 'policy.json', path: 'Statement[0].Action[1]', message: '"s3:NewThing" matches no action in catalog file sha256:f00d; kept as written' },
      ],
    });
  });

  it('lists the added exclusions and the patterns dropped as redundant of a NotAction statement', () => {
    const report = reportFor([allow(['iam:*', 's3:GetObject*'], 'NotAction')], { s3: ['GetObject', 'GetObjectAcl', 'GetBucketAcl'] });
    expect(refinementOf(report).statements).toEqual([
      { index: 0, effect: 'Allow', field: 'NotAction', outcome: 'refined', addedExclusions: ['s3:Get*'], droppedAsRedundant: ['s3:GetObject*'], result: ['iam:*', 's3:Get*'] },
    ]);
  });

  it('gives a DETACH_POLICY step alone when nothing is used, the statement dropped and why, and a recommended size of 0', () => {
    const report = reportFor([allow('s3:*')], { s3: undefined }, { ...TIMES, existingPolicyId: 'S3All' });
    expect(report.recommendedSteps).toEqual([{ unusedPermissionsRecommendedStep: { recommendedAction: 'DETACH_POLICY', existingPolicyId: 'S3All' } }]);
    expect((refinementOf(report).statements as readonly JsonObject[]).map((statement) => [statement.outcome, statement.reason])).toEqual([['dropped', 'everything it allows is unused']]);
    expect(refinementOf(report).size).toEqual({ original: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}'.length, recommended: 0 });
  });

  it('gives no step when nothing changes', () => {
    const report = reportFor([allow('s3:Put*')], { s3: ['GetObject'] });
    expect({ steps: report.recommendedSteps, changed: refinementOf(report).changed, reasons: (refinementOf(report).statements as readonly JsonObject[]).map((statement) => statement.reason) }).toEqual({
      steps: [],
      changed: false,
      reasons: ['it allows no unused action'],
    });
  });
});
