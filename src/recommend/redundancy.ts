import type { Catalog } from '../catalog/catalog.js';
import { parseGlob } from '../glob/glob.js';
import { includes } from '../glob/inclusion.js';

export interface Candidate {
  readonly text: string;
  /** Patterns the refinement wrote are dropped before the ones the user wrote. */
  readonly isNew: boolean;
  /**
   * `catalog`: may go when the others cover its catalog actions (`Action` entries: dropping one only
   * allows less). `strings`: may go only when one other pattern matches every string it matches
   * (original `NotAction` exclusions, which must never shrink).
   */
  readonly dropWhen: 'catalog' | 'strings';
}

/**
 * Drops the patterns the others make redundant: new ones first, then the user's own, and within
 * each the most specific (longest literal prefix, and a literal before a wildcard with the same
 * prefix) first, so that of `s3:GetObject*` and `s3:GetObjectAcl` the narrower goes, and of
 * `s3:GetObject*` and `s3:GetObject` the literal (keeping the wildcard, the shortest safe prefix).
 * A pattern that matches no catalog action is never judged covered: it may stand for an action
 * the catalog does not know yet.
 */
export function withoutRedundant(candidates: readonly Candidate[], catalog: Catalog): { kept: string[]; dropped: string[] } {
  const globs = candidates.map((candidate) => parseGlob(candidate.text));
  const matches = globs.map((glob) => catalog.matching(glob));
  const coverCount = new Map<number, number>();
  for (const indices of matches) for (const index of indices) coverCount.set(index, (coverCount.get(index) ?? 0) + 1);
  const alive = candidates.map(() => true);
  const order = [...candidates.keys()].sort(
    (a, b) =>
      Number(candidates[b]!.isNew) - Number(candidates[a]!.isNew) ||
      globs[b]!.literalPrefix.length - globs[a]!.literalPrefix.length ||
      Number(globs[a]!.hasWildcard) - Number(globs[b]!.hasWildcard) ||
      a - b,
  );
  for (const position of order) {
    const candidate = candidates[position]!;
    const indices = matches[position]!;
    const covered =
      candidate.dropWhen === 'catalog'
        ? indices.length > 0 && indices.every((index) => coverCount.get(index)! >= 2)
        : candidates.some((other, otherPosition) => otherPosition !== position && alive[otherPosition] && includes(other.text, candidate.text));
    if (!covered) continue;
    alive[position] = false;
    for (const index of indices) coverCount.set(index, coverCount.get(index)! - 1);
  }
  return {
    kept: candidates.filter((_, position) => alive[position]).map((candidate) => candidate.text),
    dropped: candidates.filter((_, position) => !alive[position]).map((candidate) => candidate.text),
  };
}
