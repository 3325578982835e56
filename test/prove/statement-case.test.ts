import { describe, expect, it } from 'vitest';
import type { Json } from '../../src/input/json.js';
import { statementCases, type StatementCase } from '../../src/prove/statement-case.js';
import { allow, deny } from '../support.js';
import { inputOf } from './_support.js';

/** The cases in a form to compare whole: pattern sets as their texts. */
function casesOf(original: Json, recommended: Json | undefined): { index: number; kind: string; original: readonly string[]; refined: readonly string[] | undefined; changed: boolean }[] {
  return statementCases(inputOf(original, recommended)).cases.map((statement: StatementCase) => ({
    index: statement.index,
    kind: statement.kind,
    original: statement.original.texts,
    refined: statement.refined?.texts,
    changed: statement.changed,
  }));
}

const structuralOf = (original: Json, recommended: Json | undefined) => statementCases(inputOf(original, recommended)).structural;

describe('statementCases', () => {
  it('pairs each Allow statement with its refinement, marking which changed', () => {
    expect(casesOf([allow('s3:Get*'), allow('iam:*')], [allow('s3:GetObject*'), allow('iam:*')])).toEqual([
      { index: 0, kind: 'Action', original: ['s3:Get*'], refined: ['s3:GetObject*'], changed: true },
      { index: 1, kind: 'Action', original: ['iam:*'], refined: ['iam:*'], changed: false },
    ]);
  });

  it('counts a reordered pattern list as changed', () => {
    expect(casesOf([allow(['s3:Get*', 'iam:*'])], [allow(['iam:*', 's3:Get*'])]).map((statement) => statement.changed)).toEqual([true]);
  });

  it('marks a dropped statement as refined to nothing', () => {
    expect(casesOf([allow('s3:GetBucket*'), allow('iam:*')], [allow('iam:*')])).toEqual([
      { index: 0, kind: 'Action', original: ['s3:GetBucket*'], refined: undefined, changed: true },
      { index: 1, kind: 'Action', original: ['iam:*'], refined: ['iam:*'], changed: false },
    ]);
  });

  it('refines every statement to nothing for DETACH_POLICY', () => {
    expect(casesOf([allow('s3:GetBucket*')], undefined)).toEqual([{ index: 0, kind: 'Action', original: ['s3:GetBucket*'], refined: undefined, changed: true }]);
  });

  it('keeps the NotAction kind', () => {
    expect(casesOf([allow('s3:*', 'NotAction')], [allow(['s3:*', 'iam:ListUsers'], 'NotAction')])).toEqual([
      { index: 0, kind: 'NotAction', original: ['s3:*'], refined: ['s3:*', 'iam:ListUsers'], changed: true },
    ]);
  });

  it('decides an unchanged Deny statement on structure alone, as holding', () => {
    const { cases, structural } = statementCases(inputOf([allow('s3:Get*'), deny('iam:*')], [allow('s3:GetObject*'), deny('iam:*')]));
    expect({ cases: cases.map((statement) => statement.index), structural }).toEqual({
      cases: [0],
      structural: [{ id: 's1-no-escalation-deny', claim: 'no-escalation', statement: 1, holds: true, explanation: 'Deny statement unchanged' }],
    });
  });

  it('refutes no escalation for a changed Deny statement', () => {
    expect(structuralOf([allow('s3:Get*'), deny(['iam:*', 's3:PutObject'])], [allow('s3:Get*'), deny('iam:*')])).toEqual([
      { id: 's1-no-escalation-deny', claim: 'no-escalation', statement: 1, holds: false, explanation: 'a Deny statement was changed' },
    ]);
  });

  it('refutes no escalation for a dropped Deny statement', () => {
    expect(structuralOf([allow('s3:Get*'), deny('iam:*')], [allow('s3:Get*')])).toEqual([
      { id: 's1-no-escalation-deny', claim: 'no-escalation', statement: 1, holds: false, explanation: 'a Deny statement was dropped' },
    ]);
  });

  it('refutes no escalation for a recommended statement without an original counterpart, by its recommended index', () => {
    expect(structuralOf([allow('s3:Get*')], [allow('s3:Get*'), { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' }])).toEqual([
      {
        id: 'r1-no-escalation-unmatched',
        claim: 'no-escalation',
        statement: 1,
        holds: false,
        explanation: 'recommended statement 1 has no original counterpart (a new statement, or a changed effect or non-action field)',
      },
    ]);
  });
});
