import { parseGlob, type Glob } from '../../glob/glob.js';
import { globMatches } from '../../glob/match.js';
import { patternFormula, patternRegex } from '../smt/terms.js';

/**
 * A statement's patterns as the encoder sees them: each gets a name in the script (`o3`, `r0`).
 * A pattern only ever matches strings that start with its literal prefix, so a formula about a
 * string mentions only the patterns whose prefix fits it: the others are false there, and
 * leaving them out keeps every query small.
 */
export class PatternSet {
  readonly globs: readonly Glob[];
  /** The literal prefixes as a trie of characters: a subject's walk down it meets every prefix it starts with. */
  private readonly prefixes: PrefixNode = { children: new Map(), patterns: [] };

  constructor(
    private readonly namePrefix: 'o' | 'r',
    readonly texts: readonly string[],
  ) {
    this.globs = texts.map(parseGlob);
    this.globs.forEach((glob, index) => {
      let node = this.prefixes;
      // By UTF-16 code unit, as `startsWith` compares: a prefix may end inside a surrogate pair.
      for (let at = 0; at < glob.literalPrefix.length; at++) {
        const unit = glob.literalPrefix[at]!;
        let child = node.children.get(unit);
        if (child === undefined) node.children.set(unit, (child = { children: new Map(), patterns: [] }));
        node = child;
      }
      node.patterns.push(index);
    });
  }

  name(index: number): string {
    return `${this.namePrefix}${index}`;
  }

  definition(index: number): string {
    return `(define-fun ${this.name(index)} () RegLan ${patternRegex(this.texts[index]!)}) ; ${this.texts[index]}`;
  }

  /**
   * The pattern as a predicate on strings, for files that ask about given strings: `(o3 "s3:getobject")`
   * reads as "pattern o3 matches s3:getobject".
   */
  predicate(index: number): string {
    return `(define-fun ${this.name(index)} ((a String)) Bool ${patternFormula(this.texts[index]!, 'a')}) ; ${this.texts[index]}`;
  }

  /** The pattern's predicate applied to an SMT-LIB string term. */
  applied(index: number, subject: string): string {
    return `(${this.name(index)} ${subject})`;
  }

  /** The patterns that can match the lower-cased string `subject`, by their literal prefixes. */
  fitting(subject: string): number[] {
    const fitting: number[] = [...this.prefixes.patterns];
    let node: PrefixNode | undefined = this.prefixes;
    for (let at = 0; at < subject.length; at++) {
      node = node.children.get(subject[at]!);
      if (node === undefined) break;
      fitting.push(...node.patterns);
    }
    return fitting.length > 1 ? fitting.sort((a, b) => a - b) : fitting;
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

/** The regular languages of the patterns a script uses (for files about every string), each once, in order. */
export function definitions(set: PatternSet, used: Iterable<number>): string[] {
  return [...new Set(used)].sort((a, b) => a - b).map((index) => set.definition(index));
}

/** The predicates of the patterns a script uses (for files about given strings), each once, in order. */
export function predicates(set: PatternSet, used: Iterable<number>): string[] {
  return [...new Set(used)].sort((a, b) => a - b).map((index) => set.predicate(index));
}

interface PrefixNode {
  readonly children: Map<string, PrefixNode>;
  readonly patterns: number[];
}
