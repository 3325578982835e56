import { basename } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import { deriveFromLastAccessed, shortFormJson, type WindowOptions } from '../findings/derive.js';
import { parseLastAccessed } from '../findings/last-accessed.js';
import type { Warning } from '../findings/unused-set.js';
import { InputError } from '../input/input-error.js';
import type { Json, JsonObject } from '../input/json.js';
import type { JsonSource } from '../input/read-json.js';
import { certificateEvidenceOf } from '../prove/certificate/evidence.js';
import type { AccountDetails } from './details.js';
import type { AccountFindings, FindingNotice, UnusedPermissionFinding } from './findings.js';

export interface LastAccessedFile {
  readonly source: JsonSource;
  readonly value: Json;
}

/**
 * Access Advisor responses, one file per principal, turned into the account's findings: each
 * response's derived unused set in the short form stands where a GetFindingV2 finding would.
 * The response does not name the principal its job was generated for, so each file names it:
 * an `Arn` field added to the response (or to every page), else the file name `role-NAME.json`
 * or `user-NAME.json` (the names `account --out` writes), matched in the account details.
 */
export function findingsFromLastAccessed(files: readonly LastAccessedFile[], details: AccountDetails, catalog: Catalog, options: WindowOptions = {}): { findings: AccountFindings; warnings: Warning[] } {
  const unusedPermissions = new Map<string, UnusedPermissionFinding>();
  const notices: FindingNotice[] = [];
  const warnings: Warning[] = [];
  for (const file of files) {
    const report = parseLastAccessed(file.value, file.source.name);
    const resource = report.arn ?? arnFromFileName(file.source.name, details);
    const place = { file: file.source.name, path: [] };
    if (resource === undefined) {
      notices.push({ resource: basename(file.source.name, '.json'), id: undefined, findingType: 'LastAccessed', message: 'no role or user of this name in the account details: not refined', place });
      continue;
    }
    if (unusedPermissions.has(resource)) throw new InputError(file.source.name, [], `a second last-accessed response for ${resource} (the first is ${unusedPermissions.get(resource)!.places[0]!.file})`);
    // No one policy stands for the principal: the derivation reports against the whole catalog.
    const derivation = deriveFromLastAccessed(report, file.source.name, catalog, undefined, options);
    warnings.push(...derivation.warnings);
    const evidence = certificateEvidenceOf({ kind: 'last-accessed', source: file.source, derivation, options });
    unusedPermissions.set(resource, { resource, ids: [], pages: shortFormJson(derivation.entries) as readonly JsonObject[], places: [place], evidence });
  }
  return { findings: { unusedPermissions, notices }, warnings };
}

function arnFromFileName(file: string, details: AccountDetails): string | undefined {
  const match = /^(role|user)-(.+)\.json$/i.exec(basename(file));
  if (match === null) throw new InputError(file, [], 'cannot tell which principal this response is for: add an "Arn" field to it, or name the file role-NAME.json or user-NAME.json');
  const kind = match[1]!.toLowerCase();
  return details.principals.find((principal) => principal.kind === kind && principal.name === match[2])?.arn;
}
