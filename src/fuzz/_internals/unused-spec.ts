import fc from 'fast-check';
import type { Catalog } from '../../catalog/catalog.js';
import type { UnusedConstraints } from '../unused-arbitrary.js';
import { serviceActionNames } from './catalog-services.js';
import { writeInCase, type CaseStyle } from './case-style.js';
import type { ShortFormEntry } from './short-form.js';
import { UNKNOWN_SERVICE, UNKNOWN_WORD } from './word-pool.js';

interface ServiceSpec {
  readonly kind: 'none' | 'whole' | 'subset';
  /** Out of 10: how many of the service's actions are unused, from none to all. */
  readonly density: number;
}

/** An unused set before it meets a catalog: numbers that decide each service and action. */
export interface UnusedSpec {
  /** The catalog's i-th service follows the (i mod length)-th entry. */
  readonly services: readonly ServiceSpec[];
  /** The catalog's i-th action draws the (i mod length)-th number: unused below the density, written with its prefix from 50 on. */
  readonly draws: readonly number[];
  readonly spelling: CaseStyle;
  readonly unknown: 'none' | 'action' | 'service';
  /** At the top draw (one in 15) every service is unused as a whole, whatever `services` says. */
  readonly everything: number;
}

const EVERYTHING_DRAW = 14;
const WHOLE: ServiceSpec = { kind: 'whole', density: 0 };

export function unusedSpecArbitrary(constraints: UnusedConstraints = {}): fc.Arbitrary<UnusedSpec> {
  const { withUnknown = true } = constraints;
  const service = fc.record({
    // Shrinks towards `none`: a counterexample keeps only the entries it needs.
    kind: fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant('none' as const), weight: 2 }, { arbitrary: fc.constant('subset' as const), weight: 6 }, { arbitrary: fc.constant('whole' as const), weight: 1 }),
    density: fc.integer({ min: 0, max: 10 }),
  });
  const spelling = fc.record({ style: fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant('as-is' as const), weight: 4 }, { arbitrary: fc.constant('mixed' as const), weight: 1 }), toggles: fc.nat() });
  const unknown = withUnknown ? fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant('none' as const), weight: 4 }, { arbitrary: fc.constantFrom('action' as const, 'service' as const), weight: 1 }) : fc.constant('none' as const);
  return fc.record({
    services: fc.array(service, { minLength: 1, maxLength: 4 }),
    draws: fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 64 }),
    spelling,
    unknown,
    everything: fc.integer({ min: 0, max: EVERYTHING_DRAW }),
  });
}

export function writeUnused(spec: UnusedSpec, catalog: Catalog): ShortFormEntry[] {
  let actionIndex = 0;
  const entries = catalog.services.flatMap((service, serviceIndex): ShortFormEntry[] => {
    const names = serviceActionNames(catalog, service);
    const first = actionIndex;
    actionIndex += names.length;
    const { kind, density } = spec.everything === EVERYTHING_DRAW ? WHOLE : spec.services[serviceIndex % spec.services.length]!;
    if (kind === 'none') return [];
    if (kind === 'whole') return [{ serviceNamespace: service }];
    const actions = names.flatMap((name, offset) => {
      const draw = spec.draws[(first + offset) % spec.draws.length]!;
      if (draw % 10 >= density) return [];
      // Shift the toggles so that names next to each other are not toggled alike.
      const written = writeInCase(name, { style: spec.spelling.style, toggles: spec.spelling.toggles >>> (offset % 8) });
      return [draw >= 50 ? `${service}:${written}` : written];
    });
    return actions.length === 0 ? [] : [{ serviceNamespace: service, actions }];
  });
  if (spec.unknown === 'action') entries.push({ serviceNamespace: catalog.services[0]!, actions: [`Get${UNKNOWN_WORD}`] });
  if (spec.unknown === 'service') entries.push({ serviceNamespace: UNKNOWN_SERVICE, actions: [`Get${UNKNOWN_WORD}`] });
  return entries;
}
