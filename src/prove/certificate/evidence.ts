import type { Catalog } from '../../catalog/catalog.js';
import { deriveFromSource, derivedUnusedSource, type EvidenceKind } from '../../findings/derive.js';
import type { LoadedUnused } from '../../findings/load.js';
import { readTime } from '../../findings/last-accessed.js';
import { InputError } from '../../input/input-error.js';
import { isJsonObject, type Json } from '../../input/json.js';
import type { JsonSource } from '../../input/read-json.js';
import type { Policy } from '../../policy/types.js';

export const EVIDENCE_FILE = 'inputs/evidence.json';

/**
 * How a derived unused set was made, as `manifest.json` records it: enough to derive it again
 * from the copied evidence, the policy and the catalog.
 */
export interface DerivationRecord {
  readonly kind: EvidenceKind;
  readonly evidence: string;
  /** For `last-accessed`: the window, `since` to `asOf` (ISO times), and where `asOf` came from. */
  readonly unusedDays?: number;
  readonly asOf?: string;
  readonly asOfFrom?: 'JobCompletionDate' | '--as-of';
  readonly since?: string;
}

/** The evidence a derived unused set comes from: the text copied to `inputs/evidence.json`, and the record. */
export interface CertificateEvidence {
  readonly source: JsonSource;
  readonly derivation: DerivationRecord;
}

export function certificateEvidenceOf(evidence: NonNullable<LoadedUnused['evidence']>): CertificateEvidence {
  const window = evidence.derivation.window;
  const record: DerivationRecord =
    window === undefined
      ? { kind: evidence.kind, evidence: EVIDENCE_FILE }
      : {
          kind: evidence.kind,
          evidence: EVIDENCE_FILE,
          unusedDays: window.days,
          asOf: new Date(window.asOf).toISOString(),
          asOfFrom: window.asOfFrom === 'given' ? '--as-of' : 'JobCompletionDate',
          since: new Date(window.since).toISOString(),
        };
  return { source: evidence.source, derivation: record };
}

/** The record as a manifest holds it, checked: a certificate whose record cannot be read is refused by name. */
export function readDerivationRecord(value: Json | undefined, manifestFile: string): DerivationRecord {
  if (!isJsonObject(value ?? null)) throw new InputError(manifestFile, ['derivation'], 'expected an object (the manifest lists inputs/evidence.json)');
  const record = value as { readonly [key: string]: Json };
  if (record.kind !== 'last-accessed' && record.kind !== 'used') throw new InputError(manifestFile, ['derivation', 'kind'], 'expected "last-accessed" or "used"');
  if (record.evidence !== EVIDENCE_FILE) throw new InputError(manifestFile, ['derivation', 'evidence'], `expected "${EVIDENCE_FILE}"`);
  if (record.kind === 'used') return { kind: 'used', evidence: EVIDENCE_FILE };
  const days = record.unusedDays;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1) throw new InputError(manifestFile, ['derivation', 'unusedDays'], 'expected a whole number of days');
  if (typeof record.asOf !== 'string' || readTime(record.asOf) === undefined) throw new InputError(manifestFile, ['derivation', 'asOf'], 'expected an ISO 8601 time');
  return { ...(record as unknown as DerivationRecord) };
}

/**
 * Derives the unused set again from the copied evidence, with the recorded window, and compares
 * it with the unused set every obligation was built from: a certificate's "given this unused set"
 * then also reads "which this evidence shows".
 */
export function derivationProblems(unused: JsonSource, evidence: CertificateEvidence, original: Policy, catalog: Catalog): string[] {
  const { derivation } = evidence;
  const asOf = derivation.asOf === undefined ? undefined : readTime(derivation.asOf);
  try {
    const again = deriveFromSource(derivation.kind, evidence.source, catalog, original, {
      ...(derivation.unusedDays === undefined ? {} : { unusedDays: derivation.unusedDays }),
      ...(asOf === undefined ? {} : { asOf }),
    });
    return derivedUnusedSource(again, evidence.source.name).text === unused.text ? [] : ['inputs/unused.json: is not the unused set derived from inputs/evidence.json with the recorded derivation'];
  } catch (error) {
    if (error instanceof InputError) return [`${EVIDENCE_FILE}: cannot be derived again: ${error.problem}`];
    throw error;
  }
}
