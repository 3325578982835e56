import { describe, expect, it } from 'vitest';
import { allowedActions, allowedBy, matchedBy } from '../../src/policy/allowed.js';
import { parsePolicy } from '../../src/policy/parse.js';
import { catalogOf } from '../support.js';

const catalog = catalogOf({ s3: ['GetObject', 'GetObjectAcl', 'PutObject'], sqs: ['SendMessage'] });
const names = (indices: Iterable<number>): string[] => [...indices].map((index) => catalog.actions[index]!).sort();

describe('allowed actions', () => {
  it('matchedBy is what any pattern matches, case-insensitively', () => {
    expect(names(matchedBy(['S3:getobject*', 'sqs:Send?essage'], catalog))).toEqual(['s3:GetObject', 's3:GetObjectAcl', 'sqs:SendMessage']);
  });

  it('allowedBy takes NotAction as everything it does not match', () => {
    const policy = parsePolicy({ Statement: [{ Effect: 'Allow', NotAction: 's3:Get*', Resource: '*' }] }, 'p.json');
    expect(names(allowedBy(policy.statements[0]!, catalog))).toEqual(['s3:PutObject', 'sqs:SendMessage']);
  });

  it('allowedActions unites the Allow statements and ignores Deny ones', () => {
    const policy = parsePolicy(
      {
        Statement: [
          { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
          { Effect: 'Allow', Action: 'sqs:*', Resource: '*' },
          { Effect: 'Deny', Action: 's3:*', Resource: '*' },
        ],
      },
      'p.json',
    );
    expect(names(allowedActions(policy, catalog))).toEqual(['s3:GetObject', 'sqs:SendMessage']);
  });
});
