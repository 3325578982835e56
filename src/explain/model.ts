import type { Catalog, CatalogIdentity } from '../catalog/catalog.js';
import type { Granularity } from '../catalog/tokenize.js';
import type { UnusedSet } from '../findings/unused-set.js';
import { parseGlob } from '../glob/glob.js';
import { alignStatements } from '../policy/align.js';
import type { ActionKey, Policy, Statement } from '../policy/types.js';
import { buildPrefixTree, type PrefixTree } from '../recommend/prefix-tree.js';
import type { PatternOutcome, Recommendation, StatementRefinement } from '../recommend/refinement.js';
import { matchedBy } from '../policy/allowed.js';

/** How a recommendation covers a node: by its wildcard `prefix*`, or by the name of the one action it stands for. */
export type Choice = 'wildcard' | 'action';

/** What one node of a pattern's trie is, as the picture shows it. */
export interface ExplainedNode {
  readonly parent: number;
  readonly depth: number;
  /** The characters since the parent's prefix, in the catalog's spelling: its token(s). */
  readonly label: string;
  /** The whole prefix in the catalog's spelling (`s3:GetAccess`). */
  readonly prefix: string;
  /** Actions below it that the pattern allows and that are used: what must stay allowed. */
  readonly used: number;
  /** Unused actions below it that the statement allows: what must go. */
  readonly unused: number;
  /** Used actions below it that other patterns of the statement allow, not this one; for `NotAction`, the actions the original exclusions cover. */
  readonly other: number;
  /** No unused action below it (for `NotAction` exclusions: no used action). */
  readonly safe: boolean;
  /**
   * The one action the node stands for: its prefix is that action, or (below the nodes a
   * recommendation descends into) it covers that action alone.
   */
  readonly action: ActionOfNode | undefined;
  /** How iam-refine's recommendation covers the node, and the pattern it writes for it. */
  readonly chosen: Chosen | undefined;
  /** How the given recommendation (`--recommended`) covers it, when there is one. */
  readonly given: Chosen | undefined;
  /** Nodes iam-refine's recommendation chooses strictly below it. */
  readonly chosenBelow: number;
  /** Nodes the given recommendation chooses strictly below it, when there is one. */
  readonly givenBelow: number | undefined;
  /**
   * The trie below it is not drawn: its children are its actions, each labelled by what follows
   * the node's prefix. Only nodes no recommendation descends into are flattened.
   */
  readonly flattened: boolean;
  readonly children: readonly number[];
  /** Whether the default view shows its children. */
  readonly expanded: boolean;
  /** With `--prove`: the checker's minimality witness for the pattern written for this node. */
  readonly witness?: string;
}

/** `used`: the pattern allows it and it is used; `other`: used, but only other patterns of the statement allow it. */
export type ActionKind = 'used' | 'unused' | 'other';

export interface ActionOfNode {
  readonly name: string;
  readonly kind: ActionKind;
}

export interface Chosen {
  readonly kind: Choice;
  readonly pattern: string;
}

/**
 * One refined wildcard and its trie; node 0 is the root, nodes are in depth-first order. For a
 * `NotAction` statement, the trie of its added exclusions over the whole catalog (`pattern` is
 * `*`), where a safe node excludes no used action.
 */
export interface PatternTrie {
  readonly statement: number;
  /** The statement's `Sid`, by which reports name it where it has one. */
  readonly sid: string | undefined;
  readonly key: ActionKey;
  readonly position: number;
  readonly pattern: string;
  readonly fate: PatternOutcome['fate'];
  readonly replacements: readonly string[];
  /** The new patterns of the given recommendation that belong to this trie. */
  readonly givenReplacements: readonly string[] | undefined;
  readonly nodes: readonly ExplainedNode[];
  /** Nodes whose choice differs between iam-refine and the given recommendation. */
  readonly differences: number;
}

export interface Explanation {
  readonly catalog: CatalogIdentity;
  readonly granularity: Granularity;
  readonly tries: readonly PatternTrie[];
  /** New patterns of the given recommendation that are no node of any trie (not a shortest safe prefix, or not a prefix at all). */
  readonly unplaced: readonly { readonly statement: number; readonly pattern: string }[];
  readonly given: boolean;
}

