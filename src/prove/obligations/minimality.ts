import { TrieNodes } from '../../catalog/trie-nodes.js';
import { lowerAscii } from '../../glob/glob.js';
import { uncoveredString } from '../../glob/inclusion.js';
import type { CheckInput } from '../context.js';
import type { Obligation, StructuralResult } from '../obligation.js';
import { renderScript } from '../smt/script.js';
import { and, member, prefixRegex, regexUnion, stringLiteral } from '../smt/terms.js';
import type { StatementCase } from '../statement-case.js';
import { chunksByService, witnessName } from './chunks.js';
import { definitions } from './pattern-set.js';
import { allowedIndices, allowsTerm, orLines, lowerCaseDomain, witnessIs } from './terms.js';

/** How many candidate witnesses a pattern's disjunction names: one suffices. */
const WITNESS_CANDIDATES = 1;
/** When no candidate works, the refutation lists what there is to try, up to this many. */
const REFUTATION_CANDIDATES = 256;

/** One new pattern's question: can its prefix be shortened to `shorter`? */
interface Shortening {
  readonly position: number;
  readonly shorter: string;
  /** The action a new literal names: not a reason against its own shortening. */
  readonly except: string | undefined;
  /** Lower-cased actions below `shorter` it must avoid (allowed by the original ones first). */
  readonly candidates: readonly string[];
  /** Whether some candidate is allowed by the original: a reason found by enumeration. */
  readonly found: boolean;
}

/**
 * Claim 4, minimality: each new pattern is a node of the trie (its literal prefix ends at a token
 * boundary of an action the statement allows) and a shortest safe one: the node one token
 * shorter cannot stand instead, because it matches an action it must avoid (an unsafe unused
 * action the original allows; for `NotAction` exclusions, a used one), or, for `Action`, a string
 * the original does not match. A new literal stands for the highest node covering only it. The
 * trie's shape is decided here, from the catalog's tokens; the solver confirms one witness per
 * pattern, a service chunk of patterns per query. Expected `sat`.
 */
