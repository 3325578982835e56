import { join } from 'node:path';
import type { Principal } from './details.js';
import type { PolicyResult, PrincipalResult } from './refine.js';

/** Where an account run writes each file, relative to `--out`: a pure function of the names. */
export interface PolicyFiles {
  /** The recommended policy, or its parts: `policies/role-MyRole/inline-Name.json`, `...part1.json`. */
  readonly policies: readonly string[];
  /** The certificate folder of the policy's recommendation. */
  readonly certificate: string;
}

export function principalFile(principal: Principal): string {
  return join('principals', `${principalStem(principal)}.json`);
}

export function policyFiles(result: PrincipalResult, policy: PolicyResult): PolicyFiles {
  const stem = `${policy.kind === 'inline' ? 'inline' : 'managed'}-${safeName(policy.name)}`;
  const folder = principalStem(result.principal);
  const count = policy.create.length;
  return {
    policies: policy.create.map((_, index) => join('policies', folder, count === 1 ? `${stem}.json` : `${stem}.part${index + 1}.json`)),
    certificate: join('certificates', folder, stem),
  };
}

function principalStem(principal: Principal): string {
  return `${principal.kind}-${safeName(principal.name)}`;
}

/** IAM names allow `+=,.@_-` besides letters and digits; anything else becomes `_`. */
function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9+=,.@_-]/g, '_');
}