export interface ExplainInput {
  readonly original: Policy;
  readonly unused: UnusedSet;
  readonly catalog: Catalog;
  readonly granularity: Granularity;
  /** iam-refine's own recommendation. */
  readonly recommendation: Recommendation;
  /** A recommendation to compare with it (`--recommended`): its policy, `undefined` for detach. */
  readonly given?: { readonly policy: Policy | undefined };
}

/** How many rows the default view shows at most: a `*` over the whole catalog opens at its services. */
export const DEFAULT_VIEW_ROWS = 500;
/** An unsafe node no recommendation descends into opens by default when it has at most this many children. */
const SMALL_SUBTREE = 16;

/**
 * The refinement explained as tries: for every wildcard of an `Allow` statement that iam-refine
 * removed or replaced, the trie over the statement's allowed actions rooted at its literal
 * prefix (the recommender's own), and for a `NotAction` statement the trie of its added
 * exclusions; with counts, safety, and the nodes each recommendation chose. Below the nodes no
 * recommendation descends into, only the actions are listed, so a `*` over the catalog stays small.
 */
export function explain(input: ExplainInput): Explanation {
  const { original, recommendation } = input;
  const givenPatterns = input.given === undefined ? undefined : givenByStatement(original, input.given.policy);
  const tries: PatternTrie[] = [];
  const placed = new Set<string>();
  for (const refinement of recommendation.statements) {
    const statement = original.statements[refinement.index]!;
    if (statement.effect !== 'Allow') continue;
    const given = givenPatterns?.get(refinement.index) ?? { added: [], kept: new Set<string>() };
    const found = statement.actionKey === 'Action' ? actionTries(input, statement, refinement, given, givenPatterns !== undefined) : notActionTries(input, statement, refinement, given, givenPatterns !== undefined);
    for (const { trie, placed: patterns } of found) {
      for (const pattern of patterns) placed.add(`${refinement.index}\u0000${pattern}`);
      tries.push(trie);
    }
  }
  const unplaced = [...(givenPatterns ?? new Map<number, GivenStatement>())].flatMap(([statement, { added }]) =>
    added.filter((pattern) => !placed.has(`${statement}\u0000${pattern}`)).map((pattern) => ({ statement, pattern })),
  );
  return { catalog: input.catalog.identity, granularity: input.granularity, tries, unplaced, given: input.given !== undefined };
}

/** What a given recommendation made of one statement: the patterns it added, and the original ones it kept. */
interface GivenStatement {
  readonly added: readonly string[];
  readonly kept: ReadonlySet<string>;
}

function givenByStatement(original: Policy, recommended: Policy | undefined): Map<number, GivenStatement> {
  const result = new Map<number, GivenStatement>();
  for (const { original: statement, refined } of alignStatements(original, recommended).pairs) {
    if (refined === undefined) continue;
    const before = new Set(statement.patterns);
    result.set(statement.index, { added: refined.patterns.filter((pattern) => !before.has(pattern)), kept: new Set(refined.patterns.filter((pattern) => before.has(pattern))) });
  }
  return result;
}

/** The catalog actions (indices, ascending) the statement's patterns match. */
function matchedActions(statement: Statement, catalog: Catalog): number[] {
  return [...matchedBy(statement.patterns, catalog)].sort((a, b) => a - b);
}

/** The tries of an `Action` statement: one per wildcard that was removed or replaced. */
function actionTries(input: ExplainInput, statement: Statement, refinement: StatementRefinement, given: GivenStatement, compare: boolean): BuiltTrie[] {
  const { catalog, unused } = input;
  const refined = refinement.patterns.flatMap((outcome, position) => (outcome.fate !== 'kept' && parseGlob(outcome.pattern).hasWildcard ? [{ outcome, position }] : []));
  if (refined.length === 0) return [];
  const allowed = matchedActions(statement, catalog);
  const roots = refined.map(({ outcome }) => parseGlob(outcome.pattern).literalPrefix);
  return refined.map(({ outcome, position }) => {
    const glob = parseGlob(outcome.pattern);
    const root = glob.literalPrefix;
    // A given pattern belongs to the trie with the longest root it starts with.
    const mine = given.added.filter((pattern) => {
      const prefix = parseGlob(pattern).literalPrefix;
      return prefix.startsWith(root) && !roots.some((other) => other.length > root.length && other.startsWith(root) && prefix.startsWith(other));
    });
    const own = new Set(catalog.matching(glob));
    return buildTrie(input, {
      statement: statement.index,
      sid: statement.sid,
      key: 'Action',
      position,
      pattern: outcome.pattern,
      fate: outcome.fate,
      replacements: outcome.replacements,
      members: allowed,
      root,
      kindOf: (index) => (unused.actions.has(catalog.lowerActions[index]!) ? 'unused' : own.has(index) ? 'used' : 'other'),
      // A given recommendation that keeps the wildcard itself chooses the root.
      given: compare ? { patterns: mine, keepsRoot: given.kept.has(outcome.pattern) } : undefined,
    });
  });
}

