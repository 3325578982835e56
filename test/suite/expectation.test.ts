import { describe, expect, it } from 'vitest';
import type { ClaimVerdict } from '../../src/prove/check.js';
import type { Expectation } from '../../src/suite/case.js';
import { expectationProblems } from '../../src/suite/expectation.js';

const claim = (statement: number, id: ClaimVerdict['claim'], verdict: ClaimVerdict['verdict'], example?: string): ClaimVerdict => ({ statement, claim: id, verdict, obligations: 1, explanation: 'e', ...(example === undefined ? {} : { example }) });
const PROVEN: Expectation = { verdict: 'proven', refuted: [] };
const SAFETY: Expectation = { verdict: 'refuted', refuted: [{ statement: 1, claim: 'safety', example: ['s3:getbucketpolicy', 's3:getbucketacl'] }] };

describe('expectationProblems', () => {
  it.each<[string, ClaimVerdict['verdict'], ClaimVerdict[], Expectation, string[]]>([
    ['proven as expected', 'proven', [claim(0, 'exact', 'proven')], PROVEN, []],
    ['refuted as expected, with one of the expected counterexamples', 'refuted', [claim(1, 'exact', 'proven'), claim(1, 'safety', 'refuted', 's3:getbucketacl')], SAFETY, []],
    ['refuted where proven was expected', 'refuted', [claim(1, 'safety', 'refuted', 's3:x')], PROVEN, ['expected the verdict proven, got refuted', 'claim 3 (safety), statement 1: refuted, not expected']],
    ['proven where a refutation was expected', 'proven', [claim(1, 'safety', 'proven')], SAFETY, ['expected the verdict refuted, got proven', 'claim 3 (safety), statement 1: expected refuted, got proven']],
    ['the expected claim refuted on another statement', 'refuted', [claim(0, 'safety', 'refuted', 's3:getbucketacl')], SAFETY, ['claim 3 (safety), statement 1: expected refuted, got not checked', 'claim 3 (safety), statement 0: refuted, not expected']],
    ['another counterexample', 'refuted', [claim(1, 'safety', 'refuted', 's3:getobject')], SAFETY, ['claim 3 (safety), statement 1: counterexample "s3:getobject", expected one of "s3:getbucketpolicy", "s3:getbucketacl"']],
    ['unknown', 'unknown', [claim(0, 'exact', 'unknown')], PROVEN, ['expected the verdict proven, got unknown']],
  ])('%s', (_, verdict, claims, expectation, problems) => {
    expect(expectationProblems(verdict, claims, expectation)).toEqual(problems);
  });
});
