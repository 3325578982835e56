import type { Catalog } from '../catalog/catalog.js';
import { describeCatalog } from '../catalog/catalog.js';
import { lowerAscii } from '../glob/glob.js';
import { InputError } from '../input/input-error.js';
import type { Json, JsonObject } from '../input/json.js';
import type { JsonPath } from '../input/json-path.js';
import { parseJsonSource, textSource, type JsonSource } from '../input/read-json.js';
import { allowedActions } from '../policy/allowed.js';
import { printJson } from '../policy/print.js';
import type { Policy } from '../policy/types.js';
import { parseLastAccessed, type LastAccessedReport } from './last-accessed.js';
import { parseUnusedEntries } from './parse.js';
import { resolveUnused } from './resolve.js';
import { parseUsedActions } from './used-actions.js';
import { strictRefusal, type UnusedSet, type Warning } from './unused-set.js';

export const DEFAULT_UNUSED_DAYS = 90;
/** IAM reports at least the last 400 days; "never" means "not in those 400 days". */
export const TRACKING_PERIOD_DAYS = 400;
const DAY_MS = 24 * 60 * 60 * 1000;

/** One entry of the short form `--unused` reads; without `actions`, the whole service is unused. */
export interface ShortFormEntry {
  readonly serviceNamespace: string;
  readonly actions?: readonly string[];
}

/** Where the evidence of use comes from. */
export type EvidenceKind = 'last-accessed' | 'used';

export interface WindowOptions {
  /** Actions not used in this many days before `asOf` are unused (default 90). */
  readonly unusedDays?: number;
  /** The end of the window, milliseconds since the epoch (default: the response's `JobCompletionDate`). */
  readonly asOf?: number;
}

/** The period in which a use counts: `[since, ...)`, a use before `since` is a use before the window. */
export interface UsageWindow {
  readonly days: number;
  readonly asOf: number;
  readonly asOfFrom: 'JobCompletionDate' | 'given';
  readonly since: number;
}

/**
 * How a service was judged:
 * - `never-used`: no `LastAuthenticated` (whole service unused);
 * - `used-before-window`: last authenticated before the window (whole service unused);
 * - `actions-judged`: used, tracked at action level: tracked actions unused in the window are unused, untracked ones used;
 * - `not-tracked`: used, no action-level data: nothing in it is unused;
 * - `not-listed`: the policy allows it but the response does not list it: nothing in it is unused;
 * - `used-list`: from a used-actions list: what the policy allows minus the used actions.
 */
export type ServiceRule = 'never-used' | 'used-before-window' | 'actions-judged' | 'not-tracked' | 'not-listed' | 'used-list';

export interface ServiceDerivation {
  readonly serviceNamespace: string;
  readonly rule: ServiceRule;
  readonly lastAuthenticated: number | undefined;
  /** Catalog actions of the service the policy allows (all of the service's, without a policy). */
  readonly allowed: number;
  /** Of those, the ones the derived set marks unused. */
  readonly unused: number;
  /** Allowed actions kept only because IAM does not track them (`actions-judged` services). */
  readonly untrackedKept: readonly string[];
}

/** The derived unused set and how it was derived. */
export interface Derivation {
  readonly kind: EvidenceKind;
  readonly window: UsageWindow | undefined;
  readonly jobType: LastAccessedReport['jobType'];
  readonly entries: readonly ShortFormEntry[];
  readonly services: readonly ServiceDerivation[];
  readonly warnings: readonly Warning[];
}

export interface DeriveOptions extends WindowOptions {
  /** Refuse services and actions the catalog does not know instead of warning. */
  readonly strict?: boolean;
}

/**
 * The unused set Access Advisor's evidence shows, and nothing more:
 * - a service never authenticated, or last authenticated before the window, is unused as a whole;
 * - in a used service IAM tracks at action level, a tracked action never accessed, or last
 *   accessed before the window, is unused; an action the response does not list is used;
 * - a used service without action-level tracking (or any service of a SERVICE_LEVEL job) keeps everything.
 * `policy` only feeds the report (what it allows, what is kept untracked, services it allows that
 * the response does not list); without one, the whole catalog stands for it.
 */
