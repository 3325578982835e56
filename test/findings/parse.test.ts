import { describe, expect, it } from 'vitest';
import { parseUnusedEntries, parseUnusedInput } from '../../src/findings/parse.js';
import type { UnusedEntry } from '../../src/findings/unused-set.js';
import type { Json } from '../../src/input/json.js';
import { inputErrorOf } from '../support.js';

const parse = (value: Json): UnusedEntry[] => parseUnusedEntries(value, 'unused.json');
const failure = (value: Json): string => inputErrorOf(() => parse(value));

/** Each entry as `service: names` (or `service: *` for the whole service). */
const summary = (entries: readonly UnusedEntry[]): string[] => entries.map((entry) => `${entry.service}: ${entry.actions === undefined ? '*' : entry.actions.map((action) => action.name).join(' ')}`);

const PAGE: Json = {
  id: 'f-123',
  resource: 'arn:aws:iam::111122223333:role/MyRole',
  findingType: 'UnusedPermission',
  findingDetails: [
    { unusedPermissionDetails: { serviceNamespace: 'lambda', actions: [{ action: 'AddPermission', lastAccessed: '2024-01-02T00:00:00Z' }], lastAccessed: '2024-03-01T00:00:00Z' } },
    { unusedPermissionDetails: { serviceNamespace: 'sqs' } },
  ],
};

describe('parseUnusedEntries', () => {
  it('reads a GetFindingV2 page: action objects by name, an entry without actions as the whole service', () => {
    expect(parse(PAGE)).toEqual([
      { service: 'lambda', actions: [{ name: 'AddPermission', path: ['findingDetails', 0, 'unusedPermissionDetails', 'actions', 0, 'action'] }], path: ['findingDetails', 0, 'unusedPermissionDetails'] },
      { service: 'sqs', actions: undefined, path: ['findingDetails', 1, 'unusedPermissionDetails'] },
    ]);
  });

  it('reads a list of pages, with paths that start at the page', () => {
    const entries = parse([PAGE, { findingDetails: [{ unusedPermissionDetails: { serviceNamespace: 's3', actions: ['GetObject'] } }] }]);
    expect(summary(entries)).toEqual(['lambda: AddPermission', 'sqs: *', 's3: GetObject']);
    expect(entries[2]?.actions?.[0]?.path).toEqual([1, 'findingDetails', 0, 'unusedPermissionDetails', 'actions', 0]);
  });

  it('ignores the finding kinds that carry no permissions: unused roles, access keys and passwords', () => {
    const page: Json = {
      findingDetails: [
        { unusedIamRoleDetails: { lastAccessed: '2024-01-01T00:00:00Z' } },
        { unusedIamUserAccessKeyDetails: { accessKeyId: 'AKIA', lastAccessed: '2024-01-01T00:00:00Z' } },
        { unusedIamUserPasswordDetails: { lastAccessed: '2024-01-01T00:00:00Z' } },
      ],
    };
    expect(parse(page)).toEqual([]);
  });

  it('reads the short form of the article', () => {
    expect(parse([{ serviceNamespace: 's3', actions: ['GetBucketPolicy', 'GetBucketAcl'] }])).toEqual([
      {
        service: 's3',
        actions: [
          { name: 'GetBucketPolicy', path: [0, 'actions', 0] },
          { name: 'GetBucketAcl', path: [0, 'actions', 1] },
        ],
        path: [0],
      },
    ]);
  });

  it('mixes short entries and pages in one list', () => {
    expect(summary(parse([{ serviceNamespace: 'ec2' }, PAGE]))).toEqual(['ec2: *', 'lambda: AddPermission', 'sqs: *']);
  });

  it('takes names bare or prefixed with their own service, in any case, and strips the prefix', () => {
    expect(summary(parse([{ serviceNamespace: 's3', actions: ['s3:GetObject', 'S3:putobject', 'listbucket', { action: 's3:GetBucketAcl' }] }]))).toEqual(['s3: GetObject putobject listbucket GetBucketAcl']);
  });

  it('reads an empty actions list as no unused action, not as the whole service', () => {
    expect(summary(parse([{ serviceNamespace: 's3', actions: [] }]))).toEqual(['s3: ']);
  });

  it('refuses a name prefixed with another service rather than guessing', () => {
    expect(failure([{ serviceNamespace: 's3', actions: ['GetObject', 'ec2:GetObject'] }])).toBe('unused.json: [0].actions[1]: "ec2:GetObject" belongs to another service than "s3"');
  });

  it('refuses names that are not action names', () => {
    expect(failure([{ serviceNamespace: 's3', actions: ['Get Object'] }])).toBe('unused.json: [0].actions[0]: "Get Object" is not an action name');
    expect(failure([{ serviceNamespace: 's3', actions: ['s3:'] }])).toBe('unused.json: [0].actions[0]: "s3:" is not an action name');
    expect(failure([{ serviceNamespace: 's3', actions: ['Get*'] }])).toBe('unused.json: [0].actions[0]: "Get*" is not an action name');
  });

  it('names the path of an action of the wrong type, inside an action object too', () => {
    expect(failure([{ serviceNamespace: 's3', actions: [5] }])).toBe('unused.json: [0].actions[0]: expected an action name, got a number');
    expect(failure([{ serviceNamespace: 's3', actions: [{ action: 5 }] }])).toBe('unused.json: [0].actions[0].action: expected an action name, got a number');
    expect(failure([{ serviceNamespace: 's3', actions: [{ name: 'GetObject' }] }])).toBe('unused.json: [0].actions[0].action: expected an action name, got nothing');
  });

  it('refuses actions that are not a list', () => {
    expect(failure([{ serviceNamespace: 's3', actions: 'GetObject' }])).toBe('unused.json: [0].actions: expected a list, got a string');
  });

  it('refuses a missing or malformed serviceNamespace', () => {
    expect(failure([{ serviceNamespace: 5 }])).toBe('unused.json: [0].serviceNamespace: expected a service prefix such as "s3", got 5');
    expect(failure([{ serviceNamespace: 's3:x' }])).toBe('unused.json: [0].serviceNamespace: expected a service prefix such as "s3", got "s3:x"');
    expect(failure({ findingDetails: [{ unusedPermissionDetails: { actions: [] } }] })).toBe('unused.json: findingDetails[0].unusedPermissionDetails.serviceNamespace: missing');
  });

  it('refuses documents of another shape, naming where', () => {
    expect(failure({ foo: 1 })).toBe('unused.json: expected a GetFindingV2 response (with "findingDetails") or a list of {"serviceNamespace", "actions"} entries');
    expect(failure('s3:GetObject')).toBe('unused.json: expected a GetFindingV2 response or a list, got a string');
    expect(failure([1])).toBe('unused.json: [0]: expected an object, got a number');
    expect(failure([{ actions: [] }])).toBe('unused.json: [0]: expected a GetFindingV2 page (with "findingDetails") or an entry with "serviceNamespace"');
  });

  it('refuses malformed pages, naming where', () => {
    expect(failure([{ findingDetails: 'x' }])).toBe('unused.json: [0].findingDetails: expected a list, got a string');
    expect(failure({ findingDetails: [5] })).toBe('unused.json: findingDetails[0]: expected an object, got a number');
    expect(failure({ findingDetails: [{ unusedPermissionDetails: [] }] })).toBe('unused.json: findingDetails[0].unusedPermissionDetails: expected an object, got a list');
  });
});

