import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/suite/case.js';
import type { Json } from '../../src/input/json.js';
import { inputErrorOf } from '../support.js';

const base = { policy: 'p.json', catalog: 'c.json', snapshot: 'expected.json', expect: { verdict: 'proven' } };
const parse = (more: Record<string, Json>) => parseCase({ ...base, ...more }, 'suite/case/case.json');

describe('a case with evidence of use instead of an unused set', () => {
  it('reads lastAccessed with its window, or used, as the CLI options', () => {
    expect(parse({ lastAccessed: 'la.json', unusedDays: 30, asOf: '2024-06-20' }).unusedInput).toEqual({
      kind: 'last-accessed',
      file: 'suite/case/la.json',
      options: { unusedDays: 30, asOf: Date.parse('2024-06-20T00:00:00Z') },
    });
    expect(parse({ used: 'used.txt' })).toMatchObject({ unused: 'suite/case/used.txt', unusedInput: { kind: 'used', file: 'suite/case/used.txt' } });
    expect(parse({ unused: 'u.json' }).unusedInput).toEqual({ kind: 'unused', file: 'suite/case/u.json' });
  });

  it('refuses none or two sources, and window keys without lastAccessed', () => {
    expect(inputErrorOf(() => parse({}))).toBe('suite/case/case.json: expected exactly one of "unused", "lastAccessed" and "used"');
    expect(inputErrorOf(() => parse({ unused: 'u.json', used: 'used.txt' }))).toBe('suite/case/case.json: expected exactly one of "unused", "lastAccessed" and "used"');
    expect(inputErrorOf(() => parse({ used: 'used.txt', unusedDays: 30 }))).toBe('suite/case/case.json: unusedDays: applies to "lastAccessed" only');
    expect(inputErrorOf(() => parse({ lastAccessed: 'la.json', asOf: 'soon' }))).toBe('suite/case/case.json: asOf: expected an ISO 8601 date or time, such as "2024-06-20"');
  });
});
