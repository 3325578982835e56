import { TrieNodes } from '../../catalog/trie-nodes.js';
import { lowerAscii, parseGlob } from '../../glob/glob.js';
import type { CheckInput } from '../context.js';
import type { Obligation, StructuralResult } from '../obligation.js';
import { renderScript } from '../smt/script.js';
import { and, member, prefixRegex, regexUnion, stringLiteral } from '../smt/terms.js';
import type { StatementCase } from '../statement-case.js';
import { definitions } from './pattern-set.js';
import { allowedIndices, allowsTerm, lines, LOWER_CASE_DOMAIN, witnessIs } from './terms.js';

/** How many candidate witnesses a script names: one suffices, a few let the solver choose. */
const WITNESS_CANDIDATES = 16;
/** When no candidate works, the refutation lists what there is to try, up to this many. */
const REFUTATION_CANDIDATES = 256;

/**
 * Claim 4, minimality: each new pattern is a node of the trie (its literal prefix ends at a token
 * boundary of an action the statement allows) and a shortest safe one: the node one token
 * shorter cannot stand instead, because it matches an action it must avoid (an unused action
 * the original allows; for `NotAction` exclusions, a used one), or, for `Action`, a string the
 * original does not match. A new literal stands for the highest node covering only it. The
 * trie's shape is decided here, from the catalog's tokens; the solver confirms the witness.
 * Expected `sat`, with the witness recorded.
 */
export function minimalityObligations(statement: StatementCase, input: CheckInput): { obligations: Obligation[]; structural: StructuralResult[] } {
  const refined = statement.refined;
  const obligations: Obligation[] = [];
  const structural: StructuralResult[] = [];
  if (refined === undefined) return { obligations, structural };
  const { catalog, unused } = input;
  const allowedBefore = allowedIndices(statement.original, statement.kind, catalog);
  const isAction = statement.kind === 'Action';
  const nodes = new TrieNodes(catalog, input.granularity, isAction ? allowedBefore : undefined);
  // Unused actions make an `Action` prefix unsafe; used ones make a `NotAction` exclusion unsafe.
  const unsafeFor = (lower: string): boolean => unused.actions.has(lower) === isAction;

  refined.texts.forEach((text, position) => {
    if (statement.original.texts.includes(text)) return;
    const glob = refined.globs[position]!;
    const id = `s${statement.index}-minimality-${refined.name(position)}`;
    const index = catalog.indexOf(text);
    const notANode = glob.hasWildcard ? !nodes.isNode(glob.literalPrefix) : index === undefined || !nodes.isMember(index);
    if (notANode) {
      structural.push({
        id,
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
    const below = catalog.matching(parseGlob(`${shorter}*`)).map((at) => catalog.lowerActions[at]!).filter((lower) => lower !== except && unsafeFor(lower));
    const allowed = below.filter((lower) => allowedBefore.has(catalog.indexOf(lower)!));
    const candidates = allowed.length > 0 ? allowed.slice(0, WITNESS_CANDIDATES) : below.slice(0, REFUTATION_CANDIDATES);
    const used = new Set<number>();
    // Ground disjuncts: the solver evaluates each candidate's memberships outright.
    const candidateTerms = candidates.map((lower) =>
      and([witnessIs(lower), member(stringLiteral(lower), prefixRegex(shorter)), allowsTerm(statement.original, statement.kind, lower, used)]),
    );
    // For Action, a shorter prefix that escapes the original patterns cannot stand either.
    const escaping = isAction && allowed.length === 0 ? statement.original.overlapping(shorter) : undefined;
    for (const covering of escaping ?? []) used.add(covering);
    const escape = escaping === undefined ? [] : [and([member('w', `(re.diff ${prefixRegex(shorter)} ${regexUnion(escaping.map((at) => statement.original.name(at)))})`), LOWER_CASE_DOMAIN])];
    obligations.push({
      id,
      claim: 'minimality',
      statement: statement.index,
      title: `statement ${statement.index}: "${text}" cannot be shortened to "${shorter}*"`,
      expected: 'sat',
      witness: 'w',
      unsatExample: `${shorter}*`,
      refutation: () =>
        `"${text}" is not a shortest safe prefix: "${shorter}*" ${isAction ? 'matches no unused action the original allows and no string outside it' : 'excludes no used action'}`,
      script: renderScript({
        id,
        claim: 'minimality',
        expected: 'sat',
        comments: [
          `Statement ${statement.index} (${statement.kind}): new pattern ${JSON.stringify(text)}, granularity ${input.granularity}.`,
          `The node one token shorter is ${JSON.stringify(shorter)} (from the catalog's tokens).`,
          isAction
            ? `sat: some string starting with it is an unused action the original allows (candidates: ${allowed.length > 0 ? 'such actions' : 'every unused action below it'}), or is outside the original patterns.`
            : `sat: some string starting with it is a used action the original allows (candidates: ${allowed.length > 0 ? 'such actions' : 'every used action below it'}).`,
        ],
        declarations: [...definitions(statement.original, used), '(declare-const w String)'],
        assertions: [lines('or', [...candidateTerms, ...escape])],
      }),
      replay: (witness) => {
        const lower = lowerAscii(witness);
        if (!lower.startsWith(shorter)) return false;
        const at = catalog.indexOf(lower);
        if (at !== undefined && lower !== except && unsafeFor(lower) && allowedBefore.has(at)) return true;
        return isAction && !statement.original.matches(lower);
      },
    });
  });
  return { obligations, structural };
}
