import { tokenBoundaries } from '../../catalog/tokenize.js';
import { lowerAscii } from '../../glob/glob.js';
import type { CheckInput } from '../context.js';
import { stringLiteral } from '../smt/terms.js';
import type { StatementCase } from '../statement-case.js';
import { and, ConcreteStatement, existsIn, isLowerCase, or, render, statementDefinitions, unusedList, type SpecQuery, type SpecStructural } from './definitions.js';

/**
 * The trie of a statement, written out naively from its definition: its members are the catalog
 * actions the original `Action` statement allows (for `NotAction` exclusions, the whole catalog);
 * its nodes are the prefixes of a member that end at a token boundary; a node's parent is its
 * longest proper prefix that is a node (the empty root when there is none).
 */
class NaiveTrie {
  readonly members: readonly string[];
  private readonly nodes = new Set<string>();

  constructor(statement: StatementCase, input: CheckInput) {
    const concrete = new ConcreteStatement(statement, input);
    const { actions } = input.catalog;
    const members: string[] = [];
    for (const action of actions) {
      const lower = lowerAscii(action);
      if (statement.kind === 'Action' && !concrete.allowedO(lower)) continue;
      members.push(lower);
      for (const cut of tokenBoundaries(action, input.granularity)) this.nodes.add(lower.slice(0, cut));
    }
    this.members = members;
  }

  isNode(prefix: string): boolean {
    return this.nodes.has(prefix);
  }

  parent(prefix: string): string {
    for (let length = prefix.length - 1; length > 0; length--) if (this.nodes.has(prefix.slice(0, length))) return prefix.slice(0, length);
    return '';
  }

  cover(prefix: string): number {
    return this.members.filter((member) => member.startsWith(prefix)).length;
  }
}

/** The literal text of a pattern before its first wildcard, lower-cased, and whether it has one. */
function literalPart(text: string): { prefix: string; wildcard: boolean } {
  const lower = lowerAscii(text);
  const at = lower.search(/[*?]/);
  return at === -1 ? { prefix: lower, wildcard: false } : { prefix: lower.slice(0, at), wildcard: true };
}

/**
 * Claim 4, minimality: each pattern of R that O does not have verbatim (for `NotAction`: each
 * added exclusion) is a trie node, and its parent, one token shorter, is unsafe. Being a node is
 * structure (the catalog's tokens), decided here: a wildcard's literal part ends at a token
 * boundary of a member; a literal is a member. The prefix that must not stand instead is, for
 * `p*`, the parent of `p`; for a literal, itself when other members start with it (an unsafe node
 * taken by name), otherwise the parent of the highest node covering that action alone. That the
 * prefix is unsafe is left to the solver, with one witness constant per pattern and no candidate
 * named: a string starting with the prefix that is, for `Action`, an unused catalog action the
 * original allows (not the literal itself; the existential over U written out) or any lower-case
 * string the original does not allow; for `NotAction`, a used catalog action the original allows
 * (one the wider exclusion would take away; over the whole of C). One query for the statement,
 * expected `sat`.
 */
export function minimalitySpecification(statement: StatementCase, input: CheckInput): { query?: SpecQuery; structural: SpecStructural[] } {
  const refined = statement.refined;
  const structural: SpecStructural[] = [];
  if (refined === undefined) return { structural };
  const trie = new NaiveTrie(statement, input);
  const concrete = new ConcreteStatement(statement, input);
  const isAction = statement.kind === 'Action';
  const questions: { name: string; text: string; shorter: string; except: string | undefined }[] = [];
  refined.texts.forEach((text, position) => {
    if (statement.original.texts.includes(text)) return;
    const { prefix, wildcard } = literalPart(text);
    const node = wildcard ? trie.isNode(prefix) : trie.members.includes(prefix);
    if (!node) {
      structural.push({ claim: 'minimality', statement: statement.index, holds: false, explanation: `${JSON.stringify(text)} is no node of the trie` });
      return;
    }
    let shorter: string;
    if (wildcard) shorter = trie.parent(prefix);
    else if (trie.cover(prefix) > 1) shorter = prefix;
    else {
      let highest = prefix;
      while (trie.parent(highest) !== '' && trie.cover(trie.parent(highest)) === 1) highest = trie.parent(highest);
      shorter = trie.parent(highest);
    }
    questions.push({ name: `w${position}`, text, shorter, except: wildcard ? undefined : prefix });
  });
  if (questions.length === 0) return { structural };
  // The actions a shorter prefix must not reach: unused ones the original allows (Action), used ones it allows (NotAction).
  const avoid = isAction ? '(define-fun must_avoid ((x String)) Bool (and (in_U x) (allowed_O x)))' : '(define-fun must_avoid ((x String)) Bool (and (in_C x) (not (in_U x)) (allowed_O x)))';
  const among = isAction ? unusedList(input) : input.catalog.lowerActions;
  const assertions = questions.map(({ name, shorter, except }) => {
    const prefix = stringLiteral(shorter);
    const action = existsIn(name, among, (member) => and([`(str.prefixof ${prefix} ${member})`, `(must_avoid ${member})`, ...(except === undefined ? [] : [`(not (= ${member} ${stringLiteral(except)}))`])]));
    // Or any lower-case string starting with the prefix outside what the original allows, as one membership.
    return isAction ? or([action, `(str.in_re ${name} (re.inter (re.++ (str.to_re ${prefix}) re.all) LOWER (re.comp A_O)))`]) : action;
  });
  const unsafeConcretely = (value: string, shorter: string, except: string | undefined): boolean => {
    if (!value.startsWith(shorter)) return false;
    const candidate = value !== except && concrete.allowedO(value);
    if (!isAction) return candidate && concrete.inC(value) && !concrete.inU(value);
    return (candidate && concrete.inU(value)) || (isLowerCase(value) && !concrete.allowedO(value));
  };
  return {
    structural,
    query: {
      claim: 'minimality',
      statement: statement.index,
      expected: 'sat',
      witnesses: questions.map(({ name }) => name),
      script: render({
        title: `claim 4 (minimality), statement ${statement.index}, granularity ${input.granularity}: for each new pattern, a string below its parent that the parent must not allow`,
        expected: 'sat',
        definitions: [
          ...statementDefinitions(statement, input),
          ...questions.map(({ name, text, shorter }) => `; ${name}: ${JSON.stringify(text)} must not become ${JSON.stringify(`${shorter}*`)}`),
        ],
        declarations: [avoid, ...questions.map(({ name }) => `(declare-const ${name} String)`)],
        assertions,
      }),
      replay: (values) => questions.every(({ shorter, except }, slot) => unsafeConcretely(values[slot] ?? '', shorter, except)),
    },
  };
}
