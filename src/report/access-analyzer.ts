import { formatJsonPath } from '../input/json-path.js';
import type { Json, JsonObject } from '../input/json.js';
import { compactJson } from '../policy/print.js';
import { policySize } from '../policy/size.js';
import type { Policy } from '../policy/types.js';
import type { Recommendation, StatementRefinement } from '../recommend/refinement.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';

/**
 * The recommendation in the shape of Access Analyzer's `GetFindingRecommendation` response, so
 * that tools built for that API read it, plus a `refinement` section that explains each change.
 */
export function accessAnalyzerReport(original: Policy, recommendation: Recommendation): JsonObject {
  const step: JsonObject =
    recommendation.recommendedAction === 'DETACH_POLICY'
      ? { recommendedAction: 'DETACH_POLICY' }
      : { recommendedAction: 'CREATE_POLICY', recommendedPolicy: compactJson(recommendation.policy!) };
  return {
    recommendationType: 'UnusedPermissionRecommendation',
    status: 'SUCCEEDED',
    recommendedSteps: recommendation.changed ? [{ unusedPermissionsRecommendedStep: step }] : [],
    refinement: refinementSection(original, recommendation),
  };
}

function refinementSection(original: Policy, recommendation: Recommendation): JsonObject {
  return {
    tool: `${TOOL_NAME} ${TOOL_VERSION}`,
    catalog: { ...recommendation.catalog },
    granularity: recommendation.granularity,
    changed: recommendation.changed,
    size: { original: policySize(original.raw), recommended: recommendation.policy === undefined ? 0 : policySize(recommendation.policy) },
    statements: recommendation.statements.map(statementSection),
    warnings: recommendation.warnings.map((warning) => ({ file: warning.source, path: formatJsonPath(warning.path), message: warning.message })),
  };
}

function statementSection(statement: StatementRefinement): JsonObject {
  const section: Record<string, Json> = { index: statement.index };
  if (statement.sid !== undefined) section.sid = statement.sid;
  section.effect = statement.effect;
  section.field = statement.actionKey;
  section.outcome = statement.outcome;
  if (statement.patterns.length > 0) {
    section.patterns = statement.patterns.map((outcome) => ({
      pattern: outcome.pattern,
      fate: outcome.fate,
      ...(outcome.fate === 'replaced' ? { replacements: [...outcome.replacements] } : {}),
      ...(outcome.unusedMatched.length > 0 ? { unusedMatched: [...outcome.unusedMatched] } : {}),
    }));
  }
  if (statement.addedExclusions.length > 0) section.addedExclusions = [...statement.addedExclusions];
  if (statement.redundant.length > 0) section.droppedAsRedundant = [...statement.redundant];
  section.result = [...statement.result];
  return section;
}
