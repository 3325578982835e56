import { basename } from 'node:path';
import type { Json, JsonObject } from '../input/json.js';
import type { ShardItem } from '../shard/split.js';
import type { AccountDetails, Principal } from './details.js';
import type { AccountFindings } from './findings.js';
import type { AccountResult } from './refine.js';
import { summaryTableOf, totalsLine } from './report.js';

/**
 * Several accounts in one run (an organization): each export is refined on its own, with the
 * findings of its principals, and its results stay apart, in the report and in `--out`.
 */

const ACCOUNT_ID = /^arn:[^:]+:iam::([0-9]{12}):/;

/** An account's name in reports and `--out`: the 12-digit id its principals' ARNs name, or else the export's file name. */
export function accountLabel(details: AccountDetails, file: string): string {
  const ids = new Set(details.principals.map((principal) => ACCOUNT_ID.exec(principal.arn)?.[1]).filter((id) => id !== undefined));
  if (ids.size === 1) return [...ids][0]!;
  return basename(file).replace(/\.json$/i, '').replace(/[^A-Za-z0-9+=,.@_-]/g, '_') || 'account';
}

/**
 * Findings given for several accounts, split by account: an unused-permission finding goes to the
 * account holding its principal, a notice to the account its resource's ARN names. What matches
 * no given account goes to the first, which reports it as it reports a finding of an unknown principal.
 */
export function findingsByAccount(findings: AccountFindings, accounts: readonly { readonly label: string; readonly details: AccountDetails }[]): AccountFindings[] {
  const owner = (arn: string): number => {
    const holder = accounts.findIndex(({ details }) => details.principals.some((principal) => principal.arn === arn));
    if (holder !== -1) return holder;
    const id = ACCOUNT_ID.exec(arn)?.[1] ?? /^arn:[^:]+:[^:]*:[^:]*:([0-9]{12}):/.exec(arn)?.[1];
    return Math.max(0, accounts.findIndex(({ label }) => label === id));
  };
  return accounts.map((_, at) => ({
    unusedPermissions: new Map([...findings.unusedPermissions].filter(([arn]) => owner(arn) === at)),
    notices: findings.notices.filter((notice) => owner(notice.resource) === at),
  }));
}

/** A principal's id in a sharded run: `role/Name`, prefixed by its account when the run has several. */
export function principalId(prefix: string, principal: { readonly kind: string; readonly name: string }): string {
  return `${prefix}${principal.kind}/${principal.name}`;
}

/**
 * Every principal of every account, in the exports' order, as items to shard: a refined
 * principal costs 1 and one more per policy it has to prove, any other 1.
 */
export function accountItems(accounts: readonly { readonly prefix: string; readonly details: AccountDetails; readonly result: AccountResult }[]): (ShardItem & { readonly principal: Principal })[] {
  return accounts.flatMap(({ prefix, details, result }) => {
    const refined = new Map(result.principals.map((entry) => [entry.principal, entry]));
    return details.principals.map((principal) => {
      const policies = refined.get(principal)?.policies.filter((policy) => policy.outcome !== 'missing' && policy.outcome !== 'not-applicable').length ?? 0;
      return { id: principalId(prefix, principal), cost: 1 + policies, principal };
    });
  });
}

/** A shard's part of an account's results: its principals, refined or skipped; the account's notices and warnings stay whole. */
export function restrictAccount(account: AccountResult, include: ReadonlySet<Principal>): AccountResult {
  return { ...account, principals: account.principals.filter((entry) => include.has(entry.principal)), skipped: account.skipped.filter((entry) => include.has(entry.principal)) };
}

/** The organization's report: the accounts' reports side by side, and their totals. */
export function organizationReport(accounts: readonly { readonly label: string; readonly file: string; readonly report: JsonObject }[]): JsonObject {
  const first = accounts[0]!.report;
  return {
    tool: first.tool!,
    catalog: first.catalog!,
    granularity: first.granularity!,
    proved: first.proved!,
    summary: sumOf(accounts.map(({ report }) => report.summary as JsonObject)),
    accounts: accounts.map(({ label, file, report }) => {
      const { tool: _tool, catalog: _catalog, granularity: _granularity, proved: _proved, ...own } = report;
      return { account: label, details: file, ...own };
    }),
  };
}

/** One table per account, headed by its name and export, then the organization's totals. */
export function organizationTable(report: JsonObject): string {
  const accounts = report.accounts as readonly JsonObject[];
  const sections = accounts.map((account) => `account ${String(account.account)} (${String(account.details)})\n${summaryTableOf({ ...account, catalog: report.catalog!, proved: report.proved! })}`);
  return `${sections.join('\n')}\norganization: ${accounts.length} accounts, ${totalsLine(report.summary as JsonObject, report.proved === true)}\n`;
}

/** Totals add up: every figure of a summary is a sum over principals. */
export function sumOf(summaries: readonly JsonObject[]): JsonObject {
  const total: Record<string, Json> = {};
  for (const summary of summaries) for (const [key, value] of Object.entries(summary)) total[key] = ((total[key] as number | undefined) ?? 0) + (value as number);
  return total;
}
