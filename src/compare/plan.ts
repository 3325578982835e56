import type { Catalog } from '../catalog/catalog.js';
import type { Glob } from '../glob/glob.js';
import { packByService } from '../prove/obligations/chunks.js';
import { catalogParts, partsReached } from '../prove/obligations/parts.js';
import { lowerCaseDomain } from '../prove/obligations/terms.js';
import { renderScript } from '../prove/smt/script.js';
import { or, stringLiteral } from '../prove/smt/terms.js';
import { resolvePolicy, type ResolvedPolicy, type ResolvedStatement } from './approximation.js';
import type { ConditionAtom } from './condition.js';
import { allowsBody, deniesBody, Encoder, statementName } from './encode.js';
import type { ComparedPolicy } from './model.js';
import { LinePrefixes } from './relevance.js';
import { actionCandidates } from './candidates.js';
import { regionPlan } from './regions.js';
import { lowerAscii } from '../glob/glob.js';
import { globMatches } from '../glob/match.js';

/** `no-new-access`: every request the new policy allows, the old allows; `equivalent`: both ways. */
export const COMPARE_MODES = ['no-new-access', 'equivalent'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];
/** `all-strings`: every action string, future actions included; `catalog`: the catalog's actions. Resources are always every string. */
export const COMPARE_SCOPES = ['all-strings', 'catalog'] as const;
export type CompareScope = (typeof COMPARE_SCOPES)[number];
/** `gained`: allowed by the new policy and not the old; `lost`: the other way round. */
export type Direction = 'gained' | 'lost';

/** What is compared: both policies read against one table of condition atoms. */
export interface Comparison {
  readonly old: ComparedPolicy;
  readonly new: ComparedPolicy;
  readonly atoms: readonly ConditionAtom[];
  readonly mode: CompareMode;
  readonly scope: CompareScope;
  /** The catalog the `catalog` scope ranges over. */
  readonly catalog?: Catalog;
}

/** One direction of a comparison: every request `granting` allows, `bounding` must allow. */
export interface DirectionPair {
  readonly direction: Direction;
  readonly granting: ResolvedPolicy;
  readonly bounding: ResolvedPolicy;
}

export function directionsOf(comparison: Comparison): DirectionPair[] {
  const gained = { direction: 'gained' as const, granting: resolvePolicy(comparison.new, 'granting'), bounding: resolvePolicy(comparison.old, 'bounding') };
  if (comparison.mode === 'no-new-access') return [gained];
  return [gained, { direction: 'lost', granting: resolvePolicy(comparison.old, 'granting'), bounding: resolvePolicy(comparison.new, 'bounding') }];
}

/** One obligation: no request that one granting statement allows (on its lines) escapes the bounding policy. */
export interface CompareObligation {
  /** File-name safe: `gained-s2`, `gained-s2-s3` (a chunk of its patterns), `gained-s2-literals` (the literal patterns of a chunk with wildcards too), `lost-s0-ec2.2` (a catalog part). */
  readonly id: string;
  readonly direction: Direction;
  /** The granting statement's index. */
  readonly statement: number;
  /** The chunk of patterns or the catalog part, when the statement has more than one obligation. */
  readonly part?: string;
  readonly title: string;
  readonly expected: 'unsat';
  readonly script: string;
  /** The constants of a counterexample, in pairs: an action and a resource (`a r`, or one pair per region). */
  readonly witnesses: readonly string[];
  /**
   * The obligation restricted to one of its actions, in the Boolean encoding (one membership per
   * pattern), where a request the evaluator found is pinned (`pinAR`): its sat is the
   * obligation's, and the solver decides each membership on a ground string, which the region
   * encoding's big unions make slow (minutes for ReadOnlyAccess).
   */
  readonly groundScript: (action: string) => string;
  /** Whether an action is one of the obligation's lines (a counterexample found for it belongs here). */
  readonly covers: (action: string) => boolean;
  /** Actions worth trying through the evaluator before the solver is asked (candidates.ts). */
  readonly candidates: readonly string[];
}

/** At most this many patterns (all-strings) share one obligation. */
export const LINE_CAPACITY = 64;

/**
 * The obligations of a comparison: per direction, per `Allow` statement of the granting policy,
 * per chunk of its patterns (all strings) or catalog part (catalog), the formula
 * `∃ a r k. lines(a) ∧ stmt(a, r) ∧ ¬G-denies(a, r) ∧ ¬B-allows(a, r)`, expected `unsat`. A pure
 * function of the comparison: a certificate is re-derived from its inputs byte for byte.
 */
