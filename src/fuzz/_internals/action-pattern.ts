import fc from 'fast-check';
import type { Catalog } from '../../catalog/catalog.js';
import { tokenBoundaries, words } from '../../catalog/tokenize.js';
import { caseStyleArbitrary, writeInCase, type CaseStyle } from './case-style.js';
import { UNKNOWN_SERVICE, UNKNOWN_WORD } from './word-pool.js';

/** The shapes of `Action`/`NotAction` entries the recommender must handle. */
const SHAPES = {
  literal: 4,
  wordPrefix: 4,
  charPrefix: 2,
  infix: 2,
  suffix: 1,
  questionMarks: 2,
  anyService: 1,
  serviceWildcard: 1,
  star: 1,
  unknown: 1,
} as const;
type Shape = keyof typeof SHAPES;

/**
 * One pattern before it meets a catalog: its shape and the numbers that pick an action and the
 * places to cut it. Kept free of the catalog so that a failing case shrinks catalog, policy and
 * unused set together (a `chain` from the catalog would not).
 */
export interface PatternSpec {
  readonly shape: Shape;
  readonly action: number;
  readonly choice: number;
  readonly positions: readonly number[];
  readonly spelling: CaseStyle;
}

export function patternSpecArbitrary(): fc.Arbitrary<PatternSpec> {
  const shapes = (Object.entries(SHAPES) as [Shape, number][]).map(([shape, weight]) => ({ arbitrary: fc.constant(shape), weight }));
  return fc.record({
    shape: fc.oneof({ withCrossShrink: true }, ...shapes),
    action: fc.nat(),
    choice: fc.nat(),
    positions: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }),
    spelling: caseStyleArbitrary(),
  });
}

/** The pattern over a (non-empty) catalog, built from one of its actions. */
export function writePattern(spec: PatternSpec, catalog: Catalog): string {
  const action = catalog.actions[spec.action % catalog.size]!;
  return writeInCase(WRITERS[spec.shape](action, spec.choice, spec.positions), spec.spelling);
}

const WRITERS: Record<Shape, (action: string, choice: number, positions: readonly number[]) => string> = {
  literal: (action) => action,
  wordPrefix,
  charPrefix,
  infix,
  suffix,
  questionMarks,
  anyService,
  serviceWildcard,
  star: () => '*',
  unknown,
};

function split(action: string): { service: string; name: string } {
  const colon = action.indexOf(':');
  return { service: action.slice(0, colon), name: action.slice(colon + 1) };
}

function pick<T>(options: readonly T[], choice: number): T {
  return options[choice % options.length]!;
}

/** A trailing wildcard at a word start: `s3:*`, `s3:Get*`, `s3:GetObject*`. */
function wordPrefix(action: string, choice: number): string {
  return `${action.slice(0, pick(tokenBoundaries(action, 'word'), choice))}*`;
}

/** A trailing wildcard anywhere in the name, mid-word included: `s3:GetObj*`. */
function charPrefix(action: string, choice: number): string {
  const nameStart = action.indexOf(':') + 1;
  return `${action.slice(0, nameStart + (choice % (action.length - nameStart + 1)))}*`;
}

/** A word anywhere: `cloudformation:*Stack*`. */
function infix(action: string, choice: number): string {
  const { service, name } = split(action);
  return `${service}:*${pick(words(name), choice)}*`;
}

/** The name's last words: `autoscaling:*Tags`. */
function suffix(action: string, choice: number): string {
  const { service, name } = split(action);
  const cuts = tokenBoundaries(`:${name}`, 'word').map((cut) => cut - 1).filter((cut) => cut < name.length);
  return `${service}:*${name.slice(pick(cuts, choice))}`;
}

/** One or two characters of the action, or of a prefix pattern, as `?`: `s3:?etObject`, `s?:Get*`. */
function questionMarks(action: string, choice: number, positions: readonly number[]): string {
  const chars = [...(choice % 2 === 0 ? action : wordPrefix(action, choice >>> 1))];
  for (const position of positions) {
    const at = position % chars.length;
    if (chars[at] !== ':') chars[at] = '?';
  }
  return chars.join('');
}

/** Any service: `*:Get*`, `*:GetObject`. */
function anyService(action: string, choice: number): string {
  const { name } = split(action);
  return choice % 2 === 0 ? `*:${words(name)[0]}*` : `*:${name}`;
}

/** A wildcard in the service part: `s3*:GetObject`, `ec2*:Describe*`. */
function serviceWildcard(action: string, choice: number): string {
  const { service, name } = split(action);
  const rest = choice % 2 === 0 ? name : `${words(name)[0]}*`;
  return `${service.slice(0, 1 + ((choice >>> 1) % service.length))}*:${rest}`;
}

/** Patterns that match no catalog action: an unknown name (one the unused sets may list), or an unknown service. */
function unknown(action: string, choice: number): string {
  const { service, name } = split(action);
  return pick([`${service}:Get${UNKNOWN_WORD}`, `${service}:${words(name)[0]}${UNKNOWN_WORD}*`, `${UNKNOWN_SERVICE}:${name}`, `${UNKNOWN_SERVICE}:*`], choice);
}
