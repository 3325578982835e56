import { and, globRegex, not, or, patternRegex, stringLiteral } from '../prove/smt/terms.js';
import type { ResolvedPolicy, ResolvedStatement } from './approximation.js';
import { isLiteralGlob } from './resource.js';

/**
 * The SMT-LIB encoding of the comparison's semantics, one function per construct of the policy
 * language, as README states it: a statement matches when its Action/NotAction, its
 * Resource/NotResource and its Condition do; a policy allows when some Allow statement matches
 * and no Deny does. Literal patterns are equalities (far cheaper for the solver than a regex
 * membership); wildcards are memberships of named regexes, each defined once with its policy text.
 */
export class Encoder {
  private readonly regexes: string[] = [];
  private readonly defined = new Set<string>();

  /** The `define-fun`s of the regexes the terms so far use, in order of first use. */
  get regexDefinitions(): readonly string[] {
    return this.regexes;
  }

  /** Action/NotAction: the statement's patterns at `positions` (the others cannot match here, see relevance.ts). */
  actionTerm(policy: ResolvedPolicy, statement: ResolvedStatement, positions: readonly number[], subject: string): string {
    const matches = positions.map((position) => this.patternTerm(policy, statement, position, subject));
    return statement.actionKey === 'Action' ? or(matches) : not(or(matches));
  }

  /** One action pattern: an equality for a literal, `true` for `*`, otherwise a named regex's membership. */
  patternTerm(policy: ResolvedPolicy, statement: ResolvedStatement, position: number, subject: string): string {
    const glob = statement.actions[position]!;
    if (!glob.hasWildcard) return `(= ${subject} ${stringLiteral(glob.lower)})`;
    if (/^\*+$/.test(glob.lower)) return 'true';
    return `(str.in_re ${subject} ${this.regex(`${statementName(policy, statement)}_a${position}`, patternRegex(glob.text), glob.text)})`;
  }

  /** Resource/NotResource: ARN globs, case kept. */
  resourceTerm(policy: ResolvedPolicy, statement: ResolvedStatement, subject: string): string {
    const matches = statement.resources.map(({ glob, text, atom }, position) => {
      const membership = isLiteralGlob(glob) ? `(= ${subject} ${stringLiteral(glob)})` : /^\*+$/.test(glob) ? 'true' : `(str.in_re ${subject} ${this.regex(`${statementName(policy, statement)}_r${position}`, globRegex(glob), text)})`;
      // A pattern with a policy variable: its widened form, where its atom holds.
      return atom === undefined ? membership : and([atom.name, membership].filter((term) => term !== 'true'));
    });
    return statement.resourceKey === 'Resource' ? or(matches) : not(or(matches));
  }

  /** Condition: its atom, or true without one. */
  conditionTerm(statement: ResolvedStatement): string {
    return statement.condition?.name ?? 'true';
  }

  /** A statement as a predicate over an action and a resource, with its reading as a comment. */
  statementDefinition(policy: ResolvedPolicy, statement: ResolvedStatement, positions: readonly number[]): string {
    const body = and(
      [this.actionTerm(policy, statement, positions, 'a'), this.resourceTerm(policy, statement, 'r'), this.conditionTerm(statement)].filter((term) => term !== 'true'),
    );
    return `(define-fun ${statementName(policy, statement)} ((a String) (r String)) Bool ${body}) ; ${describeStatement(policy, statement, positions)}`;
  }

  private regex(name: string, regex: string, text: string): string {
    if (!this.defined.has(name)) {
      this.defined.add(name);
      this.regexes.push(`(define-fun ${name} () RegLan ${regex}) ; ${JSON.stringify(text)}`);
    }
    return name;
  }
}

export function statementName(policy: { readonly name: string }, statement: { readonly index: number }): string {
  return `${policy.name}_s${statement.index}`;
}

/** Effect: `Allow` statements' disjunction, less the `Deny` statements' one. */
export function allowsBody(policy: ResolvedPolicy, allows: readonly ResolvedStatement[], denies: readonly ResolvedStatement[]): string {
  const call = (statement: ResolvedStatement): string => `(${statementName(policy, statement)} a r)`;
  return and([or(allows.map(call)), ...(denies.length === 0 ? [] : [not(or(denies.map(call)))])]);
}

export function deniesBody(policy: ResolvedPolicy, denies: readonly ResolvedStatement[]): string {
  return or(denies.map((statement) => `(${statementName(policy, statement)} a r)`));
}

function describeStatement(policy: ResolvedPolicy, statement: ResolvedStatement, positions: readonly number[]): string {
  const sid = statement.sid === undefined ? '' : ` ${JSON.stringify(statement.sid)}`;
  const actions = positions.length === statement.actions.length ? `${statement.actions.length}` : `${positions.length} of ${statement.actions.length} (the others cannot match here)`;
  const resources = statement.resources.map((resource) => JSON.stringify(resource.text)).join(', ');
  const approximated = statement.approximated ? '; a pattern with a policy variable is its atom v within its widened form' : '';
  return `${policy.name} statement ${statement.index}${sid}: ${statement.effect}, ${statement.actionKey} ${actions} pattern(s), ${statement.resourceKey} [${resources}]${statement.condition === undefined ? '' : `, Condition ${statement.condition.name}`}${approximated}`;
}
