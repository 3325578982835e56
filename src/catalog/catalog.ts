import { globMatches } from '../glob/match.js';
import { lowerAscii, type Glob } from '../glob/glob.js';
import { prefixRange } from './prefix-range.js';

/** Where a catalog came from: the pinned package, or a JSON file identified by its content. */
export type CatalogIdentity =
  | { readonly source: 'package'; readonly package: string; readonly version: string }
  | { readonly source: 'file'; readonly sha256: string };

export function describeCatalog(identity: CatalogIdentity): string {
  return identity.source === 'package' ? `${identity.package}@${identity.version}` : `catalog file sha256:${identity.sha256}`;
}

/**
 * The set of known actions, `service:Action` in AWS's spelling. Actions are kept sorted by their
 * lower-cased names, so that the actions starting with any prefix form one contiguous range:
 * every prefix query is two binary searches.
 */
export class Catalog {
  /** Canonical spellings, sorted by lower-cased name. */
  readonly actions: readonly string[];
  /** The same actions lower-cased, index for index. */
  readonly lowerActions: readonly string[];
  private readonly indexByLower: ReadonlyMap<string, number>;
  private readonly serviceNames: ReadonlyMap<string, string>;

  private constructor(
    readonly identity: CatalogIdentity,
    actions: readonly string[],
    serviceNames: ReadonlyMap<string, string>,
  ) {
    const sorted = actions.map((action) => ({ action, lower: lowerAscii(action) })).sort((a, b) => compare(a.lower, b.lower));
    this.actions = sorted.map((entry) => entry.action);
    this.lowerActions = sorted.map((entry) => entry.lower);
    this.indexByLower = new Map(this.lowerActions.map((lower, index) => [lower, index]));
    this.serviceNames = serviceNames;
  }

  /** Builds a catalog from service prefixes and their action names (`{"s3": ["GetObject"]}`). */
  static fromServices(identity: CatalogIdentity, services: Iterable<readonly [string, readonly string[]]>): Catalog {
    const actions: string[] = [];
    const serviceNames = new Map<string, string>();
    for (const [service, names] of services) {
      serviceNames.set(lowerAscii(service), service);
      for (const name of names) actions.push(`${service}:${name}`);
    }
    return new Catalog(identity, actions, serviceNames);
  }

  get size(): number {
    return this.actions.length;
  }

  /** The canonical spelling of an action, looked up case-insensitively. */
  canonical(action: string): string | undefined {
    const index = this.indexByLower.get(lowerAscii(action));
    return index === undefined ? undefined : this.actions[index];
  }

  indexOf(action: string): number | undefined {
    return this.indexByLower.get(lowerAscii(action));
  }

  /** The canonical spelling of a service prefix, looked up case-insensitively. */
  service(prefix: string): string | undefined {
    return this.serviceNames.get(lowerAscii(prefix));
  }

  get services(): readonly string[] {
    return [...this.serviceNames.values()].sort();
  }

  /** The half-open index range of the actions whose lower-cased names start with `lowerPrefix`. */
  rangeWithPrefix(lowerPrefix: string): readonly [number, number] {
    return prefixRange(this.lowerActions, lowerPrefix);
  }

  /** Indices of the actions a pattern matches, ascending. */
  matching(glob: Glob): number[] {
    const [from, to] = this.rangeWithPrefix(glob.literalPrefix);
    const result: number[] = [];
    for (let index = from; index < to; index++) {
      if (globMatches(glob, this.lowerActions[index]!)) result.push(index);
    }
    return result;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
