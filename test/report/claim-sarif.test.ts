import { describe, expect, it } from 'vitest';
import type { Json } from '../../src/input/json.js';
import { parseJsonSource, textSource } from '../../src/input/read-json.js';
import { parsePolicy } from '../../src/policy/parse.js';
import type { ClaimVerdict } from '../../src/prove/check.js';
import { CLAIM_RULES, claimFindings, IAM_REFINE_TOOL, type JudgedFiles } from '../../src/report/claim-sarif.js';
import { sarifLog } from '../../src/report/sarif.js';
import { sarifSchemaErrors } from './_sarif-schema.js';

const ORIGINAL = textSource('policy.json', `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "ec2:Describe*", "Resource": "*" },
    { "Effect": "Allow", "Action": ["s3:Get*"], "Resource": "*" }
  ]
}
`);
const original = { policy: parsePolicy(parseJsonSource(ORIGINAL), 'policy.json'), source: ORIGINAL };

/** A recommendation as a GetFindingRecommendation-shaped file: the policy is a JSON string at line 3. */
const RESPONSE = textSource('response.json', `{
  "recommendedSteps": [
    { "unusedPermissionsRecommendedStep": { "recommendedAction": "CREATE_POLICY", "recommendedPolicy": ${JSON.stringify(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }, { Effect: 'Allow', Action: ['s3:GetObject*'], Resource: '*' }] }))} } }
  ]
}
`);
const responsePolicy = parsePolicy(JSON.parse(((parseJsonSource(RESPONSE) as { recommendedSteps: { unusedPermissionsRecommendedStep: { recommendedPolicy: string } }[] }).recommendedSteps[0]!.unusedPermissionsRecommendedStep.recommendedPolicy)) as Json, 'response.json');

const claim = (claimId: ClaimVerdict['claim'], statement: number, verdict: ClaimVerdict['verdict'], example?: string): ClaimVerdict => ({ claim: claimId, statement, verdict, obligations: 1, explanation: 'why', ...(example === undefined ? {} : { example }) });
const findingsOf = (claims: readonly ClaimVerdict[], files: JudgedFiles, expected?: (claim: ClaimVerdict) => boolean) =>
  claimFindings(claims, files, { message: (each) => `${each.claim} ${each.statement}`, ...(expected === undefined ? {} : { expected }) });

describe('claimFindings', () => {
  it('leaves proven claims out; a refutation is an error, an unknown a warning, an expected refutation a note', () => {
    const files: JudgedFiles = { original, recommended: { policy: responsePolicy, source: RESPONSE } };
    const findings = findingsOf([claim('exact', 0, 'proven'), claim('safety', 1, 'refuted', 's3:getbucketacl'), claim('minimality', 1, 'unknown'), claim('no-redundancy', 1, 'refuted')], files, (each) => each.claim === 'no-redundancy');
    expect(findings.map((finding) => [finding.ruleId, finding.level, finding.message])).toEqual([
      ['safety', 'error', 'safety 1'],
      ['minimality', 'warning', 'minimality 1'],
      ['no-redundancy', 'note', 'no-redundancy 1'],
    ]);
    expect(sarifSchemaErrors(sarifLog([{ tool: IAM_REFINE_TOOL, rules: CLAIM_RULES, findings }]))).toEqual([]);
  });

  it('in a response, points at the recommendedPolicy string, the finest place the file has', () => {
    const [finding] = findingsOf([claim('safety', 1, 'refuted', 's3:getobjectacl')], { original, recommended: { policy: responsePolicy, source: RESPONSE } });
    expect(finding!.locations).toEqual([{ uri: 'response.json', region: { startLine: 3, startColumn: 104, endLine: 3, endColumn: expect.any(Number) as number }, description: 'statement 1 of the recommendedPolicy string' }]);
  });

  it('a dropped statement, or a detached policy, is located at the original statement; a string statement pattern at the string', () => {
    const detach: JudgedFiles = { original, recommended: { policy: undefined, source: textSource('detach.json', '{"recommendedSteps": []}') } };
    const [dropped, kept] = findingsOf([claim('exact', 1, 'refuted', 's3:GetObject'), claim('exact', 0, 'refuted', 'ec2:DescribeInstances')], detach);
    expect([dropped!.locations, kept!.locations]).toEqual([
      [{ uri: 'policy.json', region: { startLine: 5, startColumn: 5, endLine: 5, endColumn: 66 }, description: 'statement 1' }],
      [{ uri: 'policy.json', region: { startLine: 4, startColumn: 5, endLine: 4, endColumn: 70 }, description: 'statement 0' }],
    ]);
    const same: JudgedFiles = { original, recommended: { policy: original.policy, source: ORIGINAL } };
    expect(findingsOf([claim('safety', 0, 'refuted', 'ec2:describeimages')], same)[0]!.locations).toEqual([
      { uri: 'policy.json', region: { startLine: 4, startColumn: 36, endLine: 4, endColumn: 51 }, description: 'statement 0, pattern ec2:Describe*' },
    ]);
  });
});