export function planComparison(comparison: Comparison): CompareObligation[] {
  return directionsOf(comparison).flatMap((pair) =>
    pair.granting.statements
      .filter((statement) => statement.effect === 'Allow')
      .flatMap((statement) =>
        (comparison.scope === 'catalog' ? catalogLines(statement, comparison.catalog!) : stringLines(statement, comparison.catalog)).map((lines) => {
          const id = `${pair.direction}-s${statement.index}${lines.key === undefined ? '' : `-${lines.key}`}`;
          const label = statement.sid === undefined ? '' : ` (${JSON.stringify(statement.sid)})`;
          const what = `${pair.granting.name} statement ${statement.index}${label} allows`;
          const { script, witnesses } = obligationScript(id, pair, statement, lines, comparison.scope, what);
          return {
            id,
            direction: pair.direction,
            statement: statement.index,
            ...(lines.key === undefined ? {} : { part: lines.key }),
            title: `${pair.granting.name} statement ${statement.index}${label}${lines.key === undefined ? '' : ` (${lines.key})`}: every request it allows, ${pair.bounding.name} allows`,
            expected: 'unsat' as const,
            script,
            witnesses,
            groundScript: (action: string) => escapeScript(id, pair, [statement], singleAction(action), comparison.scope, `${what} (the counterexample's action alone)`),
            covers: lines.covers,
            candidates: lines.candidates ?? notActionCandidates(pair),
          };
        }),
      ),
  );
}

/** The Boolean encoding's pins: its one action and resource. */
export function pinAR(action: string, resource: string): string[] {
  return [`(assert (= a ${stringLiteral(lowerAscii(action))}))`, `(assert (= r ${stringLiteral(resource)}))`];
}

function claimOf(pair: DirectionPair): string {
  return `${pair.direction}: ${pair.granting.name} ⇒ ${pair.bounding.name}`;
}

function obligationComments(pair: DirectionPair, lines: Lines, scope: CompareScope, what: string): string[] {
  return [
    `Every request that ${what}, ${pair.bounding.name} allows: on ${lines.description}.`,
    `sat would be a counterexample: an action and a resource that ${pair.granting.name} allows and ${pair.bounding.name} does not${scope === 'all-strings' ? ' (actions range over strings without upper-case ASCII: matching folds case)' : ''}.`,
    'A condition block is an opaque atom k, the same atom for blocks equal after canonical ordering; a resource pattern with a policy variable is an atom v (one per pattern text) within its widened form.',
    "A statement names only the patterns whose literal prefix can fit the lines' actions; the others cannot match them.",
  ];
}

/**
 * The script asking whether one catalog action, with some resource and condition values, is
 * allowed by the granting policy and not by the bounding one: the question `--scope catalog`
 * asks once per group of catalog actions that the same statements' action elements match.
 */
export function catalogActionScript(pair: DirectionPair, action: string, id: string): string {
  const granted = pair.granting.statements.filter((statement) => statement.effect === 'Allow');
  return escapeScript(id, pair, granted, singleAction(action), 'catalog', `the ${pair.granting.name} policy allows`);
}

/** One lower-cased action as the only line. */
function singleAction(action: string): Lines {
  return {
    key: undefined,
    prefixes: new LinePrefixes([action]),
    render: (escapes) => [`(and (= a ${stringLiteral(action)}) ${escapes(stringLiteral(action))})`],
    free: false,
    description: `the action ${action}`,
    covers: (other) => other === action,
  };
}

/** The actions one obligation asks about, as lines of its final disjunction. */
interface Lines {
  readonly key: string | undefined;
  readonly prefixes: LinePrefixes;
  /** Each line, given how to say "the request (x, r) escapes" and "a matches the statement's pattern at this position". */
  readonly render: (escapes: (action: string) => string, matches: (position: number) => string) => string[];
  /** Whether the lines leave the action free (then it ranges over strings without upper-case ASCII). */
  readonly free: boolean;
  readonly description: string;
  /** Actions worth trying first; none: those of a NotAction statement (notActionCandidates). */
  readonly candidates?: readonly string[];
  /** The granting statement's patterns on the lines; none: its whole element (NotAction, a catalog part). */
  readonly positions?: readonly number[];
  readonly covers: (lowerAction: string) => boolean;
}

