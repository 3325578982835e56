import { describe, expect, it } from 'vitest';
import { LinePrefixes } from '../../src/compare/relevance.js';

describe('LinePrefixes', () => {
  it('keeps a pattern whose literal prefix and one of the prefixes are one a prefix of the other, and only those', () => {
    const lines = new LinePrefixes(['s3:get', 'ec2:describeinstances']);
    // Shorter than a line prefix (s3:*, *), longer (s3:getobject*: a line s3:Get* may reach it), equal.
    for (const prefix of ['s3:', '', 's3:getobject', 's3:get', 'ec2:describe', 'ec2:describeinstances', 'ec2:describeinstancesx']) expect(lines.compatible(prefix), prefix).toBe(true);
    for (const prefix of ['s3:put', 'ec2:descx', 'iam:', 's3:ge-']) expect(lines.compatible(prefix), prefix).toBe(false);
  });

  it('keeps everything for the empty prefix (a NotAction statement asks about every string)', () => {
    const lines = new LinePrefixes(['']);
    expect(['iam:', 'zzz', ''].every((prefix) => lines.compatible(prefix))).toBe(true);
  });
});
