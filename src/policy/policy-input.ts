import { InputError } from '../input/input-error.js';
import { describeJsonType, isJsonObject, type Json, type JsonObject } from '../input/json.js';
import { parseDocumentAt } from './document.js';
import type { PolicyKind } from './quotas.js';
import type { Policy } from './types.js';

/** What an `aws iam` output tells about the policy beside its document. */
export interface PolicyIdentity {
  /** As Access Analyzer names the policy: an inline policy's name (a managed policy's ARN is never in these outputs). */
  readonly existingPolicyId?: string;
  /** `get-policy-version`'s `CreateDate`: when that version, the policy's text, was made. */
  readonly policyUpdatedAt?: string;
  /** `get-role-policy`, `get-user-policy`, `get-group-policy`: the principal's inline policy. */
  readonly kind?: PolicyKind;
}

export interface PolicyInput {
  readonly policy: Policy;
  readonly identity: PolicyIdentity;
}

/** The `aws iam get-*-policy` outputs of inline policies: the key that names the principal, and the policy's kind. */
const INLINE_OUTPUTS = [
  { key: 'RoleName', kind: 'role-inline' },
  { key: 'UserName', kind: 'user-inline' },
  { key: 'GroupName', kind: 'group-inline' },
] as const;

/**
 * Reads a policy in any form a user has it in: a policy document, a URL-encoded document string
 * (as the IAM API returns documents), or the output of `aws iam get-policy-version`
 * (`PolicyVersion.Document`), `get-role-policy`, `get-user-policy` or `get-group-policy`
 * (`PolicyDocument` beside `PolicyName`). The policy is the same as the bare document's; errors
 * name the path into the output (`PolicyVersion.Document.Statement[0].Action`).
 */
export function readPolicyInput(value: Json, source: string): PolicyInput {
  if (!isJsonObject(value) || !('PolicyVersion' in value || 'PolicyDocument' in value)) return { policy: parseDocumentAt(value, [], source), identity: {} };
  if ('PolicyVersion' in value) {
    const version = value.PolicyVersion;
    if (!isJsonObject(version)) throw new InputError(source, ['PolicyVersion'], `expected the object "aws iam get-policy-version" prints, got ${describeJsonType(version)}`);
    const created = optionalString(version, 'CreateDate', ['PolicyVersion'], source);
    return { policy: parseDocumentAt(version.Document, ['PolicyVersion', 'Document'], source), identity: created === undefined ? {} : { policyUpdatedAt: created } };
  }
  const name = optionalString(value, 'PolicyName', [], source);
  const output = INLINE_OUTPUTS.find(({ key }) => key in value);
  if (output !== undefined) optionalString(value, output.key, [], source);
  return {
    policy: parseDocumentAt(value.PolicyDocument, ['PolicyDocument'], source),
    identity: { ...(name === undefined ? {} : { existingPolicyId: name }), ...(output === undefined ? {} : { kind: output.kind }) },
  };
}

function optionalString(object: JsonObject, key: string, path: readonly string[], source: string): string | undefined {
  const value = object[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new InputError(source, [...path, key], value === '' ? 'expected a non-empty string' : `expected a string, got ${describeJsonType(value)}`);
  return value;
}
