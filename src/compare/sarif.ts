import type { JsonSource } from '../input/read-json.js';
import { locateJsonPath } from '../input/json-position.js';
import { IAM_REFINE_TOOL } from '../report/claim-sarif.js';
import { artifactUri, type SarifFinding, type SarifLocation, type SarifRule, type SarifRunInput } from '../report/sarif.js';
import type { CompareReport, Counterexample, DirectionReport } from './compare.js';

/** One rule per question `compare` answers: what the new policy gains, and (equivalent) what it loses. */
export const COMPARE_RULES: readonly SarifRule[] = [
  { id: 'no-new-access', name: 'NoNewAccess', shortDescription: 'the new policy allows no request the old one does not', defaultLevel: 'error' },
  { id: 'no-lost-access', name: 'NoLostAccess', shortDescription: 'the old policy allows no request the new one does not (equivalent mode)', defaultLevel: 'error' },
  { id: 'access-not-granted', name: 'AccessNotGranted', shortDescription: 'the policy allows none of the listed actions on the listed resources (check-not-granted)', defaultLevel: 'error' },
];

/**
 * The comparison as a SARIF run: one result per counterexample (an error, at the granting
 * statement of the policy that allows it) and one per undecided obligation (a warning).
 */
export function compareSarifRun(report: CompareReport, sources: { readonly old: JsonSource; readonly new: JsonSource }, gainedRule: 'no-new-access' | 'access-not-granted' = 'no-new-access'): SarifRunInput {
  const findings: SarifFinding[] = [];
  for (const direction of report.directions) {
    const ruleId = direction.direction === 'gained' ? gainedRule : 'no-lost-access';
    const granting = direction.direction === 'gained' ? sources.new : sources.old;
    for (const example of direction.counterexamples) findings.push({ ruleId, level: 'error', message: messageOf(direction, example), locations: [statementLocation(granting, example.grantedBy.statement)], properties: propertiesOf(example) });
    for (const undecided of direction.undecided) findings.push({ ruleId, level: 'warning', message: `no answer for ${undecided.id}: ${undecided.reason}; never reported as a pass`, locations: [{ uri: artifactUri(granting.name) }] });
  }
  const rules = COMPARE_RULES.filter((rule) => findings.some((finding) => finding.ruleId === rule.id) || rule.id === gainedRule);
  return { tool: IAM_REFINE_TOOL, rules, findings, properties: { verdict: report.verdict, mode: report.mode, scope: report.scope } };
}

function messageOf(direction: DirectionReport, example: Counterexample): string {
  const when = example.when.length === 0 ? '' : ' (when its conditions hold)';
  const escapes = example.escapes === undefined ? 'no statement of the other policy allows the action' : example.escapes.explanation;
  return `${direction.granting} ${example.grantedBy.label} allows ${example.action} on ${JSON.stringify(example.resource)}${when}, which ${direction.bounding} does not: ${escapes}`;
}

function propertiesOf(example: Counterexample): { readonly [key: string]: string | boolean } {
  return { action: example.action, resource: example.resource, restsOnPolicyVariable: example.restsOnPolicyVariable };
}

/** The statement's place in its file: `Statement[i]`, or `Statement` for a lone one, or the file. */
function statementLocation(source: JsonSource, statement: number): SarifLocation {
  const span = locateJsonPath(source.text, ['Statement', statement]) ?? (statement === 0 ? locateJsonPath(source.text, ['Statement']) : undefined);
  return span === undefined ? { uri: artifactUri(source.name) } : { uri: artifactUri(source.name), region: span };
}
