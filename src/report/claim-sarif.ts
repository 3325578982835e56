import { lowerAscii } from '../glob/glob.js';
import { matchesLower } from '../glob/match.js';
import { isJsonObject, type Json, type JsonObject } from '../input/json.js';
import type { JsonPath } from '../input/json-path.js';
import { locateJsonPath } from '../input/json-position.js';
import { parseJson } from '../input/parse-json.js';
import type { JsonSource } from '../input/read-json.js';
import { alignStatements } from '../policy/align.js';
import type { Policy, Statement } from '../policy/types.js';
import type { Catalog } from '../catalog/catalog.js';
import type { CheckReport, ClaimVerdict } from '../prove/check.js';
import { CLAIMS, claimInfo } from '../prove/claims.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import type { SarifFinding, SarifLevel, SarifLocation, SarifRule, SarifRunInput, SarifTool } from './sarif.js';
import { problemLines } from './verdict-table.js';

/** One SARIF rule per claim, ids the claims' own (`exact`, `no-escalation`, ...). */
export const CLAIM_RULES: readonly SarifRule[] = CLAIMS.map((claim) => ({
  id: claim.id,
  name: claim.title.replace(/(^|\s)(\w)/g, (_, _space: string, letter: string) => letter.toUpperCase()),
  shortDescription: `claim ${claim.number}: ${claim.title}`,
  fullDescription: claim.statement,
  defaultLevel: 'error',
}));

export const IAM_REFINE_TOOL: SarifTool = { name: TOOL_NAME, version: TOOL_VERSION };

/** The files a check judged, as read: the original policy and the recommendation (absent: none was given, it was made). */
export interface JudgedFiles {
  readonly original: { readonly policy: Policy; readonly source: JsonSource };
  readonly recommended: { readonly policy: Policy | undefined; readonly source: JsonSource } | undefined;
}

export interface ClaimFindingOptions {
  /** The claim's line as the text report prints it (`REFUTED: claim 3 (safety), statement 1: ...`). */
  readonly message: (claim: ClaimVerdict) => string;
  /** The counterexample as a person reads it (the catalog's spelling). */
  readonly spell?: (example: string) => string;
  /** A refutation that was expected (a proof case's), reported as a note rather than an error. */
  readonly expected?: (claim: ClaimVerdict) => boolean;
  /** Properties every finding carries (the proof case it belongs to). */
  readonly properties?: JsonObject;
}

/**
 * One SARIF finding per refuted or unknown claim: an error for a refutation, a warning for an
 * unknown, located at the pattern at fault (the one the counterexample matches) in the
 * recommendation, or at its statement, or, for a statement the recommendation dropped, at the
 * original's statement.
 */
export function claimFindings(claims: readonly ClaimVerdict[], files: JudgedFiles, options: ClaimFindingOptions): SarifFinding[] {
  const alignment = alignStatements(files.original.policy, files.recommended?.policy);
  return claims
    .filter((claim) => claim.verdict !== 'proven')
    .map((claim) => {
      const expected = options.expected?.(claim) === true;
      const level: SarifLevel = expected ? 'note' : claim.verdict === 'refuted' ? 'error' : 'warning';
      const example = claim.example === undefined ? undefined : (options.spell?.(claim.example) ?? claim.example);
      const refined = alignment.pairs[claim.statement]?.refined;
      const unmatched = claim.claim === 'no-escalation' && claim.explanation.startsWith('recommended statement') ? files.recommended?.policy?.statements[claim.statement] : undefined;
      const inRecommendation = refined ?? unmatched;
      const location =
        inRecommendation !== undefined && files.recommended !== undefined
          ? statementLocation(files.recommended.source, files.recommended.policy!, inRecommendation, claim.example)
          : statementLocation(files.original.source, files.original.policy, files.original.policy.statements[claim.statement], undefined);
      return {
        ruleId: claim.claim,
        level,
        message: options.message(claim),
        locations: location === undefined ? [] : [location],
        properties: {
          ...options.properties,
          claim: claimInfo(claim.claim).number,
          statement: claim.statement,
          verdict: claim.verdict,
          ...(example === undefined ? {} : { counterexample: example }),
          ...(expected ? { expected: true } : {}),
        },
      };
    });
}

/** `check --format sarif`: the check's run, each message the line the text report prints, the verdict (and the claims not asked) as the run's properties. */
export function checkSarifRun(report: CheckReport, catalog: Catalog, files: JudgedFiles): SarifRunInput {
  const lines = problemLines(report, catalog);
  const messages = new Map(report.claims.filter((claim) => claim.verdict !== 'proven').map((claim, index) => [claim, lines[index]!]));
  const findings = claimFindings(report.claims, files, { message: (claim) => messages.get(claim)!, spell: (example) => catalog.canonical(example) ?? example });
  return { tool: IAM_REFINE_TOOL, rules: CLAIM_RULES, findings, properties: { verdict: report.verdict, ...(report.notAsked === undefined ? {} : { claimsNotAsked: [...report.notAsked] }) } };
}

/** The statement (and, when the example singles one out, its pattern) as a place in the file. */
function statementLocation(source: JsonSource, policy: Policy, statement: Statement | undefined, example: string | undefined): SarifLocation | undefined {
  if (statement === undefined) return undefined;
  const document = parseJson(source.text);
  const embedded = embeddedPolicyPath(document);
  const where = `statement ${statement.index}${statement.sid === undefined ? '' : ` (${statement.sid})`}`;
  if (embedded !== undefined) {
    // The policy is a JSON string inside a response: the string is the finest place there is.
    const span = locateJsonPath(source.text, embedded);
    return { uri: source.name, ...(span === undefined ? {} : { region: span }), description: `${where} of the recommendedPolicy string` };
  }
  const statementPath: JsonPath = policy.statementsAsList ? ['Statement', statement.index] : ['Statement'];
  const pattern = example === undefined ? -1 : patternAt(statement.patterns, example);
  const path: JsonPath = pattern === -1 ? statementPath : [...statementPath, statement.actionKey, ...(statement.patternsAsList ? [pattern] : [])];
  const span = locateJsonPath(source.text, path);
  return { uri: source.name, ...(span === undefined ? {} : { region: span }), description: pattern === -1 ? where : `${where}, pattern ${statement.patterns[pattern]}` };
}

/** The pattern the counterexample is, or else the first that matches it; -1 for none. */
function patternAt(patterns: readonly string[], example: string): number {
  const lower = lowerAscii(example);
  const same = patterns.findIndex((pattern) => lowerAscii(pattern) === lower);
  return same !== -1 ? same : patterns.findIndex((pattern) => matchesLower(lowerAscii(pattern), lower));
}

/** In a GetFindingRecommendation-shaped document, the path of the step's policy string (the document itself when there is none). */
function embeddedPolicyPath(document: Json): JsonPath | undefined {
  if (!isJsonObject(document) || !Array.isArray(document.recommendedSteps)) return undefined;
  const steps: readonly Json[] = document.recommendedSteps;
  const index = steps.findIndex((step) => {
    const inner = isJsonObject(step) ? step[STEP] : undefined;
    return isJsonObject(inner) && typeof inner.recommendedPolicy === 'string';
  });
  return index === -1 ? [] : ['recommendedSteps', index, STEP, 'recommendedPolicy'];
}

const STEP = 'unusedPermissionsRecommendedStep';
