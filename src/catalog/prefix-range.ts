/**
 * The half-open index range of the strings that start with `prefix` in a sorted list: such
 * strings are contiguous, so two binary searches find them.
 */
export function prefixRange(sorted: readonly string[], prefix: string): readonly [number, number] {
  let from = 0;
  let high = sorted.length;
  while (from < high) {
    const middle = (from + high) >>> 1;
    if (sorted[middle]! < prefix) from = middle + 1;
    else high = middle;
  }
  let to = from;
  high = sorted.length;
  while (to < high) {
    const middle = (to + high) >>> 1;
    if (sorted[middle]!.startsWith(prefix)) to = middle + 1;
    else high = middle;
  }
  return [from, to];
}
