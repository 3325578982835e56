/**
 * iam-refine as a library: parse the inputs, recommend a refinement, judge it.
 * The CLI (`src/cli/`) is a thin layer over exactly these functions.
 */
export { Catalog, describeCatalog, type CatalogIdentity } from './catalog/catalog.js';
export { loadCatalogFile, loadPinnedCatalog, parseCatalog, pinnedActions, type PinnedAction } from './catalog/load.js';
export { GRANULARITIES, tokenBoundaries, words, type Granularity } from './catalog/tokenize.js';
export { parseUnusedEntries } from './findings/parse.js';
export { resolveUnused, type ResolveOptions } from './findings/resolve.js';
export type { UnusedEntry, UnusedSet, Warning } from './findings/unused-set.js';
export { lowerAscii, parseGlob, type Glob } from './glob/glob.js';
export { includes, uncoveredString } from './glob/inclusion.js';
export { globMatches } from './glob/match.js';
export { InputError } from './input/input-error.js';
export type { Json, JsonObject } from './input/json.js';
export { formatJsonPath, type JsonPath } from './input/json-path.js';
export { parseJson } from './input/parse-json.js';
export { readJsonFile, SIZE_LIMITS } from './input/read-json.js';
export { judge, type Judgement } from './oracle/judge.js';
export { alignStatements, type Alignment, type StatementPair } from './policy/align.js';
export { parsePolicy } from './policy/parse.js';
export { printJson } from './policy/print.js';
export { policySize } from './policy/size.js';
export type { ActionKey, Effect, Policy, Statement } from './policy/types.js';
export { CLAIMS, claimInfo, type ClaimId, type ClaimResult } from './prove/claims.js';
export { recommend, type RecommendOptions } from './recommend/recommend.js';
export type { Recommender } from './recommend/recommender.js';
export type { PatternOutcome, Recommendation, RecommendedAction, StatementRefinement } from './recommend/refinement.js';
export { RefusedRecommendation } from './recommend/self-check.js';
export { accessAnalyzerReport } from './report/access-analyzer.js';
export { unifiedDiff } from './report/diff.js';
export { TOOL_NAME, TOOL_VERSION } from './version.js';
export { check, type CheckOptions, type CheckReport, type ClaimVerdict, type ObligationResult } from './prove/check.js';
export type { CheckInput } from './prove/context.js';
export type { Obligation, Outcome, StructuralResult, Verdict } from './prove/obligation.js';
export { planObligations, type Plan } from './prove/plan.js';
export { SolverPool, type SolverPoolOptions } from './prove/solver/pool.js';
export { buildManifest, type Manifest } from './prove/certificate/manifest.js';
export { checkInputOf, type CertificateSources } from './prove/certificate/sources.js';
export { verifyCertificate, type VerifyResult } from './prove/certificate/verify.js';
export { writeCertificate } from './prove/certificate/write.js';
export { checkReportJson } from './prove/report-json.js';
export { parseRecommended, recommendedPolicyOf, type RecommendedPolicy } from './policy/recommended.js';
export { verdictTable } from './report/verdict-table.js';
export { TrieNodes } from './catalog/trie-nodes.js';
