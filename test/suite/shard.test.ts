import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Json } from '../../src/input/json.js';
import { readJsonFile, SIZE_LIMITS } from '../../src/input/read-json.js';
import { identityDifferences } from '../../src/shard/provenance.js';
import { shardBalance } from '../../src/shard/split.js';
import { findCaseFiles } from '../../src/suite/discover.js';
import { loadCases } from '../../src/suite/load.js';
import { proofCaseItems, suiteIdentity } from '../../src/suite/shard.js';
import { temporaryFolder } from '../support.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const folder = temporaryFolder();
afterAll(() => folder.remove());

const OPTIONS = { recommender: 'iam-refine', timeoutMs: 20_000, solver: 'wasm' };

describe('the proof cases as shard items', () => {
  const cwd = process.cwd();
  process.chdir(ROOT);
  const specs = loadCases(findCaseFiles(['proofs/article'])).map(({ spec }) => spec);
  const record = readJsonFile('proofs/record.json', SIZE_LIMITS.catalog).value;
  process.chdir(cwd);

  it('cost their obligations in the record, at least 1; without a record, 1 each', () => {
    const items = proofCaseItems(specs, record, join(ROOT, 'proofs/record.json'));
    const recorded = (record as { cases: Record<string, { obligations?: number }> }).cases;
    expect(items.map((item) => item.cost)).toEqual(specs.map((spec) => Math.max(1, recorded[spec.id.slice('proofs/'.length)]!.obligations ?? 0)));
    expect(new Set(items.map((item) => item.cost)).size).toBeGreaterThan(1);
    expect(proofCaseItems(specs, undefined, undefined).map((item) => item.cost)).toEqual(specs.map(() => 1));
  });

  it("cost the record's average case when the record lacks them", () => {
    const { cases } = record as { cases: Record<string, Json> };
    const partial = { format: 'iam-refine-proof-record/1', cases: { 'article/2024-own': cases['article/2024-own']!, 'article/wrong-widened': cases['article/wrong-widened']! } };
    const items = proofCaseItems(specs, partial, join(ROOT, 'proofs/record.json'));
    const known = [(cases['article/2024-own'] as { obligations: number }).obligations, (cases['article/wrong-widened'] as { obligations: number }).obligations];
    const average = Math.round((known[0]! + known[1]!) / 2);
    expect(items.filter((item) => !['proofs/article/2024-own', 'proofs/article/wrong-widened'].includes(item.id)).every((item) => item.cost === average)).toBe(true);
    expect(shardBalance(items, 3).loads.reduce((sum, load) => sum + load, 0)).toBe(items.reduce((sum, item) => sum + item.cost, 0));
  });

  it('have an identity that names the suite whose files changed, and the options that differ', () => {
    const before = suiteIdentity(specs, OPTIONS);
    expect(suiteIdentity(specs, OPTIONS)).toEqual(before);
    expect(identityDifferences(before, suiteIdentity(specs, { ...OPTIONS, timeoutMs: 1000 }))).toEqual(['timeoutMs: "20000" vs "1000"']);
    // The same suite copied, one snapshot changed by a byte.
    const copy = join(folder.path, 'copy');
    for (const path of ['proofs/article', 'corpus/article', 'corpus/catalogs']) cpSync(join(ROOT, path), join(copy, path), { recursive: true });
    process.chdir(copy);
    try {
      const copied = loadCases(findCaseFiles(['proofs/article'])).map(({ spec }) => spec);
      expect(suiteIdentity(copied, OPTIONS)).toEqual(before);
      writeFileSync('proofs/article/2024-own/expected.json', `${readJsonFile('proofs/article/2024-own/expected.json', SIZE_LIMITS.unused).source.text} `);
      const differences = identityDifferences(before, suiteIdentity(copied, OPTIONS));
      expect(differences).toHaveLength(1);
      expect(differences[0]).toMatch(/^suite proofs\/article: [0-9a-f]{12} vs [0-9a-f]{12}$/);
    } finally {
      process.chdir(cwd);
    }
  });
});
