import { lowerAscii, parseGlob } from '../../glob/glob.js';
import { globMatches } from '../../glob/match.js';
import type { ActionKey } from '../../policy/types.js';
import type { ClaimId } from '../claims.js';
import type { CheckInput } from '../context.js';
import { patternRegex, stringLiteral } from '../smt/terms.js';
import type { StatementCase } from '../statement-case.js';

/**
 * The definitions every specification query is written over, straight from the claims' wording:
 * C the whole catalog and U the whole unused set as predicates (one equality per action, no
 * service split, nothing left out), O and R a statement's original and recommended patterns as
 * regexes, and allowed_O, allowed_R what the statement allows (`Action`: in some pattern;
 * `NotAction`: in none; a dropped statement allows nothing). Nothing is filtered by prefix: every
 * formula mentions every pattern and every action.
 */

/** One query of the specification encoder: a complete SMT-LIB script and what it must answer. */
export interface SpecQuery {
  readonly claim: ClaimId;
  readonly statement: number;
  readonly expected: 'sat' | 'unsat';
  readonly script: string;
  /** The witness constants read back for a `sat` answer. */
  readonly witnesses: readonly string[];
  /** Whether the solver's values are what a `sat` answer claims they are, checked concretely. */
  readonly replay: (values: readonly string[]) => boolean;
}

/** A claim decided from structure alone (a changed Deny statement, a pattern that is no trie node). */
export interface SpecStructural {
  readonly claim: ClaimId;
  readonly statement: number;
  readonly holds: boolean;
  readonly explanation: string;
}

/** The parts of a specification script; `render` writes it. */
export interface SpecScript {
  readonly title: string;
  readonly expected: 'sat' | 'unsat';
  readonly definitions: readonly string[];
  readonly declarations: readonly string[];
  readonly assertions: readonly string[];
}

export function render(script: SpecScript): string {
  return [
    `; iam-refine specification encoder: ${script.title}`,
    '(set-info :smt-lib-version 2.6)',
    '(set-logic QF_S)',
    `(set-info :status ${script.expected})`,
    ...script.definitions,
    ...script.declarations,
    ...script.assertions.map((assertion) => `(assert ${assertion})`),
    '(check-sat)',
    '',
  ].join('\n');
}

const disjunction = (terms: readonly string[]): string => (terms.length === 0 ? 'false' : terms.length === 1 ? terms[0]! : `(or ${terms.join(' ')})`);
const conjunction = (terms: readonly string[]): string => (terms.length === 0 ? 'true' : terms.length === 1 ? terms[0]! : `(and ${terms.join(' ')})`);
export const or = disjunction;
export const and = conjunction;

/** `(define-fun in_C ((x String)) Bool ...)`: membership in a finite set of strings, one equality per member. */
export function finiteSet(name: string, members: Iterable<string>): string {
  const equalities = [...members].map((member) => `(= x ${stringLiteral(member)})`);
  return `(define-fun ${name} ((x String)) Bool ${disjunction(equalities)})`;
}

/** The name of pattern `index` of the original (`o`) or recommended (`r`) statement. */
export const patternName = (side: 'o' | 'r', index: number): string => `${side}${index}`;

/** One regex per pattern, with its policy text in a comment. */
export function patternDefinitions(side: 'o' | 'r', texts: readonly string[]): string[] {
  return texts.map((text, index) => `(define-fun ${patternName(side, index)} () RegLan ${patternRegex(text)}) ; ${JSON.stringify(text)}`);
}

/** `O`/`R`: the union of a side's patterns (`re.none` for a dropped statement). */
export function unionDefinition(name: string, side: 'o' | 'r', texts: readonly string[] | undefined): string {
  const names = (texts ?? []).map((_, index) => patternName(side, index));
  const union = names.length === 0 ? 're.none' : names.length === 1 ? names[0]! : `(re.union ${names.join(' ')})`;
  return `(define-fun ${name} () RegLan ${union})`;
}

/**
 * `A_O`/`A_R`: the language a statement allows: `Action` the union of its patterns, `NotAction`
 * its complement, a dropped statement nothing; `allowed_O(x)`/`allowed_R(x)` is membership in it.
 */
