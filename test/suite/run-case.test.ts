import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Json } from '../../src/input/json.js';
import { printJson } from '../../src/policy/print.js';
import { recommend } from '../../src/recommend/recommend.js';
import type { Recommender } from '../../src/recommend/recommender.js';
import { findCaseFiles } from '../../src/suite/discover.js';
import { loadCases } from '../../src/suite/load.js';
import { runCase } from '../../src/suite/run-case.js';
import { allow, temporaryFolder } from '../support.js';
import { sharedPool } from '../prove/_support.js';
import { recommend as charRecommend } from './_support/char-recommender.js';
import { SMALL_POLICY, SMALL_RECOMMENDED, smallCase, smallSuite, writeCase } from './_support/suite.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());
const suite = smallSuite(folder.path);
const pool = sharedPool(1);

const SNAPSHOT_CASE = smallCase({ snapshot: 'expected.json', expect: { verdict: 'proven' } });
const DETACH = { recommendedSteps: [{ unusedPermissionsRecommendedStep: { recommendedAction: 'DETACH_POLICY' } }] };

/** Writes a case and runs it with the recommender. */
async function run(name: string, spec: Json, files: Readonly<Record<string, Json>> = {}, recommender: Recommender = recommend, update = false) {
  const caseFolder = writeCase(suite, name, spec, files);
  const [loaded] = loadCases(findCaseFiles([caseFolder]));
  return runCase(loaded!, { recommender, pool: pool(), update });
}

describe('runCase', () => {
  it('passes a recommendation equal to its snapshot and proven, whatever the snapshot file looks like', async () => {
    const result = await run('equal', SNAPSHOT_CASE, { 'expected.json': SMALL_RECOMMENDED });
    expect({ status: result.status, snapshot: result.snapshot, problems: result.problems, verdict: result.judged?.verdict, previous: result.previous, diff: result.diff }).toEqual({
      status: 'passed',
      snapshot: 'equal',
      problems: [],
      verdict: 'proven',
      previous: undefined,
      diff: undefined,
    });
    expect(result.judged?.size).toBe(JSON.stringify(SMALL_RECOMMENDED).length);
  });

  it('fails on a difference, with the diff and both recommendations judged and sized', async () => {
    const result = await run('changed', SNAPSHOT_CASE, { 'expected.json': SMALL_RECOMMENDED }, charRecommend);
    const snapshot = join(suite.caseFolder('changed'), 'expected.json');
    expect({ status: result.status, snapshot: result.snapshot, problems: result.problems, old: result.previous?.verdict, fresh: result.judged?.verdict }).toEqual({
      status: 'failed',
      snapshot: 'differs',
      problems: [`the recommendation differs from the snapshot ${snapshot}`, 'expected the verdict proven, got refuted', 'claim 4 (minimality), statement 0: refuted, not expected'],
      old: 'proven',
      // Character prefixes judged at word granularity: not at a word boundary.
      fresh: 'refuted',
    });
    expect(result.diff).toContain(`--- ${snapshot}\n+++ ${snapshot} (new)\n@@ `);
    expect(result.diff).toContain('\n-        "s3:GetObject*",\n+        "s3:GetO*",\n');
    expect(result.judged!.size - result.previous!.size).toBe('s3:GetO*'.length - 's3:GetObject*'.length);
    expect(result.judged!.findings.some((line) => line.startsWith('REFUTED: claim 4 (minimality), statement 0'))).toBe(true);
    // Beside the diff, what the change means: the same catalog actions, but s3:GetO* reaches strings s3:GetObject* does not.
    expect(result.meaning?.[0]).toBe('meaning: equivalent on the catalog; not equivalent for all strings');
    expect(result.meaning?.[1]).toMatch(/^ {2}beyond the catalog: recommendation allows s3:geto\S* on ".*", snapshot does not$/);
  });

  it('fails on a missing snapshot; --update writes it, as the recommendation prints', async () => {
    const missing = await run('missing', SNAPSHOT_CASE);
    expect({ status: missing.status, snapshot: missing.snapshot, problems: missing.problems }).toEqual({
      status: 'failed',
      snapshot: 'missing',
      problems: [`no snapshot ${join(suite.caseFolder('missing'), 'expected.json')} yet (--update writes it)`],
    });
    const updated = await run('missing', SNAPSHOT_CASE, {}, recommend, true);
    expect({ status: updated.status, snapshot: updated.snapshot }).toEqual({ status: 'passed', snapshot: 'updated' });
    expect(readFileSync(join(suite.caseFolder('missing'), 'expected.json'), 'utf8')).toBe(printJson(SMALL_RECOMMENDED));
    expect((await run('missing', SNAPSHOT_CASE)).snapshot).toBe('equal');
  });

  it('never records a change that lost the expected verdict, even with --update', async () => {
    const result = await run('not-updated', SNAPSHOT_CASE, { 'expected.json': SMALL_RECOMMENDED }, charRecommend, true);
    expect({ status: result.status, snapshot: result.snapshot }).toEqual({ status: 'failed', snapshot: 'differs' });
    expect(readFileSync(join(suite.caseFolder('not-updated'), 'expected.json'), 'utf8')).toBe(printJson(SMALL_RECOMMENDED));
  });

  it('records DETACH_POLICY as the detach step, size 0', async () => {
    const everything = smallCase({ unused: 'all-unused.json', snapshot: 'expected.json', expect: { verdict: 'proven' } });
    const result = await run('detach', everything, { 'all-unused.json': ['s3', 'iam', 'ec2'].map((service) => ({ serviceNamespace: service })), 'expected.json': DETACH });
    expect({ status: result.status, snapshot: result.snapshot, action: result.judged?.action, size: result.judged?.size }).toEqual({ status: 'passed', snapshot: 'equal', action: 'DETACH_POLICY', size: 0 });
  });

  it('fails a case whose recommender throws, with its message', async () => {
    const throwing: Recommender = () => {
      throw new Error('no idea\nsecond line');
    };
    const result = await run('throws', SNAPSHOT_CASE, { 'expected.json': SMALL_RECOMMENDED }, throwing);
    expect({ status: result.status, problems: result.problems, judged: result.judged }).toEqual({ status: 'failed', problems: ['the recommender failed: no idea'], judged: undefined });
  });

  it('judges a given recommendation without calling the recommender, against the refutations expected', async () => {
    const unsafe = { ...SMALL_POLICY, Statement: [allow(['s3:GetObject*', 's3:GetBucketAcl', 'iam:GetUser', 'ec2:DescribeInstances'])] };
    const never: Recommender = () => {
      throw new Error('called');
    };
    const expected = smallCase({ recommended: 'given.json', expect: { verdict: 'refuted', refuted: [{ statement: 0, claim: 'exact' }, { statement: 0, claim: 'safety', example: ['s3:getbucketacl'] }] } });
    const result = await run('given', expected, { 'given.json': unsafe }, never);
    expect({ status: result.status, snapshot: result.snapshot, verdict: result.judged?.verdict, problems: result.problems }).toEqual({ status: 'passed', snapshot: 'given', verdict: 'refuted', problems: [] });

    const wrongExpectation = smallCase({ recommended: 'given.json', expect: { verdict: 'proven' } });
    const failed = await run('given-wrong', wrongExpectation, { 'given.json': unsafe }, never);
    expect({ status: failed.status, problems: failed.problems }).toEqual({
      status: 'failed',
      problems: ['expected the verdict proven, got refuted', 'claim 1 (exact on the catalog), statement 0: refuted, not expected', 'claim 3 (safety), statement 0: refuted, not expected'],
    });
  });
});
