import type { Catalog } from '../catalog/catalog.js';
import type { Policy } from '../policy/types.js';
import type { ClaimId } from '../prove/claims.js';
import type { CheckInput } from '../prove/context.js';
import type { Verdict } from '../prove/obligation.js';
import type { Solver } from '../prove/solver/solver.js';
import { compareEncoders, specificationCheck, type EncoderComparison } from '../prove/specification/index.js';
import type { RefinementCase } from './refinement-case.js';

/**
 * The specification encoder's whole-catalog queries are only cheap on small catalogs: the
 * campaign runs it on cases whose catalog has fewer actions than this (which also leaves out
 * every case with a 1,000+ action service).
 */
export const SPECIFICATION_CATALOG_LIMIT = 300;

export function specificationApplies(catalog: Catalog): boolean {
  return catalog.size < SPECIFICATION_CATALOG_LIMIT;
}

type Verdicts = readonly { readonly statement: number; readonly claim: ClaimId; readonly verdict: Verdict }[];

/** A second encoder to compare the checker with: `specificationCheck`, or (in tests) a deliberately wrong one. */
export type SpecificationEncoder = (input: CheckInput, pool: Solver) => Promise<Verdicts>;

/**
 * Judges a recommendation of the case with the specification encoder and compares its verdicts
 * with the checker's (`CheckReport.claims`, as `crossCheck` returns them).
 */
export async function encoderCheck(input: RefinementCase, recommended: Policy | undefined, checker: Verdicts, pool: Solver, encoder: SpecificationEncoder = specificationCheck): Promise<EncoderComparison> {
  const specification = await encoder({ original: input.policy, unused: input.unused, catalog: input.catalog, recommended, granularity: input.granularity }, pool);
  return compareEncoders(specification, checker);
}
