import type { Catalog } from '../catalog/catalog.js';
import type { Granularity } from '../catalog/tokenize.js';
import { TrieNodes } from '../catalog/trie-nodes.js';
import type { UnusedSet } from '../findings/unused-set.js';
import { parseGlob } from '../glob/glob.js';
import { uncoveredString } from '../glob/inclusion.js';
import { alignStatements, type StatementPair } from '../policy/align.js';
import type { Policy, Statement } from '../policy/types.js';
import type { ClaimId, ClaimResult } from '../prove/claims.js';

export interface Judgement {
  readonly original: Policy;
  readonly unused: UnusedSet;
  readonly catalog: Catalog;
  /** `undefined` for a `DETACH_POLICY` recommendation. */
  readonly recommended: Policy | undefined;
  readonly granularity: Granularity;
}

/**
 * The concrete oracle: every claim judged by plain enumeration over the catalog and exact
 * automata for "every string". It shares no code with the recommender, so that the two can be
 * checked against each other, and with the solver-based checker (which it must agree with).
 */
export function judge(input: Judgement, claims: readonly ClaimId[] = ['exact', 'no-escalation', 'safety', 'minimality', 'no-redundancy']): ClaimResult[] {
  const alignment = alignStatements(input.original, input.recommended);
  const results: ClaimResult[] = [];
  for (const pair of alignment.pairs) {
    const view = new StatementView(pair, input);
    for (const claim of claims) {
      const result = view.judge(claim);
      if (result !== undefined) results.push(result);
    }
  }
  if (claims.includes('no-escalation')) {
    for (const statement of alignment.unmatched) {
      results.push({
        claim: 'no-escalation',
        statement: statement.index,
        holds: false,
        explanation: `recommended statement ${statement.index} has no original counterpart (a new statement, or a changed effect or non-action field)`,
      });
    }
  }
  return results;
}

/** One original statement and its refinement, as sets of catalog indices. */
class StatementView {
  private readonly original: Statement;
  private readonly refined: Statement | undefined;
  private readonly index: number;
  private readonly allowedBefore: ReadonlySet<number>;
  private readonly allowedAfter: ReadonlySet<number>;

  constructor(
    pair: StatementPair,
    private readonly input: Judgement,
  ) {
    this.original = pair.original;
    this.refined = pair.refined;
    this.index = pair.original.index;
    this.allowedBefore = this.allowedBy(this.original);
    this.allowedAfter = this.refined === undefined ? new Set() : this.allowedBy(this.refined);
  }

  judge(claim: ClaimId): ClaimResult | undefined {
    if (this.original.effect === 'Deny') return claim === 'no-escalation' ? this.denyUnchanged() : undefined;
    switch (claim) {
      case 'exact':
        return this.exact();
      case 'no-escalation':
        return this.noEscalation();
      case 'safety':
        return this.safety();
      case 'minimality':
        return this.minimality();
      case 'no-redundancy':
        return this.noRedundancy();
    }
  }

  private allowedBy(statement: Statement): Set<number> {
    const matched = new Set(statement.patterns.flatMap((pattern) => this.input.catalog.matching(parseGlob(pattern))));
    if (statement.actionKey === 'Action') return matched;
    return new Set([...this.input.catalog.actions.keys()].filter((index) => !matched.has(index)));
  }

  private isUnused(index: number): boolean {
    return this.input.unused.actions.has(this.input.catalog.lowerActions[index]!);
  }

  private result(claim: ClaimId, holds: boolean, explanation: string, example?: string): ClaimResult {
    return example === undefined ? { claim, statement: this.index, holds, explanation } : { claim, statement: this.index, holds, example, explanation };
  }

  private denyUnchanged(): ClaimResult {
    const same = this.refined !== undefined && this.refined.patterns.length === this.original.patterns.length && this.refined.patterns.every((pattern, index) => pattern === this.original.patterns[index]);
    return this.result('no-escalation', same, same ? 'Deny statement unchanged' : 'a Deny statement was changed or dropped');
  }

  private exact(): ClaimResult {
    const { catalog } = this.input;
    // An action neither side allows is judged alike: only those one side allows can differ, lowest index first.
    const candidates = [...new Set([...this.allowedBefore, ...this.allowedAfter])].sort((a, b) => a - b);
    for (const index of candidates) {
      const expected = this.allowedBefore.has(index) && !this.isUnused(index);
      if (this.allowedAfter.has(index) === expected) continue;
      const action = catalog.actions[index]!;
      return this.result('exact', false, expected ? `${action} is used and was allowed, but the recommendation no longer allows it` : `${action} is allowed by the recommendation but should not be`, action);
    }
    return this.result('exact', true, 'allows exactly the used actions the original allowed');
  }