/**
 * The trie of a `NotAction` statement's added exclusions: over the whole catalog, rooted at the
 * empty prefix; `used` actions must stay allowed, `unused` ones be excluded, `other` ones the
 * original exclusions already cover.
 */
function notActionTries(input: ExplainInput, statement: Statement, refinement: StatementRefinement, given: GivenStatement, compare: boolean): BuiltTrie[] {
  const { catalog, unused } = input;
  if (refinement.addedExclusions.length === 0) return [];
  const excluded = new Set(matchedActions(statement, catalog));
  return [
    buildTrie(input, {
      statement: statement.index,
      sid: statement.sid,
      key: 'NotAction',
      position: 0,
      pattern: '*',
      fate: 'replaced',
      replacements: refinement.addedExclusions,
      members: catalog.actions.map((_, index) => index),
      root: '',
      kindOf: (index) => (excluded.has(index) ? 'other' : unused.actions.has(catalog.lowerActions[index]!) ? 'unused' : 'used'),
      given: compare ? { patterns: given.added, keepsRoot: false } : undefined,
    }),
  ];
}

/** What a trie is drawn from: the statement and pattern it explains, its members and how each counts. */
interface TrieSpec extends Pick<PatternTrie, 'statement' | 'sid' | 'key' | 'position' | 'pattern' | 'fate' | 'replacements'> {
  /** The trie's members: catalog indices, ascending. */
  readonly members: readonly number[];
  readonly root: string;
  readonly kindOf: (index: number) => ActionKind;
  readonly given: { readonly patterns: readonly string[]; readonly keepsRoot: boolean } | undefined;
}

interface BuiltTrie {
  readonly trie: PatternTrie;
  /** The given patterns it found a node for. */
  readonly placed: readonly string[];
}

interface Marks {
  readonly used: readonly number[];
  readonly unused: readonly number[];
  readonly other: readonly number[];
}

function buildTrie(input: ExplainInput, spec: TrieSpec): BuiltTrie {
  const { catalog, granularity } = input;
  const { members, given } = spec;
  const tree = buildPrefixTree({ lower: members.map((index) => catalog.lowerActions[index]!), spelling: members.map((index) => catalog.actions[index]!) }, spec.root, granularity);
  const kinds = members.map(spec.kindOf);
  const marks: Marks = { used: prefixCounts(kinds, 'used'), unused: prefixCounts(kinds, 'unused'), other: prefixCounts(kinds, 'other') };

  const ownChoices = placeChoices(tree, spec.replacements);
  const givenChoices = given === undefined ? undefined : placeChoices(tree, given.patterns);
  if (given?.keepsRoot) givenChoices?.byNode.set(0, { kind: 'wildcard', pattern: spec.pattern });
  // What must not be below a safe node: an unused action an `Action` pattern would allow, a used one a `NotAction` exclusion would deny.
  const unsafeKind: ActionKind = spec.key === 'Action' ? 'unused' : 'used';
  const nodes = layOut(tree, kinds, marks, ownChoices.byNode, givenChoices?.byNode, unsafeKind, granularity === 'char');
  const differences = givenChoices === undefined ? 0 : nodes.filter((node) => node.chosen?.pattern !== node.given?.pattern).length;
  return {
    trie: {
      statement: spec.statement,
      sid: spec.sid,
      key: spec.key,
      position: spec.position,
      pattern: spec.pattern,
      fate: spec.fate,
      replacements: spec.replacements,
      givenReplacements: given === undefined ? undefined : given.keepsRoot ? [spec.pattern, ...given.patterns] : given.patterns,
      nodes,
      differences,
    },
    placed: givenChoices?.placed ?? [],
  };
}

