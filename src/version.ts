import { readFileSync } from 'node:fs';

/** This package's version, read once from its package.json (one folder above both src/ and dist/). */
export const TOOL_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export const TOOL_NAME = 'iam-refine';
