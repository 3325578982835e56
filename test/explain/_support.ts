/** The article's example explained, shared by the explain tests. */
import { readFileSync } from 'node:fs';
import { loadCatalogFile } from '../../src/catalog/load.js';
import type { Granularity } from '../../src/catalog/tokenize.js';
import { parseUnusedEntries } from '../../src/findings/parse.js';
import { resolveUnused } from '../../src/findings/resolve.js';
import type { ExplainRequest } from '../../src/explain/render.js';
import type { Json } from '../../src/input/json.js';
import { parsePolicy } from '../../src/policy/parse.js';
import { recommend } from '../../src/recommend/recommend.js';
import { ARTICLE_CATALOG, ARTICLE_POLICY, ARTICLE_UNUSED, ARTICLE } from '../article.js';

export const ARTICLE_RECOMMENDED = `${ARTICLE}recommended.json`;

const readJson = (path: string): Json => JSON.parse(readFileSync(path, 'utf8')) as Json;

/** The article's policy, unused set and 2024 catalog, with iam-refine's recommendation and optionally a given one. */
export function articleRequest(options: { readonly given?: Json; readonly granularity?: Granularity } = {}): ExplainRequest {
  const catalog = loadCatalogFile(ARTICLE_CATALOG);
  const original = parsePolicy(readJson(ARTICLE_POLICY), 'policy.json');
  const unused = resolveUnused(parseUnusedEntries(readJson(ARTICLE_UNUSED), 'unused.json'), catalog, 'unused.json');
  const granularity = options.granularity ?? 'word';
  const recommendation = recommend(original, unused, catalog, { granularity });
  const given = options.given === undefined ? {} : { given: { policy: parsePolicy(options.given, 'given.json') }, givenName: 'given.json' };
  return { original, unused, catalog, granularity, recommendation, policyName: 'policy.json', ...given };
}

/** The article's recommended policy with some of its s3 patterns replaced. */
export function articleRecommendedWith(replace: Readonly<Record<string, string>>): Json {
  const policy = readJson(ARTICLE_RECOMMENDED) as { Statement: { Action: string[] }[] };
  const s3 = policy.Statement[1]!;
  s3.Action = s3.Action.map((pattern) => replace[pattern] ?? pattern);
  return policy as unknown as Json;
}

/** The children the article's figure shows below `s3:Get`, and whether each is safe. */
export const FIGURE = { Access: true, Multi: true, Object: true, Storage: true, Account: true, Data: true, Job: true, Bucket: false } as const;
