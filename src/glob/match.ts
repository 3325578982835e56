import type { Glob } from './glob.js';

/**
 * Whether `subject` (already ASCII lower-cased) matches the pattern. Linear-time greedy matching
 * with one backtrack point per star, the classic algorithm for `*`/`?` wildcards. Strings are
 * compared unit by unit; arrays of code points (`Array.from(text)`) make `?` one code point, as
 * the solver's `re.allchar` is.
 */
export function matchesLower(patternLower: ArrayLike<string>, subject: ArrayLike<string>): boolean {
  let p = 0;
  let s = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (s < subject.length) {
    const char = patternLower[p];
    if (char === '*') {
      starAt = p++;
      resumeAt = s;
    } else if (char !== undefined && (char === '?' || char === subject[s])) {
      p++;
      s++;
    } else if (starAt !== -1) {
      p = starAt + 1;
      s = ++resumeAt;
    } else {
      return false;
    }
  }
  while (patternLower[p] === '*') p++;
  return p === patternLower.length;
}

export function globMatches(glob: Glob, lowerSubject: string): boolean {
  if (!glob.hasWildcard) return glob.lower === lowerSubject;
  if (glob.isPrefixPattern) return lowerSubject.startsWith(glob.literalPrefix);
  return lowerSubject.startsWith(glob.literalPrefix) && matchesLower(glob.lower, lowerSubject);
}
