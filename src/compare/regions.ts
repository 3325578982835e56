import { and, globRegex, not, or, patternFormula, patternRegex, regexUnion, stringLiteral } from '../prove/smt/terms.js';
import type { ResolvedPolicy, ResolvedStatement } from './approximation.js';
import { statementName } from './encode.js';
import { LinePrefixes } from './relevance.js';

/**
 * The encoding that keeps every query to one regex membership per string. Z3 in WebAssembly
 * decides `w ∈ R` for one regex R in milliseconds, but a Boolean combination of memberships of one
 * string may take seconds to tens of seconds (measured: 16 s for AmazonS3ReadOnlyAccess against
 * AmazonS3FullAccess, 20 s and more for a literal action on resources split across statements).
 * So the obligation is split into regions: each fixes which of the statements' resource elements
 * hold for the resource, which policy variables' atoms hold, and, for actions that are not given
 * strings, the condition atoms of the statements whose resource element holds there (the others
 * cannot matter in it). Within a region every statement is on or off, the escaping actions are
 * `lines \ (G-denies ∪ (B-allows \ B-denies))` over the statements on, one small regex
 * difference per granting pattern, and the resources of the region are one regex; the region has
 * its own action and resource constants. Given actions (literal patterns, catalog actions) are
 * asked about one by one instead, each membership a predicate on a given string that Z3's
 * rewriter decides, and condition atoms stay Boolean constants. The regions cover every request
 * exactly once, so the disjunction of the regions is the obligation.
 */
export const MAX_REGIONS = 128;

/** A resource element (its key and globs) whose truth a region fixes. */
interface ResourcePart {
  readonly key: string;
  readonly statement: ResolvedStatement;
  readonly name: string;
}

/** The region encoding's part of a script, which the caller renders. */
export interface RegionPlan {
  /** Lines explaining the encoding to a reader of the file. */
  readonly comments: readonly string[];
  /** Each region's constants, the regexes' (or predicates') definitions, and notes on regions left out or simplified. */
  readonly declarations: readonly string[];
  /** One per region, its comment first: the disjuncts of the obligation's assertion. */
  readonly regions: readonly string[];
  /** `a0`, `r0`, `a1`, `r1`, ...: each region's action and resource. */
  readonly witnesses: readonly string[];
}

interface Members {
  readonly granting: ResolvedStatement;
  readonly grantingDenies: readonly ResolvedStatement[];
  readonly boundingAllows: readonly ResolvedStatement[];
  readonly boundingDenies: readonly ResolvedStatement[];
}

/** One region: the resource elements and atoms that hold in it, and the atoms it fixes. */
interface Region {
  readonly partOn: ReadonlySet<string>;
  readonly atomOn: ReadonlySet<string>;
  readonly fixed: readonly string[];
}

/**
 * The region encoding of one obligation, or `undefined` when it would take more than
 * `MAX_REGIONS` regions (the caller falls back to the Boolean encoding). `positions`: the granting
 * statement's patterns on the lines (`undefined`: its whole NotAction element, or a catalog
 * part's actions).
 */
