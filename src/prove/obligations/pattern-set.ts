import { parseGlob, type Glob } from '../../glob/glob.js';
import { globMatches } from '../../glob/match.js';
import { patternRegex } from '../smt/terms.js';

/**
 * A statement's patterns as the encoder sees them: each gets a name in the script (`o3`, `r0`).
 * A pattern only ever matches strings that start with its literal prefix, so a formula about a
 * string mentions only the patterns whose prefix fits it: the others are false there, and
 * leaving them out keeps every query small.
 */
export class PatternSet {
  readonly globs: readonly Glob[];
  private readonly byPrefix = new Map<string, number[]>();

  constructor(
    private readonly namePrefix: 'o' | 'r',
    readonly texts: readonly string[],
  ) {
    this.globs = texts.map(parseGlob);
    this.globs.forEach((glob, index) => {
      const list = this.byPrefix.get(glob.literalPrefix) ?? [];
      list.push(index);
      this.byPrefix.set(glob.literalPrefix, list);
    });
  }

  name(index: number): string {
    return `${this.namePrefix}${index}`;
  }

  definition(index: number): string {
    return `(define-fun ${this.name(index)} () RegLan ${patternRegex(this.texts[index]!)}) ; ${this.texts[index]}`;
  }

  /** The patterns that can match the lower-cased string `subject`, by their literal prefixes. */
  fitting(subject: string): number[] {
    const fitting: number[] = [];
    for (let length = 0; length <= subject.length; length++) fitting.push(...(this.byPrefix.get(subject.slice(0, length)) ?? []));
    return fitting.sort((a, b) => a - b);
  }

  /** The patterns that can share a string with the patterns starting with `lowerPrefix`. */
  overlapping(lowerPrefix: string): number[] {
    return [...this.globs.keys()].filter((index) => {
      const prefix = this.globs[index]!.literalPrefix;
      return prefix.startsWith(lowerPrefix) || lowerPrefix.startsWith(prefix);
    });
  }

  /** Concrete matching, for replaying witnesses: by any pattern but `except`. */
  matches(lowerSubject: string, except?: number): boolean {
    return this.fitting(lowerSubject).some((index) => index !== except && globMatches(this.globs[index]!, lowerSubject));
  }

  matchesAt(index: number, lowerSubject: string): boolean {
    return globMatches(this.globs[index]!, lowerSubject);
  }
}

/** The `define-fun`s for the patterns a script uses, each once, in order. */
export function definitions(set: PatternSet, used: Iterable<number>): string[] {
  return [...new Set(used)].sort((a, b) => a - b).map((index) => set.definition(index));
}
