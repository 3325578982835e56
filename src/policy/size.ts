import type { Json } from '../input/json.js';
import { compactJson } from './print.js';

/**
 * A policy's size as IAM's quotas count it: characters of its JSON without whitespace outside
 * strings (managed policies: 6,144; a role's inline policies together: 10,240).
 */
export function policySize(value: Json): number {
  return compactJson(value).length;
}
