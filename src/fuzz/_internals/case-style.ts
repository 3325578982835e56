import fc from 'fast-check';
import { lowerAscii } from '../../glob/glob.js';

/** How a generated name is spelled: as the catalog spells it, lower-cased, or with some letters' case toggled. */
export interface CaseStyle {
  readonly style: 'as-is' | 'lower' | 'mixed';
  /** For `mixed`: bit `i % 31` set toggles the letter at position `i`. Shrinks towards no toggles. */
  readonly toggles: number;
}

export function caseStyleArbitrary(): fc.Arbitrary<CaseStyle> {
  return fc.record({
    style: fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant('as-is' as const), weight: 3 }, { arbitrary: fc.constant('lower' as const), weight: 1 }, { arbitrary: fc.constant('mixed' as const), weight: 1 }),
    toggles: fc.nat(),
  });
}

export function writeInCase(text: string, { style, toggles }: CaseStyle): string {
  if (style === 'as-is') return text;
  if (style === 'lower') return lowerAscii(text);
  return [...text].map((char, index) => ((toggles >>> (index % 31)) & 1 ? toggleAscii(char) : char)).join('');
}

function toggleAscii(char: string): string {
  if (char >= 'a' && char <= 'z') return char.toUpperCase();
  if (char >= 'A' && char <= 'Z') return char.toLowerCase();
  return char;
}
