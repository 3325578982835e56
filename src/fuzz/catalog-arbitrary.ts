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
  const { maxServices = 3, maxNamesPerService = 10, maxExtensionsPerService = 5 } = constraints;
  const service = fc.tuple(fc.constantFrom(...SERVICES), actionNamesArbitrary(maxNamesPerService, maxExtensionsPerService));
  return fc.uniqueArray(service, { selector: ([prefix]) => prefix, minLength: 1, maxLength: maxServices }).map(catalogFromServices);
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
  const irregularAt = fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: fc.nat(), weight: 1 });
  return fc.record({ verb: fc.constantFrom(...VERBS), nouns: fc.array(fc.constantFrom(...NOUNS), { maxLength: 3 }), irregularAt }).map(({ verb, nouns, irregularAt: at }) => ({
    words: [verb, ...nouns],
    irregularAt: at === undefined || nouns.length === 0 ? undefined : 1 + (at % nouns.length),
  }));
}

function writeName(shape: NameShape): string {
  return shape.words.map((word, index) => (index === shape.irregularAt ? word[0]!.toLowerCase() + word.slice(1) : word)).join('');
}
