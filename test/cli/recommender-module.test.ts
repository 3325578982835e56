import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecommender } from '../../src/cli/recommender-module.js';
import { InputError } from '../../src/input/input-error.js';
import { recommend } from '../../src/recommend/recommend.js';

const dir = mkdtempSync(join(tmpdir(), 'iam-refine-recommender-'));
function module(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('loadRecommender', () => {
  it("is iam-refine's own recommender without a module", async () => {
    expect(await loadRecommender(undefined)).toBe(recommend);
  });

  it('takes the named export recommend, or the default export', async () => {
    const named = await loadRecommender(module('named.mjs', 'export function recommend() { return "named"; }'));
    const fallback = await loadRecommender(module('default.mjs', 'export default function () { return "default"; }'));
    expect((named as unknown as () => string)()).toBe('named');
    expect((fallback as unknown as () => string)()).toBe('default');
  });

  it('refuses a module without a function, naming the file', async () => {
    const path = module('none.mjs', 'export const recommend = 42;');
    await expect(loadRecommender(path)).rejects.toThrow(InputError);
    await expect(loadRecommender(path)).rejects.toThrow(`${path}: the recommender module exports no function`);
  });

  it('refuses a module that does not load, in one line', async () => {
    const missing = join(dir, 'missing.mjs');
    await expect(loadRecommender(missing)).rejects.toThrow(/^.*missing\.mjs: cannot load the recommender module: [^\n]*$/);
    const broken = module('broken.mjs', 'export function recommend( {');
    await expect(loadRecommender(broken)).rejects.toThrow(/broken\.mjs: cannot load the recommender module/);
  });
});
