import { formatJsonPath } from '../input/json-path.js';
import type { Json, JsonObject } from '../input/json.js';
import { compactJson } from '../policy/print.js';
import { policySize } from '../policy/size.js';
import type { Policy } from '../policy/types.js';
import type { Recommendation, StatementRefinement } from '../recommend/refinement.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { quotaJson, type QuotaCheck } from './quota.js';
import { statementReason } from './statement-names.js';

/** `recommendationType` as AWS's responses spell it (the API reference's enum reads `UnusedPermissionRecommendation`; both are read). */
export const RECOMMENDATION_TYPE = 'UNUSED_PERMISSION_RECOMMENDATION';

/** What a response says that the policy and its refinement cannot tell: whose, which policy, and when. */
export interface ResponseContext {
  /** The role's or user's ARN: `--resource-arn`, or a GetFindingV2 input's `resource`. */
  readonly resourceArn?: string | undefined;
  /** A managed policy's ARN or an inline policy's name. */
  readonly existingPolicyId?: string | undefined;
  readonly policyUpdatedAt?: string | undefined;
  /** ISO 8601 times of the run: the only fields that differ between two runs on the same inputs. */
  readonly startedAt: string;
  readonly completedAt: string;
}

/** One policy's recommendation, as the steps of a response name it. */
export interface PolicySteps {
  readonly existingPolicyId?: string | undefined;
  readonly policyUpdatedAt?: string | undefined;
  /** The policies to create in its place; none: detach it. */
  readonly create: readonly JsonObject[];
}

/**
 * A policy's steps in AWS's order and pairing: each policy to create (`CREATE_POLICY`, the
 * policy as a JSON string), then `DETACH_POLICY` of the existing one; a policy of which nothing is
 * used: `DETACH_POLICY` alone.
 */
export function recommendedStepsOf(policy: PolicySteps): JsonObject[] {
  const id: JsonObject = policy.existingPolicyId === undefined ? {} : { existingPolicyId: policy.existingPolicyId };
  const updated: JsonObject = policy.policyUpdatedAt === undefined ? {} : { policyUpdatedAt: policy.policyUpdatedAt };
  const creates = policy.create.map((document) => ({ unusedPermissionsRecommendedStep: { recommendedAction: 'CREATE_POLICY', ...id, ...updated, recommendedPolicy: compactJson(document) } }));
  return [...creates, { unusedPermissionsRecommendedStep: { recommendedAction: 'DETACH_POLICY', ...id } }];
}

/**
 * The fields of a `GetFindingRecommendation` response, in the shape AWS returns them. `error`
 * belongs to a `FAILED` response only: iam-refine never writes one (a failure is an exit code).
 */
export function findingRecommendationResponse(context: Omit<ResponseContext, 'existingPolicyId' | 'policyUpdatedAt'>, steps: readonly JsonObject[]): JsonObject {
  return {
    ...(context.resourceArn === undefined ? {} : { resourceArn: context.resourceArn }),
    status: 'SUCCEEDED',
    startedAt: context.startedAt,
    completedAt: context.completedAt,
    recommendationType: RECOMMENDATION_TYPE,
    recommendedSteps: [...steps],
  };
}

/**
 * The recommendation as a complete `GetFindingRecommendation` response, so that tools built for
 * that API read it, then iam-refine's own `refinement` section, which explains each change.
 */
export function accessAnalyzerReport(original: Policy, recommendation: Recommendation, context: ResponseContext, quota?: QuotaCheck): JsonObject {
  const steps = recommendation.changed ? recommendedStepsOf({ ...context, create: recommendation.policy === undefined ? [] : [recommendation.policy] }) : [];
  return { ...findingRecommendationResponse(context, steps), refinement: refinementSection(original, recommendation, quota) };
}

/**
 * What iam-refine adds to a response: the tool and catalog, each statement's fate and why, the
 * sizes (against the quota, when the policy's kind is known) and the warnings.
 */
export function refinementSection(original: Policy, recommendation: Recommendation, quota?: QuotaCheck): JsonObject {
  const size: JsonObject =
    quota === undefined ? { original: policySize(original.raw), recommended: recommendation.policy === undefined ? 0 : policySize(recommendation.policy) } : quotaJson(quota);
  const warnings = quota?.warning === undefined ? recommendation.warnings : [...recommendation.warnings, quota.warning];
  return {
    tool: `${TOOL_NAME} ${TOOL_VERSION}`,
    catalog: { ...recommendation.catalog },
    granularity: recommendation.granularity,
    changed: recommendation.changed,
    size,
    statements: recommendation.statements.map(statementSection),
    warnings: warnings.map((warning) => ({ file: warning.source, path: formatJsonPath(warning.path), message: warning.message })),
  };
}

function statementSection(statement: StatementRefinement): JsonObject {
  const section: Record<string, Json> = { index: statement.index };
  if (statement.sid !== undefined) section.sid = statement.sid;
  section.effect = statement.effect;
  section.field = statement.actionKey;
  section.outcome = statement.outcome;
  const reason = statementReason(statement);
  if (reason !== undefined) section.reason = reason;
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
