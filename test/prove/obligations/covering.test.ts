import { describe, expect, it } from 'vitest';
import { coveringForm, LITERALS_IN_UNION } from '../../../src/prove/obligations/covering.js';
import { PatternSet } from '../../../src/prove/obligations/pattern-set.js';
import { member } from '../../../src/prove/smt/terms.js';
import { sharedPool } from '../_support.js';

const pool = sharedPool();
const OUTER = new PatternSet('o', ['s3:Get*', 's3:GetBucketAcl', 's3:*Object', 'S3:GetBucketPolicy']);
const ALL = [0, 1, 2, 3];
/** More literal patterns than a union takes: each string is then excluded by itself. */
const MANY = new PatternSet('o', ['s3:Get*', 's3:*Object', ...Array.from({ length: LITERALS_IN_UNION - 1 }, (_, at) => `s3:ListThing${at}`), 's3:GetBucketAcl', 'S3:GetBucketPolicy']);
const MANY_ALL = [...MANY.globs.keys()];

describe('the covering patterns of a file about every string', () => {
  it('puts a few literal patterns in the union with the wildcard ones, as regexes', () => {
    const form = coveringForm(OUTER, [3, ...ALL]);
    expect(form.definitions).toEqual([
      '(define-fun o0 () RegLan (re.++ (str.to_re "s3:get") re.all)) ; s3:Get*',
      '(define-fun o1 () RegLan (str.to_re "s3:getbucketacl")) ; s3:GetBucketAcl',
      '(define-fun o2 () RegLan (re.++ (str.to_re "s3:") re.all (str.to_re "object"))) ; s3:*Object',
      '(define-fun o3 () RegLan (str.to_re "s3:getbucketpolicy")) ; S3:GetBucketPolicy',
    ]);
    expect([form.union(ALL), form.outside(ALL, 'w'), form.union([1]), form.union([])]).toEqual(['(re.union o0 o1 o2 o3)', [], 'o1', 're.none']);
  });

  it('beyond LITERALS_IN_UNION literal patterns, defines them as predicates and excludes each string by itself', () => {
    const form = coveringForm(MANY, MANY_ALL);
    const acl = MANY.texts.indexOf('s3:GetBucketAcl');
    const policy = MANY.texts.indexOf('S3:GetBucketPolicy');
    expect(form.definitions.slice(0, 2)).toEqual(['(define-fun o0 () RegLan (re.++ (str.to_re "s3:get") re.all)) ; s3:Get*', '(define-fun o1 () RegLan (re.++ (str.to_re "s3:") re.all (str.to_re "object"))) ; s3:*Object']);
    expect(form.definitions[2]).toBe('(define-fun o2 ((a String)) Bool (= a "s3:listthing0")) ; s3:ListThing0');
    expect(form.definitions).toHaveLength(MANY_ALL.length);
    expect([form.union(MANY_ALL), form.outside([acl, 0, policy], 'w'), form.outside([0, 1], 'w')]).toEqual(['(re.union o0 o1)', [`(not (or (o${acl} w) (o${policy} w)))`], []]);
  });

  it('leaves a string outside exactly when no covering pattern matches it, in either form', async () => {
    // Inner languages: some covered by the literals alone, some by a wildcard, some not at all.
    const cases = [
      { inner: '(str.to_re "s3:getbucketacl")', covered: true },
      { inner: '(re.union (str.to_re "s3:getbucketacl") (str.to_re "s3:getbucketpolicy"))', covered: true },
      { inner: '(re.++ (str.to_re "s3:put") re.all (str.to_re "object"))', covered: true },
      { inner: '(re.++ (str.to_re "s3:put") re.all)', covered: false },
      { inner: '(str.to_re "s3:listbucket")', covered: false },
    ];
    const script = (outer: PatternSet, all: readonly number[], inner: string): string => {
      const form = coveringForm(outer, all);
      return ['(set-logic QF_S)', ...form.definitions, '(declare-const w String)', `(assert ${member('w', `(re.diff ${inner} ${form.union(all)})`)})`, ...form.outside(all, 'w').map((term) => `(assert ${term})`), '(check-sat)', ''].join('\n');
    };
    for (const [outer, all] of [[OUTER, ALL], [MANY, MANY_ALL]] as const) {
      const answers = await Promise.all(cases.map(({ inner }) => pool().solve(script(outer, all, inner), ['w'])));
      expect(answers.map((answer) => answer.status)).toEqual(cases.map(({ covered }) => (covered ? 'unsat' : 'sat')));
    }
  });
});
