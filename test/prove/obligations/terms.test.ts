import { describe, expect, it } from 'vitest';
import { PatternSet } from '../../../src/prove/obligations/pattern-set.js';
import { allowedIndices, allowsConcretely, allowsTerm, orLines, lowerCaseDomain } from '../../../src/prove/obligations/terms.js';
import { CATALOG } from '../_support.js';

const SET = new PatternSet('o', ['s3:Get*', 'iam:*', 's3:GetObject']);

/** The ground term and the patterns it mentions. */
function term(set: PatternSet | undefined, kind: 'Action' | 'NotAction', subject: string): { term: string; used: number[] } {
  const used = new Set<number>();
  return { term: allowsTerm(set, kind, subject, used), used: [...used] };
}

describe('allowsTerm', () => {
  it('is the disjunction of the memberships of the patterns whose prefix fits, for Action', () => {
    expect(term(SET, 'Action', 's3:getobject')).toEqual({ term: '(or (o0 "s3:getobject") (o2 "s3:getobject"))', used: [0, 2] });
  });

  it('is its negation for NotAction', () => {
    expect(term(SET, 'NotAction', 'iam:getuser')).toEqual({ term: '(not (o1 "iam:getuser"))', used: [1] });
  });

  it('is false for Action when no prefix fits, mentioning no pattern', () => {
    expect(term(SET, 'Action', 'ec2:describeinstances')).toEqual({ term: 'false', used: [] });
  });

  it('is (not false) for NotAction when no prefix fits', () => {
    expect(term(SET, 'NotAction', 'ec2:describeinstances')).toEqual({ term: '(not false)', used: [] });
  });

  it('is false for a dropped statement', () => {
    expect(term(undefined, 'NotAction', 's3:getobject')).toEqual({ term: 'false', used: [] });
  });
});

describe('allowsConcretely', () => {
  it('allows what a pattern matches for Action and what none matches for NotAction', () => {
    expect([allowsConcretely(SET, 'Action', 's3:getbucketacl'), allowsConcretely(SET, 'Action', 's3:putobject'), allowsConcretely(SET, 'NotAction', 's3:putobject')]).toEqual([true, false, true]);
  });

  it('allows nothing for a dropped statement', () => {
    expect([allowsConcretely(undefined, 'Action', 's3:getobject'), allowsConcretely(undefined, 'NotAction', 's3:getobject')]).toEqual([false, false]);
  });
});

describe('allowedIndices', () => {
  const actionsOf = (indices: Set<number>): string[] => [...indices].sort((a, b) => a - b).map((index) => CATALOG.actions[index]!);

  it('is the catalog actions some pattern matches, for Action', () => {
    expect(actionsOf(allowedIndices(new PatternSet('o', ['s3:GetObject*', 'iam:List*']), 'Action', CATALOG))).toEqual(['iam:ListUsers', 's3:GetObject', 's3:GetObjectAcl', 's3:GetObjectTagging']);
  });

  it('is the catalog actions no pattern matches, for NotAction', () => {
    expect(actionsOf(allowedIndices(new PatternSet('o', ['s3:*', 'iam:GetUser']), 'NotAction', CATALOG))).toEqual(['ec2:DescribeInstances', 'iam:ListUsers']);
  });
});

describe('lowerCaseDomain', () => {
  it('excludes values of w, or the named constant, with an upper-case ASCII letter', () => {
    expect([lowerCaseDomain(), lowerCaseDomain('w_r0')]).toEqual([
      '(not (str.in_re w (re.++ re.all (re.range "A" "Z") re.all)))',
      '(not (str.in_re w_r0 (re.++ re.all (re.range "A" "Z") re.all)))',
    ]);
  });
});

describe('lines', () => {
  it('is false for no term, the term for one, one disjunct per line for several', () => {
    expect([orLines([]), orLines(['a']), orLines(['a', 'b'])]).toEqual(['false', 'a', '(or\n  a\n  b)']);
  });
});
