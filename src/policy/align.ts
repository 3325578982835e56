import { lowerAscii, parseGlob } from '../glob/glob.js';
import { uncoveredString } from '../glob/inclusion.js';
import { JsonNumber, numberText, type Json } from '../input/json.js';
import type { Policy, Statement } from './types.js';

/** An original statement and what the recommendation made of it: `undefined` when it was dropped. */
export interface StatementPair {
  readonly original: Statement;
  readonly refined: Statement | undefined;
}

export interface Alignment {
  readonly pairs: readonly StatementPair[];
  /** Recommended statements with no original counterpart: new, or with a changed non-action field. */
  readonly unmatched: readonly Statement[];
}

/**
 * Pairs each recommended statement with the original it refines. A refinement only drops
 * statements, so the pairing keeps their order; a pair needs the same effect, the same action
 * key and every other field equal. Several originals can look alike apart from their actions
 * (two `Allow` statements on `"Resource": "*"`), so among the pairings with the most pairs the
 * one whose patterns look most alike wins: a dynamic program over both lists, like a diff.
 */
export function alignStatements(original: Policy, recommended: Policy | undefined): Alignment {
  const olds = original.statements;
  const news = recommended?.statements ?? [];
  const PAIR = 1e9;
  // best[i][j]: the best score pairing the first i originals with the first j recommended statements.
  const best = Array.from({ length: olds.length + 1 }, () => new Array<number>(news.length + 1).fill(0));
  const weight = (i: number, j: number): number => (sameApartFromActions(olds[i]!, news[j]!) ? PAIR + similarity(olds[i]!, news[j]!) : -Infinity);
  for (let i = 1; i <= olds.length; i++) {
    for (let j = 1; j <= news.length; j++) {
      best[i]![j] = Math.max(best[i - 1]![j]!, best[i]![j - 1]!, best[i - 1]![j - 1]! + weight(i - 1, j - 1));
    }
  }
  const refinedOf = new Map<number, Statement>();
  const unmatched: Statement[] = [];
  let i = olds.length;
  let j = news.length;
  while (j > 0) {
    if (i > 0 && best[i]![j] === best[i - 1]![j - 1]! + weight(i - 1, j - 1)) {
      refinedOf.set(i - 1, news[j - 1]!);
      i--;
      j--;
    } else if (i > 0 && best[i]![j] === best[i - 1]![j]) i--;
    else unmatched.unshift(news[--j]!);
  }
  return { pairs: olds.map((statement, index) => ({ original: statement, refined: refinedOf.get(index) })), unmatched };
}

/**
 * How alike two statements' patterns are, in the direction a refinement keeps: for `Action`, the
 * refined patterns the original patterns cover (every string they match); for `NotAction`, the
 * original exclusions the refined ones still cover, each distinct pattern once. A pattern found
 * verbatim outweighs any number of covered ones: a refinement keeps untouched patterns byte for
 * byte, which tells its original apart from another that merely covers them. A pattern not
 * covered weighs as much against: no refinement of that original would have it. Cheap tests
 * first; exact inclusion only for small statements.
 */
function similarity(original: Statement, refined: Statement): number {
  const [outer, inner] = original.actionKey === 'Action' ? [original.patterns, refined.patterns] : [refined.patterns, original.patterns];
  const outers = outer.map(parseGlob);
  const covered = (pattern: string): boolean => {
    const lower = lowerAscii(pattern);
    if (outers.some((glob) => glob.lower === lower || (glob.isPrefixPattern && lower.startsWith(glob.literalPrefix)))) return true;
    return outers.length <= EXACT_INCLUSION_LIMIT && uncoveredString(outer, pattern) === undefined;
  };
  return [...new Set(inner)].reduce((score, pattern) => score + (outer.includes(pattern) ? VERBATIM : covered(pattern) ? 1 : -VERBATIM), 0);
}

const EXACT_INCLUSION_LIMIT = 64;
/** The weight of a pattern found verbatim: more than all covered patterns of a statement together. */
const VERBATIM = 1000;

function sameApartFromActions(original: Statement, refined: Statement): boolean {
  if (original.effect !== refined.effect || original.actionKey !== refined.actionKey) return false;
  const keys = (statement: Statement): string[] => Object.keys(statement.raw).filter((key) => key !== statement.actionKey).sort();
  const originalKeys = keys(original);
  const refinedKeys = keys(refined);
  return originalKeys.length === refinedKeys.length && originalKeys.every((key, index) => key === refinedKeys[index] && deepEqual(original.raw[key]!, refined.raw[key]!));
}

/**
 * Equal as printed, key order aside: a number compares by the text written (`1.50` is not `1.5`,
 * and two 23-digit numbers that round to the same double differ), since that text is what the
 * recommendation prints and IAM reads.
 */
function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (isNumber(a) || isNumber(b)) return isNumber(a) && isNumber(b) && numberText(a) === numberText(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item: Json, index: number) => deepEqual(item, b[index]!));
  const objectA = a as { readonly [key: string]: Json };
  const objectB = b as { readonly [key: string]: Json };
  const keysA = Object.keys(objectA);
  return keysA.length === Object.keys(objectB).length && keysA.every((key) => key in objectB && deepEqual(objectA[key]!, objectB[key]!));
}

function isNumber(value: Json): value is number | JsonNumber {
  return typeof value === 'number' || value instanceof JsonNumber;
}
