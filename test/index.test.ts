import { describe, expect, it } from 'vitest';
import * as library from '../src/index.js';
import { ARTICLE_CATALOG, ARTICLE_POLICY, ARTICLE_UNUSED } from './article.js';

describe('the library entry point', () => {
  it("runs the article's example end to end with its exports only, and judges the result sound", () => {
    const { loadCatalogFile, readJsonFile, parsePolicy, parseUnusedEntries, resolveUnused, recommend, judge, SIZE_LIMITS } = library;
    const catalog = loadCatalogFile(ARTICLE_CATALOG);
    const policy = parsePolicy(readJsonFile(ARTICLE_POLICY, SIZE_LIMITS.policy).value, 'policy.json');
    const unused = resolveUnused(parseUnusedEntries(readJsonFile(ARTICLE_UNUSED, SIZE_LIMITS.unused).value, 'unused.json'), catalog, 'unused.json');
    const recommendation = recommend(policy, unused, catalog);
    const recommended = parsePolicy(recommendation.policy!, 'recommended');
    expect(recommendation.statements.map((statement) => statement.result)).toEqual([
      ['lambda:Invoke*'],
      ['s3:GetAccess*', 's3:GetAccountPublicAccessBlock', 's3:GetDataAccess', 's3:GetJobTagging', 's3:GetMulti*', 's3:GetObject*', 's3:GetStorage*', 's3:List*'],
    ]);
    expect(judge({ original: policy, unused, catalog, recommended, granularity: 'word' }).filter((result) => !result.holds)).toEqual([]);
  });

  it('exports the documented API', () => {
    expect(Object.keys(library)).toEqual(
      expect.arrayContaining([
        'CLAIMS',
        'Catalog',
        'GRANULARITIES',
        'InputError',
        'RefusedRecommendation',
        'SIZE_LIMITS',
        'TOOL_NAME',
        'TOOL_VERSION',
        'accessAnalyzerReport',
        'checkQuota',
        'findingRecommendationResponse',
        'quotaOf',
        'readPolicyInput',
        'recommendedStepsOf',
        'comparePolicies',
        'checkNotGranted',
        'compareJson',
        'verifyCompareCertificate',
        'alignStatements',
        'claimInfo',
        'describeCatalog',
        'formatJsonPath',
        'globMatches',
        'includes',
        'judge',
        'locateJsonPath',
        'observedSolver',
        'sarifLog',
        'sarifResult',
        'loadCatalogFile',
        'loadPinnedCatalog',
        'lowerAscii',
        'parseCatalog',
        'parseGlob',
        'parseJson',
        'parsePolicy',
        'parseUnusedEntries',
        'pinnedActions',
        'policySize',
        'printJson',
        'readJsonFile',
        'recommend',
        'resolveUnused',
        'tokenBoundaries',
        'uncoveredString',
        'unifiedDiff',
        'words',
      ]),
    );
  });
});
