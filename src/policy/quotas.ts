/** IAM's size quotas, in characters without whitespace, and how many managed policies a principal holds. */
export const QUOTAS = {
  managedPolicy: 6_144,
  /** All inline policies of one principal together. */
  inline: { role: 10_240, group: 5_120, user: 2_048 } as Readonly<Record<'role' | 'user' | 'group', number>>,
  /** Managed policies attached to one role, user or group (the default; a quota raise allows 20). */
  attachedManaged: 10,
} as const;

/** What kind of policy a document is, as its size quota depends on it. */
export const POLICY_KINDS = ['managed', 'role-inline', 'user-inline', 'group-inline'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/**
 * The size quota of one policy of this kind. For an inline policy it is the quota of all the
 * principal's inline policies together: one policy alone may use all of it, no more.
 */
export function quotaOf(kind: PolicyKind): number {
  if (kind === 'managed') return QUOTAS.managedPolicy;
  return QUOTAS.inline[kind === 'role-inline' ? 'role' : kind === 'user-inline' ? 'user' : 'group'];
}

/** How a person names the kind: "a managed policy", "a role's inline policies". */
export function describePolicyKind(kind: PolicyKind): string {
  return kind === 'managed' ? 'a managed policy' : `a ${kind.slice(0, kind.indexOf('-'))}'s inline policies together`;
}
