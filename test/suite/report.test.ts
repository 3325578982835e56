import { describe, expect, it } from 'vitest';
import type { ProofCase } from '../../src/suite/case.js';
import { junitXml } from '../../src/suite/junit.js';
import { suiteReportJson } from '../../src/suite/report-json.js';
import type { CaseResult, JudgedRecommendation } from '../../src/suite/run-case.js';
import { tallies } from '../../src/suite/run.js';
import { caseDetails, caseLine, suiteSummaryTable } from '../../src/suite/text.js';

const spec = (suite: string, name: string): ProofCase => ({
  id: `${suite}/${name}`,
  suite,
  file: `${suite}/${name}/case.json`,
  description: name,
  policy: 'p.json',
  unused: 'u.json',
  unusedInput: { kind: 'unused', file: 'u.json' },
  catalog: 'c.json',
  granularity: 'word',
  subject: { kind: 'snapshot', file: `${suite}/${name}/expected.json` },
  expect: { verdict: 'proven', refuted: [] },
});
const judged = (verdict: JudgedRecommendation['verdict'], size: number, findings: string[] = []): JudgedRecommendation => ({ verdict, claims: [], findings, obligations: 3, solverMs: 12, action: 'CREATE_POLICY', size });
const result = (suite: string, name: string, fields: Partial<CaseResult>): CaseResult => ({ spec: spec(suite, name), status: 'passed', problems: [], judged: judged('proven', 100), snapshot: 'equal', timeMs: 1500, ...fields });

const RESULTS: CaseResult[] = [
  result('proofs/a', 'ok', {}),
  result('proofs/a', 'given', { judged: judged('refuted', 90, ['REFUTED: claim 3 (safety), statement 0: x. Counterexample: s3:GetBucketAcl.']), snapshot: 'given' }),
  result('proofs/b', 'changed', {
    status: 'failed',
    problems: ['the recommendation differs from the snapshot proofs/b/changed/expected.json'],
    judged: judged('proven', 1_200),
    previous: judged('proven', 1_250),
    snapshot: 'differs',
    diff: '--- a\n+++ b\n@@ -1,1 +1,1 @@\n-"s3:Get<Object>*"\n+"s3:Get&*"\n',
  }),
  result('proofs/b', 'slow', { status: 'unknown', problems: ['UNKNOWN: claim 2 (no escalation), statement 0: s0-escalation-s3: timeout.'], judged: judged('unknown', 100) }),
];

describe('suite reports', () => {
  it('counts per suite, then all', () => {
    expect(tallies(RESULTS)).toEqual([
      { suite: 'proofs/a', cases: 2, proven: 1, refutedAsExpected: 1, failed: 0, unknown: 0, timeMs: 3000 },
      { suite: 'proofs/b', cases: 2, proven: 0, refutedAsExpected: 0, failed: 1, unknown: 1, timeMs: 3000 },
      { suite: 'all', cases: 4, proven: 1, refutedAsExpected: 1, failed: 1, unknown: 1, timeMs: 6000 },
    ]);
    expect(suiteSummaryTable(tallies(RESULTS), 4200)).toBe(
      [
        '  suite     cases  proven  refuted as expected  failed  unknown        time',
        '  proofs/a      2       1                    1       0        0       3.0 s',
        '  proofs/b      2       0                    0       1        1       3.0 s',
        '  all           4       1                    1       1        1  4.2 s wall',
        '',
      ].join('\n'),
    );
  });

  it('gives each case one progress line, and a reviewer both verdicts, the size change and the diff', () => {
    expect(RESULTS.map(caseLine)).toEqual([
      'ok     proofs/a/ok (proven, 3 obligations, 1.5 s)',
      'ok     proofs/a/given (refuted, 3 obligations, 1.5 s)',
      'FAILED proofs/b/changed (proven, 3 obligations, snapshot differs, 1.5 s)',
      'UNKNWN proofs/b/slow (unknown, 3 obligations, 1.5 s)',
    ]);
    expect(caseDetails(RESULTS[2]!)).toBe(
      [
        'FAILED proofs/b/changed',
        '  the recommendation differs from the snapshot proofs/b/changed/expected.json',
        '  snapshot        proven   1,250 characters',
        '  recommendation  proven   1,200 characters (-50)',
        '--- a',
        '+++ b',
        '@@ -1,1 +1,1 @@',
        '-"s3:Get<Object>*"',
        '+"s3:Get&*"',
        '',
      ].join('\n'),
    );
  });

  it('writes JUnit XML: a failure and an error with escaped details, passed cases empty', () => {
    const xml = junitXml(RESULTS, tallies(RESULTS), 4200);
    expect(xml.split('\n').slice(0, 6)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="iam-refine prove" tests="4" failures="1" errors="1" time="4.200">',
      '  <testsuite name="proofs/a" tests="2" failures="0" errors="0" time="3.000">',
      '    <testcase classname="proofs/a" name="proofs/a/ok" time="1.500"/>',
      '    <testcase classname="proofs/a" name="proofs/a/given" time="1.500"/>',
      '  </testsuite>',
    ]);
    expect(xml).toContain('<failure message="the recommendation differs from the snapshot proofs/b/changed/expected.json" type="failed">FAILED proofs/b/changed\n');
    expect(xml).toContain('-&quot;s3:Get&lt;Object&gt;*&quot;\n+&quot;s3:Get&amp;*&quot;\n</failure>');
    expect(xml).toContain('<error message="UNKNOWN: claim 2 (no escalation), statement 0: s0-escalation-s3: timeout." type="unknown">UNKNOWN proofs/b/slow\n');
    expect(xml.endsWith('  </testsuite>\n</testsuites>\n')).toBe(true);
  });

  it('writes the JSON report with the recommender, the solver, the counts and every case', () => {
    const report = suiteReportJson(RESULTS, tallies(RESULTS), { recommender: 'iam-refine', solver: 'Z3 5', wallMs: 4200.4 });
    expect({ ...report, cases: (report.cases as unknown[]).length }).toEqual({
      recommender: 'iam-refine',
      solver: 'Z3 5',
      summary: [
        { suite: 'proofs/a', cases: 2, proven: 1, refutedAsExpected: 1, failed: 0, unknown: 0, timeMs: 3000 },
        { suite: 'proofs/b', cases: 2, proven: 0, refutedAsExpected: 0, failed: 1, unknown: 1, timeMs: 3000 },
        { suite: 'all', cases: 4, proven: 1, refutedAsExpected: 1, failed: 1, unknown: 1, timeMs: 4200 },
      ],
      cases: 4,
    });
    expect((report.cases as unknown[])[2]).toEqual({
      id: 'proofs/b/changed',
      suite: 'proofs/b',
      description: 'changed',
      granularity: 'word',
      status: 'failed',
      snapshot: 'differs',
      problems: ['the recommendation differs from the snapshot proofs/b/changed/expected.json'],
      recommendation: { verdict: 'proven', action: 'CREATE_POLICY', size: 1200, obligations: 3, claims: [], findings: [], solverMs: 12 },
      previous: { verdict: 'proven', action: 'CREATE_POLICY', size: 1250, obligations: 3, claims: [], findings: [], solverMs: 12 },
      diff: '--- a\n+++ b\n@@ -1,1 +1,1 @@\n-"s3:Get<Object>*"\n+"s3:Get&*"\n',
      timeMs: 1500,
    });
  });
});
