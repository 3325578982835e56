import type { Catalog } from '../catalog/catalog.js';
import type { Granularity } from '../catalog/tokenize.js';
import type { UnusedSet } from '../findings/unused-set.js';
import type { Policy } from '../policy/types.js';

/** What the checker judges: any recommendation, against the original, the unused set and a catalog. */
export interface CheckInput {
  readonly original: Policy;
  readonly unused: UnusedSet;
  readonly catalog: Catalog;
  /** `undefined` for a `DETACH_POLICY` recommendation. */
  readonly recommended: Policy | undefined;
  readonly granularity: Granularity;
}
