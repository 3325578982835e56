import { renderScript } from '../prove/smt/script.js';
import { globRegex, patternRegex, regexUnion, stringLiteral } from '../prove/smt/terms.js';
import type { ResolvedPolicy, ResolvedStatement } from './approximation.js';
import { statementName } from './encode.js';
import { LinePrefixes } from './relevance.js';

/**
 * The all-strings encoding that keeps every query to one regex membership per string. Z3 in
 * WebAssembly decides `w ∈ R` for one regex R in milliseconds, but a Boolean combination of
 * memberships of one string may take seconds to tens of seconds (measured: 16 s for
 * AmazonS3ReadOnlyAccess against AmazonS3FullAccess). So the obligation is split into regions:
 * each fixes which of the statements' resource elements hold for the resource and which
 * condition atoms hold. Within a region every statement is on or off, the escaping actions are
 * one regex, `lines \ (G-denies ∪ (B-allows \ B-denies))` over the statements on, and the
 * resources of the region are one regex too; the region has its own action and resource
 * constants, so its two memberships are all the solver sees of it. The regions cover every
 * request exactly once, so the disjunction of the regions is the obligation.
 */
export const MAX_REGION_BITS = 6;

/** A resource element (its key and globs) whose truth a region fixes. */
interface ResourcePart {
  readonly key: string;
  readonly statement: ResolvedStatement;
  readonly name: string;
}

export interface RegionPlan {
  readonly script: string;
  /** `a0`, `r0`, `a1`, `r1`, ...: each region's action and resource. */
  readonly witnesses: readonly string[];
}

interface Members {
  readonly granting: ResolvedStatement;
  readonly grantingDenies: readonly ResolvedStatement[];
  readonly boundingAllows: readonly ResolvedStatement[];
  readonly boundingDenies: readonly ResolvedStatement[];
}

/**
 * The region encoding of one obligation, or `undefined` when the statements in play have more
 * than `MAX_REGION_BITS` resource elements and conditions to fix (the caller falls back to the
 * Boolean encoding). `positions`: the granting statement's patterns on the lines (`undefined`:
 * its whole NotAction element).
 */
