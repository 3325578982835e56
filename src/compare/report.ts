import type { Json, JsonObject } from '../input/json.js';
import type { CompareReport, Counterexample, DirectionReport } from './compare.js';
import type { ConditionNeed } from './witness.js';

/**
 * The comparison's reports for people (text) and machines (JSON): two views of the same
 * `CompareReport`, which holds everything as plain data.
 */
export function compareText(report: CompareReport): string {
  const lines = [`compare ${report.old} -> ${report.new}: ${report.mode}, ${report.scope === 'catalog' ? 'catalog actions' : 'every action string'}, every resource`];
  for (const direction of report.directions) lines.push(...directionText(direction));
  if (report.approximations.length > 0) {
    lines.push('policy variables: each pattern with one is an atom v, the same in both policies, within its widened form (${...} as *):');
    for (const note of report.approximations) lines.push(`  ${note}`);
  }
  const seconds = (report.timeMs / 1000).toFixed(1);
  lines.push(`verdict: ${report.verdict.toUpperCase()}: ${report.obligations.length} obligation${report.obligations.length === 1 ? '' : 's'} in ${seconds} s on ${report.workers} worker${report.workers === 1 ? '' : 's'} (${report.solver})`);
  return `${lines.join('\n')}\n`;
}

function directionText(direction: DirectionReport): string[] {
  const what = `requests ${direction.granting} allows and ${direction.bounding} does not`;
  const lines: string[] = [];
  if (direction.verdict === 'pass') lines.push(`PASS: no ${what} (proven)`);
  else if (direction.verdict === 'unknown') lines.push(`UNKNOWN: no answer for some ${what}; never reported as a pass`);
  else lines.push(`FAIL: ${what}:`);
  for (const example of direction.counterexamples) lines.push(...counterexampleText(example, direction.granting));
  for (const undecided of direction.undecided) lines.push(`  undecided: ${undecided.id}: ${undecided.reason}`);
  const listed = direction.catalogActions;
  if (listed !== undefined) {
    const word = direction.direction === 'gained' ? 'gained' : 'lost';
    lines.push(`catalog actions ${word} (${direction.granting} allows, ${direction.bounding} does not): ${listed.actions.length}${listed.complete ? '' : ' (incomplete: some groups got no answer)'}`);
    for (const example of listed.actions) lines.push(`  ${example.action}  on ${JSON.stringify(example.resource)}${whenText(example.when)}  (${direction.granting} ${example.grantedBy.label})`);
  }
  return lines;
}

function counterexampleText(example: Counterexample, granting: string): string[] {
  const lines = [`  ${example.action} on ${JSON.stringify(example.resource)}: ${example.when.length === 0 ? 'allowed' : 'may be allowed'}${whenText(example.when)}`];
  lines.push(`    granted by ${granting} ${example.grantedBy.label}${example.escapes === undefined ? '; no statement of the other policy allows the action' : `; ${example.escapes.explanation}`}`);
  if (example.restsOnPolicyVariable) lines.push('    rests on policy variables (see below): the values it needs may not exist');
  return lines;
}

function whenText(needs: readonly ConditionNeed[]): string {
  if (needs.length === 0) return '';
  return `, when: ${needs.map((need) => (need.atom.kind === 'condition' ? `${need.atom.canonical} ${need.holds ? 'holds' : 'does not hold'}` : `the policy variables make ${JSON.stringify(need.atom.canonical)} ${need.holds ? 'match' : 'not match'} it`)).join(' and ')}`;
}

export function compareJson(report: CompareReport): JsonObject {
  return {
    mode: report.mode,
    scope: report.scope,
    verdict: report.verdict,
    old: report.old,
    new: report.new,
    ...(report.catalog === undefined ? {} : { catalog: report.catalog as unknown as JsonObject }),
    directions: report.directions.map(
      (direction): JsonObject => ({
        direction: direction.direction,
        granting: direction.granting,
        bounding: direction.bounding,
        verdict: direction.verdict,
        counterexamples: direction.counterexamples.map(counterexampleJson),
        undecided: direction.undecided.map((entry) => ({ ...entry })),
        ...(direction.catalogActions === undefined ? {} : { catalogActions: { complete: direction.catalogActions.complete, actions: direction.catalogActions.actions.map(counterexampleJson) } }),
      }),
    ),
    conditions: report.atoms.filter((atom) => atom.kind === 'condition').map((atom) => ({ atom: atom.name, block: atom.canonical })),
    variablePatterns: report.atoms.filter((atom) => atom.kind === 'variable').map((atom) => ({ atom: atom.name, pattern: atom.canonical })),
    approximations: [...report.approximations],
    obligations: report.obligations.map((record) => ({
      id: record.obligation.id,
      direction: record.obligation.direction,
      statement: record.obligation.statement,
      ...(record.obligation.part === undefined ? {} : { part: record.obligation.part }),
      status: record.outcome.status,
      verdict: record.verdict,
      ...(record.note === undefined ? {} : { note: record.note }),
      timeMs: record.outcome.timeMs,
    })),
    solver: report.solver,
    workers: report.workers,
    timeMs: Math.round(report.timeMs),
  };
}

function counterexampleJson(example: Counterexample): JsonObject {
  return {
    action: example.action,
    resource: example.resource,
    grantedBy: { ...example.grantedBy },
    ...(example.escapes === undefined ? {} : { escapes: { ...example.escapes } }),
    when: example.when.map((need): Json => ({ atom: need.atom.name, ...(need.atom.kind === 'condition' ? { block: need.atom.canonical } : { pattern: need.atom.canonical }), holds: need.holds })),
    restsOnPolicyVariable: example.restsOnPolicyVariable,
  };
}

/** `check-not-granted`'s text: each counterexample is a listed request the policy allows. */
export function notGrantedText(report: CompareReport, actions: readonly string[], resources: readonly string[] | undefined): string {
  const direction = report.directions[0]!;
  const asked = `${actions.join(', ')} on ${resources === undefined ? 'every resource' : resources.join(', ')}`;
  const lines = [`check-not-granted ${report.new}: ${asked}`];
  if (direction.verdict === 'pass') lines.push('PASS: none of them is allowed (proven)');
  else if (direction.verdict === 'unknown') lines.push('UNKNOWN: no answer for some statements; never reported as a pass');
  else lines.push('FAIL: the policy allows listed requests:');
  for (const example of direction.counterexamples) {
    lines.push(`  ${example.action} on ${JSON.stringify(example.resource)}: ${example.when.length === 0 ? 'allowed' : 'may be allowed'}${whenText(example.when)}`);
    lines.push(`    granted by ${example.grantedBy.label}`);
    if (example.restsOnPolicyVariable) lines.push('    rests on policy variables: the values it needs may not exist');
  }
  for (const undecided of direction.undecided) lines.push(`  undecided: ${undecided.id}: ${undecided.reason}`);
  for (const note of report.approximations) lines.push(`policy variable (an atom within its widened form): ${note}`);
  lines.push(`verdict: ${report.verdict.toUpperCase()}: ${report.obligations.length} obligation${report.obligations.length === 1 ? '' : 's'} in ${(report.timeMs / 1000).toFixed(1)} s on ${report.workers} worker${report.workers === 1 ? '' : 's'} (${report.solver})`);
  return `${lines.join('\n')}\n`;
}
