import type { CheckInput } from '../context.js';
import type { Obligation } from '../obligation.js';
import { renderScript } from '../smt/script.js';
import { and } from '../smt/terms.js';
import type { StatementCase } from '../statement-case.js';
import { ACTION_CAPACITY, actionService, packByService } from './chunks.js';
import { definitions } from './pattern-set.js';
import { allowsConcretely, allowsTerm, orLines, witnessIs } from './terms.js';

/**
 * Claim 3, safety: R allows no unused action. One ground query per service over the unused
 * actions R could allow. Expected `unsat`.
 */
export function safetyObligations(statement: StatementCase, input: CheckInput): Obligation[] {
  const { catalog, unused } = input;
  const refined = statement.refined;
  if (refined === undefined) return [];
  // Unused actions of the services R reaches (all, for NotAction), so that the claim is stated even where no pattern fits.
  const reached = new Map<string, boolean>();
  const reaches = (service: string): boolean => {
    if (!reached.has(service)) reached.set(service, refined.overlapping(`${service}:`).length > 0);
    return reached.get(service)!;
  };
  const candidates = [...unused.actions]
    .map((lower) => catalog.indexOf(lower)!)
    .filter((index) => statement.kind === 'NotAction' || reaches(actionService(catalog.lowerActions[index]!)));
  return packByService(candidates.sort((a, b) => a - b), (index) => actionService(catalog.lowerActions[index]!), ACTION_CAPACITY).map(({ key: service, items: indices }) => {
    const used = new Set<number>();
    const allowed = indices.map((index) => {
      const action = catalog.lowerActions[index]!;
      return and([witnessIs(action), allowsTerm(refined, statement.kind, action, used)]);
    });
    const id = `s${statement.index}-safety-${service}`;
    return {
      id,
      claim: 'safety',
      statement: statement.index,
      title: `statement ${statement.index}: no unused ${service} action is allowed`,
      expected: 'unsat',
      witnesses: ['w'],
      script: renderScript({
        id,
        claim: 'safety',
        expected: 'unsat',
        comments: [`Statement ${statement.index} (${statement.kind}), services ${service}: ${indices.length} unused actions.`, 'unsat: R allows none of them.'],
        declarations: [...definitions(refined, used), '(declare-const w String)'],
        assertions: [orLines(allowed)],
      }),
      refutation: ([witness = '']) => ({ example: witness, explanation: `unused action ${catalog.canonical(witness) ?? witness} is still allowed` }),
      replay: ([witness = '']) => unused.actions.has(witness) && allowsConcretely(refined, statement.kind, witness),
    } satisfies Obligation;
  });
}