export function regionScript(
  id: string,
  claim: string,
  comments: readonly string[],
  granting: ResolvedPolicy,
  bounding: ResolvedPolicy,
  statement: ResolvedStatement,
  positions: readonly number[] | undefined,
  prefixes: LinePrefixes,
  /** With the catalog scope: the lines' catalog actions, a finite set the granting statement's actions are intersected with. */
  lineActions?: readonly string[],
): RegionPlan | undefined {
  const relevant = (member: ResolvedStatement): boolean => member.actionKey === 'NotAction' || prefixes.relevantPatterns(member).length > 0;
  const members: Members = {
    granting: statement,
    grantingDenies: granting.statements.filter((member) => member.effect === 'Deny' && relevant(member)),
    boundingAllows: bounding.statements.filter((member) => member.effect === 'Allow' && relevant(member)),
    boundingDenies: bounding.statements.filter((member) => member.effect === 'Deny' && relevant(member)),
  };
  const policyOf = (member: ResolvedStatement): ResolvedPolicy => (member === statement || members.grantingDenies.includes(member) ? granting : bounding);
  const all = [statement, ...members.grantingDenies, ...members.boundingAllows, ...members.boundingDenies];

  // The bits a region fixes: each distinct non-trivial resource element, each condition atom; the granting statement's own are fixed true.
  const parts = new Map<string, ResourcePart>();
  for (const member of all) {
    if (alwaysOnResource(member)) continue;
    const key = resourceKey(member);
    if (!parts.has(key)) parts.set(key, { key, statement: member, name: `${statementName(policyOf(member), member)}_res` });
  }
  const ownPart = alwaysOnResource(statement) ? undefined : resourceKey(statement);
  const atoms = [...new Set(all.flatMap((member) => [...(member.condition === undefined ? [] : [member.condition.name]), ...member.resources.flatMap((resource) => (resource.atom === undefined ? [] : [resource.atom.name]))]))].filter(
    (name) => name !== statement.condition?.name,
  );
  const partBits = [...parts.values()].filter((part) => part.key !== ownPart);
  if (partBits.length + atoms.length > MAX_REGION_BITS) return undefined;

  const definitions: string[] = ['(define-fun has-upper () RegLan (re.++ re.all (re.range "A" "Z") re.all)) ; strings with an upper-case ASCII letter: matching folds case'];
  const actionName = new Map<ResolvedStatement, string>();
  const patternsOf = new Map<ResolvedStatement, readonly number[]>();
  for (const member of all) {
    const name = `${statementName(policyOf(member), member)}_act`;
    actionName.set(member, name);
    const own = member === statement && positions !== undefined ? positions : prefixes.relevantPatterns(member);
    patternsOf.set(member, own);
    if (member.actionKey === 'NotAction') {
      // Its list as a union of its own: complements cancel below instead of nesting.
      definitions.push(`(define-fun ${name}_list () RegLan ${regexUnion(own.map((position) => patternRegex(member.actions[position]!.text)))}) ; ${describe(policyOf(member), member, 'Action')}`);
      definitions.push(`(define-fun ${name} () RegLan (re.diff re.all ${name}_list))`);
    } else definitions.push(`(define-fun ${name} () RegLan ${actionRegex(member, own)}) ; ${describe(policyOf(member), member, 'Action')}`);
  }
  for (const part of parts.values()) definitions.push(`; ${part.name}: ${describe(policyOf(part.statement), part.statement, 'Resource')}`);

  if (lineActions !== undefined) definitions.push(`(define-fun lines () RegLan ${regexUnion(lineActions.map((action) => `(str.to_re ${stringLiteral(action)})`))}) ; the catalog actions asked about`);
  const grantedActions = lineActions === undefined ? actionName.get(statement)! : `(re.inter ${actionName.get(statement)} lines)`;
  const regions: string[] = [];
  const witnesses: string[] = [];
  const bitCount = partBits.length + atoms.length;
  const omitted: string[] = [];
  for (let mask = 0; mask < 2 ** bitCount; mask++) {
    const partOn = new Set(partBits.filter((_, bit) => (mask >> bit) & 1).map((part) => part.key));
    if (ownPart !== undefined) partOn.add(ownPart);
    const atomOn = new Set(atoms.filter((_, bit) => (mask >> (partBits.length + bit)) & 1));
    if (statement.condition !== undefined) atomOn.add(statement.condition.name);
    // A region where a resource element holds and one holding all its patterns fails is empty, visibly.
    const contradiction = [...parts.values()].find((inner) => partOn.has(inner.key) && [...parts.values()].some((outer) => !partOn.has(outer.key) && containsPatterns(outer.statement, inner.statement)));
    if (contradiction !== undefined) {
      omitted.push(`; no region where ${contradiction.name} holds and a resource element with all its patterns fails (mask ${mask}): it is empty`);
      continue;
    }
    const on = (member: ResolvedStatement): boolean => (alwaysOnResource(member) || partOn.has(resourceKey(member))) && (member.condition === undefined || atomOn.has(member.condition.name));
    const names = (list: readonly ResolvedStatement[]): string[] => list.filter(on).map((member) => actionName.get(member)!);
    const granted = names(members.boundingAllows);
    const boundingDenied = names(members.boundingDenies);
    const boundingAllows = granted.length === 0 ? [] : [boundingDenied.length === 0 ? regexUnion(granted) : `(re.diff ${regexUnion(granted)} ${regexUnion(boundingDenied)})`];
    const excluded = ['has-upper', ...names(members.grantingDenies), ...boundingAllows];
    const actions = boundingDenied.length === 0 ? withoutComplements(members, on, actionName, patternsOf, lineActions) : `(re.diff ${grantedActions} ${regexUnion(excluded)})`;
    // A part's resources depend on the region's atoms when it has patterns with policy variables.
    const holding = [...parts.values()].filter((part) => partOn.has(part.key)).map((part) => resourceRegex(part.statement, atomOn));
    const failing = [...parts.values()].filter((part) => !partOn.has(part.key)).map((part) => resourceRegex(part.statement, atomOn));
    const resources = failing.length === 0 ? intersection(holding) : `(re.diff ${intersection(holding)} ${regexUnion(failing)})`;
    const index = regions.length;
    witnesses.push(`a${index}`, `r${index}`);
    const label = [...[...parts.values()].map((part) => `${part.name} ${partOn.has(part.key) ? 'holds' : 'fails'}`), ...[...atomOn].sort().map((name) => `${name} holds`), ...atoms.filter((name) => !atomOn.has(name)).map((name) => `${name} fails`)].join(', ');
    regions.push(`; region ${index}: ${label === '' ? 'every resource and context' : label}\n  (and (str.in_re a${index} ${actions}) (str.in_re r${index} ${resources}))`);
  }
  const script = renderScript({
    id,
    claim,
    expected: 'unsat',
    comments: [
      ...comments,
      'Regions: each fixes which resource elements (`_res`) and condition atoms hold; within it the escaping actions are one regex and its resources another,',
      'each with constants of its own (a0 r0, a1 r1, ...). The regions cover every request exactly once.',
    ],
    declarations: [...witnesses.map((name) => `(declare-const ${name} String)`), ...definitions, ...omitted],
    assertions: [regions.length === 0 ? 'false' : `(or\n  ${regions.join('\n  ')}\n)`],
  });
  return { script, witnesses };
}

/**
 * The escaping actions of a region without B-denies, `G \ (has-upper ∪ G-denies ∪ B-allows)`,
 * with every NotAction element's complement cancelled: `¬(all \ L) = L` joins the intersection,
 * and a NotAction granting statement's list joins the union. (Nested complements of long lists
 * took Z3 23 s on PowerUserAccess against its refinement.)
 */
