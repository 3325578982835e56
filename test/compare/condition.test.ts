import { describe, expect, it } from 'vitest';
import { canonicalCondition, ConditionAtoms } from '../../src/compare/condition.js';
import { JsonNumber } from '../../src/input/json.js';

describe('condition atoms', () => {
  it('are equal for blocks equal after canonical ordering: operators and keys sorted, keys lower-cased, values a sorted set', () => {
    const one = canonicalCondition({ StringEquals: { 'aws:PrincipalTag/Team': ['red', 'blue'] }, Bool: { 'aws:SecureTransport': 'true' } });
    const same = canonicalCondition({ Bool: { 'aws:securetransport': ['true'] }, StringEquals: { 'aws:principaltag/team': ['blue', 'red', 'blue'] } });
    expect(one).toBe(same);
    expect(one).toBe('{"Bool":{"aws:securetransport":["true"]},"StringEquals":{"aws:principaltag/team":["blue","red"]}}');
  });

  it('keep values, operators and numbers as written: anything else is another atom', () => {
    const base = canonicalCondition({ StringEquals: { 'aws:username': 'Alice' } });
    expect(canonicalCondition({ StringEquals: { 'aws:username': 'alice' } })).not.toBe(base);
    expect(canonicalCondition({ StringLike: { 'aws:username': 'Alice' } })).not.toBe(base);
    expect(canonicalCondition({ NumericLessThan: { 's3:max-keys': new JsonNumber('10.0') } })).not.toBe(canonicalCondition({ NumericLessThan: { 's3:max-keys': 10 } }));
  });

  it('are numbered per comparison, conditions k and patterns with policy variables v, one per text', () => {
    const atoms = new ConditionAtoms();
    const first = atoms.atomOf({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } });
    expect(atoms.atomOf({ Bool: { 'aws:multifactorauthpresent': ['true'] } })).toBe(first);
    const variable = atoms.variableAtomOf('arn:aws:s3:::b/${aws:username}/*');
    expect(atoms.variableAtomOf('arn:aws:s3:::b/${aws:username}/*')).toBe(variable);
    expect(atoms.all.map((atom) => [atom.name, atom.kind])).toEqual([
      ['k0', 'condition'],
      ['v0', 'variable'],
    ]);
  });
});
