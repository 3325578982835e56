import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';

describe('EXIT', () => {
  it('gives each outcome its documented code: 0 done, 1 refuted, 2 bad input, 3 unknown, 4 internal', () => {
    expect(EXIT).toEqual({ ok: 0, refuted: 1, badInput: 2, unknown: 3, internal: 4 });
  });
});
