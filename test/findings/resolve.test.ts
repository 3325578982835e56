import { describe, expect, it } from 'vitest';
import { resolveUnused } from '../../src/findings/resolve.js';
import { parseUnusedEntries } from '../../src/findings/parse.js';
import type { UnusedSet } from '../../src/findings/unused-set.js';
import type { Json } from '../../src/input/json.js';
import { catalogOf, inputErrorOf } from '../support.js';

const catalog = catalogOf({ s3: ['GetObject', 'PutObject', 'ListBucket'], sqs: ['SendMessage', 'ReceiveMessage'], s3express: ['CreateSession'] }, 'c0ffee');
const resolve = (value: Json, strict = false): UnusedSet => resolveUnused(parseUnusedEntries(value, 'unused.json'), catalog, 'unused.json', { strict });

describe('resolveUnused', () => {
  it('keeps the listed actions lower-cased, whatever case they came in', () => {
    expect([...resolve([{ serviceNamespace: 'S3', actions: ['GETOBJECT', 's3:listBucket'] }]).actions]).toEqual(['s3:getobject', 's3:listbucket']);
  });

  it('expands a whole-service entry to every action of that service only (not s3express for s3)', () => {
    expect([...resolve([{ serviceNamespace: 's3' }]).actions].sort()).toEqual(['s3:getobject', 's3:listbucket', 's3:putobject']);
  });

  it('merges repeated entries', () => {
    const unused = resolve([{ serviceNamespace: 's3', actions: ['GetObject'] }, { serviceNamespace: 's3', actions: ['getobject', 'PutObject'] }]);
    expect([...unused.actions]).toEqual(['s3:getobject', 's3:putobject']);
  });

  it('keeps unknown actions apart and warns about each, naming its JSON path', () => {
    const unused = resolve([{ serviceNamespace: 's3', actions: ['GetObject', 'GetNothing'] }]);
    expect({ actions: [...unused.actions], unknown: [...unused.unknown], warnings: unused.warnings }).toEqual({
      actions: ['s3:getobject'],
      unknown: ['s3:getnothing'],
      warnings: [{ source: 'unused.json', path: [0, 'actions', 1], message: 'unknown action "s3:GetNothing" in catalog file sha256:c0ffee; wildcards are refined without it' }],
    });
  });

  it('warns once about an unknown service, keeping its listed actions as unknown', () => {
    const unused = resolve([{ serviceNamespace: 'nosvc', actions: ['DoThing'] }, { serviceNamespace: 'other' }]);
    expect({ actions: [...unused.actions], unknown: [...unused.unknown], warnings: unused.warnings.map((warning) => [warning.path, warning.message]) }).toEqual({
      actions: [],
      unknown: ['nosvc:dothing'],
      warnings: [
        [[0], 'unknown service "nosvc" in catalog file sha256:c0ffee; its actions cannot be refined'],
        [[1], 'unknown service "other" in catalog file sha256:c0ffee; its actions cannot be refined'],
      ],
    });
  });

  it('turns an unknown action into an InputError with --strict', () => {
    expect(inputErrorOf(() => resolve([{ serviceNamespace: 's3', actions: ['GetObject', 'GetNothing'] }], true))).toBe(
      'unused.json: [0].actions[1]: unknown action "s3:GetNothing" in catalog file sha256:c0ffee; --strict refuses it (without --strict: a warning)',
    );
  });

  it('turns an unknown service into an InputError with --strict', () => {
    expect(inputErrorOf(() => resolve({ findingDetails: [{ unusedPermissionDetails: { serviceNamespace: 'nosvc' } }] }, true))).toBe(
      'unused.json: findingDetails[0].unusedPermissionDetails: unknown service "nosvc" in catalog file sha256:c0ffee; --strict refuses it (without --strict: a warning)',
    );
  });

  it('gives no warning when everything is known', () => {
    expect(resolve([{ serviceNamespace: 'sqs' }], true).warnings).toEqual([]);
  });
});
