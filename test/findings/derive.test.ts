import { describe, expect, it } from 'vitest';
import { derivationJson, deriveFromLastAccessed, deriveFromUsed, type Derivation, type DeriveOptions } from '../../src/findings/derive.js';
import { parseLastAccessed } from '../../src/findings/last-accessed.js';
import { parseUsedActions } from '../../src/findings/used-actions.js';
import type { Json } from '../../src/input/json.js';
import { textSource } from '../../src/input/read-json.js';
import type { Policy } from '../../src/policy/types.js';
import { allow, catalogOf, deny, inputErrorOf, policyOf } from '../support.js';
import { action, response, service } from './fixtures/last-accessed.js';

const catalog = catalogOf({
  s3: ['GetObject', 'GetObjectAcl', 'PutObject', 'ListBucket', 'DeleteBucket'],
  sqs: ['SendMessage', 'ReceiveMessage'],
  ec2: ['RunInstances', 'DescribeInstances'],
});
const everything = policyOf([allow('*')]);

// JobCompletionDate is 2024-06-20T10:00:05Z: with 90 days the window starts 2024-03-22T10:00:05Z.
const RECENT = '2024-06-01T00:00:00Z';
const LONG_AGO = '2023-11-02T00:00:00Z';
const SINCE = '2024-03-22T10:00:05Z';

const derive = (value: Json, policy: Policy | undefined = everything, options: DeriveOptions = {}): Derivation => deriveFromLastAccessed(parseLastAccessed(value, 'la.json'), 'la.json', catalog, policy, options);
const entries = (derivation: Derivation) => derivation.entries;
const rules = (derivation: Derivation) => derivation.services.map((entry) => [entry.serviceNamespace, entry.rule, entry.allowed, entry.unused]);

