import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../src/catalog/catalog.js';
import { loadPinnedCatalog } from '../src/catalog/load.js';
import { seededRandom } from '../src/fuzz/_internals/random.js';
import { loadManagedPolicies, seededUnusedEntries, type ManagedPolicy } from '../src/fuzz/managed-policies.js';
import type { Json } from '../src/input/json.js';
import { parsePolicy } from '../src/policy/parse.js';
import { formatTable, milliseconds } from './table.js';

const SEED = 20_240_620;
const ROLES = Number(process.env.BENCH_ROLES ?? 500);
const ACCOUNT = '111122223333';

/**
 * `iam-refine account` on a generated account: 500 roles, each with 1 to 3 AWS managed policies
 * drawn from the managed-policy corpus (so that many roles share a policy) and, for one role in
 * three, an inline policy (another managed policy's document); each role's finding is the union
 * of seeded unused sets of its policies. Timed end to end (`node dist/cli/bin.js account`, a fresh
 * process) without and with `--prove`, each writing its output folder.
 */
export async function accountBench(): Promise<void> {
  const catalog = loadPinnedCatalog();
  const folder = mkdtempSync(join(tmpdir(), 'iam-refine-bench-account-'));
  try {
    const { details, findings, policies } = generatedAccount(loadManagedPolicies(), catalog);
    writeFileSync(join(folder, 'details.json'), JSON.stringify(details));
    writeFileSync(join(folder, 'findings.json'), JSON.stringify(findings));
    console.log(`a generated account (seed ${SEED}): ${ROLES} roles, ${policies} policy attachments, ${(readFileSync(join(folder, 'details.json')).length / 1e6).toFixed(1)} MB of details`);
    const rows: (string | number)[][] = [];
    for (const prove of [false, true]) {
      const out = join(folder, prove ? 'proven' : 'plain');
      const started = performance.now();
      let code = 0;
      try {
        execFileSync(process.execPath, [fileURLToPath(new URL('../dist/cli/bin.js', import.meta.url)), 'account', '--details', join(folder, 'details.json'), '--findings', join(folder, 'findings.json'), '--out', out, '--format', 'json', ...(prove ? ['--prove'] : [])], {
          stdio: ['ignore', 'ignore', 'ignore'],
          maxBuffer: 1 << 30,
        });
      } catch (error) {
        code = (error as { status?: number }).status ?? -1;
      }
      const ms = milliseconds(started);
      const summary = (JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { summary: Record<string, number> }).summary;
      const outcomes = outcomeCounts(out);
      rows.push([
        prove ? 'account --prove' : 'account',
        Number((ms / 1000).toFixed(1)),
        code,
        summary.principals!,
        summary.policies!,
        summary.actionsRemoved!,
        outcomes,
        prove ? `${summary.proven}/${summary.proofs}` : '-',
      ]);
    }
    console.log(formatTable(['command', 'seconds', 'exit', 'principals', 'policies', 'actions removed', 'create/detach/unchanged/split/n.a./missing', 'proven'], rows));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function generatedAccount(managed: readonly ManagedPolicy[], catalog: Catalog): { details: Json; findings: Json; policies: number } {
  const random = seededRandom(SEED);
  const pick = (): ManagedPolicy => managed[Math.floor(random() * managed.length)]!;
  const used = new Map<string, ManagedPolicy>();
  const roles: Json[] = [];
  const findings: Json[] = [];
  let policies = 0;
  for (let index = 0; index < ROLES; index++) {
    const name = `role-${String(index).padStart(3, '0')}`;
    const attached = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, pick))];
    const inline = random() < 1 / 3 ? [pick()] : [];
    for (const policy of attached) used.set(policy.name, policy);
    policies += attached.length + inline.length;
    roles.push({
      RoleName: name,
      Arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
      RolePolicyList: inline.map((policy) => ({ PolicyName: `inline-${policy.name}`, PolicyDocument: policy.document })),
      AttachedManagedPolicies: attached.map((policy) => ({ PolicyName: policy.name, PolicyArn: `arn:aws:iam::aws:policy/${policy.name}` })),
    });
    findings.push(findingOf(name, [...attached, ...inline], catalog));
  }
  const details = {
    RoleDetailList: roles,
    Policies: [...used.values()].map((policy) => ({
      PolicyName: policy.name,
      Arn: `arn:aws:iam::aws:policy/${policy.name}`,
      PolicyVersionList: [{ Document: policy.document, VersionId: 'v1', IsDefaultVersion: true }],
    })),
  };
  return { details, findings, policies };
}

/** One role's finding: the seeded unused sets of its policies, joined per service (a whole unused service wins). */
function findingOf(role: string, policies: readonly ManagedPolicy[], catalog: Catalog): Json {
  const byService = new Map<string, Set<string> | undefined>();
  for (const policy of policies) {
    for (const entry of seededUnusedEntries(`${role}/${policy.name}`, parsePolicy(policy.document, policy.name), catalog, SEED)) {
      if (entry.actions === undefined || (byService.has(entry.serviceNamespace) && byService.get(entry.serviceNamespace) === undefined)) {
        byService.set(entry.serviceNamespace, undefined);
        continue;
      }
      byService.set(entry.serviceNamespace, new Set([...(byService.get(entry.serviceNamespace) ?? []), ...entry.actions]));
    }
  }
  return {
    id: `f-${role}`,
    resource: `arn:aws:iam::${ACCOUNT}:role/${role}`,
    status: 'ACTIVE',
    findingType: 'UnusedPermission',
    findingDetails: [...byService].map(([serviceNamespace, actions]): Json => ({
      unusedPermissionDetails: actions === undefined ? { serviceNamespace } : { serviceNamespace, actions: [...actions].map((action): Json => ({ action })) },
    })),
  };
}

function outcomeCounts(out: string): string {
  const report = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { principals: { policies: { outcome: string }[] }[] };
  const count = (outcome: string): number => report.principals.reduce((sum, principal) => sum + principal.policies.filter((policy) => policy.outcome === outcome).length, 0);
  return ['create', 'detach', 'unchanged', 'split', 'not-applicable', 'missing'].map(count).join('/');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await accountBench();
