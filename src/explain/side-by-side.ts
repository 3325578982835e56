import { unifiedDiff } from '../report/diff.js';

/** One line of one side: `changed` when it is removed (left) or added (right). */
export interface Cell {
  readonly text: string;
  readonly changed: boolean;
}

/** A row of the two-column diff; a side is `undefined` where the other has a line of its own. */
export interface SideBySideRow {
  readonly left: Cell | undefined;
  readonly right: Cell | undefined;
}

/**
 * The policy diff in two columns, from the unified diff `recommend --format diff` prints: a run of
 * removed lines and the run of added lines after it share rows, so a replaced pattern stands
 * beside its replacements.
 */
export function sideBySide(before: string, after: string): SideBySideRow[] {
  const lines = unifiedDiff(before, after, 'before', 'after').split('\n').slice(3, -1);
  const rows: SideBySideRow[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = (): void => {
    for (let index = 0; index < Math.max(removed.length, added.length); index++) {
      const left = removed[index];
      const right = added[index];
      rows.push({ left: left === undefined ? undefined : { text: left, changed: true }, right: right === undefined ? undefined : { text: right, changed: true } });
    }
    removed = [];
    added = [];
  };
  for (const line of lines) {
    const text = line.slice(1);
    if (line.startsWith('-')) {
      if (added.length > 0) flush();
      removed.push(text);
    } else if (line.startsWith('+')) added.push(text);
    else {
      flush();
      rows.push({ left: { text, changed: false }, right: { text, changed: false } });
    }
  }
  flush();
  return rows;
}