function stringLines(statement: ResolvedStatement, catalog: Catalog | undefined): Lines[] {
  if (statement.actionKey === 'NotAction') {
    return [{ key: undefined, prefixes: new LinePrefixes(['']), render: (escapes) => [escapes('a')], free: true, description: 'every action string its NotAction list leaves', covers: () => true }];
  }
  const chunks = packByService([...statement.actions.keys()], (position) => serviceOf(statement.actions[position]!), LINE_CAPACITY, true);
  return chunks.flatMap((chunk) => {
    // Literal patterns and wildcards apart: the literals' lines are ground, the wildcards' get regions (obligationScript).
    const literals = chunk.items.filter((position) => !statement.actions[position]!.hasWildcard);
    const wildcards = chunk.items.filter((position) => statement.actions[position]!.hasWildcard);
    const key = chunks.length === 1 ? undefined : chunk.key;
    if (literals.length === 0 || wildcards.length === 0) return [patternLines(statement, chunk.items, key, catalog)];
    return [patternLines(statement, literals, key === undefined ? 'literals' : `${key}-literals`, catalog), patternLines(statement, wildcards, key, catalog)];
  });
}

/** The lines of a statement's action patterns at `positions`: a literal pins the action to its text, a wildcard leaves it free. */
function patternLines(statement: ResolvedStatement, positions: readonly number[], key: string | undefined, catalog: Catalog | undefined): Lines {
  const globs = positions.map((position) => statement.actions[position]!);
  return {
    key,
    prefixes: new LinePrefixes(globs.map((glob) => glob.literalPrefix)),
    render: (escapes, matches) =>
      positions.map((position) => {
        const glob = statement.actions[position]!;
        return `(and ${matches(position)} ${escapes(glob.hasWildcard ? 'a' : stringLiteral(glob.lower))})`;
      }),
    free: globs.some((glob) => glob.hasWildcard),
    positions,
    covers: (action: string) => globs.some((glob) => globMatches(glob, action)),
    // Catalog actions first: a counterexample reads best as a real action.
    candidates: globs.flatMap((glob) => [...(catalog === undefined ? [] : catalog.matching(glob).slice(0, 3).map((index) => catalog.lowerActions[index]!)), ...actionCandidates(glob.lower)]),
    description: `the action strings its pattern${globs.length === 1 ? '' : 's'} ${globs.map((glob) => JSON.stringify(glob.text)).join(', ')} match`,
  };
}

function catalogLines(statement: ResolvedStatement, catalog: Catalog): Lines[] {
  const prefixes = [...new Set(statement.actions.map((glob) => glob.literalPrefix))];
  const fits = (action: string): boolean => statement.actionKey === 'NotAction' || prefixes.some((prefix) => action.startsWith(prefix));
  return (statement.actionKey === 'NotAction' ? catalogParts(catalog) : partsReached(catalog, prefixes))
    .map((part) => {
      const actions = catalog.lowerActions.slice(part.from, part.to).filter(fits);
      const members = new Set(actions);
      return {
        key: part.key,
        prefixes: new LinePrefixes(actions),
        render: (escapes) => actions.map((action) => `(and (= a ${stringLiteral(action)}) ${escapes(stringLiteral(action))})`),
        free: false,
        candidates: actions,
        covers: (action: string) => members.has(action),
        description: `the ${actions.length} catalog actions of part ${part.key} (${part.to - part.from} actions, ${catalog.lowerActions[part.from]} to ${catalog.lowerActions[part.to - 1]}) that ${statement.actionKey === 'NotAction' ? 'a NotAction statement may allow: all of them' : "start with one of its patterns' literal prefixes"}`,
      };
    });
}

/**
 * One obligation's script, in the region encoding (regions.ts), or beyond `MAX_REGIONS` regions in
 * the Boolean one. Lines whose actions are given strings (literal patterns only, or catalog
 * actions) are asked about one by one within each region, every action membership ground, which
 * Z3's rewriter decides before any search (measured: ReadOnlyAccess's chunk m2..macie2 from 18 s
 * as one regex difference to milliseconds); lines with a wildcard as one small regex difference
 * per pattern and region.
 */
function obligationScript(id: string, pair: DirectionPair, statement: ResolvedStatement, lines: Lines, scope: CompareScope, what: string): { script: string; witnesses: readonly string[] } {
  const given = scope === 'catalog' ? lines.candidates : lines.free || lines.positions === undefined ? undefined : lines.positions.map((position) => statement.actions[position]!.lower);
  const regions = regionPlan(pair.granting, pair.bounding, statement, lines.positions, lines.prefixes, given);
  if (regions === undefined) return { script: escapeScript(id, pair, [statement], lines, scope, what), witnesses: ['a', 'r'] };
  const script = renderScript({
    id,
    claim: claimOf(pair),
    expected: 'unsat',
    comments: [...obligationComments(pair, lines, scope, what), ...regions.comments],
    declarations: regions.declarations,
    assertions: [regions.regions.length === 0 ? 'false' : `(or\n  ${regions.regions.join('\n  ')}\n)`],
  });
  return { script, witnesses: regions.witnesses };
}