function withoutComplements(
  members: Members,
  on: (member: ResolvedStatement) => boolean,
  actionName: ReadonlyMap<ResolvedStatement, string>,
  patternsOf: ReadonlyMap<ResolvedStatement, readonly number[]>,
  lineActions: readonly string[] | undefined,
): string {
  const within: { readonly name: string; readonly prefixes: readonly string[] }[] = lineActions === undefined ? [] : [{ name: 'lines', prefixes: lineActions }];
  const without: ResolvedStatement[] = [];
  const prefixesOf = (member: ResolvedStatement): string[] => patternsOf.get(member)!.map((position) => member.actions[position]!.literalPrefix);
  const name = (member: ResolvedStatement): string => actionName.get(member)!;
  if (members.granting.actionKey === 'Action') within.push({ name: name(members.granting), prefixes: prefixesOf(members.granting) });
  else without.push(members.granting);
  for (const member of [...members.grantingDenies, ...members.boundingAllows].filter(on)) {
    if (member.actionKey === 'Action') without.push(member);
    else within.push({ name: `${name(member)}_list`, prefixes: prefixesOf(member) });
  }
  // Every action of the intersection starts with a prefix of its narrowest member: a subtracted pattern whose literal prefix fits none of them cannot meet it.
  const guard = within.length === 0 ? undefined : new LinePrefixes([...within].sort((x, y) => x.prefixes.length - y.prefixes.length)[0]!.prefixes);
  const subtracted = without.flatMap((member) => {
    const kept = patternsOf.get(member)!.filter((position) => guard === undefined || guard.compatible(member.actions[position]!.literalPrefix));
    if (kept.length === patternsOf.get(member)!.length) return [member.actionKey === 'Action' ? name(member) : `${name(member)}_list`];
    return kept.length === 0 ? [] : [regexUnion(kept.map((position) => patternRegex(member.actions[position]!.text)))];
  });
  return `(re.diff ${intersection(within.map((entry) => entry.name))} ${regexUnion(['has-upper', ...subtracted])})`;
}

/** A statement's action element as one regex: the union of its patterns (those that can matter here), or, for NotAction, what they leave. */
function actionRegex(statement: ResolvedStatement, positions: readonly number[]): string {
  const union = regexUnion(positions.map((position) => patternRegex(statement.actions[position]!.text)));
  return statement.actionKey === 'Action' ? union : `(re.diff re.all ${union})`;
}

/** A statement's resource element as one regex: its globs, case kept (a pattern with a variable: widened, where its atom holds), or what they leave. */
function resourceRegex(statement: ResolvedStatement, atomOn: ReadonlySet<string>): string {
  const union = regexUnion(statement.resources.filter((resource) => resource.atom === undefined || atomOn.has(resource.atom.name)).map((resource) => globRegex(resource.glob)));
  return statement.resourceKey === 'Resource' ? union : `(re.diff re.all ${union})`;
}

function intersection(regexes: readonly string[]): string {
  if (regexes.length === 0) return 're.all';
  return regexes.length === 1 ? regexes[0]! : `(re.inter ${regexes.join(' ')})`;
}

/** Whether `outer` is a Resource element listing every pattern `inner` lists (so wherever inner holds, outer does). */
function containsPatterns(outer: ResolvedStatement, inner: ResolvedStatement): boolean {
  if (outer.resourceKey !== 'Resource' || inner.resourceKey !== 'Resource') return false;
  const listed = new Set(outer.resources.map((resource) => resource.text));
  return inner.resources.every((resource) => listed.has(resource.text));
}

/** Resource `*` (or NotResource of nothing): true for every resource, no bit needed. */
function alwaysOnResource(statement: ResolvedStatement): boolean {
  return statement.resourceKey === 'Resource' ? statement.resources.some((resource) => resource.atom === undefined && /^\*+$/.test(resource.glob)) : statement.resources.length === 0;
}

function resourceKey(statement: ResolvedStatement): string {
  return JSON.stringify([statement.resourceKey, [...new Set(statement.resources.map((resource) => resource.text))].sort()]);
}

function describe(policy: ResolvedPolicy, statement: ResolvedStatement, element: 'Action' | 'Resource'): string {
  const sid = statement.sid === undefined ? '' : ` ${JSON.stringify(statement.sid)}`;
  const head = `${policy.name} statement ${statement.index}${sid} (${statement.effect}${statement.condition === undefined ? '' : `, Condition ${statement.condition.name}`})`;
  if (element === 'Action') return `${head}: ${statement.actionKey} ${statement.actions.length} pattern(s)`;
  return `${head}: ${statement.resourceKey} ${statement.resources.map((resource) => JSON.stringify(resource.text)).join(', ')}${statement.approximated ? ' (policy variables approximated)' : ''}`;
}
