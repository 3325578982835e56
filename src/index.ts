/**
 * iam-refine as a library: parse the inputs, recommend a refinement, judge it.
 * The CLI (`src/cli/`) is a thin layer over exactly these functions.
 */
export { Catalog, describeCatalog, type CatalogIdentity } from './catalog/catalog.js';
export { loadCatalogFile, loadPinnedCatalog, parseCatalog, pinnedActions, type PinnedAction } from './catalog/load.js';
export { GRANULARITIES, tokenBoundaries, words, type Granularity } from './catalog/tokenize.js';
export { parseUnusedEntries, parseUnusedInput, type UnusedInput } from './findings/parse.js';
export { resolveUnused, type ResolveOptions } from './findings/resolve.js';
export type { UnusedEntry, UnusedSet, Warning } from './findings/unused-set.js';
export { parseLastAccessed, type LastAccessedReport, type ServiceAccess, type TrackedAction } from './findings/last-accessed.js';
export { parseUsedActions, type UsedAction } from './findings/used-actions.js';
export {
  deriveFromLastAccessed,
  deriveFromUsed,
  deriveFromSource,
  derivedUnusedSet,
  derivedUnusedSource,
  derivationJson,
  DEFAULT_UNUSED_DAYS,
  type Derivation,
  type DeriveOptions,
  type EvidenceKind,
  type ServiceDerivation,
  type ServiceRule,
  type UsageWindow,
  type WindowOptions,
} from './findings/derive.js';
export { lowerAscii, parseGlob, type Glob } from './glob/glob.js';
export { includes, uncoveredString } from './glob/inclusion.js';
export { globMatches } from './glob/match.js';
export { InputError } from './input/input-error.js';
export { JsonNumber, type Json, type JsonObject } from './input/json.js';
export { formatJsonPath, type JsonPath } from './input/json-path.js';
export { parseJson } from './input/parse-json.js';
export { readJsonFile, SIZE_LIMITS } from './input/read-json.js';
export { judge, type Judgement } from './oracle/judge.js';
export { alignStatements, type Alignment, type StatementPair } from './policy/align.js';
export { parsePolicy } from './policy/parse.js';
export { compactJson, printJson } from './policy/print.js';
export { policySize } from './policy/size.js';
export type { ActionKey, Effect, Policy, Statement } from './policy/types.js';
export { CLAIMS, claimInfo, type ClaimId, type ClaimResult } from './prove/claims.js';
export { recommend, type RecommendOptions } from './recommend/recommend.js';
export type { Recommender } from './recommend/recommender.js';
export type { PatternOutcome, Recommendation, RecommendedAction, StatementRefinement } from './recommend/refinement.js';
export { RefusedRecommendation } from './recommend/self-check.js';
export { accessAnalyzerReport, findingRecommendationResponse, recommendedStepsOf, RECOMMENDATION_TYPE, type ResponseContext } from './report/access-analyzer.js';
export { checkQuota, type QuotaCheck } from './report/quota.js';
export { POLICY_KINDS, quotaOf, type PolicyKind as PolicyQuotaKind } from './policy/quotas.js';
export { readPolicyInput, type PolicyIdentity, type PolicyInput } from './policy/policy-input.js';
export { unifiedDiff } from './report/diff.js';
export { TOOL_NAME, TOOL_VERSION } from './version.js';
export { check, type CheckOptions, type CheckReport, type ClaimVerdict, type ObligationResult } from './prove/check.js';
export type { CheckInput } from './prove/context.js';
export type { Obligation, Outcome, StructuralResult, Verdict } from './prove/obligation.js';
export { planObligations, type Plan } from './prove/plan.js';
export { SolverPool, type SolverPoolOptions } from './prove/solver/pool.js';
export type { Solver } from './prove/solver/solver.js';
export { NativeSolverPool, SolverUnavailableError, type NativeSolverOptions } from './prove/solver/native-pool.js';
export { startSolver, withSolver, SOLVER_BACK_ENDS, type SolverBackEnd, type SolverOptions } from './prove/solver/start.js';
export { buildManifest, type Manifest } from './prove/certificate/manifest.js';
export { checkInputOf, recommendedSource, type CertificateSources } from './prove/certificate/sources.js';
export { verifyCertificate, type VerifyResult } from './prove/certificate/verify.js';
export { recheckCertificate, recheckExitCode, RECHECK_SOLVERS, type FileRecheck, type RecheckReport, type RecheckSolver } from './prove/certificate/recheck.js';
export { writeCertificate } from './prove/certificate/write.js';
export { checkReportJson } from './prove/report-json.js';
export { parseRecommended, parseRecommendedPolicy, recommendedPolicyOf, RECOMMENDATION_TYPES, type RecommendedChoice, type RecommendedPolicy } from './policy/recommended.js';
export { verdictTable } from './report/verdict-table.js';
export { artifactUri, SARIF_VERSION, sarifLog, sarifResult, sarifRule, sarifRun, type SarifFinding, type SarifLevel, type SarifLocation, type SarifRegion, type SarifRule, type SarifRunInput, type SarifTool } from './report/sarif.js';
export { CLAIM_RULES, checkSarifRun, claimFindings, type JudgedFiles } from './report/claim-sarif.js';
export { locateJsonPath, type JsonSpan } from './input/json-position.js';
export { observedSolver, type SolveObserver } from './prove/solver/solver.js';
export { TrieNodes } from './catalog/trie-nodes.js';
export { explain, withWitnesses, DEFAULT_VIEW_ROWS, type ActionKind, type ActionOfNode, type Choice, type Chosen, type ExplainInput, type ExplainedNode, type Explanation, type PatternTrie } from './explain/model.js';
export { explainedPolicy, explanationOf, renderExplanation, type ExplainFormat, type ExplainRequest } from './explain/render.js';
export { escapeHtml, explanationPage, type PageInput } from './explain/html.js';
export { COLOURED, PLAIN, explanationTree, type TreeStyle } from './explain/tree-text.js';
export { minimalityWitnesses, proofSummary, type ProofSummary } from './explain/proof.js';
export { isAwsManagedArn, parseAccountDetails, type AccountDetails, type ExportedManagedPolicy, type Principal, type PrincipalKind } from './account/details.js';
export { parseAccountFindings, type AccountFindings, type FindingNotice, type UnusedPermissionFinding } from './account/findings.js';
export { QUOTAS } from './account/quotas.js';
export { refineAccount, type AccountOptions, type AccountResult, type PolicyKind, type PolicyOutcome, type PolicyResult, type PrincipalResult } from './account/refine.js';
export { proveAccount, type AccountProofs, type PolicyProof } from './account/prove.js';
export { accountReport, principalReport, summaryTableOf } from './account/report.js';
export { parseShard, shardName, ShardSpecError, MAX_SHARDS, type Shard, type ShardEnvironment } from './shard/shard.js';
export { assignShards, shardPositions, runRange, shardBalance, type ShardBalance, type ShardItem } from './shard/split.js';
export { identityOf, joinShards, readProvenance, type RunIdentity, type ShardPart, type ShardReport } from './shard/provenance.js';
export { mergeSuiteReports, readSuiteReport, type MergedSuite, type SuiteReport } from './suite/merge.js';
export { proofCaseItems, suiteIdentity } from './suite/shard.js';
export { joinParts, splitPolicy, type PolicySplit, type SplitOutcome } from './policy/split.js';
export { driftOf, type AppearedAction, type DriftReport } from './drift/drift.js';
export { readManifest, certifiedCatalog } from './prove/certificate/read.js';
export { parseCase, type CaseSubject, type Expectation, type ExpectedRefutation, type ProofCase } from './suite/case.js';
export { findCaseFiles } from './suite/discover.js';
export { loadCases, readRecommendation, type LoadedCase, type RecommendationFile } from './suite/load.js';
export { runCase, type CaseResult, type CaseStatus, type JudgedRecommendation, type ReportedCase, type RunCaseOptions, type SnapshotState } from './suite/run-case.js';
export { proveCases, tallies, type ProveCasesOptions, type Tally } from './suite/run.js';
export { caseDetails, caseLine, suiteSummaryTable } from './suite/text.js';
export { junitXml } from './suite/junit.js';
export { caseJson, suiteReportJson } from './suite/report-json.js';
export { snapshotOf, snapshotText } from './suite/snapshot.js';
export { diffExcerpt } from './suite/diff-excerpt.js';
export { runFuzzCampaign, CAMPAIGN_CONSTRAINTS, describeRefuted, type FuzzCampaignOptions, type FuzzCampaignResult, type CampaignFailure, type FailureKind, type CaseProgress } from './fuzz/fuzz-campaign.js';
export { runMutationCampaign, type MutationCampaignOptions, type MutationCampaignResult, type MutantResult } from './fuzz/mutation-campaign.js';
export { ALL_RECOMMENDER_MUTANTS } from './fuzz/recommender-mutants/all-recommender-mutants.js';
export { recommenderWith, type RecommenderMutant } from './fuzz/recommender-mutants/recommender-mutant.js';
export { crossCheck, oracleRefutations, type CrossCheck, type RefutedClaim } from './fuzz/cross-check.js';
export { specificationCheck, specificationPlan, compareEncoders, type SpecVerdict, type SpecQuery, type EncoderComparison, type ClaimComparison } from './prove/specification/index.js';
export { fuzzReportText, fuzzReportJson, fuzzHeld, type FuzzReport } from './fuzz/campaign-report.js';
export { refinementCaseArbitrary, type RefinementCaseConstraints } from './fuzz/refinement-case-arbitrary.js';
export { refinementCaseFromJson, refinementCaseJson, type RefinementCase, type RefinementCaseJson } from './fuzz/refinement-case.js';
export { catalogArbitrary, type CatalogConstraints } from './fuzz/catalog-arbitrary.js';
export { policyArbitrary, type PolicyConstraints } from './fuzz/policy-arbitrary.js';
export { unusedArbitrary, type UnusedConstraints } from './fuzz/unused-arbitrary.js';
export { recommendUnchecked, RECOMMENDER_PARTS, type RecommenderParts } from './recommend/recommend.js';
export { REFINE_PARTS, type RefineParts } from './recommend/parts.js';
export { comparePolicies, compareOn, comparisonOf, type CompareInput, type CompareOptions, type CompareReport, type CompareVerdict, type Counterexample, type DirectionReport, type CatalogActions } from './compare/compare.js';
export { planComparison, COMPARE_MODES, COMPARE_SCOPES, type CompareMode, type CompareScope, type CompareObligation, type Direction } from './compare/plan.js';
export { checkNotGranted } from './compare/not-granted.js';
export { compareText, compareJson, notGrantedText } from './compare/report.js';
export { changeSummary } from './compare/change-summary.js';
export { writeCompareCertificate, verifyCompareCertificate, COMPARE_CERTIFICATE_FORMAT, type CompareSources, type CompareManifest } from './compare/certificate.js';
