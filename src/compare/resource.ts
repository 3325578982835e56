import { matchesLower } from '../glob/match.js';

/**
 * One `Resource`/`NotResource` entry: an ARN glob, case-sensitive, `*` any sequence and `?` one
 * character. A policy variable (`${aws:username}`, and the escapes `${*}`, `${?}`, `${$}`) has a
 * value only in a request context the comparison does not model: such a pattern matches a
 * resource when its widened form does and its atom holds (condition.ts, `variableAtomOf`).
 */
export interface ResourcePattern {
  readonly text: string;
  /** The pattern with each `${...}` as `*`: every string it can stand for, whatever the variable's value. */
  readonly widened: string;
  readonly hasVariable: boolean;
  /** For a pattern with a variable: its atom. */
  readonly atom?: import('./condition.js').ConditionAtom;
}

const POLICY_VARIABLE = /\$\{[^}]*\}/g;

export function parseResourcePattern(text: string): ResourcePattern {
  const widened = text.replace(POLICY_VARIABLE, '*');
  return { text, widened, hasVariable: widened !== text };
}

/** Whether a glob (case kept) matches a string, code point by code point, as the solver reads both. */
export function globMatchesExactly(glob: string, subject: string): boolean {
  return matchesLower(Array.from(glob), Array.from(subject));
}

export function isLiteralGlob(glob: string): boolean {
  return !/[*?]/.test(glob);
}
