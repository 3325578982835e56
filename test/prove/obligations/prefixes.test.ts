import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/input/json.js';
import type { Obligation } from '../../../src/prove/obligation.js';
import { prefixObligations } from '../../../src/prove/obligations/prefixes.js';
import { allow } from '../../support.js';
import { caseOf, inputOf, sharedPool, solveAll } from '../_support.js';

const pool = sharedPool();

function prefixes(original: Json, recommended: Json | undefined): Obligation[] {
  return prefixObligations(caseOf(inputOf(original, recommended)));
}

describe('prefixObligations', () => {
  it('states one file per statement over the patterns written as regexes, original and refined, expected unsat', async () => {
    const obligations = prefixes([allow(['s3:*Object*', 's3:Get*', 'iam:Get?ser', '*:List*'])], [allow(['s3:*Object', 'iam:GetUser'])]);
    expect(obligations.map(({ id, claim, statement, expected, title }) => ({ id, claim, statement, expected, title }))).toEqual([
      { id: 's0-exact-prefixes', claim: 'exact', statement: 0, expected: 'unsat', title: 'statement 0: the 3 patterns with a wildcard inside match only strings that start with their literal prefix' },
    ]);
    const script = obligations[0]!.script;
    // The patterns defined by their prefix (s3:Get*, iam:GetUser) and those with an empty prefix (*:List*) are not asked about.
    expect(script).toContain('(define-fun o0 () RegLan (re.++ (str.to_re "s3:") re.all (str.to_re "object") re.all)) ; s3:*Object*');
    expect(script).toContain('(str.in_re w (re.diff o2 (re.++ (str.to_re "iam:get") re.all)))');
    expect(script).toContain('(str.in_re w (re.diff r0 (re.++ (str.to_re "s3:") re.all)))');
    expect(script).not.toMatch(/; s3:Get\*|; \*:List\*|; iam:GetUser/);
    expect((await solveAll(pool(), obligations)).map(({ status, verdict }) => [status, verdict])).toEqual([['unsat', 'proven']]);
  });

  it('states nothing when every pattern is defined by its prefix', () => {
    expect(prefixes([allow(['s3:Get*', 'iam:GetUser', '*'])], [allow(['s3:GetObject*'])])).toEqual([]);
    expect(prefixes([allow(['*:Get*', '?3:Get*'])], undefined)).toEqual([]);
  });

  it('is refuted if a regex escapes its prefix, and its replay trusts only the concrete matcher', async () => {
    const [obligation] = prefixes([allow(['s3:*Object'])], undefined);
    // As a wrong glob-to-regex translation would write it: the prefix's last character made optional.
    const broken = { ...obligation!, script: obligation!.script.replace('(str.to_re "s3:") re.all (str.to_re "object")', '(str.to_re "s3") (re.opt (str.to_re ":")) re.all (str.to_re "object")') };
    expect(broken.script).not.toBe(obligation!.script);
    const [solved] = await solveAll(pool(), [broken]);
    expect(solved!.status).toBe('sat');
    // The witness starts "s3" and misses the ":": the concrete matcher does not match it, so the replay rejects it.
    expect(obligation!.replay(['s3:xobject'])).toBe(false);
    expect(obligation!.refutation(['s3xobject']).explanation).toBe('pattern of the statement matches "s3xobject", which does not start with its literal prefix');
  });
});
