import type { Catalog, CatalogIdentity } from '../catalog/catalog.js';
import type { Granularity } from '../catalog/tokenize.js';
import { parseUnusedEntries } from '../findings/parse.js';
import { resolveUnused } from '../findings/resolve.js';
import type { UnusedSet, Warning } from '../findings/unused-set.js';
import { allowedActions } from '../policy/allowed.js';
import type { JsonObject } from '../input/json.js';
import { textSource, type JsonSource } from '../input/read-json.js';
import { parseRecommendedPolicy } from '../policy/recommended.js';
import { printJson } from '../policy/print.js';
import { policySize } from '../policy/size.js';
import { joinParts, splitPolicy, type PolicySplit } from '../policy/split.js';
import type { Policy } from '../policy/types.js';
import { recommend } from '../recommend/recommend.js';
import type { Recommendation } from '../recommend/refinement.js';
import type { CertificateEvidence } from '../prove/certificate/evidence.js';
import { isAwsManagedArn, type AccountDetails, type Principal } from './details.js';
import type { AccountFindings, FindingNotice, UnusedPermissionFinding } from './findings.js';
import { QUOTAS } from './quotas.js';

export type PolicyKind = 'inline' | 'customer-managed' | 'aws-managed';

/**
 * What to do with one policy: leave it (`unchanged`), replace it by one policy (`create`) or by
 * several (`split`), drop it (`detach`); or nothing can be recommended: the refinement does not
 * fit IAM's quotas (`not-applicable`), or the export lacks the policy's document (`missing`).
 */
export type PolicyOutcome = 'unchanged' | 'create' | 'split' | 'detach' | 'not-applicable' | 'missing';

export interface PolicySize {
  readonly original: number;
  /** The whole recommendation (for a split: all parts joined); 0 for a detached policy. */
  readonly recommended: number;
  /** Each part's size, for a split. */
  readonly parts: readonly number[];
  /** The quota it is measured against: a managed policy's, or the principal's inline policies' together. */
  readonly quota: number;
}

export interface PolicyResult {
  readonly kind: PolicyKind;
  readonly name: string;
  /** The managed policy's ARN, or the inline policy's name (as Access Analyzer names it). */
  readonly existingPolicyId: string;
  readonly policyUpdatedAt: string | undefined;
  readonly original: Policy | undefined;
  readonly recommendation: Recommendation | undefined;
  readonly outcome: PolicyOutcome;
  /** The policies to create: one for `create`, the parts for `split`, none otherwise. */
  readonly create: readonly JsonObject[];
  readonly split: PolicySplit | undefined;
  readonly size: PolicySize | undefined;
  /** Catalog actions the original's `Allow` statements allow and the recommendation's do not. */
  readonly actionsRemoved: number;
  /** How to apply the step, and anything the user must know. */
  readonly notes: readonly string[];
}

export interface PrincipalResult {
  readonly principal: Principal;
  readonly unused: UnusedSet;
  /** The unused permissions as certificates copy them: the principal's GetFindingV2 pages, or a group's common unused actions. */
  readonly unusedSource: JsonSource;
  readonly findingIds: readonly string[];
  /** The Access Advisor response the unused set was derived from, for certificates to keep. */
  readonly evidence?: CertificateEvidence;
  readonly policies: readonly PolicyResult[];
  readonly notes: readonly string[];
}

export interface AccountResult {
  readonly catalog: CatalogIdentity;
  readonly granularity: Granularity;
  readonly principals: readonly PrincipalResult[];
  /** Principals that are not refined, and why. */
  readonly skipped: readonly { readonly principal: Principal; readonly reason: string }[];
  readonly notices: readonly FindingNotice[];
  readonly warnings: readonly Warning[];
}

export interface AccountOptions {
  readonly granularity?: Granularity;
  /** Called as each role, user and group is done (refined or skipped), for progress. */
  readonly onPrincipal?: (principal: Principal) => void;
}

