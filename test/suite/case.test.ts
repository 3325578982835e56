import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Json } from '../../src/input/json.js';
import { parseCase } from '../../src/suite/case.js';
import { inputErrorOf } from '../support.js';

const FILE = join('proofs', 'small', 'one', 'case.json');
const BASE = { policy: 'policy.json', unused: '../unused.json', catalog: '/abs/catalog.json', granularity: 'word', snapshot: 'expected.json', expect: { verdict: 'proven' } };
const parse = (value: Json) => parseCase(value, FILE);

describe('parseCase', () => {
  it('resolves paths against the case folder (absolute ones as they are) and names the case by its folder and suite', () => {
    expect(parse({ description: 'd', ...BASE })).toEqual({
      id: join('proofs', 'small', 'one'),
      suite: join('proofs', 'small'),
      file: FILE,
      description: 'd',
      policy: join('proofs', 'small', 'one', 'policy.json'),
      unused: join('proofs', 'small', 'unused.json'),
      unusedInput: { kind: 'unused', file: join('proofs', 'small', 'unused.json') },
      catalog: '/abs/catalog.json',
      granularity: 'word',
      subject: { kind: 'snapshot', file: join('proofs', 'small', 'one', 'expected.json') },
      expect: { verdict: 'proven', refuted: [] },
    });
  });

  it('reads a given recommendation with the refutations it must get; granularity defaults to word', () => {
    const { snapshot: _, granularity: __, ...rest } = BASE;
    const spec = parse({ ...rest, recommended: 'wrong.json', expect: { verdict: 'refuted', refuted: [{ statement: 1, claim: 'safety', example: ['s3:getbucketpolicy'] }, { statement: 0, claim: 'exact' }] } });
    expect({ subject: spec.subject, granularity: spec.granularity, expect: spec.expect }).toEqual({
      subject: { kind: 'given', file: join('proofs', 'small', 'one', 'wrong.json') },
      granularity: 'word',
      expect: { verdict: 'refuted', refuted: [{ statement: 1, claim: 'safety', example: ['s3:getbucketpolicy'] }, { statement: 0, claim: 'exact' }] },
    });
  });

  it.each<[string, unknown, string]>([
    ['not an object', [], 'expected an object, got a list'],
    ['an unknown key', { ...BASE, recommendation: 'x.json' }, 'recommendation: unknown key; a case has description, policy, unused, lastAccessed, unusedDays, asOf, used, catalog, granularity, snapshot, recommended, expect'],
    ['no policy', { ...BASE, policy: undefined }, 'policy: missing'],
    ['a policy that is no file name', { ...BASE, policy: 3 }, 'policy: expected a file name, got a number'],
    ['a bad granularity', { ...BASE, granularity: 'token' }, 'granularity: expected "word" or "char"'],
    ['both a snapshot and a given recommendation', { ...BASE, recommended: 'r.json' }, 'expected exactly one of "snapshot"'],
    ['a snapshot that is an input', { ...BASE, snapshot: 'policy.json' }, "snapshot: the snapshot is the case's policy; --update would overwrite an input"],
    ['no expectation', { ...BASE, expect: undefined }, 'expect: missing'],
    ['unknown as the expected verdict', { ...BASE, expect: { verdict: 'unknown' } }, 'expect.verdict: expected one of "proven", "refuted"'],
    ['refuted without claims', { ...BASE, expect: { verdict: 'refuted' } }, 'expect.refuted: a refuted verdict names the claims refuted'],
    ['proven with claims', { ...BASE, expect: { verdict: 'proven', refuted: [{ statement: 0, claim: 'exact' }] } }, 'expect.refuted: a proven verdict refutes no claim'],
    ['a bad claim', { ...BASE, expect: { verdict: 'refuted', refuted: [{ statement: 0, claim: 'exactness' }] } }, 'expect.refuted[0].claim: expected one of "exact", "no-escalation", "safety", "minimality", "no-redundancy"'],
    ['a negative statement', { ...BASE, expect: { verdict: 'refuted', refuted: [{ statement: -1, claim: 'exact' }] } }, 'expect.refuted[0].statement: expected a statement index'],
    ['an example that is not a list', { ...BASE, expect: { verdict: 'refuted', refuted: [{ statement: 0, claim: 'exact', example: 's3:x' }] } }, 'expect.refuted[0].example: expected a list of counterexamples'],
    ['an example that is not a string', { ...BASE, expect: { verdict: 'refuted', refuted: [{ statement: 0, claim: 'exact', example: [1] }] } }, 'expect.refuted[0].example[0]: expected an action or string, got a number'],
  ])('refuses %s, naming the file and the JSON path', (_, value, message) => {
    const cleaned = JSON.parse(JSON.stringify(value)) as Json;
    expect(inputErrorOf(() => parse(cleaned))).toContain(`${FILE}: ${message}`);
  });
});
