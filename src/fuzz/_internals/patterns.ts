import { lowerAscii } from '../../glob/glob.js';

/** The patterns without case-insensitive repeats, first spelling kept, in their order. */
export function uniqueIgnoringCase(patterns: readonly string[]): string[] {
  const seen = new Set<string>();
  return patterns.filter((pattern) => {
    const lower = lowerAscii(pattern);
    if (seen.has(lower)) return false;
    seen.add(lower);
    return true;
  });
}

/** `uniqueIgnoringCase`, sorted by lower-cased text as the recommender writes its lists. */
export function sortedIgnoringCase(patterns: readonly string[]): string[] {
  return uniqueIgnoringCase(patterns).sort((a, b) => (lowerAscii(a) < lowerAscii(b) ? -1 : lowerAscii(a) > lowerAscii(b) ? 1 : 0));
}

/** Where a pattern's literal prefix ends: its first wildcard, or its length. */
export function literalPrefixLength(pattern: string): number {
  const wildcard = pattern.search(/[*?]/);
  return wildcard === -1 ? pattern.length : wildcard;
}