  private safety(): ClaimResult {
    for (const index of this.allowedAfter) {
      if (this.isUnused(index)) return this.result('safety', false, `unused action ${this.input.catalog.actions[index]} is still allowed`, this.input.catalog.actions[index]);
    }
    return this.result('safety', true, 'no unused action is allowed');
  }

  private noEscalation(): ClaimResult {
    if (this.refined === undefined) return this.result('no-escalation', true, 'statement dropped');
    const [covering, covered] = this.original.actionKey === 'Action' ? [this.original.patterns, this.refined.patterns] : [this.refined.patterns, this.original.patterns];
    for (const pattern of covered) {
      if (covering.includes(pattern)) continue;
      const witness = uncoveredString(covering, pattern);
      if (witness !== undefined) {
        const what = this.original.actionKey === 'Action' ? `refined pattern "${pattern}" matches "${witness}", which the original does not` : `original exclusion "${pattern}" excludes "${witness}", which the refined exclusions do not`;
        return this.result('no-escalation', false, what, witness);
      }
    }
    return this.result('no-escalation', true, 'the refinement matches no string the original does not');
  }

  /** Patterns of the refinement that the original statement does not have, verbatim. */
  private newPatterns(): string[] {
    return this.refined === undefined ? [] : this.refined.patterns.filter((pattern) => !this.original.patterns.includes(pattern));
  }

  private minimality(): ClaimResult | undefined {
    if (this.refined === undefined) return undefined;
    const nodes = new TrieNodes(this.input.catalog, this.input.granularity, this.original.actionKey === 'Action' ? this.allowedBefore : undefined);
    // What a shorter prefix must not cover: unused actions for Action, used ones for NotAction exclusions.
    const mustAvoid = (index: number): boolean => this.allowedBefore.has(index) && (this.original.actionKey === 'Action' ? this.isUnused(index) : !this.isUnused(index));
    let last: string | undefined;
    for (const pattern of this.newPatterns()) {
      const glob = parseGlob(pattern);
      if (glob.hasWildcard && !nodes.isNode(glob.literalPrefix)) {
        return this.result('minimality', false, `"${pattern}" does not end at a ${this.input.granularity} boundary of an action it stands for`, pattern);
      }
      const index = this.input.catalog.indexOf(pattern);
      if (!glob.hasWildcard && (index === undefined || !nodes.isMember(index))) {
        return this.result('minimality', false, `"${pattern}" is not a catalog action the statement can stand for`, pattern);
      }
      const shorter = nodes.shorterPrefix(glob);
      const except = glob.hasWildcard ? undefined : glob.literalPrefix;
      const witness = this.unusable(shorter, except, mustAvoid);
      if (witness === undefined) {
        return this.result('minimality', false, `"${pattern}" is not a shortest safe prefix: "${shorter}*" is safe too`, `${shorter}*`);
      }
      last = witness;
    }
    return this.result('minimality', true, 'every new pattern is a shortest safe prefix', last);
  }

  /**
   * Why `prefix*` cannot stand instead: an action it matches that it must avoid (other than
   * `except`), or, in an `Action` statement, a string it matches that the original does not.
   */
  private unusable(prefix: string, except: string | undefined, mustAvoid: (index: number) => boolean): string | undefined {
    const { catalog } = this.input;
    const action = catalog.matching(parseGlob(`${prefix}*`)).find((index) => mustAvoid(index) && catalog.lowerActions[index] !== except);
    if (action !== undefined) return catalog.actions[action];
    return this.original.actionKey === 'Action' ? uncoveredString(this.original.patterns, `${prefix}*`) : undefined;
  }

  private noRedundancy(): ClaimResult | undefined {
    const refined = this.refined;
    if (refined === undefined || !this.changed()) return undefined;
    const matches = refined.patterns.map((pattern) => this.input.catalog.matching(parseGlob(pattern)));
    const judged = refined.patterns.map((pattern) => this.original.actionKey === 'Action' || !this.original.patterns.includes(pattern));
    // An action matched by two patterns or more is covered by the others, whichever one looks at it.
    const matchedBy = new Map<number, number>();
    for (const indices of matches) for (const index of indices) matchedBy.set(index, (matchedBy.get(index) ?? 0) + 1);
    for (let position = 0; position < refined.patterns.length; position++) {
      const own = matches[position]!;
      if (!judged[position] || own.length === 0) continue;
      if (own.every((index) => matchedBy.get(index)! >= 2)) {
        return this.result('no-redundancy', false, `"${refined.patterns[position]}" is covered on the catalog by the other patterns`, refined.patterns[position]);
      }
    }
    return this.result('no-redundancy', true, 'no pattern is covered by the others');
  }

  private changed(): boolean {
    const refined = this.refined!;
    return refined.patterns.length !== this.original.patterns.length || refined.patterns.some((pattern, index) => pattern !== this.original.patterns[index]);
  }
}
