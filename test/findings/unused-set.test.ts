import { describe, expect, it } from 'vitest';
import { isUnused, type UnusedSet } from '../../src/findings/unused-set.js';

describe('isUnused', () => {
  const unused: UnusedSet = { actions: new Set(['s3:getobject']), unknown: new Set(['s3:nosuchaction']), warnings: [] };

  it('holds for catalog actions and for names the catalog does not know, by lower-cased name', () => {
    expect(['s3:getobject', 's3:nosuchaction', 's3:putobject', 's3:GetObject'].map((action) => isUnused(unused, action))).toEqual([true, true, false, false]);
  });
});