function prefixCounts(kinds: readonly string[], kind: string): number[] {
  const counts = [0];
  for (const current of kinds) counts.push(counts[counts.length - 1]! + (current === kind ? 1 : 0));
  return counts;
}

/**
 * The node each pattern stands for: `prefix*` is the node of its prefix; an action name is the
 * highest node covering that action alone (as the recommender writes a safe node of one
 * action), or the action's own node when other actions extend it (an unsafe node taken by name).
 */
function placeChoices(tree: PrefixTree, patterns: readonly string[]): { byNode: Map<number, Chosen>; placed: string[] } {
  const index = new Map(tree.keys.map((key, node) => [key, node]));
  const size = (node: number): number => tree.ranges[node]![1] - tree.ranges[node]![0];
  const byNode = new Map<number, Chosen>();
  const placed: string[] = [];
  for (const pattern of patterns) {
    const glob = parseGlob(pattern);
    if (glob.hasWildcard && !glob.isPrefixPattern) continue;
    let node = index.get(glob.literalPrefix);
    if (node === undefined) continue;
    if (!glob.hasWildcard && size(node) === 1) {
      if (tree.members.lower[tree.ranges[node]![0]] !== glob.literalPrefix) continue;
      while (tree.parents[node]! > 0 && size(tree.parents[node]!) === 1) node = tree.parents[node]!;
    }
    byNode.set(node, { kind: glob.hasWildcard ? 'wildcard' : 'action', pattern });
    placed.push(pattern);
  }
  return { byNode, placed };
}

interface Draft {
  parent: number;
  depth: number;
  label: string;
  prefix: string;
  used: number;
  unused: number;
  other: number;
  action: ActionOfNode | undefined;
  chosen: Chosen | undefined;
  given: Chosen | undefined;
  chosenBelow: number;
  givenBelow: number | undefined;
  flattened: boolean;
  children: number[];
}

/**
 * The drawn nodes in depth-first order: the trie's nodes down to every chosen node and their
 * children; below the others, their actions only.
 */