/**
 * Refines a whole account: for every role and user with an unused-permission finding, each of
 * its inline and attached managed policies is refined with that principal's unused actions; a
 * group's policies with the unused actions all its members share, when every member has a
 * finding. Every recommendation is measured against IAM's quotas: over a quota, the character
 * granularity is tried, then a managed policy is split (within the managed policies a principal
 * may hold); what still does not fit is reported with its figures, never truncated.
 */
export function refineAccount(details: AccountDetails, findings: AccountFindings, catalog: Catalog, options: AccountOptions = {}): AccountResult {
  const granularity = options.granularity ?? 'word';
  const byArn = new Map(details.principals.map((principal) => [principal.arn, principal]));
  const notices = [...findings.notices];
  for (const finding of findings.unusedPermissions.values()) {
    if (!byArn.has(finding.resource)) {
      notices.push({ resource: finding.resource, id: finding.ids[0], findingType: 'UnusedPermission', message: 'no role or user with this ARN in the account details: not refined', place: finding.places[0]! });
    }
  }
  const principals: PrincipalResult[] = [];
  const skipped: AccountResult['skipped'][number][] = [];
  const warnings: Warning[] = details.truncated ? [{ source: details.source, path: ['IsTruncated'], message: 'the export is one page of several ("IsTruncated": true); principals and policies on other pages are missing' }] : [];

  for (const principal of details.principals.filter((candidate) => candidate.kind !== 'group')) {
    const finding = findings.unusedPermissions.get(principal.arn);
    if (finding === undefined) skipped.push({ principal, reason: 'no unused-permission finding: not refined' });
    else {
      const { unused, source } = unusedOfFinding(finding, catalog);
      const refined = refinePrincipal(principal, unused, source, finding.ids, details, catalog, granularity, groupNotes(principal, details));
      principals.push(finding.evidence === undefined ? refined : { ...refined, evidence: finding.evidence });
    }
    options.onPrincipal?.(principal);
  }
  for (const group of details.principals.filter((candidate) => candidate.kind === 'group')) {
    const members = details.principals.filter((user) => user.kind === 'user' && user.groups.includes(group.name));
    const refined = members.map((member) => principals.find((result) => result.principal === member));
    const missing = members.filter((_, index) => refined[index] === undefined);
    if (group.inline.length + group.attached.length === 0) {
      // Nothing to refine, nothing to say.
    } else if (members.length === 0 || missing.length > 0) {
      const reason =
        members.length === 0
          ? 'no members: not refined'
          : `not refined: its policies serve every member, and ${missing.map((member) => member.name).join(', ')} ${missing.length === 1 ? 'has' : 'have'} no unused-permission finding`;
      skipped.push({ principal: group, reason });
    } else {
      const unused = commonUnused(refined.map((result) => result!.unused));
      const source = shortFormSource(unused, `unused actions common to the members of group ${group.name}`, catalog);
      principals.push(
        refinePrincipal(group, unused, source, [], details, catalog, granularity, [
          `refined with the unused actions common to its members (${members.map((member) => member.name).join(', ')})`,
        ]),
      );
    }
    options.onPrincipal?.(group);
  }
  for (const result of principals) warnings.push(...result.unused.warnings);
  return { catalog: catalog.identity, granularity, principals: withSharedPolicyNotes(principals), skipped, notices, warnings };
}

function groupNotes(principal: Principal, details: AccountDetails): string[] {
  return principal.groups
    .filter((group) => details.principals.some((candidate) => candidate.kind === 'group' && candidate.name === group))
    .map((group) => `also gets the permissions of group ${group}: its policies are refined for the group as a whole`);
}

function unusedOfFinding(finding: UnusedPermissionFinding, catalog: Catalog): { unused: UnusedSet; source: JsonSource } {
  const text = printJson(finding.pages);
  const name = `findings of ${finding.resource}`;
  return { unused: resolveUnused(parseUnusedEntries(finding.pages, name), catalog, name), source: textSource(name, text) };
}

/** The actions unused by every member: a group's policy may lose only what no member uses. */
function commonUnused(sets: readonly UnusedSet[]): UnusedSet {
  const [first, ...rest] = sets;
  const keep = (values: ReadonlySet<string>, pick: (set: UnusedSet) => ReadonlySet<string>): Set<string> => new Set([...values].filter((value) => rest.every((set) => pick(set).has(value))));
  return { actions: keep(first!.actions, (set) => set.actions), unknown: keep(first!.unknown, (set) => set.unknown), warnings: [] };
}

