import { describe, expect, it } from 'vitest';
import { checkReportJson, claimJson, obligationJson } from '../../src/prove/report-json.js';
import type { JsonObject } from '../../src/input/json.js';
import { allow, deny } from '../support.js';
import { inputOf, PARTED_CATALOG, reportWithout } from './_support.js';

// On the catalog of several parts: claims 1 and 3 have an obligation each for iam and for s3.
const REPORT = reportWithout(inputOf([allow(['s3:Get*', 'iam:*'])], [allow(['s3:GetObject*', 'iam:GetUser'])], { catalog: PARTED_CATALOG }), { 's0-safety-iam': { status: 'timeout', timeMs: 50, reason: 'timeout' } }, { version: 'Z3 test', workers: 2 }, 1234.56);
const result = (id: string) => REPORT.obligations.find((entry) => entry.obligation.id === id)!;

describe('claimJson', () => {
  it('writes a claim with its number, keys in a fixed order, and the example when there is one', () => {
    expect(Object.entries(claimJson(REPORT.claims[3]!))).toEqual([
      ['statement', 0],
      ['claim', 'minimality'],
      ['number', 4],
      ['verdict', 'proven'],
      ['obligations', 2],
      ['example', 's3:GetBucketAcl'],
      ['explanation', '2 obligations proven'],
    ]);
  });

  it('leaves the example out when there is none', () => {
    expect(claimJson(REPORT.claims[0]!)).toEqual({ statement: 0, claim: 'exact', number: 1, verdict: 'proven', obligations: 2, explanation: '2 obligations proven' });
  });
});

describe('obligationJson', () => {
  it('writes an obligation with its outcome, keys in a fixed order, the named witnesses of a proven existence', () => {
    expect(Object.entries(obligationJson(result('s0-minimality-iam')))).toEqual([
      ['id', 's0-minimality-iam'],
      ['claim', 'minimality'],
      ['statement', 0],
      ['title', 'statement 0: "iam:GetUser" not to "iam:*": no shorter prefix can stand'],
      ['expected', 'unsat'],
      ['actual', 'unsat'],
      ['verdict', 'proven'],
      ['witnesses', ['iam:ListUsers']],
      ['timeMs', 1],
    ]);
  });

  it('writes the part of a ground obligation after its statement, and no witnesses for a proven unsat without named ones', () => {
    expect(Object.entries(obligationJson(result('s0-exact-s3')))).toEqual([
      ['id', 's0-exact-s3'],
      ['claim', 'exact'],
      ['statement', 0],
      ['part', 's3'],
      ['title', 'statement 0: s3 actions allowed exactly when used and allowed before'],
      ['expected', 'unsat'],
      ['actual', 'unsat'],
      ['verdict', 'proven'],
      ['timeMs', 1],
    ]);
  });

  it("writes a refuted existence's witness as the solver named it, not the candidates", () => {
    const refuted = reportWithout(inputOf([allow('ec2:*', 'NotAction')], [allow(['ec2:*', 's3:GetBucketAcl', 'iam:ListUsers'], 'NotAction')]), {
      's0-minimality-s3': { status: 'sat', timeMs: 1, witnesses: ['s3:GetBucketAcl'] },
    });
    const entry = obligationJson(refuted.obligations.find((item) => item.obligation.id === 's0-minimality-s3')!);
    expect({ expected: entry.expected, actual: entry.actual, verdict: entry.verdict, witnesses: entry.witnesses }).toEqual({ expected: 'unsat', actual: 'sat', verdict: 'refuted', witnesses: ['s3:GetBucketAcl'] });
  });

  it('puts extra fields before the results, and notes why a verdict is unknown', () => {
    expect(Object.entries(obligationJson(result('s0-safety-iam'), { file: 'obligations/s0-safety-iam.smt2' }))).toEqual([
      ['id', 's0-safety-iam'],
      ['claim', 'safety'],
      ['statement', 0],
      ['part', 'iam'],
      ['title', 'statement 0: no unused iam action is allowed'],
      ['file', 'obligations/s0-safety-iam.smt2'],
      ['expected', 'unsat'],
      ['actual', 'timeout'],
      ['verdict', 'unknown'],
      ['note', 'timeout'],
      ['timeMs', 50],
    ]);
  });
});

describe('checkReportJson', () => {
  it('writes the verdict, the solver, the catalog, the claims, structure and obligations, with the time rounded', () => {
    const json = checkReportJson(REPORT);
    expect({ keys: Object.keys(json), verdict: json.verdict, solver: json.solver, workers: json.workers, catalog: json.catalog, granularity: json.granularity, timeMs: json.timeMs }).toEqual({
      keys: ['verdict', 'solver', 'workers', 'catalog', 'granularity', 'claims', 'statements', 'structural', 'obligations', 'timeMs'],
      verdict: 'unknown',
      solver: 'Z3 test',
      workers: 2,
      catalog: PARTED_CATALOG.identity,
      granularity: 'word',
      timeMs: 1235,
    });
  });

  it('writes every claim and obligation as claimJson and obligationJson do', () => {
    const json = checkReportJson(REPORT);
    expect({ claims: json.claims, obligations: json.obligations }).toEqual({ claims: REPORT.claims.map(claimJson), obligations: REPORT.obligations.map((entry) => obligationJson(entry)) });
  });

  it("names each claim's statement by its Sid right after its index, and each statement's fate and why", () => {
    const report = reportWithout(inputOf([{ Sid: 'Read', ...allow('s3:Get*') }, deny('ec2:*')], [{ Sid: 'Read', ...allow('s3:GetObject*') }, deny('ec2:*')]));
    const json = checkReportJson(report);
    expect(Object.keys((json.claims as readonly JsonObject[])[0]!).slice(0, 3)).toEqual(['statement', 'sid', 'claim']);
    expect((json.claims as readonly JsonObject[]).map((claim) => [claim.statement, claim.sid ?? null])).toEqual(report.claims.map((claim) => [claim.statement, claim.statement === 0 ? 'Read' : null]));
    expect(json.statements).toEqual([
      { index: 0, sid: 'Read', effect: 'Allow', fate: 'refined' },
      { index: 1, effect: 'Deny', fate: 'unchanged', reason: 'a Deny statement: refinement narrows only what is allowed' },
    ]);
  });

  it('writes the structural results as they are', () => {
    const report = reportWithout(inputOf([allow('s3:Get*')], [allow('s3:GetObj*')]));
    expect(checkReportJson(report).structural).toEqual([
      { id: 's0-minimality-r0-node', claim: 'minimality', statement: 0, holds: false, example: 's3:GetObj*', explanation: '"s3:GetObj*" does not end at a word boundary of an action the statement allows' },
    ]);
  });
});