// Regression (was a bug): recommend used an archived finding, and an unused-role finding, silently, while account reports both.
describe('parseUnusedInput', () => {
  const input = (value: Json) => {
    const { entries, warnings } = parseUnusedInput(value, 'unused.json');
    return { entries: summary(entries), warnings: warnings.map((warning) => `${warning.path.join('.')}: ${warning.message}`) };
  };

  it('reads active unused-permission findings and short entries as parseUnusedEntries does, without warnings', () => {
    expect(input([PAGE, { ...(PAGE as object), status: 'ACTIVE' }, { serviceNamespace: 's3' }])).toEqual({ entries: ['lambda: AddPermission', 'sqs: *', 'lambda: AddPermission', 'sqs: *', 's3: *'], warnings: [] });
  });

  it('leaves out an archived or resolved finding, with a warning naming it', () => {
    expect(input([{ ...(PAGE as object), status: 'ARCHIVED' }, { ...(PAGE as object), id: 'f-9', status: 'RESOLVED' }])).toEqual({
      entries: [],
      warnings: [
        '0: finding f-123 (UnusedPermission): unused permissions (status ARCHIVED: not acted on); its unused actions are left out',
        '1: finding f-9 (UnusedPermission): unused permissions (status RESOLVED: not acted on); its unused actions are left out',
      ],
    });
  });

  it('warns of a finding of another kind, by its type or by its details', () => {
    const role = { id: 'f-2', findingType: 'UnusedIAMRole', findingDetails: [{ unusedIamRoleDetails: { lastAccessed: '2024-01-01T00:00:00Z' } }] };
    const untyped = { findingDetails: [{ unusedIamUserAccessKeyDetails: { accessKeyId: 'AKIA' } }] };
    expect(input([role, untyped])).toEqual({
      entries: [],
      warnings: [
        '0: finding f-2 (UnusedIAMRole): unused role: the role itself was not used; consider deleting it; it lists no permissions to refine',
        '1: finding (UnusedIAMUserAccessKey): unused access key: consider deactivating it; it lists no permissions to refine',
      ],
    });
  });

  it('still refuses a malformed finding that it would leave out', () => {
    expect(inputErrorOf(() => parseUnusedInput({ status: 'ARCHIVED', findingDetails: [5] }, 'unused.json'))).toBe('unused.json: findingDetails[0]: expected an object, got a number');
  });
});