/** An unused set written in the short form, so that a certificate can copy it and re-read the same set. */
function shortFormSource(unused: UnusedSet, name: string, catalog: Catalog): JsonSource {
  const byService = new Map<string, string[]>();
  for (const lower of [...unused.actions, ...unused.unknown].sort()) {
    const spelled = catalog.canonical(lower) ?? lower;
    const colon = spelled.indexOf(':');
    const service = spelled.slice(0, colon);
    byService.set(service, [...(byService.get(service) ?? []), spelled.slice(colon + 1)]);
  }
  const text = printJson([...byService].map(([serviceNamespace, actions]) => ({ serviceNamespace, actions })));
  return textSource(name, text);
}

interface Draft {
  readonly kind: PolicyKind;
  readonly name: string;
  readonly existingPolicyId: string;
  readonly policyUpdatedAt: string | undefined;
  readonly original: Policy | undefined;
}

function draftsOf(principal: Principal, details: AccountDetails): Draft[] {
  const inline = principal.inline.map((policy): Draft => ({ kind: 'inline', name: policy.name, existingPolicyId: policy.name, policyUpdatedAt: undefined, original: policy.document.policy }));
  const attached = principal.attached.map((attachment): Draft => {
    const managed = details.managed.get(attachment.arn);
    return {
      kind: isAwsManagedArn(attachment.arn) ? 'aws-managed' : 'customer-managed',
      name: attachment.name,
      existingPolicyId: attachment.arn,
      policyUpdatedAt: managed?.updatedAt,
      original: managed?.document.policy,
    };
  });
  return [...inline, ...attached];
}

