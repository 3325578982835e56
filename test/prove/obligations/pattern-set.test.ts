import { describe, expect, it } from 'vitest';
import { definitions, PatternSet } from '../../../src/prove/obligations/pattern-set.js';

const SET = new PatternSet('r', ['s3:Get*', 'S3:GetObject', '*', 's3:Get?bject*', 'iam:GetUser']);

describe('PatternSet', () => {
  it('names each pattern by its kind and position', () => {
    expect([SET.name(0), new PatternSet('o', ['s3:*']).name(0), SET.name(4)]).toEqual(['r0', 'o0', 'r4']);
  });

  it('defines a pattern as a lower-cased RegLan with the pattern as written in a comment', () => {
    expect(SET.definition(1)).toBe('(define-fun r1 () RegLan (str.to_re "s3:getobject")) ; S3:GetObject');
  });

  it('keeps the texts as written and parses each', () => {
    expect({ texts: SET.texts, prefixes: SET.globs.map((glob) => glob.literalPrefix) }).toEqual({
      texts: ['s3:Get*', 'S3:GetObject', '*', 's3:Get?bject*', 'iam:GetUser'],
      prefixes: ['s3:get', 's3:getobject', '', 's3:get', 'iam:getuser'],
    });
  });

  it('finds the patterns whose literal prefix fits a string, in order', () => {
    expect(SET.fitting('s3:getobjectacl')).toEqual([0, 1, 2, 3]);
  });

  it('finds only the prefix-free patterns for a string no literal prefix fits', () => {
    expect(SET.fitting('ec2:describeinstances')).toEqual([2]);
  });

  it('finds the patterns that can overlap a prefix, in either direction', () => {
    expect({ get: SET.overlapping('s3:get'), getobjectacl: SET.overlapping('s3:getobjectacl'), iam: SET.overlapping('iam:') }).toEqual({
      get: [0, 1, 2, 3],
      getobjectacl: [0, 1, 2, 3],
      iam: [2, 4],
    });
  });

  it('matches concretely by any pattern, or any pattern but one', () => {
    const set = new PatternSet('r', ['s3:GetObject*', 's3:GetObjectAcl']);
    expect([set.matches('s3:getobjectacl'), set.matches('s3:getobjectacl', 0), set.matches('s3:getobject', 0), set.matches('s3:putobject')]).toEqual([true, true, false, false]);
  });

  it('matches concretely by one pattern', () => {
    expect([SET.matchesAt(3, 's3:getobjectacl'), SET.matchesAt(4, 's3:getobjectacl')]).toEqual([true, false]);
  });
});

describe('definitions', () => {
  it('defines each used pattern once, in position order', () => {
    expect(definitions(new PatternSet('o', ['s3:*', 'iam:*', 'ec2:*']), [2, 0, 2])).toEqual([
      '(define-fun o0 () RegLan (re.++ (str.to_re "s3:") re.all)) ; s3:*',
      '(define-fun o2 () RegLan (re.++ (str.to_re "ec2:") re.all)) ; ec2:*',
    ]);
  });

  it('defines nothing when nothing is used', () => {
    expect(definitions(SET, [])).toEqual([]);
  });
});
