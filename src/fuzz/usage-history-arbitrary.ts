import fc from 'fast-check';
import type { Catalog } from '../catalog/catalog.js';
import type { Json, JsonObject } from '../input/json.js';
import { serviceActionNames } from './_internals/catalog-services.js';

/**
 * When something was last used, relative to a window of `days` ending at `asOf`: never (no time in
 * the response), long before the window, one millisecond before it, at its very start, or recently.
 */
export type LastUse = 'never' | 'long-ago' | 'just-before' | 'window-start' | 'recent';
const USES: readonly LastUse[] = ['never', 'long-ago', 'just-before', 'window-start', 'recent'];

export interface ServiceHistory {
  readonly service: string;
  /** `undefined`: the response does not list the service at all. */
  readonly authenticated: LastUse | undefined;
  /** Per action of the catalog's service: its last use, or `untracked` (the response does not list it). `undefined` without action-level tracking. */
  readonly actions: readonly { readonly name: string; readonly use: LastUse | 'untracked' }[] | undefined;
}

/** A principal's usage over a catalog, and the Access Advisor response (its pages) that reports it. */
export interface UsageHistory {
  readonly asOf: number;
  readonly days: number;
  readonly services: readonly ServiceHistory[];
  /** One `get-service-last-accessed-details` response, or a list of its pages. */
  readonly response: Json;
}

/** A usage history before the catalog is known: choices indexed by service and action position, so that it shrinks with the catalog. */
export interface UsageHistorySpec {
  readonly services: readonly { readonly listed: boolean; readonly authenticated: LastUse; readonly tracked: boolean }[];
  readonly actions: readonly (LastUse | 'untracked')[];
  readonly pages: number;
  readonly days: number;
}

export function usageHistorySpecArbitrary(): fc.Arbitrary<UsageHistorySpec> {
  const use = fc.constantFrom(...USES);
  const service = fc.record({ listed: fc.oneof({ arbitrary: fc.constant(true), weight: 9 }, { arbitrary: fc.constant(false), weight: 1 }), authenticated: use, tracked: fc.boolean() });
  return fc.record({
    services: fc.array(service, { minLength: 1, maxLength: 4 }),
    actions: fc.array(fc.oneof(use, fc.constant('untracked' as const)), { minLength: 1, maxLength: 40 }),
    pages: fc.integer({ min: 1, max: 3 }),
    days: fc.constantFrom(1, 30, 90, 400),
  });
}

const DAY_MS = 24 * 60 * 60 * 1000;
const AS_OF = Date.parse('2024-06-20T10:00:05.000Z');

/** The spec over a catalog: every catalog service gets a history, written as an ACTION_LEVEL response split into pages. */
export function writeUsageHistory(spec: UsageHistorySpec, catalog: Catalog): UsageHistory {
  const since = AS_OF - spec.days * DAY_MS;
  const timeOf = (use: LastUse): string | undefined =>
    use === 'never' ? undefined : new Date(use === 'long-ago' ? since - 200 * DAY_MS : use === 'just-before' ? since - 1 : use === 'window-start' ? since : AS_OF - DAY_MS).toISOString();
  let position = 0;
  const services = catalog.services.map((service, index): ServiceHistory => {
    const choice = spec.services[index % spec.services.length]!;
    const actions = serviceActionNames(catalog, service).map((name) => ({ name, use: spec.actions[position++ % spec.actions.length]! }));
    return { service, authenticated: choice.listed ? choice.authenticated : undefined, actions: choice.tracked ? actions : undefined };
  });
  const entries = services
    .filter((history) => history.authenticated !== undefined)
    .map((history): JsonObject => {
      const last = timeOf(history.authenticated!);
      const tracked = history.actions
        ?.filter((action) => action.use !== 'untracked')
        .map((action): JsonObject => {
          const time = timeOf(action.use as LastUse);
          return time === undefined ? { ActionName: action.name } : { ActionName: action.name, LastAccessedTime: time, LastAccessedRegion: 'us-east-1' };
        });
      return {
        ServiceName: history.service,
        ServiceNamespace: history.service,
        ...(last === undefined ? {} : { LastAuthenticated: last }),
        TotalAuthenticatedEntities: last === undefined ? 0 : 1,
        ...(tracked === undefined ? {} : { TrackedActionsLastAccessed: tracked }),
      };
    });
  const pageCount = Math.min(spec.pages, Math.max(1, entries.length));
  const size = Math.ceil(entries.length / pageCount);
  const pages = Array.from({ length: pageCount }, (_, page): JsonObject => ({
    JobStatus: 'COMPLETED',
    JobType: 'ACTION_LEVEL',
    JobCreationDate: new Date(AS_OF - 5000).toISOString(),
    ServicesLastAccessed: entries.slice(page * size, (page + 1) * size),
    JobCompletionDate: new Date(AS_OF).toISOString(),
    IsTruncated: page < pageCount - 1,
    ...(page < pageCount - 1 ? { Marker: `page-${page + 2}` } : {}),
  }));
  return { asOf: AS_OF, days: spec.days, services, response: pages.length === 1 ? pages[0]! : pages };
}

/** Random usage histories over a catalog, with their Access Advisor responses. */
export function usageHistoryArbitrary(catalog: Catalog): fc.Arbitrary<UsageHistory> {
  return usageHistorySpecArbitrary().map((spec) => writeUsageHistory(spec, catalog));
}