function refinePrincipal(
  principal: Principal,
  unused: UnusedSet,
  unusedSource: JsonSource,
  findingIds: readonly string[],
  details: AccountDetails,
  catalog: Catalog,
  granularity: Granularity,
  notes: readonly string[],
): PrincipalResult {
  const drafts = draftsOf(principal, details);
  const refine = (draft: Draft, at: Granularity): Recommendation => recommend(draft.original!, unused, catalog, { granularity: at, policySource: draft.name });
  const chosen = drafts.map((draft) => (draft.original === undefined ? undefined : refine(draft, granularity)));
  const fitNotes = drafts.map((): string[] => []);
  const notApplicable = new Set<number>();

  // A managed policy over its quota: the character granularity first.
  drafts.forEach((draft, index) => {
    const recommendation = chosen[index];
    if (draft.kind === 'inline' || recommendation === undefined || sizeOf(recommendation) <= QUOTAS.managedPolicy || granularity === 'char') return;
    const compact = refine(draft, 'char');
    fitNotes[index]!.push(`${sizeOf(recommendation)} characters at word granularity, over the ${QUOTAS.managedPolicy} quota of a managed policy; ${sizeOf(compact)} at char granularity`);
    if (sizeOf(compact) < sizeOf(recommendation)) chosen[index] = compact;
  });

  // Inline policies are measured together.
  const inlineQuota = QUOTAS.inline[principal.kind];
  const inlineIndices = drafts.flatMap((draft, index) => (draft.kind === 'inline' ? [index] : []));
  const inlineTotal = (): number => inlineIndices.reduce((total, index) => total + (notApplicable.has(index) ? policySize(drafts[index]!.original!.raw) : sizeOf(chosen[index]!)), 0);
  if (inlineTotal() > inlineQuota && granularity !== 'char') {
    const before = inlineTotal();
    for (const index of inlineIndices) {
      const compact = refine(drafts[index]!, 'char');
      if (sizeOf(compact) < sizeOf(chosen[index]!)) chosen[index] = compact;
    }
    for (const index of inlineIndices) fitNotes[index]!.push(`the inline policies together are ${before} characters at word granularity, over the ${inlineQuota} quota of a ${principal.kind}; ${inlineTotal()} at char granularity`);
  }
  if (inlineTotal() > inlineQuota) {
    // The originals fit (they exist): leave out the recommendations that grew most until the rest fits.
    const growing = inlineIndices
      .filter((index) => sizeOf(chosen[index]!) > policySize(drafts[index]!.original!.raw))
      .sort((a, b) => sizeOf(chosen[b]!) - policySize(drafts[b]!.original!.raw) - (sizeOf(chosen[a]!) - policySize(drafts[a]!.original!.raw)));
    for (const index of growing) {
      if (inlineTotal() <= inlineQuota) break;
      notApplicable.add(index);
    }
    const total = inlineTotal();
    for (const index of inlineIndices.filter((candidate) => notApplicable.has(candidate))) {
      fitNotes[index]!.push(
        `not applicable as is: recommended ${sizeOf(chosen[index]!)} characters against ${policySize(drafts[index]!.original!.raw)} now; with it the ${principal.kind}'s inline policies would exceed the ${inlineQuota} quota (without it they come to ${total}). Inline policies cannot be split within that quota; consider a customer managed policy`,
      );
    }
  }

  // Managed policies still over their quota are split, within the managed policies the principal may hold.
  const managedLimit = Math.max(QUOTAS.attachedManaged, principal.attached.length);
  let held = drafts.filter((draft, index) => draft.kind !== 'inline' && chosen[index]?.recommendedAction !== 'DETACH_POLICY').length;
  const splits = new Map<number, PolicySplit>();
  drafts.forEach((draft, index) => {
    const recommendation = chosen[index];
    if (draft.kind === 'inline' || recommendation?.policy === undefined || sizeOf(recommendation) <= QUOTAS.managedPolicy) return;
    const available = managedLimit - held + 1;
    const outcome = splitPolicy(recommendation.policy, QUOTAS.managedPolicy, available);
    if (outcome.kind === 'impossible') {
      notApplicable.add(index);
      fitNotes[index]!.push(`not applicable as is: ${sizeOf(recommendation)} characters, over the ${QUOTAS.managedPolicy} quota of a managed policy, and it cannot be split: ${outcome.reason} (the ${principal.kind} holds ${held} managed policies of ${managedLimit})`);
      return;
    }
    const joined = joinParts(outcome.split, recommendation.policy);
    if (printJson(joined) !== printJson(recommendation.policy)) throw new Error(`internal: the parts of ${draft.name} do not join back into the recommendation`);
    splits.set(index, outcome.split);
    held += outcome.split.parts.length - 1;
    fitNotes[index]!.push(`split into ${outcome.split.parts.length} managed policies of at most ${QUOTAS.managedPolicy} characters that together allow exactly what the recommendation allows; the proof covers them joined as one policy`);
  });

  const policies = drafts.map((draft, index): PolicyResult => resultOf(principal, draft, chosen[index], splits.get(index), notApplicable.has(index), fitNotes[index]!, inlineQuota, catalog));
  return { principal, unused, unusedSource, findingIds, policies, notes };
}

function sizeOf(recommendation: Recommendation): number {
  return recommendation.policy === undefined ? 0 : policySize(recommendation.policy);
}

function resultOf(
  principal: Principal,
  draft: Draft,
  recommendation: Recommendation | undefined,
  split: PolicySplit | undefined,
  notApplicable: boolean,
  fitNotes: readonly string[],
  inlineQuota: number,
  catalog: Catalog,
): PolicyResult {
  const base = { kind: draft.kind, name: draft.name, existingPolicyId: draft.existingPolicyId, policyUpdatedAt: draft.policyUpdatedAt, original: draft.original, recommendation };
  if (draft.original === undefined || recommendation === undefined) {
    return {
      ...base,
      outcome: 'missing',
      create: [],
      split: undefined,
      size: undefined,
      actionsRemoved: 0,
      notes: [`${draft.existingPolicyId} is attached but its document is not in the export's "Policies" (exported with --filter?): not refined; export without --filter, or add it with "aws iam get-policy-version"`],
    };
  }
  const outcome: PolicyOutcome = notApplicable
    ? 'not-applicable'
    : !recommendation.changed
      ? 'unchanged'
      : recommendation.recommendedAction === 'DETACH_POLICY'
        ? 'detach'
        : split === undefined
          ? 'create'
          : 'split';
  const create = outcome === 'create' ? [recommendation.policy!] : outcome === 'split' ? split!.parts : [];
  const recommended = parseRecommendedPolicy(recommendation.policy, draft.name);
  const removed = actionsRemoved(draft.original, recommended, catalog);
  return {
    ...base,
    outcome,
    create,
    split: outcome === 'split' ? split : undefined,
    size: {
      original: policySize(draft.original.raw),
      recommended: sizeOf(recommendation),
      parts: outcome === 'split' ? split!.parts.map(policySize) : [],
      quota: draft.kind === 'inline' ? inlineQuota : QUOTAS.managedPolicy,
    },
    actionsRemoved: removed,
    notes: [...fitNotes, ...howToApply(principal, draft, outcome, create.length)],
  };
}

