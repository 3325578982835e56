import type { Catalog, CatalogIdentity } from '../catalog/catalog.js';
import { isUnused, type Warning } from '../findings/unused-set.js';
import { globMatches } from '../glob/match.js';
import { parseGlob } from '../glob/glob.js';
import type { Policy } from '../policy/types.js';
import { check, type CheckOptions, type CheckReport } from '../prove/check.js';
import { checkInputOf } from '../prove/certificate/sources.js';
import type { Verdict } from '../prove/obligation.js';
import { readCertifiedInputs } from './certificate.js';
import { comparePolicies } from '../compare/compare.js';

/** An action that appeared since the certificate, and what allows it: patterns, or `NotAction` statements. */
export interface AppearedAction {
  readonly action: string;
  readonly allowedBy: readonly string[];
}

export interface DriftReport {
  readonly certificate: string;
  readonly catalogThen: CatalogIdentity;
  readonly catalogNow: CatalogIdentity;
  /** Actions in the new catalog and not in the certificate's; `undefined` when the certificate's catalog is not at hand. */
  readonly appeared: number | undefined;
  /** Of those, the ones in services the certificate's catalog did not have at all. */
  readonly appearedInNewServices: number | undefined;
  /** Appeared actions the refined policy allows: its wildcards now match them. */
  readonly nowAllowed: readonly AppearedAction[];
  /** Appeared actions the original allows and the refinement does not, and that are not unused: lost. */
  readonly lost: readonly AppearedAction[];
  /** Appeared actions the original allows that the findings mark unused (a whole unused service): rightly not allowed. */
  readonly unusedNotAllowed: readonly AppearedAction[];
  /** The checker's report of the same recommendation on the new catalog. */
  readonly check: CheckReport;
  /** Claim 1 (exact on the catalog) on the new catalog, over every statement. */
  readonly exact: Verdict;
  /** The unused set read against the new catalog: names it no longer knows. */
  readonly warnings: readonly Warning[];
  /**
   * The same question through the comparison engine (src/compare/, every resource and condition):
   * the catalog actions the refinement allows and the original does not, and of the actions that
   * appeared, those the original allows and the refinement does not. Absent for a DETACH_POLICY.
   */
  readonly compared?: { readonly verdict: string; readonly gained: readonly string[]; readonly appearedLost: readonly string[]; readonly complete: boolean };
}

/**
 * Re-checks a certificate's recommendation against a newer catalog: the checker (Z3) judges it
 * again on that catalog, and the actions that appeared since the certificate are sorted by plain
 * matching into those the refinement now allows and those the original allowed but the
 * refinement does not. The refinement stays exact on the new catalog only if no used action is
 * among the latter.
 */
export async function driftOf(directory: string, catalogNow: Catalog, options: CheckOptions = {}): Promise<DriftReport> {
  const certified = readCertifiedInputs(directory);
  const input = checkInputOf({ ...certified, catalog: catalogNow, catalogFile: undefined });
  const report = await check(input, options);
  const before = certified.catalogThen === undefined ? undefined : new Set(certified.catalogThen.lowerActions);
  const appeared = before === undefined ? [] : catalogNow.actions.filter((_, index) => !before.has(catalogNow.lowerActions[index]!));
  const nowAllowed: AppearedAction[] = [];
  const lost: AppearedAction[] = [];
  const unusedNotAllowed: AppearedAction[] = [];
  for (const action of appeared) {
    const lower = catalogNow.lowerActions[catalogNow.indexOf(action)!]!;
    const refined = input.recommended === undefined ? [] : allowers(input.recommended, lower);
    if (refined.length > 0) {
      nowAllowed.push({ action, allowedBy: refined });
      continue;
    }
    const original = allowers(input.original, lower);
    if (original.length === 0) continue;
    (isUnused(input.unused, lower) ? unusedNotAllowed : lost).push({ action, allowedBy: original });
  }
  const compared = input.recommended === undefined ? undefined : await comparedOnCatalog(input.original, input.recommended, catalogNow, new Set(appeared), options);
  const exactVerdicts = report.claims.filter((claim) => claim.claim === 'exact').map((claim) => claim.verdict);
  return {
    certificate: directory,
    catalogThen: certified.catalog,
    catalogNow: catalogNow.identity,
    appeared: before === undefined ? undefined : appeared.length,
    appearedInNewServices: certified.catalogThen === undefined ? undefined : appeared.filter((action) => certified.catalogThen!.service(action.slice(0, action.indexOf(':'))) === undefined).length,
    nowAllowed,
    lost,
    unusedNotAllowed,
    check: report,
    exact: exactVerdicts.includes('refuted') ? 'refuted' : exactVerdicts.includes('unknown') ? 'unknown' : 'proven',
    warnings: input.unused.warnings,
    ...(compared === undefined ? {} : { compared }),
  };
}

async function comparedOnCatalog(original: Policy, refined: Policy, catalog: Catalog, appeared: ReadonlySet<string>, options: CheckOptions): Promise<DriftReport['compared']> {
  const report = await comparePolicies(
    { old: original, new: refined, oldSource: 'original', newSource: 'refinement', names: { old: 'original', new: 'refinement' }, mode: 'equivalent', scope: 'catalog', catalog },
    options.pool === undefined ? options : { pool: options.pool },
  );
  const listed = (direction: 'gained' | 'lost'): readonly string[] => report.directions.find((entry) => entry.direction === direction)?.catalogActions?.actions.map((example) => example.action) ?? [];
  return {
    verdict: report.verdict,
    gained: [...new Set(listed('gained'))],
    appearedLost: [...new Set(listed('lost'))].filter((action) => appeared.has(action)),
    complete: report.directions.every((direction) => direction.catalogActions?.complete !== false && direction.undecided.length === 0),
  };
}

/** What in a policy's `Allow` statements allows an action: the matching patterns, or a `NotAction` statement that leaves it out. */
function allowers(policy: Policy, lowerAction: string): string[] {
  return policy.statements
    .filter((statement) => statement.effect === 'Allow')
    .flatMap((statement) => {
      const matching = statement.patterns.filter((pattern) => globMatches(parseGlob(pattern), lowerAction));
      if (statement.actionKey === 'Action') return matching;
      return matching.length === 0 ? [`NotAction of statement ${statement.index}`] : [];
    });
}
