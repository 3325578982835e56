import { describe, expect, it } from 'vitest';
import { loadCatalogFile, loadPinnedCatalog } from '../../src/catalog/load.js';
import { parseUnusedEntries } from '../../src/findings/parse.js';
import { resolveUnused } from '../../src/findings/resolve.js';
import { readJsonFile } from '../../src/input/read-json.js';
import { parsePolicy } from '../../src/policy/parse.js';
import { recommend } from '../../src/recommend/recommend.js';
import type { Catalog } from '../../src/catalog/catalog.js';

const ARTICLE = new URL('../../corpus/article/', import.meta.url).pathname;

function recommendArticle(catalog: Catalog) {
  const policy = parsePolicy(readJsonFile(`${ARTICLE}policy.json`, 1e6).value, 'policy.json');
  const unused = resolveUnused(parseUnusedEntries(readJsonFile(`${ARTICLE}unused.json`, 1e6).value, 'unused.json'), catalog, 'unused.json');
  return recommend(policy, unused, catalog);
}

const ARTICLE_S3 = ['s3:GetAccess*', 's3:GetAccountPublicAccessBlock', 's3:GetDataAccess', 's3:GetJobTagging', 's3:GetMulti*', 's3:GetObject*', 's3:GetStorage*', 's3:List*'];

describe("the article's example", () => {
  it('gives exactly the recommended policy of the article with the 2024 catalog', () => {
    const recommendation = recommendArticle(loadCatalogFile(`${ARTICLE}catalog-2024.json`));
    expect(recommendation.recommendedAction).toBe('CREATE_POLICY');
    expect(recommendation.statements.map((statement) => statement.result)).toEqual([['lambda:Invoke*'], ARTICLE_S3]);
  });

  it("adds the two newer used actions as literals with today's pinned catalog", () => {
    const recommendation = recommendArticle(loadPinnedCatalog());
    const expected = [...ARTICLE_S3];
    expected.splice(2, 0, 's3:GetBucketAbac', 's3:GetBucketMetadataTableConfiguration');
    expect(recommendation.statements.map((statement) => statement.result)).toEqual([['lambda:Invoke*'], expected]);
  });
});
