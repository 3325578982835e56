import { describe, expect, it } from 'vitest';
import { coveringDefinitions, coveringUnion, outsideLiterals } from '../../../src/prove/obligations/covering.js';
import { PatternSet } from '../../../src/prove/obligations/pattern-set.js';
import { member } from '../../../src/prove/smt/terms.js';
import { sharedPool } from '../_support.js';

const pool = sharedPool();
const OUTER = new PatternSet('o', ['s3:Get*', 's3:GetBucketAcl', 's3:*Object', 'S3:GetBucketPolicy']);
const ALL = [0, 1, 2, 3];

describe('the covering patterns of a file about every string', () => {
  it('defines the wildcard patterns as regexes and the literal ones as predicates', () => {
    expect(coveringDefinitions(OUTER, ALL)).toEqual([
      '(define-fun o0 () RegLan (re.++ (str.to_re "s3:get") re.all)) ; s3:Get*',
      '(define-fun o2 () RegLan (re.++ (str.to_re "s3:") re.all (str.to_re "object"))) ; s3:*Object',
      '(define-fun o1 ((a String)) Bool (= a "s3:getbucketacl")) ; s3:GetBucketAcl',
      '(define-fun o3 ((a String)) Bool (= a "s3:getbucketpolicy")) ; S3:GetBucketPolicy',
    ]);
  });

  it('puts the wildcard patterns in the union and excludes each literal string by itself', () => {
    expect([coveringUnion(OUTER, ALL), outsideLiterals(OUTER, ALL, 'w'), coveringUnion(OUTER, [1]), outsideLiterals(OUTER, [0, 2], 'w')]).toEqual(['(re.union o0 o2)', ['(not (or (o1 w) (o3 w)))'], 're.none', []]);
  });

  it('leaves a string outside exactly when no covering pattern matches it, as one union would', async () => {
    // Inner languages: some covered by the literals alone, some by a wildcard, some not at all.
    const cases = [
      { inner: '(str.to_re "s3:getbucketacl")', covered: true },
      { inner: '(re.union (str.to_re "s3:getbucketacl") (str.to_re "s3:getbucketpolicy"))', covered: true },
      { inner: '(re.++ (str.to_re "s3:put") re.all (str.to_re "object"))', covered: true },
      { inner: '(re.++ (str.to_re "s3:put") re.all)', covered: false },
      { inner: '(str.to_re "s3:listbucket")', covered: false },
    ];
    const script = (inner: string): string =>
      ['(set-logic QF_S)', ...coveringDefinitions(OUTER, ALL), '(declare-const w String)', `(assert ${member('w', `(re.diff ${inner} ${coveringUnion(OUTER, ALL)})`)})`, ...outsideLiterals(OUTER, ALL, 'w').map((term) => `(assert ${term})`), '(check-sat)', ''].join('\n');
    const answers = await Promise.all(cases.map(({ inner }) => pool().solve(script(inner), ['w'])));
    expect(answers.map((answer) => answer.status)).toEqual(cases.map(({ covered }) => (covered ? 'unsat' : 'sat')));
  });
});
