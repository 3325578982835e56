/**
 * An IAM action pattern: `*` matches any sequence, `?` exactly one character, anywhere in the
 * string (service part included); everything else matches itself, ASCII case-insensitively.
 */
export interface Glob {
  /** The pattern as written. */
  readonly text: string;
  /** The pattern ASCII lower-cased: the form every comparison uses. Same length as `text`. */
  readonly lower: string;
  /** The lower-cased text before the first wildcard: every string the pattern matches starts with it. */
  readonly literalPrefix: string;
  readonly hasWildcard: boolean;
  /** `literal*`: the only wildcard is one trailing star, so the pattern means "starts with". */
  readonly isPrefixPattern: boolean;
}

export function parseGlob(text: string): Glob {
  const lower = lowerAscii(text);
  const firstWildcard = lower.search(/[*?]/);
  const literalPrefix = firstWildcard === -1 ? lower : lower.slice(0, firstWildcard);
  return {
    text,
    lower,
    literalPrefix,
    hasWildcard: firstWildcard !== -1,
    isPrefixPattern: firstWildcard === lower.length - 1 && lower.endsWith('*'),
  };
}

/** IAM compares action names ASCII case-insensitively; other characters stay as they are. */
export function lowerAscii(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (run) => run.toLowerCase()) : text;
}

export function isWildcard(char: string | undefined): boolean {
  return char === '*' || char === '?';
}