function actionsRemoved(original: Policy, recommended: Policy | undefined, catalog: Catalog): number {
  const after = recommended === undefined ? new Set<number>() : allowedActions(recommended, catalog);
  return [...allowedActions(original, catalog)].filter((index) => !after.has(index)).length;
}

function howToApply(principal: Principal, draft: Draft, outcome: PolicyOutcome, parts: number): string[] {
  const who = `${principal.kind} ${principal.name}`;
  if (outcome === 'detach') return [draft.kind === 'inline' ? `nothing in it is used: delete the inline policy ${draft.name} of ${who}` : `nothing in it is used: detach ${draft.existingPolicyId} from ${who}`];
  if (outcome === 'split') {
    const replaced = draft.kind === 'aws-managed' ? 'an AWS managed policy cannot be edited' : 'one policy cannot hold it';
    return [`${replaced}: create the ${parts} customer managed policies, attach them to ${who}, then detach ${draft.existingPolicyId}`];
  }
  if (outcome !== 'create') return [];
  if (draft.kind === 'inline') return [`replace the inline policy ${draft.name} of ${who} with the recommended policy`];
  if (draft.kind === 'aws-managed') return [`an AWS managed policy cannot be edited: create a customer managed policy with the recommended policy, attach it to ${who} in place of ${draft.existingPolicyId}, then detach ${draft.existingPolicyId}`];
  return [`create a new default version of ${draft.existingPolicyId} with the recommended policy (or, if other principals use it, a new customer managed policy attached to ${who} in its place)`];
}

/** A managed policy attached to several refined principals is refined for each one's own findings: say whether they agree. */
function withSharedPolicyNotes(principals: readonly PrincipalResult[]): PrincipalResult[] {
  const holders = new Map<string, { principal: Principal; result: PolicyResult }[]>();
  for (const { principal, policies } of principals) {
    for (const result of policies) {
      if (result.kind === 'inline') continue;
      holders.set(result.existingPolicyId, [...(holders.get(result.existingPolicyId) ?? []), { principal, result }]);
    }
  }
  const verdictOf = (result: PolicyResult): string => `${result.outcome}\n${result.create.map((policy) => printJson(policy)).join('\n')}`;
  return principals.map((entry) => ({
    ...entry,
    policies: entry.policies.map((result) => {
      const others = (holders.get(result.existingPolicyId) ?? []).filter((holder) => holder.principal !== entry.principal);
      if (result.kind === 'inline' || others.length === 0) return result;
      const differ = others.filter((other) => verdictOf(other.result) !== verdictOf(result));
      const names = (list: typeof others): string => list.map((other) => `${other.principal.kind} ${other.principal.name}`).join(', ');
      const note =
        differ.length === 0
          ? `also attached to ${names(others)}, whose findings give the same recommendation`
          : `also attached to ${names(others)}; the findings of ${names(differ)} give a different recommendation: this one is for ${entry.principal.kind} ${entry.principal.name} alone${result.kind === 'customer-managed' ? ', so do not edit the shared policy: attach a policy of its own' : ''}`;
      return { ...result, notes: [...result.notes, note] };
    }),
  }));
}