describe('deriveFromLastAccessed: the rules one by one', () => {
  it('a service never authenticated is unused as a whole', () => {
    const derived = derive(response([service('sqs')]));
    expect(entries(derived)).toEqual([{ serviceNamespace: 'sqs' }]);
    expect(rules(derived)).toContainEqual(['sqs', 'never-used', 2, 2]);
  });

  it('a service last authenticated before the window is unused as a whole, even with recent-looking tracked actions', () => {
    const derived = derive(response([service('s3', LONG_AGO, [action('GetObject', LONG_AGO)])]));
    expect(entries(derived)).toEqual([{ serviceNamespace: 's3' }]);
    expect(rules(derived)[0]).toEqual(['s3', 'used-before-window', 5, 5]);
  });

  it('in a used service tracked at action level, tracked actions never used or used before the window are unused', () => {
    const derived = derive(response([service('s3', RECENT, [action('DeleteBucket'), action('GetObjectAcl', LONG_AGO), action('ListBucket', RECENT), action('PutObject', SINCE)])]));
    // PutObject, used at the window's very start, is used: the window includes its start.
    expect(entries(derived)).toEqual([{ serviceNamespace: 's3', actions: ['DeleteBucket', 'GetObjectAcl'] }]);
    expect(rules(derived)[0]).toEqual(['s3', 'actions-judged', 5, 2]);
  });

  it('an action of that service the response does not list (untracked) is used, and reported as kept because untracked', () => {
    const derived = derive(response([service('s3', RECENT, [action('DeleteBucket'), action('ListBucket', RECENT)])]));
    expect(entries(derived)).toEqual([{ serviceNamespace: 's3', actions: ['DeleteBucket'] }]);
    expect(derived.services[0]!.untrackedKept).toEqual(['s3:GetObject', 's3:GetObjectAcl', 's3:PutObject']);
  });

  it('counts only what the policy allows, and reports untracked actions the policy allows', () => {
    const derived = derive(response([service('s3', RECENT, [action('DeleteBucket'), action('GetObjectAcl')])]), policyOf([allow('s3:Get*'), deny('s3:GetObjectAcl')]));
    expect(entries(derived)).toEqual([{ serviceNamespace: 's3', actions: ['DeleteBucket', 'GetObjectAcl'] }]);
    expect({ rule: rules(derived)[0], kept: derived.services[0]!.untrackedKept }).toEqual({ rule: ['s3', 'actions-judged', 2, 1], kept: ['s3:GetObject'] });
  });

  it('a used service without action-level tracking keeps everything', () => {
    const derived = derive(response([service('ec2', RECENT)]));
    expect(entries(derived)).toEqual([]);
    expect(rules(derived)[0]).toEqual(['ec2', 'not-tracked', 2, 0]);
    expect(derived.warnings.map((warning) => warning.message).filter((message) => message.includes('SERVICE_LEVEL'))).toEqual([]);
  });

  it('a SERVICE_LEVEL job judges whole services only, and says so when a used service could not be judged', () => {
    const derived = derive(response([service('ec2', RECENT), service('sqs')], { JobType: 'SERVICE_LEVEL' }), policyOf([allow(['ec2:*', 'sqs:*'])]));
    expect(entries(derived)).toEqual([{ serviceNamespace: 'sqs' }]);
    expect(derived.warnings).toEqual([
      {
        source: 'la.json',
        path: [],
        message: 'JobType is SERVICE_LEVEL: only whole services can be judged, so nothing in a used service is unused (generate the job with --granularity ACTION_LEVEL to judge actions)',
      },
    ]);
  });

  it('an empty response shows nothing unused, with a warning', () => {
    const derived = derive(response([]), policyOf([deny('s3:*')]));
    expect({ entries: entries(derived), warnings: derived.warnings.map((warning) => warning.message) }).toEqual({ entries: [], warnings: ['the response lists no service: nothing is judged unused'] });
  });

  it('a service the policy allows that the response does not list keeps everything, with a warning', () => {
    const derived = derive(response([service('sqs')]), policyOf([allow(['sqs:*', 'ec2:Describe*'])]));
    expect(entries(derived)).toEqual([{ serviceNamespace: 'sqs' }]);
    expect(rules(derived)).toEqual([
      ['sqs', 'never-used', 2, 2],
      ['ec2', 'not-listed', 1, 0],
    ]);
    expect(derived.warnings.map((warning) => warning.message)).toEqual(['the policy allows ec2, but the response does not list it: nothing in it is judged unused (was the job generated for this principal?)']);
  });

  it('--unused-days and --as-of move the window', () => {
    const value = response([service('s3', RECENT, [action('GetObject', '2024-05-01T00:00:00Z'), action('ListBucket', RECENT)])]);
    expect(entries(derive(value))).toEqual([]);
    expect(entries(derive(value, everything, { unusedDays: 30 }))).toEqual([{ serviceNamespace: 's3', actions: ['GetObject'] }]);
    expect(entries(derive(value, everything, { asOf: Date.parse('2024-08-15T00:00:00Z') }))).toEqual([{ serviceNamespace: 's3', actions: ['GetObject'] }]);
    // A use after the window's end still counts as used: evidence of use is never ignored.
    expect(entries(derive(value, everything, { asOf: Date.parse('2024-05-15T00:00:00Z'), unusedDays: 1 }))).toEqual([{ serviceNamespace: 's3', actions: ['GetObject'] }]);
    expect(derive(value, policyOf([allow('s3:*')]), { unusedDays: 500 }).warnings.map((warning) => warning.message)).toEqual([
      '--unused-days 500 is longer than the 400 days IAM tracks: "never used" only means not used in the tracking period',
    ]);
  });

  it('needs an end for the window', () => {
    const value = response([service('sqs')]);
    delete (value as Record<string, Json>).JobCompletionDate;
    expect(inputErrorOf(() => derive(value))).toBe('la.json: JobCompletionDate: missing; give the end of the window with --as-of');
    expect(entries(derive(value, everything, { asOf: Date.parse('2024-06-20') }))).toEqual([{ serviceNamespace: 'sqs' }]);
  });

  it('warns about services and actions the catalog does not know, naming the response; --strict refuses them', () => {
    const value = response([service('nosvc'), service('s3', RECENT, [action('GetNothing')])]);
    const derived = derive(value);
    expect(entries(derived)).toEqual([{ serviceNamespace: 'nosvc' }, { serviceNamespace: 's3', actions: ['GetNothing'] }]);
    expect(derived.warnings.map((warning) => [warning.path, warning.message])).toEqual([
      [['ServicesLastAccessed', 0, 'ServiceNamespace'], 'unknown service "nosvc" in catalog file sha256:test-catalog; its actions cannot be refined'],
      [['ServicesLastAccessed', 1, 'TrackedActionsLastAccessed', 0, 'ActionName'], 'unknown action "s3:GetNothing" in catalog file sha256:test-catalog; wildcards are refined without it'],
      [['ServicesLastAccessed'], 'the policy allows ec2, sqs, but the response does not list them: nothing in them is judged unused (was the job generated for this principal?)'],
    ]);
    expect(inputErrorOf(() => derive(value, everything, { strict: true }))).toBe(
      'la.json: ServicesLastAccessed[0].ServiceNamespace: unknown service "nosvc" in catalog file sha256:test-catalog; --strict refuses it (without --strict: a warning)',
    );
  });
});

