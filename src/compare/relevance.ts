import type { ResolvedStatement } from './approximation.js';

/**
 * Which patterns an obligation must name. Every string a pattern matches starts with the
 * pattern's literal prefix, so a pattern can match one of the obligation's actions only if its
 * prefix and the prefix of those actions (a line's pattern prefix, or a catalog action itself)
 * are one a prefix of the other. Any other pattern is false on every action the obligation asks
 * about, and leaving it out changes no answer: the same syntactic fact the checker's files rest
 * on, visible in each regex's definition.
 */
export class LinePrefixes {
  private readonly sorted: readonly string[];
  private readonly members: ReadonlySet<string>;

  constructor(prefixes: Iterable<string>) {
    this.members = new Set(prefixes);
    this.sorted = [...this.members].sort();
  }

  /** Whether a pattern with this literal prefix can match an action that starts with one of the prefixes. */
  compatible(patternPrefix: string): boolean {
    for (let length = 0; length <= patternPrefix.length; length++) if (this.members.has(patternPrefix.slice(0, length))) return true;
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.sorted[middle]! < patternPrefix) low = middle + 1;
      else high = middle;
    }
    return low < this.sorted.length && this.sorted[low]!.startsWith(patternPrefix);
  }

  /** The positions of a statement's action patterns that can matter here. */
  relevantPatterns(statement: ResolvedStatement): number[] {
    return statement.actions.flatMap((glob, position) => (this.compatible(glob.literalPrefix) ? [position] : []));
  }
}
