import type { PrincipalKind } from './details.js';

/** IAM's size quotas, in characters without whitespace, and how many managed policies a principal holds. */
export const QUOTAS = {
  managedPolicy: 6_144,
  /** All inline policies of one principal together. */
  inline: { role: 10_240, group: 5_120, user: 2_048 } as Readonly<Record<PrincipalKind, number>>,
  /** Managed policies attached to one role, user or group (the default; a quota raise allows 20). */
  attachedManaged: 10,
} as const;