export function minimalityObligations(statement: StatementCase, input: CheckInput): { obligations: Obligation[]; structural: StructuralResult[] } {
  const refined = statement.refined;
  const structural: StructuralResult[] = [];
  if (refined === undefined) return { obligations: [], structural };
  const { catalog, unused } = input;
  const allowedBefore = allowedIndices(statement.original, statement.kind, catalog);
  const isAction = statement.kind === 'Action';
  const nodes = new TrieNodes(catalog, input.granularity, isAction ? allowedBefore : undefined);
  // Unused actions make an `Action` prefix unsafe; used ones make a `NotAction` exclusion unsafe.
  const unsafeFor = (lower: string): boolean => unused.actions.has(lower) === isAction;

  const shortenings = new Map<number, Shortening>();
  refined.texts.forEach((text, position) => {
    if (statement.original.texts.includes(text)) return;
    const glob = refined.globs[position]!;
    const index = catalog.indexOf(text);
    if (glob.hasWildcard ? !nodes.isNode(glob.literalPrefix) : index === undefined || !nodes.isMember(index)) {
      structural.push({
        id: `s${statement.index}-minimality-${refined.name(position)}-node`,
        claim: 'minimality',
        statement: statement.index,
        holds: false,
        example: text,
        explanation: glob.hasWildcard
          ? `"${text}" does not end at a ${input.granularity} boundary of an action the statement allows`
          : `"${text}" is not a catalog action the original statement allows`,
      });
      return;
    }
    const shorter = nodes.shorterPrefix(glob);
    const except = glob.hasWildcard ? undefined : glob.literalPrefix;
    // The actions below the shorter prefix it must avoid, the ones the original allows first; a few suffice.
    const allowed: string[] = [];
    const others: string[] = [];
    const [from, to] = catalog.rangeWithPrefix(shorter);
    for (let at = from; at < to && allowed.length < WITNESS_CANDIDATES; at++) {
      const lower = catalog.lowerActions[at]!;
      if (lower === except || !unsafeFor(lower)) continue;
      if (allowedBefore.has(at)) allowed.push(lower);
      else if (others.length < REFUTATION_CANDIDATES) others.push(lower);
    }
    const found = allowed.length > 0;
    shortenings.set(position, { position, shorter, except, candidates: found ? allowed : others, found });
  });

  const obligations = chunksByService(refined, [...shortenings.keys()]).map((chunk): Obligation => {
    const used = new Set<number>();
    const questions = chunk.items.map((position) => shortenings.get(position)!);
    const assertions = questions.map(({ position, shorter, candidates, found }) => {
      const name = witnessName(refined, position);
      // Ground disjuncts: the solver evaluates each candidate's memberships outright.
      const named = candidates.map((lower) => and([witnessIs(lower, name), member(stringLiteral(lower), prefixRegex(shorter)), allowsTerm(statement.original, statement.kind, lower, used)]));
      if (!isAction || found) return orLines(named);
      // For Action, a shorter prefix that escapes the original patterns cannot stand either.
      const covering = statement.original.overlapping(shorter);
      for (const index of covering) used.add(index);
      const escape = and([member(name, `(re.diff ${prefixRegex(shorter)} ${regexUnion(covering.map((index) => statement.original.name(index)))})`), lowerCaseDomain(name)]);
      return orLines([...named, escape]);
    });
    const id = `s${statement.index}-minimality-${chunk.key}`;
    const describe = ({ position, shorter }: Shortening): string => `${JSON.stringify(refined.texts[position])} not to ${JSON.stringify(`${shorter}*`)}`;
    return {
      id,
      claim: 'minimality',
      statement: statement.index,
      title: `statement ${statement.index}: ${questions.length > 3 ? `${questions.length} new ${chunk.key} patterns` : questions.map(describe).join(', ')}: no shorter prefix can stand`,
      expected: 'sat',
      witnesses: chunk.items.map((position) => witnessName(refined, position)),
      witnessesFor: chunk.items.map((position) => refined.texts[position]!),
      script: renderScript({
        id,
        claim: 'minimality',
        expected: 'sat',
        comments: [
          `Statement ${statement.index} (${statement.kind}), granularity ${input.granularity}: each new pattern cannot be shortened (the node one token shorter, from the catalog's tokens):`,
          ...questions.map((question) => `  ${witnessName(refined, question.position)}: ${describe(question)}`),
          isAction
            ? 'sat: for each, a string starting with the shorter prefix is an unused action the original allows (named candidates), or is outside the original patterns.'
            : 'sat: for each, a string starting with the shorter prefix is a used action the original allows (named candidates).',
        ],
        declarations: [...definitions(statement.original, used), ...chunk.items.map((position) => `(declare-const ${witnessName(refined, position)} String)`)],
        assertions,
      }),
      refutation: () => {
        // Which pattern has no reason, found by enumeration and exact inclusion.
        const culprit = questions.find(({ found, shorter }) => !found && (!isAction || uncoveredString(statement.original.texts, `${shorter}*`) === undefined));
        if (culprit === undefined) return { explanation: 'some new pattern of this chunk is not a shortest safe prefix' };
        return {
          example: `${culprit.shorter}*`,
          explanation: `"${refined.texts[culprit.position]}" is not a shortest safe prefix: "${culprit.shorter}*" ${isAction ? 'matches no unused action the original allows and no string outside it' : 'excludes no used action'}`,
        };
      },
      replay: (values) =>
        questions.every(({ shorter, except }, slot) => {
          const lower = lowerAscii(values[slot] ?? '');
          if (!lower.startsWith(shorter)) return false;
          const at = catalog.indexOf(lower);
          if (at !== undefined && lower !== except && unsafeFor(lower) && allowedBefore.has(at)) return true;
          return isAction && !statement.original.matches(lower);
        }),
    };
  });
  return { obligations, structural };
}
