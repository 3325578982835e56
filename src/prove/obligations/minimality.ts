import type { Catalog } from '../../catalog/catalog.js';
import { tokenBoundaries, type Granularity } from '../../catalog/tokenize.js';
import { TrieNodes } from '../../catalog/trie-nodes.js';
import { lowerAscii } from '../../glob/glob.js';
import { uncoveredString } from '../../glob/inclusion.js';
import type { CheckInput } from '../context.js';
import type { Obligation, StructuralResult } from '../obligation.js';
import { renderScript } from '../smt/script.js';
import { and, member, prefixRegex, stringLiteral } from '../smt/terms.js';
import type { StatementCase } from '../statement-case.js';
import { chunksByService, witnessName, type Chunk } from './chunks.js';
import { predicates } from './pattern-set.js';
import { coveringForm } from './covering.js';
import { allowedIndices, allowsTerm, lowerCaseDomain, orLines, statementKindComment } from './terms.js';

/** How many new patterns one ground minimality obligation states: its lines are cheap, its fixed cost is not. */
const GROUND_CAPACITY = 128;

/** One new pattern's question: can its prefix be shortened to `shorter`? */
interface Shortening {
  readonly position: number;
  readonly text: string;
  readonly shorter: string;
  /** The action a new literal names: not a reason against its own shortening. */
  readonly except: string | undefined;
  /** A catalog action below `shorter` it must avoid, found by enumeration; `undefined` when there is none. */
  readonly candidate: number | undefined;
  /** Whether the candidate is a reason (allowed by the original, and unused for `Action` or used for `NotAction`). */
  readonly found: boolean;
  /** The facts that make the trie's shape: the members whose token boundaries make the node and its parent. */
  readonly node: string;
  readonly parent: string;
}

/**
 * Claim 4, minimality: each new pattern is a node of the trie (its literal prefix ends at a token
 * boundary of an action the statement allows) and a shortest safe one: the node one token
 * shorter cannot stand instead, because it reaches an action it must avoid (an unused action the
 * original allows; for `NotAction` exclusions, a used one), or, for `Action`, a string the
 * original does not match. A new literal stands for the highest node covering only it.
 *
 * The trie's shape comes from the catalog's tokens: whether a pattern is a node is structural,
 * and each file states, per pattern, the node, its parent and the allowed action whose token
 * split makes each of them. Where enumeration finds a catalog action to avoid, the file names it
 * with its facts (unused, allowed by O) and the solver confirms them, ground, expected `unsat`:
 * no new pattern is shortenable. Where none exists (an `Action` pattern whose parent is only
 * wrong outside the original), one obligation per statement asks the solver for a string below
 * the parent outside O, expected `sat`.
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
    // The first action below the shorter prefix it must avoid, preferring those the original allows.
    let candidate: number | undefined;
    let fallback: number | undefined;
    const [from, to] = catalog.rangeWithPrefix(shorter);
    for (let at = from; at < to && candidate === undefined; at++) {
      const lower = catalog.lowerActions[at]!;
      if (lower === except) continue;
      if (unsafeFor(lower) && allowedBefore.has(at)) candidate = at;
      else fallback ??= at;
    }
    const node = glob.hasWildcard ? nodeFact(catalog, nodes, input.granularity, glob.literalPrefix) : `the action ${catalog.actions[index!]}`;
    const parent = shorter === '' ? 'the root' : nodeFact(catalog, nodes, input.granularity, shorter);
    shortenings.set(position, { position, text, shorter, except, candidate: candidate ?? fallback, found: candidate !== undefined, node, parent });
  });

  const ground = [...shortenings.values()].filter((question) => question.found || !isAction);
  const escapes = [...shortenings.values()].filter((question) => !question.found && isAction);
  const obligations = [
    ...chunksByService(refined, ground.map((question) => question.position), GROUND_CAPACITY).map((chunk) => groundObligation(statement, input, chunk, shortenings, allowedBefore, unsafeFor)),
    ...(escapes.length === 0 ? [] : [escapeObligation(statement, escapes)]),
  ];
  return { obligations, structural };
}

/** `"s3:getobject" (s3:|Get|Object|Acl of s3:GetObjectAcl)`: a node and the allowed action whose token split makes it one. */
function nodeFact(catalog: Catalog, nodes: TrieNodes, granularity: Granularity, prefix: string): string {
  const member = nodes.boundaryOf(prefix);
  if (member === undefined) return JSON.stringify(prefix);
  const action = catalog.actions[member]!;
  const cuts = [0, ...tokenBoundaries(action, granularity)];
  const split = granularity === 'word' ? cuts.slice(1).map((cut, slot) => action.slice(cuts[slot], cut)).join('|') : `${action.slice(0, prefix.length)}|${action.slice(prefix.length)}`;
  return `${JSON.stringify(prefix)} (${split} of ${action})`;
}