export function deriveFromLastAccessed(report: LastAccessedReport, source: string, catalog: Catalog, policy: Policy | undefined, options: DeriveOptions = {}): Derivation {
  const days = options.unusedDays ?? DEFAULT_UNUSED_DAYS;
  const asOf = options.asOf ?? report.jobCompletion;
  if (asOf === undefined) throw new InputError(source, ['JobCompletionDate'], 'missing; give the end of the window with --as-of');
  const window: UsageWindow = { days, asOf, asOfFrom: options.asOf === undefined ? 'JobCompletionDate' : 'given', since: asOf - days * DAY_MS };
  const warnings: Warning[] = [];
  const checker = catalogChecker(catalog, source, options.strict ?? false, warnings);
  const allowed = allowedLower(policy, catalog);
  const entries: ShortFormEntry[] = [];
  const services: ServiceDerivation[] = [];
  const before = (time: number | undefined): boolean => time === undefined || time < window.since;

  for (const service of report.services) {
    const known = checker.service(service.namespace, [...service.path, 'ServiceNamespace']);
    const allowedHere = known === undefined ? [] : allowed.filter((action) => action.startsWith(`${lowerAscii(known)}:`));
    const judged = { serviceNamespace: service.namespace, lastAuthenticated: service.lastAuthenticated, allowed: allowedHere.length };
    if (before(service.lastAuthenticated)) {
      entries.push({ serviceNamespace: service.namespace });
      services.push({ ...judged, rule: service.lastAuthenticated === undefined ? 'never-used' : 'used-before-window', unused: allowedHere.length, untrackedKept: [] });
    } else if (service.tracked === undefined) {
      services.push({ ...judged, rule: 'not-tracked', unused: 0, untrackedKept: [] });
    } else {
      const unusedNames = service.tracked.filter((action) => before(action.lastAccessed));
      for (const action of unusedNames) checker.action(service.namespace, action.name, action.path);
      if (unusedNames.length > 0) entries.push({ serviceNamespace: service.namespace, actions: unusedNames.map((action) => action.name) });
      const trackedLower = new Set(service.tracked.map((action) => lowerAscii(`${service.namespace}:${action.name}`)));
      const unusedLower = new Set(unusedNames.map((action) => lowerAscii(`${service.namespace}:${action.name}`)));
      const untrackedKept = allowedHere.filter((action) => !trackedLower.has(action)).map((action) => catalog.canonical(action) ?? action);
      services.push({ ...judged, rule: 'actions-judged', unused: allowedHere.filter((action) => unusedLower.has(action)).length, untrackedKept });
    }
  }
  if (report.jobType === 'SERVICE_LEVEL' && services.some((service) => service.rule === 'not-tracked')) {
    warnings.push({ source, path: [], message: 'JobType is SERVICE_LEVEL: only whole services can be judged, so nothing in a used service is unused (generate the job with --granularity ACTION_LEVEL to judge actions)' });
  }
  if (days > TRACKING_PERIOD_DAYS) {
    warnings.push({ source, path: [], message: `--unused-days ${days} is longer than the ${TRACKING_PERIOD_DAYS} days IAM tracks: "never used" only means not used in the tracking period` });
  }
  const listed = new Set(report.services.map((service) => lowerAscii(service.namespace)));
  const notListed = new Map<string, number>();
  // Without a policy there is no "allowed but not listed" to speak of.
  for (const action of policy === undefined ? [] : allowed) {
    const service = action.slice(0, action.indexOf(':'));
    if (!listed.has(service)) notListed.set(service, (notListed.get(service) ?? 0) + 1);
  }
  const missing = [...notListed].map(([service, count]) => ({ name: catalog.service(service) ?? service, count }));
  for (const { name, count } of missing) services.push({ serviceNamespace: name, rule: 'not-listed', lastAuthenticated: undefined, allowed: count, unused: 0, untrackedKept: [] });
  if (missing.length > 0) {
    const names = missing.slice(0, 5).map(({ name }) => name).join(', ') + (missing.length > 5 ? `, and ${missing.length - 5} more` : '');
    const them = missing.length === 1 ? 'it' : 'them';
    warnings.push({ source, path: ['ServicesLastAccessed'], message: `the policy allows ${names}, but the response does not list ${them}: nothing in ${them} is judged unused (was the job generated for this principal?)` });
  }
  if (report.services.length === 0) warnings.push({ source, path: ['ServicesLastAccessed'], message: 'the response lists no service: nothing is judged unused' });
  return { kind: 'last-accessed', window, jobType: report.jobType, entries, services, warnings };
}

/** What the policy allows on the catalog, minus the used actions, is unused; a used action the catalog does not know is a warning. */
export function deriveFromUsed(used: ReturnType<typeof parseUsedActions>, source: string, catalog: Catalog, policy: Policy): Derivation {
  const warnings: Warning[] = [];
  const usedLower = new Set<string>();
  for (const action of used) {
    const lower = lowerAscii(`${action.service}:${action.name}`);
    if (catalog.indexOf(lower) === undefined) {
      const where = action.line === undefined ? '' : `line ${action.line}: `;
      warnings.push({ source, path: action.path, message: `${where}unknown action "${action.service}:${action.name}" in ${describeCatalog(catalog.identity)}; it cannot be matched against the policy` });
    }
    usedLower.add(lower);
  }
  const byService = new Map<string, { allowed: number; unused: string[] }>();
  for (const action of allowedLower(policy, catalog)) {
    const spelled = catalog.canonical(action)!;
    const service = spelled.slice(0, spelled.indexOf(':'));
    const entry = byService.get(service) ?? { allowed: 0, unused: [] };
    entry.allowed += 1;
    if (!usedLower.has(action)) entry.unused.push(spelled.slice(service.length + 1));
    byService.set(service, entry);
  }
  const entries: ShortFormEntry[] = [];
  const services: ServiceDerivation[] = [];
  for (const [service, { allowed, unused }] of [...byService].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const [from, to] = catalog.rangeWithPrefix(`${lowerAscii(service)}:`);
    // A service wholly unused is written as such: the same set, and it reads as Access Analyzer's service-level finding.
    if (unused.length === to - from) entries.push({ serviceNamespace: service });
    else if (unused.length > 0) entries.push({ serviceNamespace: service, actions: unused });
    services.push({ serviceNamespace: service, rule: 'used-list', lastAuthenticated: undefined, allowed, unused: unused.length, untrackedKept: [] });
  }
  return { kind: 'used', window: undefined, jobType: undefined, entries, services, warnings };
}

