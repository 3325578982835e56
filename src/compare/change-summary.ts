import type { Catalog } from '../catalog/catalog.js';
import type { Policy } from '../policy/types.js';
import type { Solver } from '../prove/solver/solver.js';
import { comparePolicies, type CompareReport } from './compare.js';

const SHOWN = 5;

/**
 * What a textual change means, for a reviewer (`prove` beside its diff, `drift`): whether the two
 * policies are equivalent on the catalog and for all strings, and if not, which catalog actions
 * one allows and the other does not. Two comparisons in `equivalent` mode on the given solver.
 */
export async function changeSummary(before: Policy, after: Policy, catalog: Catalog, pool: Solver, names = { before: 'snapshot', after: 'recommendation' }): Promise<string[]> {
  const input = { old: before, new: after, oldSource: names.before, newSource: names.after, mode: 'equivalent' as const, catalog, names: { old: names.before, new: names.after } };
  const [onCatalog, allStrings] = await Promise.all([comparePolicies({ ...input, scope: 'catalog' }, { pool }), comparePolicies({ ...input, scope: 'all-strings' }, { pool })]);
  const lines = [`meaning: ${verdictWords(onCatalog, 'on the catalog')}; ${verdictWords(allStrings, 'for all strings')}`];
  for (const direction of onCatalog.directions) {
    const listed = direction.catalogActions;
    if (listed === undefined || listed.actions.length === 0) continue;
    const names = [...new Set(listed.actions.map((example) => example.action))];
    const shown = names.slice(0, SHOWN).join(', ');
    lines.push(`  ${direction.granting} allows ${names.length} catalog action${names.length === 1 ? '' : 's'} ${direction.bounding} does not${listed.complete ? '' : ' (at least)'}: ${shown}${names.length > SHOWN ? ', ...' : ''}`);
  }
  if (onCatalog.verdict === 'pass' && allStrings.verdict === 'fail') {
    const example = allStrings.directions.flatMap((direction) => direction.counterexamples.map((counterexample) => ({ direction, counterexample })))[0];
    if (example !== undefined) lines.push(`  beyond the catalog: ${example.direction.granting} allows ${example.counterexample.action} on ${JSON.stringify(example.counterexample.resource)}, ${example.direction.bounding} does not`);
  }
  return lines;
}

function verdictWords(report: CompareReport, where: string): string {
  if (report.verdict === 'pass') return `equivalent ${where}`;
  return report.verdict === 'fail' ? `not equivalent ${where}` : `undecided ${where}`;
}
