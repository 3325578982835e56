import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../../src/input/json.js';
import { recommend } from '../../src/recommend/recommend.js';
import { accessAnalyzerReport } from '../../src/report/access-analyzer.js';
import { TOOL_VERSION } from '../../src/version.js';
import { allow, catalogOf, deny, policyOf, unusedOf } from '../support.js';

const CATALOG = catalogOf({ s3: ['GetObject', 'GetObjectAcl', 'GetBucketAcl', 'PutObject'], iam: ['GetUser'] }, 'f00d');

/** The report for a policy with these statements and unused actions. */
function reportFor(statements: Json, unused: Readonly<Record<string, readonly string[] | undefined>>) {
  const policy = policyOf(statements);
  return accessAnalyzerReport(policy, recommend(policy, unusedOf(CATALOG, unused), CATALOG, { policySource: 'policy.json' }));
}

/** The `refinement` section of a report. */
const refinementOf = (report: JsonObject): JsonObject => report.refinement as JsonObject;

describe('accessAnalyzerReport', () => {
  it('answers like GetFindingRecommendation: one CREATE_POLICY step with the policy as a JSON string', () => {
    const report = reportFor([{ Sid: 'Read', ...allow(['s3:Get*', 's3:PutObject', 'iam:GetUser']) }, deny('s3:PutObject')], { s3: ['GetBucketAcl'], iam: undefined });
    expect(report.recommendationType).toBe('UnusedPermissionRecommendation');
    expect(report.status).toBe('SUCCEEDED');
    expect(report.recommendedSteps).toEqual([
      {
        unusedPermissionsRecommendedStep: {
          recommendedAction: 'CREATE_POLICY',
          recommendedPolicy: '{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":["s3:GetObject*","s3:PutObject"],"Resource":"*"},{"Effect":"Deny","Action":"s3:PutObject","Resource":"*"}]}',
        },
      },
    ]);
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
      { index: 1, effect: 'Deny', field: 'Action', outcome: 'unchanged', result: ['s3:PutObject'] },
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

  it('gives a DETACH_POLICY step without a policy when nothing is used, and a recommended size of 0', () => {
    const report = reportFor([allow('s3:*')], { s3: undefined });
    expect(report.recommendedSteps).toEqual([{ unusedPermissionsRecommendedStep: { recommendedAction: 'DETACH_POLICY' } }]);
    expect(refinementOf(report).size).toEqual({ original: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}'.length, recommended: 0 });
  });

  it('gives no step when nothing changes', () => {
    const report = reportFor([allow('s3:Put*')], { s3: ['GetObject'] });
    expect({ steps: report.recommendedSteps, changed: refinementOf(report).changed }).toEqual({ steps: [], changed: false });
  });
});