export function allowedDefinitions(side: 'O' | 'R', kind: ActionKey, dropped: boolean): string[] {
  const language = dropped ? 're.none' : kind === 'Action' ? side : `(re.comp ${side})`;
  return [`(define-fun A_${side} () RegLan ${language})`, `(define-fun allowed_${side} ((x String)) Bool (str.in_re x A_${side}))`];
}

/** The strings without an upper-case ASCII letter: matching is ASCII case-insensitive, so these stand for all strings. */
export const LOWER_CASE = '(define-fun LOWER () RegLan (re.comp (re.++ re.all (re.range "A" "Z") re.all)))';

/**
 * Every definition a statement's queries use: C, U, the patterns of O and R and their unions,
 * the languages A_O and A_R the statement allows before and after, and the lower-case strings.
 * The same block heads every script of the statement.
 */
export function statementDefinitions(statement: StatementCase, input: CheckInput): string[] {
  const refined = statement.refined?.texts;
  return [
    `; C: the ${input.catalog.size} catalog actions; U: the ${input.unused.actions.size} unused ones (lower-cased)`,
    finiteSet('in_C', input.catalog.lowerActions),
    finiteSet('in_U', unusedList(input)),
    `; O: statement ${statement.index}'s original ${statement.kind} patterns; R: the recommended ones${refined === undefined ? ' (the statement was dropped: R allows nothing)' : ''}`,
    ...patternDefinitions('o', statement.original.texts),
    ...(refined === undefined ? [] : patternDefinitions('r', refined)),
    unionDefinition('O', 'o', statement.original.texts),
    unionDefinition('R', 'r', refined),
    ...allowedDefinitions('O', statement.kind, false),
    ...allowedDefinitions('R', statement.kind, refined === undefined),
    LOWER_CASE,
  ];
}

/** U, sorted: the order scripts list it in. */
export function unusedList(input: CheckInput): string[] {
  return [...input.unused.actions].sort();
}

/**
 * `exists x in S: body(x)` over a finite set, written out: one disjunct per member, the witness
 * constant equal to it and the body applied to it (so the solver evaluates each member's
 * memberships outright). Every member is listed; which one holds is the solver's to find.
 */
export function existsIn(witness: string, members: readonly string[], body: (member: string) => string): string {
  const disjuncts = members.map((member) => `(and (= ${witness} ${stringLiteral(member)}) ${body(stringLiteral(member))})`);
  return disjuncts.length === 0 ? 'false' : disjuncts.length === 1 ? disjuncts[0]! : `(or\n  ${disjuncts.join('\n  ')})`;
}

/** Concrete matching, for replaying the solver's values only: never for deciding what a formula mentions. */
export class ConcreteStatement {
  readonly kind: ActionKey;
  private readonly original: readonly ReturnType<typeof parseGlob>[];
  private readonly refined: readonly ReturnType<typeof parseGlob>[] | undefined;

  constructor(
    statement: StatementCase,
    private readonly input: CheckInput,
  ) {
    this.kind = statement.kind;
    this.original = statement.original.texts.map(parseGlob);
    this.refined = statement.refined?.texts.map(parseGlob);
  }

  static matches(texts: readonly string[], subject: string): boolean {
    const lower = lowerAscii(subject);
    return texts.some((text) => globMatches(parseGlob(text), lower));
  }

  allowedO(subject: string): boolean {
    return this.allowed(this.original, subject);
  }

  allowedR(subject: string): boolean {
    return this.refined === undefined ? false : this.allowed(this.refined, subject);
  }

  inC(subject: string): boolean {
    return this.input.catalog.lowerActions.includes(subject);
  }

  inU(subject: string): boolean {
    return this.input.unused.actions.has(subject);
  }

  private allowed(globs: readonly ReturnType<typeof parseGlob>[], subject: string): boolean {
    const lower = lowerAscii(subject);
    const matched = globs.some((glob) => globMatches(glob, lower));
    return this.kind === 'Action' ? matched : !matched;
  }
}

/** No upper-case ASCII letter. */
export const isLowerCase = (subject: string): boolean => !/[A-Z]/.test(subject);
