import fc from 'fast-check';
import type { Catalog } from '../catalog/catalog.js';
import { catalogFromServices } from './_internals/build-catalog.js';
import { uniqueIgnoringCase } from './_internals/patterns.js';
import { NOUNS, SERVICES, VERBS } from './_internals/word-pool.js';

/**
 * Constraints to be applied on {@link catalogArbitrary}.
 */
export interface CatalogConstraints {
  /** At most this many services (at least one). Default 3. */
  readonly maxServices?: number;
  /** At most this many independent action names per service, before extensions. Default 10. */
  readonly maxNamesPerService?: number;
  /** At most this many names made by extending another name of the service by a word. Default 5. */
  readonly maxExtensionsPerService?: number;
  /**
   * The chance, from 0 to 1, that one service is very large (1,000 to 1,400 actions, as `ec2`
   * is), to exercise the checker's service splitting and the recommender on a big trie. Default 0.
   */
  readonly largeServiceChance?: number;
}

/** An action name before it is written: its words, and which word (if any) lost its capital. */
interface NameShape {
  readonly words: readonly string[];
  /** The index of a word written in lower case (`Describelabel`), or `undefined`. */
  readonly irregularAt: number | undefined;
}

/**
 * Random action catalogs built with `Catalog.fromServices`: a few services whose CamelCase action
 * names come from a small word pool, so that prefixes collide often. Besides independent names,
 * some names extend another by one word (`GetObject`, `GetObjectAcl`), sometimes keeping the
 * other's irregular spelling and sometimes not (`Describelabel` beside `DescribeLabelGroup`).
 * Names are unique per service, case-insensitively, as in the real catalog. A counterexample
 * prints as the JSON of a `--catalog` file.
 */
export function catalogArbitrary(constraints: CatalogConstraints = {}): fc.Arbitrary<Catalog> {
  const { maxServices = 3, maxNamesPerService = 10, maxExtensionsPerService = 5, largeServiceChance = 0 } = constraints;
  const service = fc.tuple(fc.constantFrom(...SERVICES), actionNamesArbitrary(maxNamesPerService, maxExtensionsPerService));
  const services = fc.uniqueArray(service, { selector: ([prefix]) => prefix, minLength: 1, maxLength: maxServices });
  if (largeServiceChance <= 0) return services.map(catalogFromServices);
  // Large only for the top draws, so that shrinking (towards 0) drops the large service first.
  const large = fc.record({ draw: fc.integer({ min: 0, max: 999 }), service: fc.nat(), size: fc.integer({ min: LARGE_SERVICE_MIN, max: LARGE_SERVICE_MAX }), offset: fc.nat() });
  return fc.tuple(services, large).map(([drawn, extra]) => catalogFromServices(extra.draw < 1000 * (1 - largeServiceChance) ? drawn : withLargeService(drawn, extra)));
}

const LARGE_SERVICE_MIN = 1000;
const LARGE_SERVICE_MAX = 1400;

/** One of the drawn services grown to `size` actions: every verb with one or two nouns, from `offset` on. */
function withLargeService(services: readonly (readonly [string, string[]])[], { service, size, offset }: { service: number; size: number; offset: number }): [string, string[]][] {
  const names: string[] = [];
  for (let index = offset; names.length < size; index++) {
    const combination = index % (VERBS.length * NOUNS.length * (NOUNS.length + 1));
    const second = Math.floor(combination / (VERBS.length * NOUNS.length));
    names.push(`${VERBS[combination % VERBS.length]}${NOUNS[Math.floor(combination / VERBS.length) % NOUNS.length]}${second === 0 ? '' : NOUNS[second - 1]}`);
  }
  const grown = service % services.length;
  return services.map(([prefix, own], index) => [prefix, index === grown ? uniqueIgnoringCase([...own, ...names]) : [...own]]);
}

function actionNamesArbitrary(maxNames: number, maxExtensions: number): fc.Arbitrary<string[]> {
  const extension = fc.record({ base: fc.nat(), word: fc.constantFrom(...NOUNS), regular: fc.boolean() });
  return fc
    .tuple(fc.array(nameShapeArbitrary(), { minLength: 1, maxLength: maxNames }), fc.array(extension, { maxLength: maxExtensions }))
    .map(([bases, extensions]) => {
      const extended = extensions.map(({ base, word, regular }): NameShape => {
        const shape = bases[base % bases.length]!;
        return { words: [...shape.words, word], irregularAt: regular ? undefined : shape.irregularAt };
      });
      return uniqueIgnoringCase([...bases, ...extended].map(writeName));
    });
}

function nameShapeArbitrary(): fc.Arbitrary<NameShape> {
  // Mostly regular spellings; an irregular one lower-cases the capital of a later word.
  const irregularAt = fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: fc.nat(), weight: 1 });
  return fc.record({ verb: fc.constantFrom(...VERBS), nouns: fc.array(fc.constantFrom(...NOUNS), { maxLength: 3 }), irregularAt }).map(({ verb, nouns, irregularAt: at }) => ({
    words: [verb, ...nouns],
    irregularAt: at === undefined || nouns.length === 0 ? undefined : 1 + (at % nouns.length),
  }));
}

function writeName(shape: NameShape): string {
  return shape.words.map((word, index) => (index === shape.irregularAt ? word[0]!.toLowerCase() + word.slice(1) : word)).join('');
}
