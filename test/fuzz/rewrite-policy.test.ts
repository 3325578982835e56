import { describe, expect, it } from 'vitest';
import { rewritePolicy } from '../../src/fuzz/rewrite-policy.js';
import type { JsonObject } from '../../src/input/json.js';

describe('rewritePolicy', () => {
  const document: JsonObject = {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket', 'ec2:Describe*'], Resource: 'arn:aws:s3:::Bucket/*' },
      { Effect: 'Allow', NotAction: ['iam:*', 'sts:*'], Resource: ['arn:aws:s3:::a', 'arn:aws:s3:::b'] },
      { Effect: 'Deny', Action: 's3:DeleteObject', NotResource: ['arn:aws:s3:::x', 'arn:aws:s3:::y'] },
    ],
  };

  it('splits Action and Resource lists, never NotAction or NotResource, keeps resources as written, and is seeded', () => {
    const rewritten = rewritePolicy(document, 7);
    const statements = rewritten.Statement as { Sid?: string; Action?: string[]; NotAction?: string[]; Resource?: unknown; NotResource?: unknown }[];
    expect(statements).toHaveLength(5);
    expect(statements.filter((statement) => statement.Sid?.startsWith('Read')).map((statement) => statement.Sid).sort()).toEqual(['ReadA', 'ReadB']);
    expect(statements.filter((statement) => statement.Sid?.startsWith('Read')).flatMap((statement) => statement.Action!).map((action) => action.toLowerCase()).sort()).toEqual(['ec2:describe*', 's3:getobject', 's3:listbucket']);
    const notAction = statements.filter((statement) => statement.NotAction !== undefined);
    expect(notAction.map((statement) => statement.Resource).sort()).toEqual([['arn:aws:s3:::a'], ['arn:aws:s3:::b']]);
    expect(notAction.every((statement) => statement.NotAction!.length === 2)).toBe(true);
    expect(statements.find((statement) => statement.NotResource !== undefined)!.NotResource).toEqual(['arn:aws:s3:::x', 'arn:aws:s3:::y']);
    expect(JSON.stringify(statements)).toContain('arn:aws:s3:::Bucket/*');
    expect(rewritePolicy(document, 7)).toEqual(rewritten);
    expect(rewritePolicy(document, 8)).not.toEqual(rewritten);
  });
});
