/** Lines of unchanged context kept around each change. */
const CONTEXT = 3;

/**
 * A whole-document unified diff (as `unifiedDiff` writes it, the article's way) cut down to the
 * changed lines and a few lines around them, one `@@` hunk each with its line numbers: a snapshot
 * of thousands of lines then shows as the handful that changed.
 */
export function diffExcerpt(diff: string, context = CONTEXT): string {
  const lines = diff.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const [oldName, newName] = lines;
  const body = lines.slice(3);
  const changed = body.map((line) => !line.startsWith(' '));
  const keep = body.map((_, index) => changed.slice(Math.max(0, index - context), index + context + 1).some(Boolean));
  const hunks: string[] = [];
  let oldLine = 1;
  let newLine = 1;
  let index = 0;
  while (index < body.length) {
    if (!keep[index]) {
      // Skipped lines are context: they stand in both documents.
      oldLine++;
      newLine++;
      index++;
      continue;
    }
    const start = { old: oldLine, new: newLine };
    const hunk: string[] = [];
    while (index < body.length && keep[index]) {
      const line = body[index]!;
      hunk.push(line);
      if (!line.startsWith('+')) oldLine++;
      if (!line.startsWith('-')) newLine++;
      index++;
    }
    const oldCount = hunk.filter((line) => !line.startsWith('+')).length;
    const newCount = hunk.filter((line) => !line.startsWith('-')).length;
    hunks.push(`@@ -${start.old},${oldCount} +${start.new},${newCount} @@`, ...hunk);
  }
  return `${[oldName, newName, ...hunks].join('\n')}\n`;
}
