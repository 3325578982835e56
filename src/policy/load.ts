import { readJsonFile, SIZE_LIMITS, type JsonSource } from '../input/read-json.js';
import { parsePolicy } from './parse.js';
import type { Policy } from './types.js';

export interface LoadedPolicy {
  readonly policy: Policy;
  readonly source: JsonSource;
}

/** Reads and parses a policy file (`-`: standard input), with the text as it was read. */
export function loadPolicy(path: string): LoadedPolicy {
  const { source, value } = readJsonFile(path, SIZE_LIMITS.policy);
  return { policy: parsePolicy(value, source.name), source };
}
