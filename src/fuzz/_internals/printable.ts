import fc from 'fast-check';

/**
 * Gives a generated value the text fast-check prints for it in a counterexample: a catalog or a
 * whole case printed as the JSON files the CLI reads, rather than as its internal fields.
 */
export function printedAs<T extends object>(value: T, text: string): T {
  Object.defineProperty(value, fc.toStringMethod, { value: () => text, enumerable: false });
  return value;
}