describe('deriveFromUsed', () => {
  const used = (text: string, policy: Policy) => deriveFromUsed(parseUsedActions(textSource('used.txt', text)), 'used.txt', catalog, policy);

  it('is what the policy allows on the catalog minus the used actions; a service wholly unused is written as such', () => {
    const derived = used('s3:GetObject\ns3:listbucket\n', policyOf([allow(['s3:*', 'sqs:Send*']), deny('s3:PutObject')]));
    expect(entries(derived)).toEqual([{ serviceNamespace: 's3', actions: ['DeleteBucket', 'GetObjectAcl', 'PutObject'] }, { serviceNamespace: 'sqs', actions: ['SendMessage'] }]);
    expect(rules(used('', policyOf([allow('sqs:*')])))).toEqual([['sqs', 'used-list', 2, 2]]);
    expect(entries(used('', policyOf([allow('sqs:*')])))).toEqual([{ serviceNamespace: 'sqs' }]);
  });

  it('warns about a used action the catalog does not know', () => {
    const derived = used('s3:GetObject\ns3:GetNothing\n', policyOf([allow('s3:GetObject')]));
    expect(entries(derived)).toEqual([]);
    expect(derived.warnings).toEqual([{ source: 'used.txt', path: [], message: 'line 2: unknown action "s3:GetNothing" in catalog file sha256:test-catalog; it cannot be matched against the policy' }]);
  });
});

describe('derivationJson', () => {
  it('reports the source, the window, the counts per service and what was kept because untracked', () => {
    const derived = derive(response([service('s3', RECENT, [action('DeleteBucket'), action('ListBucket', RECENT)]), service('sqs')]), policyOf([allow(['s3:*', 'sqs:*'])]));
    expect(derivationJson(derived, { name: 'la.json', sha256: 'abc' })).toEqual({
      source: { kind: 'last-accessed', file: 'la.json', sha256: 'abc' },
      window: { unusedDays: 90, asOf: '2024-06-20T10:00:05.000Z', asOfFrom: 'JobCompletionDate', since: '2024-03-22T10:00:05.000Z' },
      jobType: 'ACTION_LEVEL',
      services: [
        { serviceNamespace: 's3', rule: 'actions-judged', lastAuthenticated: '2024-06-01T00:00:00.000Z', allowed: 5, unused: 1, untrackedKept: 3 },
        { serviceNamespace: 'sqs', rule: 'never-used', allowed: 2, unused: 2 },
      ],
      untrackedKept: ['s3:GetObject', 's3:GetObjectAcl', 's3:PutObject'],
      unused: [{ serviceNamespace: 's3', actions: ['DeleteBucket'] }, { serviceNamespace: 'sqs' }],
    });
  });
});
