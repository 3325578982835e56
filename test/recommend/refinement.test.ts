import { describe, expect, it } from 'vitest';
import { statementIdentity } from '../../src/recommend/refinement.js';
import { allow, policyOf } from '../support.js';

describe('statementIdentity', () => {
  it("takes a statement's index, Sid, effect and action key", () => {
    const policy = policyOf([allow('s3:*'), { ...allow('ec2:*', 'NotAction'), Sid: 'Rest' }]);
    expect(statementIdentity(policy.statements[1]!)).toEqual({ index: 1, sid: 'Rest', effect: 'Allow', actionKey: 'NotAction' });
  });
});
