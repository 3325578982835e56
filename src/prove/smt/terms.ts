import { lowerAscii } from '../../glob/glob.js';

/**
 * SMT-LIB 2.6 terms for the string theory, one function per construct of an IAM pattern. Every
 * string is lower-cased before it is encoded: IAM compares ASCII case-insensitively, and the
 * solver never has to reason about `str.to_lower`.
 */

/** SMT-LIB strings hold the code points up to U+2FFFF. */
const MAX_CODE_POINT = 0x2ffff;

/** A string literal: `"` doubled, anything outside printable ASCII (and `\`) as `\u{...}`. */
export function stringLiteral(text: string): string {
  let body = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code > MAX_CODE_POINT) throw new RangeError(`U+${code.toString(16).toUpperCase()} cannot be written as an SMT-LIB string`);
    if (char === '"') body += '""';
    else if (code < 0x20 || code > 0x7e || char === '\\') body += `\\u{${code.toString(16)}}`;
    else body += char;
  }
  return `"${body}"`;
}

/** The regular language of an action pattern: its glob, ASCII lower-cased (IAM folds action case). */
export function patternRegex(pattern: string): string {
  return globRegex(lowerAscii(pattern));
}

/** The regular language of a glob as written, case kept (resources): literal runs, `*` as `re.all`, `?` as `re.allchar`. */
export function globRegex(glob: string): string {
  const parts: string[] = [];
  let literal = '';
  for (const char of glob) {
    if (char !== '*' && char !== '?') {
      literal += char;
      continue;
    }
    if (literal !== '') parts.push(`(str.to_re ${stringLiteral(literal)})`);
    literal = '';
    // `**` means the same as `*`.
    if (char === '*' && parts[parts.length - 1] === 're.all') continue;
    parts.push(char === '*' ? 're.all' : 're.allchar');
  }
  if (literal !== '' || parts.length === 0) parts.push(`(str.to_re ${stringLiteral(literal)})`);
  return parts.length === 1 ? parts[0]! : `(re.++ ${parts.join(' ')})`;
}

/**
 * Whether the string `subject` matches a pattern, as a formula over `subject`: the regular
 * language's membership where the pattern has an inner wildcard, and the shapes most patterns
 * have written as what they mean (`s3:GetObject` is `=`, `s3:Get*` is `str.prefixof`, `*` is
 * `true`), which Z3 decides for a ground string without building an automaton.
 */
export function patternFormula(pattern: string, subject: string): string {
  const lower = lowerAscii(pattern);
  const firstWildcard = lower.search(/[*?]/);
  if (firstWildcard === -1) return `(= ${subject} ${stringLiteral(lower)})`;
  if (!formulaIsRegex(pattern)) {
    const prefix = lower.slice(0, firstWildcard);
    return prefix === '' ? 'true' : `(str.prefixof ${stringLiteral(prefix)} ${subject})`;
  }
  return member(subject, patternRegex(pattern));
}

/**
 * Whether `patternFormula` writes the pattern as a regex membership: it has a wildcard before
 * its trailing run of `*`. Otherwise its formula is its literal prefix itself (`=`, `str.prefixof`).
 */
export function formulaIsRegex(pattern: string): boolean {
  return /[*?]/.test(pattern) && !/^[^*?]*\*+$/.test(pattern);
}

/** `prefix*`: every string that starts with `prefix`. */
export function prefixRegex(lowerPrefix: string): string {
  return lowerPrefix === '' ? 're.all' : `(re.++ (str.to_re ${stringLiteral(lowerPrefix)}) re.all)`;
}

export function regexUnion(regexes: readonly string[]): string {
  if (regexes.length === 0) return 're.none';
  return regexes.length === 1 ? regexes[0]! : `(re.union ${regexes.join(' ')})`;
}

export function member(stringTerm: string, regex: string): string {
  return `(str.in_re ${stringTerm} ${regex})`;
}

export function or(terms: readonly string[]): string {
  if (terms.length === 0) return 'false';
  return terms.length === 1 ? terms[0]! : `(or ${terms.join(' ')})`;
}

export function and(terms: readonly string[]): string {
  if (terms.length === 0) return 'true';
  return terms.length === 1 ? terms[0]! : `(and ${terms.join(' ')})`;
}

export function not(term: string): string {
  return `(not ${term})`;
}
