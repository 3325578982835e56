import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOOL_NAME, TOOL_VERSION } from '../src/version.js';

describe('version', () => {
  it("is iam-refine at the version of the repository's package.json", () => {
    const { name, version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    expect({ TOOL_NAME, TOOL_VERSION }).toEqual({ TOOL_NAME: name, TOOL_VERSION: version });
  });
});