function layOut(
  tree: PrefixTree,
  kinds: readonly string[],
  marks: Marks,
  chosen: ReadonlyMap<number, Chosen>,
  given: ReadonlyMap<number, Chosen> | undefined,
  unsafeKind: ActionKind,
  mergeChains: boolean,
): ExplainedNode[] {
  // Counted per recommendation, so that a node's count and its trie's title say the same thing;
  // the view descends wherever either of them chose something.
  const below = (choices: Iterable<number>): number[] => {
    const counts = new Array<number>(tree.keys.length).fill(0);
    for (const node of choices) for (let up = tree.parents[node]!; up >= 0; up = tree.parents[up]!) counts[up]!++;
    return counts;
  };
  const chosenBelow = below(chosen.keys());
  const givenBelow = given === undefined ? undefined : below(given.keys());
  const descended = (node: number): boolean => chosenBelow[node]! > 0 || (givenBelow?.[node] ?? 0) > 0;
  const drafts: Draft[] = [];
  // A node's prefix in the catalog's spelling: its first action's, cut to the node's length.
  const spellingOf = (node: number): string => (tree.members.spelling[tree.ranges[node]![0]] ?? tree.keys[node]!).slice(0, tree.keys[node]!.length);
  const count = (counts: readonly number[], [from, to]: readonly [number, number]): number => counts[to]! - counts[from]!;
  const memberKind = (member: number): ActionKind => kinds[member] as ActionKind;
  const actionOf = (member: number): ActionOfNode => ({ name: tree.members.spelling[member]!, kind: memberKind(member) });

  const add = (draft: Omit<Draft, 'children'>): number => {
    drafts.push({ ...draft, children: [] });
    if (draft.parent >= 0) drafts[draft.parent]!.children.push(drafts.length - 1);
    return drafts.length - 1;
  };
  const visit = (node: number, parent: number, depth: number): void => {
    const range = tree.ranges[node]!;
    const prefix = spellingOf(node);
    const [from, to] = range;
    const isAction = from < to && tree.members.lower[from] === tree.keys[node];
    const flattened = !descended(node);
    // At character granularity, a node whose one child covers the same actions says nothing
    // its child does not: the child stands for both, labelled with both tokens (`Desc`, not D, e, s, c).
    const only = tree.children[node]!;
    if (mergeChains && parent >= 0 && !flattened && !isAction && only.length === 1 && !chosen.has(node) && !given?.has(node)) {
      visit(only[0]!, parent, depth);
      return;
    }
    // Not descended into, a node of one action stands for it: `Job` is `s3:GetJobTagging`.
    const standsFor = isAction || (flattened && to - from === 1) ? actionOf(from) : undefined;
    const listed = flattened ? to - from - (standsFor === undefined ? 0 : 1) : 0;
    const id = add({
      parent,
      depth,
      label: parent < 0 ? prefix : prefix.slice(drafts[parent]!.prefix.length),
      prefix,
      used: count(marks.used, range),
      unused: count(marks.unused, range),
      other: count(marks.other, range),
      action: standsFor,
      chosen: chosen.get(node),
      given: given?.get(node),
      chosenBelow: chosenBelow[node]!,
      givenBelow: givenBelow?.[node],
      flattened: listed > 0,
    });
    if (!flattened) {
      for (const child of tree.children[node]!) visit(child, id, depth + 1);
      return;
    }
    for (let member = to - listed; member < to; member++) {
      const action = actionOf(member);
      add({
        parent: id,
        depth: depth + 1,
        label: action.name.slice(prefix.length),
        prefix: action.name,
        used: action.kind === 'used' ? 1 : 0,
        unused: action.kind === 'unused' ? 1 : 0,
        other: action.kind === 'other' ? 1 : 0,
        action,
        chosen: undefined,
        given: undefined,
        chosenBelow: 0,
        givenBelow: givenBelow === undefined ? undefined : 0,
        flattened: false,
      });
    }
  };
  visit(0, -1, 0);
  const expanded = defaultView(drafts, unsafeKind);
  return drafts.map((draft, id) => ({ ...draft, safe: draft[unsafeKind === 'unused' ? 'unused' : 'used'] === 0, expanded: expanded.has(id) }));
}

/**
 * Which nodes show their children by default: level by level from the root, the nodes some
 * recommendation descends into and the small unsafe ones, as long as a whole level fits in
 * `DEFAULT_VIEW_ROWS` rows. Safe subtrees stay collapsed.
 */
function defaultView(drafts: readonly Draft[], unsafeKind: ActionKind): Set<number> {
  const expanded = new Set<number>();
  const opens = (draft: Draft): boolean => draft.children.length > 0 && (draft.chosenBelow > 0 || (draft.givenBelow ?? 0) > 0 || (draft[unsafeKind === 'unused' ? 'unused' : 'used'] > 0 && draft.children.length <= SMALL_SUBTREE));
  let rows = 1;
  let level = [0];
  while (level.length > 0) {
    const opening = level.filter((id) => opens(drafts[id]!));
    const added = opening.reduce((sum, id) => sum + drafts[id]!.children.length, 0);
    if (opening.length === 0 || rows + added > DEFAULT_VIEW_ROWS) break;
    for (const id of opening) expanded.add(id);
    rows += added;
    level = opening.flatMap((id) => drafts[id]!.children);
  }
  return expanded;
}

/** Attaches the checker's minimality witnesses to the nodes whose patterns they are about. */
export function withWitnesses(explanation: Explanation, witnesses: ReadonlyMap<number, ReadonlyMap<string, string>>): Explanation {
  return {
    ...explanation,
    tries: explanation.tries.map((trie) => {
      const byPattern = witnesses.get(trie.statement);
      if (byPattern === undefined) return trie;
      return {
        ...trie,
        nodes: trie.nodes.map((node) => {
          const pattern = (explanation.given ? node.given : node.chosen)?.pattern;
          const witness = pattern === undefined ? undefined : byPattern.get(pattern);
          return witness === undefined ? node : { ...node, witness };
        }),
      };
    }),
  };
}
