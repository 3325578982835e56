import type { CheckInput } from '../context.js';
import type { Obligation } from '../obligation.js';
import { renderScript } from '../smt/script.js';
import { and, not } from '../smt/terms.js';
import type { StatementCase } from '../statement-case.js';
import { ACTION_CAPACITY, actionService, packByService } from './chunks.js';
import { definitions } from './pattern-set.js';
import { allowsConcretely, allowsTerm, orLines, witnessIs } from './terms.js';

/**
 * Claim 1, exact on the catalog: for every catalog action a, R allows a iff O allows a and a is
 * not unused. One ground query per service (small services packed together), over the actions some pattern's prefix fits (for
 * the others both sides are plainly false, or, for `NotAction`, plainly true for a used action;
 * a dropped `NotAction` statement asks about the whole catalog).
 * Expected `unsat`: no action is allowed wrongly or lost.
 */
export function exactObligations(statement: StatementCase, input: CheckInput): Obligation[] {
  const { catalog, unused } = input;
  const relevant = new Set<number>();
  for (const set of [statement.original, statement.refined]) {
    for (const glob of set?.globs ?? []) {
      const [from, to] = catalog.rangeWithPrefix(glob.literalPrefix);
      for (let index = from; index < to; index++) relevant.add(index);
    }
  }
  if (statement.kind === 'NotAction') {
    // A used action outside every prefix is plainly allowed by both, unless the statement was
    // dropped: then each such action is lost, so every catalog action is asked about.
    if (statement.refined === undefined) for (let index = 0; index < catalog.size; index++) relevant.add(index);
    else for (const lower of unused.actions) relevant.add(catalog.indexOf(lower)!);
  }
  return packByService([...relevant].sort((a, b) => a - b), (index) => actionService(catalog.lowerActions[index]!), ACTION_CAPACITY).map(({ key: service, items: indices }) => {
    const usedOriginal = new Set<number>();
    const usedRefined = new Set<number>();
    const violations = indices.map((index) => {
      const action = catalog.lowerActions[index]!;
      const before = allowsTerm(statement.original, statement.kind, action, usedOriginal);
      const after = allowsTerm(statement.refined, statement.kind, action, usedRefined);
      return and([witnessIs(action), unused.actions.has(action) ? after : not(`(= ${after} ${before})`)]);
    });
    const id = `s${statement.index}-exact-${service}`;
    return {
      id,
      claim: 'exact',
      statement: statement.index,
      title: `statement ${statement.index}: ${service} actions allowed exactly when used and allowed before`,
      expected: 'unsat',
      witnesses: ['w'],
      script: renderScript({
        id,
        claim: 'exact',
        expected: 'unsat',
        comments: [
          `Statement ${statement.index} (${statement.kind}), services ${service}: ${indices.length} catalog actions.`,
          'unsat: every used action is allowed by R iff by O, and no unused action is allowed by R.',
          'A pattern can only match strings starting with its literal prefix; the others are left out of each disjunct.',
        ],
        declarations: [...definitions(statement.original, usedOriginal), ...(statement.refined ? definitions(statement.refined, usedRefined) : []), '(declare-const w String)'],
        assertions: [orLines(violations)],
      }),
      refutation: ([witness = '']) => ({
        example: witness,
        explanation: unused.actions.has(witness)
          ? `unused action ${catalog.canonical(witness)} is allowed by the recommendation`
          : allowsConcretely(statement.refined, statement.kind, witness)
            ? `${catalog.canonical(witness) ?? witness} is allowed by the recommendation but not by the original`
            : `${catalog.canonical(witness) ?? witness} is used and was allowed, but the recommendation no longer allows it`,
      }),
      replay: ([witness = '']) => {
        const index = catalog.indexOf(witness);
        if (index === undefined || !indices.includes(index)) return false;
        const expected = allowsConcretely(statement.original, statement.kind, witness) && !unused.actions.has(witness);
        return allowsConcretely(statement.refined, statement.kind, witness) !== expected;
      },
    } satisfies Obligation;
  });
}
