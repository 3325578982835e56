import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateJsonPath } from '../../src/input/json-position.js';
import type { JsonPath } from '../../src/input/json-path.js';

const TEXT = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Deny", "Action": "ec2:*", "Resource": "*" },
    {
      "Sid": "Read\\"Only\\"",
      "Effect": "Allow",
      "Action": [
        "s3:Get*",
        "s3:List*"
      ],
      "Resource": "*"
    }
  ]
}
`;

describe('locateJsonPath', () => {
  it('finds a pattern, a statement and a key past an escaped string, with 1-based lines and columns, the end just past the value', () => {
    expect(locateJsonPath(TEXT, ['Statement', 1, 'Action', 1])).toEqual({ startLine: 10, startColumn: 9, endLine: 10, endColumn: 19 });
    expect(locateJsonPath(TEXT, ['Statement', 0, 'Action'])).toEqual({ startLine: 4, startColumn: 35, endLine: 4, endColumn: 42 });
    expect(locateJsonPath(TEXT, ['Statement', 1])).toEqual({ startLine: 5, startColumn: 5, endLine: 13, endColumn: 6 });
    expect(locateJsonPath(TEXT, ['Statement', 1, 'Effect'])).toEqual({ startLine: 7, startColumn: 17, endLine: 7, endColumn: 24 });
    expect(locateJsonPath(TEXT, [])).toEqual({ startLine: 1, startColumn: 1, endLine: 15, endColumn: 2 });
  });

  it('is undefined for a path that is not there', () => {
    expect([locateJsonPath(TEXT, ['Statement', 2]), locateJsonPath(TEXT, ['Nope']), locateJsonPath(TEXT, ['Version', 0]), locateJsonPath(TEXT, ['Statement', 'x'])]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('the span of every value of any JSON document holds exactly that value (fixed seed)', () => {
    const seed = 1313;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const lines = text.split('\n');
        const offsetOf = (line: number, column: number): number => lines.slice(0, line - 1).reduce((sum, row) => sum + row.length + 1, 0) + column - 1;
        const visit = (node: unknown, path: JsonPath): void => {
          const span = locateJsonPath(text, path)!;
          expect(JSON.parse(text.slice(offsetOf(span.startLine, span.startColumn), offsetOf(span.endLine, span.endColumn)))).toEqual(node);
          if (Array.isArray(node)) node.forEach((item, index) => visit(item, [...path, index]));
          else if (node !== null && typeof node === 'object') for (const [key, item] of Object.entries(node)) visit(item, [...path, key]);
        };
        visit(JSON.parse(text), []);
      }),
      { seed, numRuns: 200 },
    );
  });
});