/** The evidence read from its text and turned into a derivation: the one function the CLI, proof suites and certificates share. */
export function deriveFromSource(kind: EvidenceKind, evidence: JsonSource, catalog: Catalog, policy: Policy, options: DeriveOptions = {}): Derivation {
  return kind === 'used'
    ? deriveFromUsed(parseUsedActions(evidence), evidence.name, catalog, policy)
    : deriveFromLastAccessed(parseLastAccessed(parseJsonSource(evidence), evidence.name), evidence.name, catalog, policy, options);
}

/** The derived set in the short form, as `--unused` reads it and certificates copy it. */
export function derivedUnusedSource(derivation: Derivation, evidenceName: string): JsonSource {
  return textSource(`unused set derived from ${evidenceName}`, printJson(shortFormJson(derivation.entries)));
}

/** The derived set resolved as any `--unused` file is, with the derivation's warnings (they name the evidence, not the derived text). */
export function derivedUnusedSet(derivation: Derivation, source: JsonSource, catalog: Catalog): UnusedSet {
  const resolved = resolveUnused(parseUnusedEntries(parseJsonSource(source), source.name), catalog, source.name);
  return { actions: resolved.actions, unknown: resolved.unknown, warnings: derivation.warnings };
}

export function shortFormJson(entries: readonly ShortFormEntry[]): Json {
  return entries.map((entry): JsonObject => (entry.actions === undefined ? { serviceNamespace: entry.serviceNamespace } : { serviceNamespace: entry.serviceNamespace, actions: [...entry.actions] }));
}

/** The derivation as a report: the source, the window, the counts per service, what was kept only because untracked. */
export function derivationJson(derivation: Derivation, evidence: { readonly name: string; readonly sha256: string }): JsonObject {
  const time = (ms: number | undefined): Json => (ms === undefined ? null : new Date(ms).toISOString());
  const report: Record<string, Json> = { source: { kind: derivation.kind, file: evidence.name, sha256: evidence.sha256 } };
  if (derivation.window !== undefined) {
    report.window = { unusedDays: derivation.window.days, asOf: time(derivation.window.asOf), asOfFrom: derivation.window.asOfFrom === 'given' ? '--as-of' : 'JobCompletionDate', since: time(derivation.window.since) };
  }
  if (derivation.jobType !== undefined) report.jobType = derivation.jobType;
  report.services = derivation.services.map((service): JsonObject => ({
    serviceNamespace: service.serviceNamespace,
    rule: service.rule,
    ...(service.lastAuthenticated === undefined ? {} : { lastAuthenticated: time(service.lastAuthenticated) }),
    allowed: service.allowed,
    unused: service.unused,
    ...(service.untrackedKept.length === 0 ? {} : { untrackedKept: service.untrackedKept.length }),
  }));
  report.untrackedKept = derivation.services.flatMap((service) => service.untrackedKept);
  report.unused = shortFormJson(derivation.entries);
  return report;
}

/** The allowed catalog actions, lower-cased, in catalog order; all of them without a policy. */
function allowedLower(policy: Policy | undefined, catalog: Catalog): string[] {
  if (policy === undefined) return [...catalog.lowerActions];
  return [...allowedActions(policy, catalog)].sort((a, b) => a - b).map((index) => catalog.lowerActions[index]!);
}

/** Unknown services and actions: warnings naming the evidence, or errors with `strict`. */
function catalogChecker(catalog: Catalog, source: string, strict: boolean, warnings: Warning[]) {
  const report = (path: JsonPath, fact: string, consequence: string): void => {
    if (strict) throw new InputError(source, path, strictRefusal(fact));
    warnings.push({ source, path, message: `${fact}; ${consequence}` });
  };
  return {
    service(namespace: string, path: JsonPath): string | undefined {
      const known = catalog.service(namespace);
      if (known === undefined) report(path, `unknown service "${namespace}" in ${describeCatalog(catalog.identity)}`, 'its actions cannot be refined');
      return known;
    },
    action(namespace: string, name: string, path: JsonPath): void {
      if (catalog.service(namespace) !== undefined && catalog.indexOf(lowerAscii(`${namespace}:${name}`)) === undefined) {
        report(path, `unknown action "${namespace}:${name}" in ${describeCatalog(catalog.identity)}`, 'wildcards are refined without it');
      }
    },
  };
}
