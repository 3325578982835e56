/**
 * A unified diff of two texts, line by line, with the whole document as context: the way the
 * article shows a recommendation, every line of the policy with `-` and `+` where it changed.
 */
export function unifiedDiff(before: string, after: string, beforeName: string, afterName: string): string {
  const oldLines = splitLines(before);
  const newLines = splitLines(after);
  const body = diffLines(oldLines, newLines);
  const header = `--- ${beforeName}\n+++ ${afterName}\n@@ -${range(oldLines.length)} +${range(newLines.length)} @@\n`;
  return header + body.map(([mark, line]) => `${mark}${line}\n`).join('');
}

type DiffLine = readonly [' ' | '-' | '+', string];

/** Longest common subsequence over the lines between the common head and tail. */
function diffLines(oldLines: readonly string[], newLines: readonly string[]): DiffLine[] {
  let head = 0;
  while (head < oldLines.length && head < newLines.length && oldLines[head] === newLines[head]) head++;
  let tail = 0;
  while (tail < oldLines.length - head && tail < newLines.length - head && oldLines[oldLines.length - 1 - tail] === newLines[newLines.length - 1 - tail]) tail++;
  const oldMiddle = oldLines.slice(head, oldLines.length - tail);
  const newMiddle = newLines.slice(head, newLines.length - tail);
  const middle: DiffLine[] =
    oldMiddle.length * newMiddle.length > 4_000_000
      ? [...oldMiddle.map((line): DiffLine => ['-', line]), ...newMiddle.map((line): DiffLine => ['+', line])]
      : lcsDiff(oldMiddle, newMiddle);
  return [...oldLines.slice(0, head).map((line): DiffLine => [' ', line]), ...middle, ...oldLines.slice(oldLines.length - tail).map((line): DiffLine => [' ', line])];
}

function lcsDiff(a: readonly string[], b: readonly string[]): DiffLine[] {
  const width = b.length + 1;
  // lengths[i * width + j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = new Int32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push([' ', a[i++]!]);
      j++;
    } else if (i < a.length && (j === b.length || lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)) lines.push(['-', a[i++]!]);
    else lines.push(['+', b[j++]!]);
  }
  return lines;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function range(count: number): string {
  return count === 0 ? '0,0' : `1,${count}`;
}
