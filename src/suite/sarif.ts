import { existsSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { readSource, SIZE_LIMITS, type JsonSource } from '../input/read-json.js';
import { recommendedPolicyOf } from '../policy/recommended.js';
import { CLAIM_RULES, claimFindings, IAM_REFINE_TOOL } from '../report/claim-sarif.js';
import type { SarifFinding, SarifRunInput } from '../report/sarif.js';
import type { LoadedCase } from './load.js';
import type { CaseResult } from './run-case.js';

/**
 * `prove --sarif`: one finding per refuted or unknown claim of every case, located in the case's
 * recommendation (its snapshot or given file) or, for a statement it drops, in its policy. A
 * refutation the case expects (a deliberately wrong recommendation) is a note, not an error.
 */
export function suiteSarifRun(cases: readonly LoadedCase[], results: readonly CaseResult[]): SarifRunInput {
  const loadedOf = new Map(cases.map((loaded) => [loaded.spec.file, loaded]));
  const findings: SarifFinding[] = [];
  for (const result of results) {
    const loaded = loadedOf.get(result.spec.file);
    if (loaded === undefined || result.judged === undefined) continue;
    const { judged, spec } = result;
    const messages = new Map(judged.claims.filter((claim) => claim.verdict !== 'proven').map((claim, index) => [claim, judged.findings[index]!]));
    // The file holds what was judged unless the new recommendation differs from it.
    const judgedFile = loaded.recommendation !== undefined && result.snapshot !== 'differs' && result.snapshot !== 'missing' && existsSync(spec.subject.file);
    findings.push(
      ...claimFindings(
        judged.claims,
        {
          original: { policy: loaded.policy, source: named(readSource(spec.policy, SIZE_LIMITS.policy)) },
          recommended: judgedFile ? { policy: recommendedPolicyOf(loaded.recommendation!.recommended, loaded.policy), source: named(readSource(spec.subject.file, SIZE_LIMITS.policy)) } : undefined,
        },
        {
          message: (claim) => `${spec.id}: ${messages.get(claim)!}`,
          expected: (claim) => result.status === 'passed' && spec.expect.refuted.some((refutation) => refutation.claim === claim.claim && refutation.statement === claim.statement),
          properties: { case: spec.id },
        },
      ),
    );
  }
  return { tool: IAM_REFINE_TOOL, rules: CLAIM_RULES, findings };
}

/** A case's files are absolute paths; SARIF wants them relative to where the run is (the repository, in CI). */
function named(source: JsonSource): JsonSource {
  const here = relative(process.cwd(), source.name);
  return isAbsolute(source.name) && !here.startsWith('..') && !isAbsolute(here) ? { ...source, name: here } : source;
}
