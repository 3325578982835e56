import { describe, expect, it } from 'vitest';
import type { ClaimVerdict } from '../../src/prove/check.js';
import { RECORD_FORMAT, recordDifferences, recordOf, updatedRecord } from '../../src/suite/record.js';
import type { CaseResult } from '../../src/suite/run-case.js';

const claim = (statement: number, id: ClaimVerdict['claim'], example?: string): ClaimVerdict => ({
  statement,
  claim: id,
  verdict: 'proven',
  obligations: 2,
  ...(example === undefined ? {} : { example }),
  explanation: 'wording that may change',
});

/** A passed case as a run reports it; only what a record keeps is filled in with care. */
function result(id: string, claims: ClaimVerdict[], solverMs = 10): CaseResult {
  return {
    spec: { id, suite: id.slice(0, id.lastIndexOf('/')) } as CaseResult['spec'],
    status: 'passed',
    problems: [],
    judged: { verdict: 'proven', claims, findings: [], obligations: 4, solverMs, action: 'CREATE_POLICY', size: 120 },
    snapshot: 'equal',
    timeMs: solverMs * 2,
  };
}

describe('recordOf', () => {
  it('keeps verdicts, sizes and one line per claim with its witness, names cases relative to the record, and no times', () => {
    const record = recordOf([result('proofs/article/own', [claim(0, 'exact'), claim(1, 'minimality', 's3:GetAccelerateConfiguration')], 999)], 'proofs/record.json');
    expect(record).toEqual({
      format: RECORD_FORMAT,
      cases: {
        'article/own': {
          status: 'passed',
          verdict: 'proven',
          action: 'CREATE_POLICY',
          size: 120,
          obligations: 4,
          claims: ['statement 0 · claim 1 · proven · 2 obligations', 'statement 1 · claim 4 · proven · 2 obligations · s3:GetAccelerateConfiguration'],
        },
      },
    });
  });

  it('is the same for two runs that differ only in time', () => {
    const claims = [claim(1, 'no-redundancy', 's3:GetAccessGrant')];
    expect(recordOf([result('proofs/a/x', claims, 1)], 'proofs/record.json')).toEqual(recordOf([result('proofs/a/x', claims, 5000)], 'proofs/record.json'));
  });
});

describe('recordDifferences', () => {
  const recorded = recordOf([result('proofs/a/x', [claim(1, 'minimality', 's3:GetA')]), result('proofs/b/y', [])], 'proofs/record.json');

  it('finds nothing when the run is as recorded, even when it ran one suite only', () => {
    expect(recordDifferences(recorded, recordOf([result('proofs/a/x', [claim(1, 'minimality', 's3:GetA')])], 'proofs/record.json'), 'proofs/record.json')).toEqual([]);
  });

  it('names a changed witness, a new case and a case of the same suite gone missing', () => {
    const run = recordOf([result('proofs/a/x', [claim(1, 'minimality', 's3:GetB')]), result('proofs/a/z', [])], 'proofs/record.json');
    expect(recordDifferences(recorded, run, 'proofs/record.json')).toEqual([
      'a/x: now statement 1 · claim 4 · proven · 2 obligations · s3:GetB; was statement 1 · claim 4 · proven · 2 obligations · s3:GetA',
      'a/z: not in the record',
    ]);
    expect(recordDifferences(recorded, recordOf([result('proofs/b/w', [])], 'proofs/record.json'), 'proofs/record.json')).toEqual(['b/w: not in the record', 'b/y: in the record, not in this run']);
  });

  it('names a changed verdict field and refuses what is not a record', () => {
    const run = recordOf([{ ...result('proofs/a/x', [claim(1, 'minimality', 's3:GetA')]), status: 'failed' }], 'proofs/record.json');
    expect(recordDifferences(recorded, run, 'proofs/record.json')).toEqual(['a/x: status "passed" → "failed"']);
    expect(recordDifferences({ cases: {} }, run, 'r.json')).toEqual([`r.json: not a proof record (expected "format": "${RECORD_FORMAT}" and "cases")`]);
  });
});

describe('updatedRecord', () => {
  it("replaces the cases of the suites the run touched and keeps the others', in name order", () => {
    const earlier = recordOf([result('proofs/a/x', []), result('proofs/a/gone', []), result('proofs/b/y', [])], 'proofs/record.json');
    const run = recordOf([result('proofs/a/x', [claim(0, 'exact')]), result('proofs/a/new', [])], 'proofs/record.json');
    const updated = updatedRecord(earlier, run) as { cases: Record<string, unknown> };
    expect(Object.keys(updated.cases)).toEqual(['a/new', 'a/x', 'b/y']);
    expect(updated.cases['a/x']).toEqual((run.cases as Record<string, unknown>)['a/x']);
  });

  it('is the run itself when there is no earlier record', () => {
    const run = recordOf([result('proofs/a/x', [])], 'proofs/record.json');
    expect(updatedRecord(undefined, run)).toBe(run);
  });
});
