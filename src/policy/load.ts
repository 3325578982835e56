import { readJsonFile, SIZE_LIMITS, type JsonSource } from '../input/read-json.js';
import { readPolicyInput, type PolicyIdentity } from './policy-input.js';
import type { Policy } from './types.js';

export interface LoadedPolicy {
  readonly policy: Policy;
  readonly source: JsonSource;
  /** What an `aws iam` output told beside the document: the policy's name, its kind. */
  readonly identity: PolicyIdentity;
}

/** Reads and parses a policy file (`-`: standard input) in any form `readPolicyInput` reads, with the text as it was read. */
export function loadPolicy(path: string): LoadedPolicy {
  const { source, value } = readJsonFile(path, SIZE_LIMITS.policy);
  return { ...readPolicyInput(value, source.name), source };
}