export function regionPlan(
  granting: ResolvedPolicy,
  bounding: ResolvedPolicy,
  statement: ResolvedStatement,
  positions: readonly number[] | undefined,
  prefixes: LinePrefixes,
  /** The lines' actions when they are given strings (lower-cased literal patterns, or catalog actions): then each region asks about them one by one. */
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
  const parts = new Map<string, ResourcePart>();
  for (const member of all) {
    if (alwaysOnResource(member)) continue;
    const key = resourceKey(member);
    if (!parts.has(key)) parts.set(key, { key, statement: member, name: `${statementName(policyOf(member), member)}_res` });
  }
  const ground = lineActions !== undefined;
  const notes: string[] = [];
  const cells = regionsOf(statement, all, [...parts.values()], ground, notes);
  if (cells === undefined) return undefined;

  const definitions: string[] = ground ? conditionDeclarations(all) : ['(define-fun has-upper () RegLan (re.++ re.all (re.range "A" "Z") re.all)) ; strings with an upper-case ASCII letter: matching folds case'];
  const actionName = new Map<ResolvedStatement, string>();
  const patternsOf = new Map<ResolvedStatement, readonly number[]>();
  for (const member of all) {
    const name = `${statementName(policyOf(member), member)}_act`;
    actionName.set(member, name);
    const own = member === statement && positions !== undefined ? positions : prefixes.relevantPatterns(member);
    patternsOf.set(member, own);
    if (ground) {
      // A predicate, not a regex: applied to a given string, Z3's rewriter decides it (`=`, `str.prefixof`, a ground membership).
      const matches = or(own.map((position) => patternFormula(member.actions[position]!.text, 'a')));
      definitions.push(`(define-fun ${name} ((a String)) Bool ${member.actionKey === 'Action' ? matches : not(matches)}) ; ${describe(policyOf(member), member, 'Action')}`);
    } else if (member.actionKey === 'NotAction') {
      // Its list as a union of its own: complements cancel below instead of nesting.
      definitions.push(`(define-fun ${name}_list () RegLan ${regexUnion(own.map((position) => patternRegex(member.actions[position]!.text)))}) ; ${describe(policyOf(member), member, 'Action')}`);
      definitions.push(`(define-fun ${name} () RegLan (re.diff re.all ${name}_list))`);
    } else definitions.push(`(define-fun ${name} () RegLan ${actionRegex(member, own)}) ; ${describe(policyOf(member), member, 'Action')}`);
  }
  for (const part of parts.values()) definitions.push(`; ${part.name}: ${describe(policyOf(part.statement), part.statement, 'Resource')}`);

  const regions = cells.map((cell, index) => {
    const on = (member: ResolvedStatement): boolean => (alwaysOnResource(member) || cell.partOn.has(resourceKey(member))) && (member.condition === undefined || ground || cell.atomOn.has(member.condition.name));
    const holdingParts = [...parts.values()].filter((part) => cell.partOn.has(part.key));
    const failingParts = [...parts.values()].filter((part) => !cell.partOn.has(part.key));
    // A glob that a holding Resource element lists and a failing one lists too adds nothing here
    // (the region excludes what it matches): left out, so that two versions of one policy, whose
    // statements list the same globs split differently, leave regions Z3 sees empty at once. (The
    // glob-by-glob form of the empty regions `regionsOf` leaves out.)
    const listedByFailing = new Set(failingParts.filter((part) => part.statement.resourceKey === 'Resource').flatMap((part) => activeGlobs(part.statement, cell.atomOn)));
    // A part's resources depend on the region's atoms when it has patterns with policy variables.
    const holding = holdingParts.map((part) => resourceRegex(part.statement, cell.atomOn, part.statement.resourceKey === 'Resource' ? listedByFailing : undefined));
    const failing = failingParts.map((part) => resourceRegex(part.statement, cell.atomOn));
    const resources = failing.length === 0 ? intersection(holding) : `(re.diff ${intersection(holding)} ${regexUnion(failing)})`;
    let actions: string;
    if (lineActions !== undefined) {
      definitions.push(`(define-fun escapes${index} ((a String)) Bool ${groundEscapes(members, on, actionName)}) ; region ${index}: the given action escapes`);
      actions = or(lineActions.map((action) => `(and (= a${index} ${stringLiteral(action)}) (escapes${index} ${stringLiteral(action)}))`));
    } else {
      // `G-denies ∪ (B-allows \ B-denies)` is `G-denies ∪ B-allows` when each pattern B denies here G denies here too (the same text): two versions of one policy.
      const deniedByBoth = deniesAmong(members.boundingDenies.filter(on), members.grantingDenies.filter(on), patternsOf);
      if (deniedByBoth) notes.push(`; region ${index}: every pattern ${bounding.name} denies here, ${granting.name} denies here too, so B-allows \\ B-denies is B-allows`);
      const names = (list: readonly ResolvedStatement[]): string[] => list.filter(on).map((member) => actionName.get(member)!);
      const boundingDenied = deniedByBoth ? [] : names(members.boundingDenies);
      const allowed = names(members.boundingAllows);
      const boundingAllows = allowed.length === 0 ? [] : [boundingDenied.length === 0 ? regexUnion(allowed) : `(re.diff ${regexUnion(allowed)} ${regexUnion(boundingDenied)})`];
      const excluded = regexUnion(['has-upper', ...names(members.grantingDenies), ...boundingAllows]);
      const escaping = (granted: Granted | undefined): string => (boundingDenied.length === 0 ? withoutComplements(members, granted, on, actionName, patternsOf) : `(re.diff ${granted?.regex ?? actionName.get(statement)!} ${excluded})`);
      // An Action statement's patterns one by one, each less only what can meet it: one small difference each, not one of two long unions (measured: 0.3-0.8 s to 20 ms on a ReadOnlyAccess chunk).
      const lines = statement.actionKey === 'NotAction' ? [escaping(undefined)] : patternsOf.get(statement)!.map((position) => escaping(grantedPattern(statement, position)));
      actions = or(lines.map((line) => `(str.in_re a${index} ${line})`));
    }
    const label = [
      ...[...parts.values()].map((part) => `${part.name} ${cell.partOn.has(part.key) ? 'holds' : 'fails'}`),
      ...[...cell.atomOn].sort().map((name) => `${name} holds`),
      ...cell.fixed.filter((name) => !cell.atomOn.has(name)).map((name) => `${name} fails`),
    ].join(', ');
    return `; region ${index}: ${label === '' ? 'every resource and context' : label}\n  (and ${actions} (str.in_re r${index} ${resources}))`;
  });
  const witnesses = cells.flatMap((_, index) => [`a${index}`, `r${index}`]);
  return {
    comments: [
      ground
        ? 'Regions: each fixes which resource elements (`_res`) and policy variables\' atoms hold; within it each given action escapes or not (`escapesN`, on the string), and its resources are one regex,'
        : 'Regions: each fixes which resource elements (`_res`) and atoms hold; within it the escaping actions are a regex per granting pattern and its resources another,',
      'each with constants of its own (a0 r0, a1 r1, ...). The regions cover every request exactly once.',
    ],
    declarations: [...witnesses.map((name) => `(declare-const ${name} String)`), ...definitions, ...notes],
    regions,
    witnesses,
  };
}

