import { describe, expect, it } from 'vitest';
import { parseAccountFindings, type AccountFindings } from '../../src/account/findings.js';
import type { Json, JsonObject } from '../../src/input/json.js';
import { inputErrorOf } from '../support.js';
import { exampleAccount } from './_support.js';

const ROLE = 'arn:aws:iam::111122223333:role/R';
const response = (extra: JsonObject): JsonObject => ({
  id: 'f-1',
  resource: ROLE,
  status: 'ACTIVE',
  findingType: 'UnusedPermission',
  findingDetails: [{ unusedPermissionDetails: { serviceNamespace: 's3', actions: [{ action: 'GetObject' }] } }],
  ...extra,
});
const parse = (...values: Json[]): AccountFindings => parseAccountFindings(values.map((value, index) => ({ name: `f${index}.json`, value })));
const notices = (findings: AccountFindings): string[] => findings.notices.map((notice) => `${notice.resource} ${notice.findingType}: ${notice.message} (${notice.place.file})`);

describe('parseAccountFindings', () => {
  it('gathers the example findings: pages of one finding joined, other kinds and summaries without details reported', () => {
    const { findings } = exampleAccount();
    expect([...findings.unusedPermissions.values()].map((finding) => `${finding.resource.split(':').pop()} ${finding.ids.join(',')} ${finding.pages.length}`)).toEqual([
      'role/AppRole f-app-0001 2',
      'role/BatchRole f-batch-0001 1',
      'role/ReportsRole f-reports-0001 1',
      'user/alice f-alice-0001 1',
      'user/bob f-bob-0001 1',
    ]);
    expect(findings.notices.map((notice) => `${notice.resource.split(':').pop()}: ${notice.message}`)).toEqual([
      'role/IdleRole: unused role: the role itself was not used; consider deleting it',
      'user/bob: unused access key: consider deactivating it',
    ]);
  });

  it('reads a GetFindingV2 response, a list of them, and a ListFindingsV2 page, in any number of files', () => {
    const findings = parse(response({}), [response({ id: 'f-2', resource: `${ROLE}2` })], { findings: [{ id: 'f-3', resource: `${ROLE}3`, findingType: 'UnusedPermission', status: 'ACTIVE' }] });
    expect([...findings.unusedPermissions.keys()]).toEqual([ROLE, `${ROLE}2`]);
    expect(notices(findings)).toEqual([`${ROLE}3 UnusedPermission: unused permissions listed, but no GetFindingV2 details were given (aws accessanalyzer get-finding-v2 --id f-3): not refined (f2.json)`]);
  });

  it('reports rather than refines findings that are not active, and other kinds', () => {
    const findings = parse([
      response({ status: 'ARCHIVED' }),
      response({ id: 'f-2', findingType: 'UnusedIAMUserPassword', findingDetails: [{ unusedIamUserPasswordDetails: { lastAccessed: '2024-01-01T00:00:00Z' } }] }),
    ]);
    expect(findings.unusedPermissions.size).toBe(0);
    expect(notices(findings)).toEqual([
      `${ROLE} UnusedPermission: unused permissions (status ARCHIVED: not acted on) (f0.json)`,
      `${ROLE} UnusedIAMUserPassword: unused console password: consider removing it (f0.json)`,
    ]);
  });

  it('names the file and the JSON path of every error, the response\'s place in a list included', () => {
    const failure = (value: Json): string => inputErrorOf(() => parse(value));
    expect(failure(3)).toBe('f0.json: expected a GetFindingV2 response or a ListFindingsV2 page, got a number');
    expect(failure([response({}), response({ resource: 7 })])).toBe('f0.json: [1].resource: expected a non-empty string, got a number');
    expect(failure([response({ findingDetails: [{ unusedPermissionDetails: { serviceNamespace: 's3', actions: [4] } }] })])).toBe(
      'f0.json: [0].findingDetails[0].unusedPermissionDetails.actions[0]: expected an action name, got a number',
    );
    expect(failure({ findings: [{ id: 'x' }] })).toBe('f0.json: findings[0].resource: missing');
    expect(failure({ nextToken: 'x' })).toBe('f0.json: expected a GetFindingV2 response (with "findingDetails") or a ListFindingsV2 page (with "findings")');
  });
});
