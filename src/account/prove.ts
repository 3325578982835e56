import { join } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import { textSource, type JsonSource } from '../input/read-json.js';
import { printJson } from '../policy/print.js';
import { joinParts } from '../policy/split.js';
import { check, type CheckReport } from '../prove/check.js';
import { checkInputOf, recommendedSource, type CertificateSources } from '../prove/certificate/sources.js';
import { writeCertificate } from '../prove/certificate/write.js';
import type { Solver } from '../prove/solver/solver.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { policyFiles } from './layout.js';
import type { AccountResult, PolicyResult, PrincipalResult } from './refine.js';

/** The proof of one policy's recommendation, and where its certificate went (with `--out`). */
export interface PolicyProof {
  readonly report: CheckReport;
  readonly certificate: string | undefined;
}

/** Proofs by principal index, then policy index; policies with nothing to prove have none. */
export type AccountProofs = ReadonlyMap<string, PolicyProof>;

export function proofKey(principal: number, policy: number): string {
  return `${principal}/${policy}`;
}

export interface ProveAccountOptions {
  readonly pool: Solver;
  readonly catalog: Catalog;
  /** The catalog file's text, when the catalog is not the pinned package. */
  readonly catalogFile: JsonSource | undefined;
  /** Where certificates go (`<out>/certificates/...`); none are written without it. */
  readonly out?: string;
  /** Called after each proof, for progress. */
  readonly onProof?: (principal: PrincipalResult, policy: PolicyResult, proof: PolicyProof) => void;
}

/**
 * Proves every recommendation of an account run with one shared solver pool: each policy's
 * original, the principal's unused set and the recommendation (for a split: the parts joined into
 * one policy, so the proof covers their union) go to the checker exactly as a certificate records
 * them. Policies without a recommendation to apply (missing, not applicable) are not proven.
 */
export async function proveAccount(account: AccountResult, options: ProveAccountOptions): Promise<AccountProofs> {
  const tasks = account.principals.flatMap((principal, p) =>
    principal.policies.flatMap((policy, q) => (policy.outcome === 'missing' || policy.outcome === 'not-applicable' ? [] : [{ principal, policy, key: proofKey(p, q) }])),
  );
  const proofs = new Map<string, PolicyProof>();
  // A few checks at a time keep the pool busy without planning every obligation of the account at once.
  const inFlight = Math.max(2, options.pool.workers * 2);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const { principal, policy, key } = tasks[next++]!;
      const sources = certificateSources(principal, policy, options);
      const report = await check(checkInputOf(sources), { pool: options.pool });
      const certificate = options.out === undefined ? undefined : join(options.out, policyFiles(principal, policy).certificate);
      if (certificate !== undefined) writeCertificate(certificate, sources, report);
      const proof = { report, certificate };
      proofs.set(key, proof);
      options.onProof?.(principal, policy, proof);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, tasks.length) }, worker));
  return proofs;
}

export function certificateSources(principal: PrincipalResult, policy: PolicyResult, options: Pick<ProveAccountOptions, 'catalog' | 'catalogFile'>): CertificateSources {
  const recommendation = policy.recommendation!;
  return {
    policy: textSource(`${policy.name}.json`, printJson(policy.original!.raw)),
    unused: principal.unusedSource,
    // A split is proven as its parts joined back into one policy.
    recommended: recommendedSource(policy.split === undefined ? recommendation.policy : joinParts(policy.split, recommendation.policy!)),
    recommendedBy: `${TOOL_NAME} ${TOOL_VERSION}`,
    catalog: options.catalog,
    catalogFile: options.catalogFile,
    granularity: recommendation.granularity,
    ...(principal.evidence === undefined ? {} : { evidence: principal.evidence }),
  };
}