/**
 * The regions of an obligation, `undefined` beyond `MAX_REGIONS`. The granting statement's own
 * resource element and condition hold in every one. A region where a resource element holds and
 * one listing all its patterns fails is empty, and left out with a note saying so.
 */
function regionsOf(statement: ResolvedStatement, all: readonly ResolvedStatement[], parts: readonly ResourcePart[], ground: boolean, notes: string[]): Region[] | undefined {
  const ownPart = alwaysOnResource(statement) ? undefined : resourceKey(statement);
  const partBits = parts.filter((part) => part.key !== ownPart);
  const variables = [...new Set(all.flatMap((member) => member.resources.flatMap((resource) => (resource.atom === undefined ? [] : [resource.atom.name]))))];
  const bits = partBits.length + variables.length;
  if (2 ** bits > MAX_REGIONS) return undefined;
  const regions: Region[] = [];
  for (let mask = 0; mask < 2 ** bits; mask++) {
    const partOn = new Set(partBits.filter((_, bit) => (mask >> bit) & 1).map((part) => part.key));
    if (ownPart !== undefined) partOn.add(ownPart);
    const contradiction = parts.find((inner) => partOn.has(inner.key) && parts.some((outer) => !partOn.has(outer.key) && containsPatterns(outer.statement, inner.statement)));
    if (contradiction !== undefined) {
      notes.push(`; no region where ${contradiction.name} holds and a resource element with all its patterns fails (mask ${mask}): it is empty`);
      continue;
    }
    const variablesOn = variables.filter((_, bit) => (mask >> (partBits.length + bit)) & 1);
    const resourceOn = (member: ResolvedStatement): boolean => alwaysOnResource(member) || partOn.has(resourceKey(member));
    const atoms = ground ? [] : [...new Set(all.filter((member) => member.condition !== undefined && resourceOn(member)).map((member) => member.condition!.name))].filter((name) => name !== statement.condition?.name);
    for (let atomMask = 0; atomMask < 2 ** atoms.length; atomMask++) {
      const atomOn = new Set([...variablesOn, ...atoms.filter((_, bit) => (atomMask >> bit) & 1)]);
      if (statement.condition !== undefined && !ground) atomOn.add(statement.condition.name);
      regions.push({ partOn, atomOn, fixed: [...variables, ...atoms] });
      if (regions.length > MAX_REGIONS) return undefined;
    }
  }
  return regions;
}

/** The condition atoms of the statements in play, as Boolean constants. */
function conditionDeclarations(all: readonly ResolvedStatement[]): string[] {
  const atoms = new Map(all.flatMap((member) => (member.condition === undefined ? [] : [[member.condition.name, member.condition] as const])));
  return [...atoms.values()].sort((x, y) => Number(x.name.slice(1)) - Number(y.name.slice(1))).map((atom) => `(declare-const ${atom.name} Bool) ; Condition ${atom.canonical}`);
}