/** `∃ a r k. lines(a) ∧ (one of the granted statements matches) ∧ ¬G-denies ∧ ¬B-allows`, as a script expected `unsat`. */
function escapeScript(id: string, pair: DirectionPair, granted: readonly ResolvedStatement[], lines: Lines, scope: CompareScope, what: string): string {
  const parts = escapeParts(pair, granted, lines);
  return renderScript({
    id,
    claim: claimOf(pair),
    expected: 'unsat',
    comments: obligationComments(pair, lines, scope, what),
    declarations: parts.declarations,
    assertions: [...parts.domain, parts.lines.length <= 1 ? (parts.lines[0] ?? 'false') : `(or\n  ${parts.lines.join('\n  ')})`],
  });
}

/** The Boolean encoding's declarations (the constants a, r and the atoms, the regexes, the statements' predicates), its lines, and the action's domain where a line leaves it free. */
function escapeParts(pair: DirectionPair, granted: readonly ResolvedStatement[], lines: Lines): { declarations: string[]; lines: string[]; domain: string[] } {
  const { granting, bounding } = pair;
  const encoder = new Encoder();
  const definitions: string[] = [];
  const atoms = new Map<string, ConditionAtom>();
  const define = (policy: ResolvedPolicy, member: ResolvedStatement): boolean => {
    const positions = lines.prefixes.relevantPatterns(member);
    if (member.actionKey === 'Action' && positions.length === 0) return false;
    definitions.push(encoder.statementDefinition(policy, member, positions));
    if (member.condition !== undefined) atoms.set(member.condition.name, member.condition);
    for (const resource of member.resources) if (resource.atom !== undefined) atoms.set(resource.atom.name, resource.atom);
    return true;
  };
  const grantingAllows = granted.filter((member) => define(granting, member));
  const grantingDenies = granting.statements.filter((member) => member.effect === 'Deny' && define(granting, member));
  const boundingAllows = bounding.statements.filter((member) => member.effect === 'Allow' && define(bounding, member));
  const boundingDenies = bounding.statements.filter((member) => member.effect === 'Deny' && define(bounding, member));
  const grants = or(grantingAllows.map((member) => `(${statementName(granting, member)} a r)`));
  const effects = [
    `(define-fun ${granting.name}-denies ((a String) (r String)) Bool ${deniesBody(granting, grantingDenies)})`,
    `(define-fun ${bounding.name}-allows ((a String) (r String)) Bool ${allowsBody(bounding, boundingAllows, boundingDenies)})`,
    `(define-fun escapes ((a String) (r String)) Bool (and ${grants} (not (${granting.name}-denies a r)) (not (${bounding.name}-allows a r))))`,
  ];
  const body = lines.render(
    (action) => `(escapes ${action} r)`,
    (position) => encoder.patternTerm(granting, granted[0]!, position, 'a'),
  );
  return {
    declarations: [
      '(declare-const a String) ; the action, lower-cased',
      '(declare-const r String) ; the resource, case kept',
      ...[...atoms.values()]
        .sort((x, y) => x.name[0]!.localeCompare(y.name[0]!) || Number(x.name.slice(1)) - Number(y.name.slice(1)))
        .map((atom) => `(declare-const ${atom.name} Bool) ; ${atom.kind === 'condition' ? `Condition ${atom.canonical}` : `the policy variables' values make ${JSON.stringify(atom.canonical)} match the resource`}`),
      ...encoder.regexDefinitions,
      ...definitions,
      ...effects,
    ],
    lines: body,
    domain: lines.free ? [lowerCaseDomain('a')] : [],
  };
}

/** For a NotAction statement's lines: every action pattern of either policy made concrete, and one action no pattern names. */
function notActionCandidates(pair: DirectionPair): string[] {
  const patterns = [...pair.granting.statements, ...pair.bounding.statements].flatMap((statement) => statement.actions.map((glob) => glob.lower));
  return [...new Set(['x:x', ...patterns.flatMap(actionCandidates)])].slice(0, 400);
}

/** The service a pattern's literal prefix names, file-name safe: `_any` when its service part holds a wildcard. */
function serviceOf(glob: Glob): string {
  const colon = glob.literalPrefix.indexOf(':');
  if (colon === -1) return '_any';
  const service = glob.literalPrefix.slice(0, colon);
  return /^[a-z0-9-]+$/.test(service) ? service : '_other';
}