function groundObligation(
  statement: StatementCase,
  input: CheckInput,
  chunk: Chunk<number>,
  shortenings: ReadonlyMap<number, Shortening>,
  allowedBefore: ReadonlySet<number>,
  unsafeFor: (lower: string) => boolean,
): Obligation {
  const { catalog, unused } = input;
  const isAction = statement.kind === 'Action';
  const questions = chunk.items.map((position) => shortenings.get(position)!);
  const used = new Set<number>();
  const lines = questions.map(({ text, shorter, candidate }) => {
    const lower = candidate === undefined ? shorter : catalog.lowerActions[candidate]!;
    return `(shortenable ${stringLiteral(text)} ${stringLiteral(shorter)} ${stringLiteral(lower)} ${unused.actions.has(lower)} ${allowsTerm(statement.original, statement.kind, lower, used)})`;
  });
  const id = `s${statement.index}-minimality-${chunk.key}`;
  const named = (question: Shortening): string => (question.candidate === undefined ? question.shorter : catalog.lowerActions[question.candidate]!);
  return {
    id,
    claim: 'minimality',
    statement: statement.index,
    title: `statement ${statement.index}: ${questions.length > 3 ? `${questions.length} new ${chunk.key} patterns` : questions.map(describe).join(', ')}: no shorter prefix can stand`,
    expected: 'unsat',
    witnesses: ['w'],
    witnessesFor: questions.map((question) => question.text),
    namedWitnesses: questions.map(named),
    script: renderScript({
      id,
      claim: 'minimality',
      expected: 'unsat',
      comments: [
        `Claim 4 (minimality), statement ${statement.index}, granularity ${input.granularity}: each new pattern is a shortest safe prefix.`,
        statementKindComment(statement.kind),
        'Per new pattern, the trie node it stands for and its parent (one token shorter), each with the allowed action whose token split makes it a node:',
        ...questions.map((question) => `  ${question.text}: node ${question.node}; parent ${question.parent}`),
        `Each line: a new pattern, its parent prefix, and a catalog action below the parent with whether it is unused and whether O allows it.`,
        isAction
          ? 'unsat: at every line, the action is an unused action the original allows, so the parent would allow it and cannot stand.'
          : 'unsat: at every line, the action is a used action the original allows, so the shorter exclusion would take it away and cannot stand.',
      ],
      declarations: [
        ...predicates(statement.original, used),
        '(declare-const w String)',
        '(define-fun shortenable ((pattern String) (parent String) (a String) (unused Bool) (allowed-by-O Bool)) Bool',
        `  (and (= w pattern) (not (and (str.prefixof parent a) ${isAction ? 'unused' : '(not unused)'} allowed-by-O))))`,
      ],
      assertions: [orLines(lines)],
    }),
    refutation: ([witness = '']) => {
      const culprit = questions.find((question) => question.text === witness) ?? questions.find((question) => !question.found);
      if (culprit === undefined) return { explanation: 'some new pattern of this chunk is not a shortest safe prefix' };
      return {
        example: `${culprit.shorter}*`,
        explanation: `"${culprit.text}" is not a shortest safe prefix: "${culprit.shorter}*" ${isAction ? 'matches no unused action the original allows and no string outside it' : 'excludes no used action'}`,
      };
    },
    // A refutation names a pattern; it holds if no catalog action below its parent is a reason.
    replay: ([witness = '']) => {
      const question = questions.find((candidate) => candidate.text === witness);
      if (question === undefined) return false;
      const [from, to] = catalog.rangeWithPrefix(question.shorter);
      for (let at = from; at < to; at++) {
        const lower = catalog.lowerActions[at]!;
        if (lower !== question.except && unsafeFor(lower) && allowedBefore.has(at)) return false;
      }
      return true;
    },
  };
}

/** The `Action` patterns whose parent only errs outside the original: the solver must find that string. */
function escapeObligation(statement: StatementCase, questions: readonly Shortening[]): Obligation {
  const original = statement.original;
  const refined = statement.refined!;
  const coverings = questions.map(({ shorter }) => original.overlapping(shorter));
  const form = coveringForm(original, coverings.flat());
  const assertions = questions.map(({ position, shorter }, slot) => {
    const witness = witnessName(refined, position);
    return and([member(witness, `(re.diff ${prefixRegex(shorter)} ${form.union(coverings[slot]!)})`), ...form.outside(coverings[slot]!, witness), lowerCaseDomain(witness)]);
  });
  const id = `s${statement.index}-minimality-outside`;
  return {
    id,
    claim: 'minimality',
    statement: statement.index,
    title: `statement ${statement.index}: ${questions.length > 3 ? `${questions.length} new patterns` : questions.map(describe).join(', ')}: the shorter prefix reaches outside the original`,
    expected: 'sat',
    witnesses: questions.map(({ position }) => witnessName(refined, position)),
    witnessesFor: questions.map((question) => question.text),
    script: renderScript({
      id,
      claim: 'minimality',
      expected: 'sat',
      comments: [
        `Claim 4 (minimality), statement ${statement.index}: new patterns below whose parent no unused action the original allows lies.`,
        'Per new pattern, the trie node it stands for and its parent (one token shorter):',
        ...questions.map((question) => `  ${witnessName(refined, question.position)}: ${question.text}: node ${question.node}; parent ${question.parent}`),
        'sat: for each, a string (no upper-case ASCII) starting with the parent that no original pattern matches: the parent would grant it.',
      ],
      declarations: [...form.definitions, ...questions.map(({ position }) => `(declare-const ${witnessName(refined, position)} String)`)],
      assertions,
    }),
    refutation: () => {
      const culprit = questions.find(({ shorter }) => uncoveredString(original.texts, `${shorter}*`) === undefined);
      if (culprit === undefined) return { explanation: 'some new pattern is not a shortest safe prefix' };
      return { example: `${culprit.shorter}*`, explanation: `"${culprit.text}" is not a shortest safe prefix: "${culprit.shorter}*" matches no unused action the original allows and no string outside it` };
    },
    replay: (values) =>
      questions.every(({ shorter }, slot) => {
        const lower = lowerAscii(values[slot] ?? '');
        return lower.startsWith(shorter) && !original.matches(lower);
      }),
  };
}

function describe({ text, shorter }: { text: string; shorter: string }): string {
  return `${JSON.stringify(text)} not to ${JSON.stringify(`${shorter}*`)}`;
}