/** Whether every pattern of the `denies` Action statements (those named here) is a pattern of one of `among`'s Action statements. */
function deniesAmong(denies: readonly ResolvedStatement[], among: readonly ResolvedStatement[], patternsOf: ReadonlyMap<ResolvedStatement, readonly number[]>): boolean {
  if (denies.length === 0 || [...denies, ...among].some((member) => member.actionKey !== 'Action')) return false;
  const texts = new Set(among.flatMap((member) => patternsOf.get(member)!.map((position) => member.actions[position]!.lower)));
  return denies.every((member) => patternsOf.get(member)!.every((position) => texts.has(member.actions[position]!.lower)));
}

/** One pattern of an Action granting statement: its regex and its literal prefix. */
interface Granted {
  readonly regex: string;
  readonly prefix: string;
}

function grantedPattern(statement: ResolvedStatement, position: number): Granted {
  const glob = statement.actions[position]!;
  return { regex: patternRegex(glob.text), prefix: glob.literalPrefix };
}

/**
 * The escaping actions of a region without B-denies, `G \ (has-upper ∪ G-denies ∪ B-allows)`,
 * with every NotAction element's complement cancelled: `¬(all \ L) = L` joins the intersection,
 * and a NotAction granting statement's list joins the union. (Nested complements of long lists
 * took Z3 23 s on PowerUserAccess against its refinement.) `granted`: the granting pattern asked
 * about; none: the granting statement is a NotAction one.
 */
function withoutComplements(
  members: Members,
  granted: Granted | undefined,
  on: (member: ResolvedStatement) => boolean,
  actionName: ReadonlyMap<ResolvedStatement, string>,
  patternsOf: ReadonlyMap<ResolvedStatement, readonly number[]>,
): string {
  const within: { readonly name: string; readonly prefixes: readonly string[] }[] = [];
  const without: ResolvedStatement[] = [];
  const prefixesOf = (member: ResolvedStatement): string[] => patternsOf.get(member)!.map((position) => member.actions[position]!.literalPrefix);
  const name = (member: ResolvedStatement): string => actionName.get(member)!;
  if (granted !== undefined) within.push({ name: granted.regex, prefixes: [granted.prefix] });
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

/**
 * A given action escapes a region: `G(a) ∧ ¬G-denies(a) ∧ ¬(B-allows(a) ∧ ¬B-denies(a))` over
 * the statements whose resource element holds there, each its action predicate and its condition
 * atom.
 */
function groundEscapes(members: Members, on: (member: ResolvedStatement) => boolean, actionName: ReadonlyMap<ResolvedStatement, string>): string {
  const call = (member: ResolvedStatement): string => and([`(${actionName.get(member)!} a)`, ...(member.condition === undefined ? [] : [member.condition.name])]);
  const calls = (list: readonly ResolvedStatement[]): string => or(list.filter(on).map(call));
  const boundingAllows = and([calls(members.boundingAllows), ...(members.boundingDenies.some(on) ? [not(calls(members.boundingDenies))] : [])]);
  const terms = [call(members.granting)];
  if (members.grantingDenies.some(on)) terms.push(not(calls(members.grantingDenies)));
  if (members.boundingAllows.some(on)) terms.push(not(boundingAllows));
  return and(terms);
}

/** A statement's action element as one regex: the union of its patterns (those that can matter here), or, for NotAction, what they leave. */
function actionRegex(statement: ResolvedStatement, positions: readonly number[]): string {
  const union = regexUnion(positions.map((position) => patternRegex(statement.actions[position]!.text)));
  return statement.actionKey === 'Action' ? union : `(re.diff re.all ${union})`;
}

/** A statement's resource element as one regex: its globs, case kept (a pattern with a variable: widened, where its atom holds), or what they leave. */
function resourceRegex(statement: ResolvedStatement, atomOn: ReadonlySet<string>, without?: ReadonlySet<string>): string {
  const union = regexUnion(activeGlobs(statement, atomOn).filter((glob) => without?.has(glob) !== true).map(globRegex));
  return statement.resourceKey === 'Resource' ? union : `(re.diff re.all ${union})`;
}

/** The resource globs of a statement that count in a region: those without a policy variable, and those whose atom holds there. */
function activeGlobs(statement: ResolvedStatement, atomOn: ReadonlySet<string>): string[] {
  return statement.resources.filter((resource) => resource.atom === undefined || atomOn.has(resource.atom.name)).map((resource) => resource.glob);
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
