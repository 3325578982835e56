import { describe, expect, it } from 'vitest';
import { trieTitle } from '../../src/explain/describe.js';
import { DEFAULT_VIEW_ROWS, explain, withWitnesses, type ExplainedNode, type PatternTrie } from '../../src/explain/model.js';
import { parsePolicy } from '../../src/policy/parse.js';
import { allow, catalogOf, policyOf, unusedOf } from '../support.js';
import { recommend } from '../../src/recommend/recommend.js';
import type { Json } from '../../src/input/json.js';
import { articleRecommendedWith, articleRequest, FIGURE } from './_support.js';

const childrenOf = (trie: PatternTrie, id: number): ExplainedNode[] => trie.nodes[id]!.children.map((child) => trie.nodes[child]!);
const byLabel = (trie: PatternTrie, id = 0): Map<string, ExplainedNode> => new Map(childrenOf(trie, id).map((node) => [node.label, node]));

/** Explains a hand-made case: a policy's statements, a catalog and unused actions. */
function explainOn(services: Readonly<Record<string, readonly string[]>>, statements: Json, unused: Readonly<Record<string, readonly string[] | undefined>>, given?: Json) {
  const catalog = catalogOf(services);
  const original = policyOf(statements);
  const unusedSet = unusedOf(catalog, unused);
  const recommendation = recommend(original, unusedSet, catalog, { granularity: 'word' });
  return explain({ original, unused: unusedSet, catalog, granularity: 'word', recommendation, ...(given === undefined ? {} : { given: { policy: parsePolicy(given, 'given.json') } }) });
}

describe("the article's trie", () => {
  const explanation = explain(articleRequest());
  const trie = explanation.tries[0]!;

  it('is the only trie: s3:Get* is the one wildcard allowing unused actions', () => {
    expect(explanation.tries.map((each) => [each.statement, each.pattern, each.fate])).toEqual([[1, 's3:Get*', 'replaced']]);
  });

  it('has the root s3:Get and the figure\'s safe and unsafe children', () => {
    expect(trie.nodes[0]).toMatchObject({ prefix: 's3:Get', label: 's3:Get', safe: false, parent: -1 });
    const children = byLabel(trie);
    expect(Object.fromEntries(Object.keys(FIGURE).map((label) => [label, children.get(label)?.safe]))).toEqual(FIGURE);
  });

  it('marks the chosen shortest safe prefixes, each a child of the root, written as iam-refine writes it', () => {
    const chosen = trie.nodes.filter((node) => node.chosen !== undefined).map((node) => [node.label, node.chosen!.kind, node.chosen!.pattern]);
    expect(chosen).toEqual([
      ['Access', 'wildcard', 's3:GetAccess*'],
      ['Account', 'action', 's3:GetAccountPublicAccessBlock'],
      ['Data', 'action', 's3:GetDataAccess'],
      ['Job', 'action', 's3:GetJobTagging'],
      ['Multi', 'wildcard', 's3:GetMulti*'],
      ['Object', 'wildcard', 's3:GetObject*'],
      ['Storage', 'wildcard', 's3:GetStorage*'],
    ]);
    expect(trie.nodes.filter((node) => node.chosen !== undefined).every((node) => node.parent === 0 && node.safe)).toBe(true);
  });

  it('counts used and unused actions below each node', () => {
    const children = byLabel(trie);
    expect(trie.nodes[0]).toMatchObject({ used: 39, unused: 22, other: 0, chosenBelow: 7 });
    expect(children.get('Bucket')).toMatchObject({ used: 0, unused: 14 });
    expect(children.get('Multi')).toMatchObject({ used: 4, unused: 0 });
  });

  it('lists the unused actions at the leaves below an unsafe node, and opens it by default', () => {
    const bucket = [...byLabel(trie).entries()].find(([label]) => label === 'Bucket')![1];
    const id = trie.nodes.indexOf(bucket);
    expect(bucket.expanded).toBe(true);
    const leaves = childrenOf(trie, id);
    expect(leaves.map((leaf) => leaf.action)).toContainEqual({ name: 's3:GetBucketPolicy', kind: 'unused' });
    expect(leaves.every((leaf) => leaf.action?.kind === 'unused' && leaf.children.length === 0 && leaf.label === leaf.action.name.slice('s3:GetBucket'.length))).toBe(true);
    expect(leaves).toHaveLength(14);
  });

  it('keeps safe subtrees closed, their used actions below them', () => {
    const object = byLabel(trie).get('Object')!;
    const id = trie.nodes.indexOf(object);
    expect(object).toMatchObject({ expanded: false, flattened: true, action: { name: 's3:GetObject', kind: 'used' } });
    expect(childrenOf(trie, id).map((leaf) => leaf.prefix)).toContain('s3:GetObjectAcl');
    expect(childrenOf(trie, id).every((leaf) => leaf.action?.kind === 'used')).toBe(true);
  });

  it('lets a node of one action stand for it', () => {
    expect(byLabel(trie).get('Job')).toMatchObject({ action: { name: 's3:GetJobTagging', kind: 'used' }, children: [] });
  });

  it('attaches minimality witnesses to the nodes of the patterns they are about', () => {
    const witnessed = withWitnesses(explanation, new Map([[1, new Map([['s3:GetMulti*', 's3:GetAccelerateConfiguration']])]]));
    const nodes = witnessed.tries[0]!.nodes.filter((node) => node.witness !== undefined);
    expect(nodes.map((node) => [node.label, node.witness])).toEqual([['Multi', 's3:GetAccelerateConfiguration']]);
  });
});

describe('a given recommendation', () => {
  it("agrees everywhere with the article's own recommended policy", () => {
    const explanation = explain(articleRequest({ given: articleRecommendedWith({}) }));
    expect({ differences: explanation.tries[0]!.differences, unplaced: explanation.unplaced, given: explanation.given }).toEqual({ differences: 0, unplaced: [], given: true });
  });

  it('highlights the nodes it chose differently and names the patterns that are no node', () => {
    const explanation = explain(articleRequest({ given: articleRecommendedWith({ 's3:GetMulti*': 's3:GetMultiRegionAccessPoint*', 's3:GetObject*': 's3:GetObj*' }) }));
    const trie = explanation.tries[0]!;
    const differing = trie.nodes.filter((node) => node.chosen?.pattern !== node.given?.pattern).map((node) => [node.prefix, node.chosen?.pattern, node.given?.pattern]);
    expect(differing).toEqual([
      ['s3:GetMulti', 's3:GetMulti*', undefined],
      ['s3:GetMultiRegionAccessPoint', undefined, 's3:GetMultiRegionAccessPoint*'],
      ['s3:GetObject', 's3:GetObject*', undefined],
    ]);
    expect(trie.differences).toBe(3);
    expect(explanation.unplaced).toEqual([{ statement: 1, pattern: 's3:GetObj*' }]);
    // The given node lies deeper: the trie is drawn down to it, token by token.
    expect(trie.nodes.filter((node) => node.prefix.startsWith('s3:GetMulti') && (node.chosenBelow > 0 || (node.givenBelow ?? 0) > 0 || node.given !== undefined)).map((node) => node.label)).toEqual(['Multi', 'Region', 'Access', 'Point']);
  });
});

describe('tries of other shapes', () => {
  it('draws a wildcard inside a name from its literal prefix, counting actions other patterns allow', () => {
    const explanation = explainOn(
      { s3: ['GetObject', 'GetObjectAcl', 'PutObject', 'DeleteObject', 'ListBucket'] },
      allow(['s3:*Object*', 's3:ListBucket']),
      { s3: ['DeleteObject'] },
    );
    const trie = explanation.tries[0]!;
    expect(trie.nodes[0]).toMatchObject({ prefix: 's3:', used: 3, unused: 1, other: 1 });
    expect(trie.nodes.filter((node) => node.chosen !== undefined).map((node) => node.chosen!.pattern)).toEqual(['s3:GetObject*', 's3:PutObject']);
    expect(byLabel(trie).get('List')).toMatchObject({ used: 0, other: 1, action: { name: 's3:ListBucket', kind: 'other' } });
  });

  it('draws a removed wildcard, all of whose actions are unused, with nothing chosen', () => {
    const explanation = explainOn({ s3: ['GetObject', 'PutObject'], ec2: ['RunInstances'] }, allow(['s3:*', 'ec2:RunInstances']), { s3: undefined });
    expect(explanation.tries.map((trie) => [trie.pattern, trie.fate, trie.nodes.some((node) => node.chosen !== undefined)])).toEqual([['s3:*', 'removed', false]]);
  });

  it('explains nothing when no wildcard allows an unused action', () => {
    expect(explainOn({ s3: ['GetObject', 'PutObject'] }, allow(['s3:Get*', 's3:PutObject']), { s3: ['PutObject'] }).tries).toEqual([]);
  });

  it('opens a big trie only as far as a whole level fits the default view', () => {
    // 30 services of 20 one-word actions, half of them unused: the root opens (31 rows); opening
    // every service would show 631, more than the default view holds, so none opens.
    const words = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliett', 'Kilo', 'Lima', 'Mike', 'November', 'Oscar', 'Papa', 'Quebec', 'Romeo', 'Sierra', 'Tango'];
    const services = Object.fromEntries(Array.from({ length: 30 }, (_, service) => [`svc${service}`, words]));
    const unused = Object.fromEntries(Object.keys(services).map((service) => [service, words.filter((_, index) => index % 2 === 0)]));
    const trie = explainOn(services, allow('*'), unused).tries[0]!;
    const visible = trie.nodes.filter((node) => node.parent < 0 || trie.nodes[node.parent]!.expanded).length;
    expect(30 * 21 + 1).toBeGreaterThan(DEFAULT_VIEW_ROWS);
    expect({ root: trie.nodes[0]!.expanded, chosen: trie.nodes[0]!.chosenBelow, visible, opened: childrenOf(trie, 0).filter((node) => node.expanded).length }).toEqual({ root: true, chosen: 300, visible: 31, opened: 0 });
  });
});

describe('a given recommendation that keeps a refined wildcard', () => {
  it('chooses the root, which differs from every node iam-refine chose', () => {
    const explanation = explain(articleRequest({ given: articleRecommendedWith({ 's3:GetAccess*': 's3:Get*' }) }));
    const trie = explanation.tries[0]!;
    expect(trie.nodes[0]!.given).toEqual({ kind: 'wildcard', pattern: 's3:Get*' });
    expect(trie.givenReplacements).toEqual(['s3:Get*', 's3:GetAccountPublicAccessBlock', 's3:GetDataAccess', 's3:GetJobTagging', 's3:GetMulti*', 's3:GetObject*', 's3:GetStorage*']);
    expect(trie.differences).toBe(2);
    expect(explanation.unplaced).toEqual([]);
  });
});

describe('a NotAction statement', () => {
  const services = { s3: ['GetObject', 'PutObject', 'PutBucketPolicy', 'DeleteObject'], iam: ['CreateRole', 'PassRole'], ec2: ['RunInstances', 'DescribeInstances'] };
  const statement = allow(['iam:*'], 'NotAction');
  const unused = { s3: ['PutObject', 'PutBucketPolicy', 'DeleteObject'], ec2: ['RunInstances'] };

  it('draws its added exclusions on the trie of the whole catalog, where a safe node excludes no used action', () => {
    const trie = explainOn(services, statement, unused).tries[0]!;
    expect([trie.key, trie.pattern, trie.replacements]).toEqual(['NotAction', '*', ['ec2:RunInstances', 's3:DeleteObject', 's3:Put*']]);
    expect(trie.nodes[0]).toMatchObject({ label: '', used: 2, unused: 4, other: 2, safe: false });
    const children = byLabel(trie);
    expect([...children.keys()]).toEqual(['ec2:', 'iam:', 's3:']);
    expect(children.get('iam:')).toMatchObject({ used: 0, unused: 0, other: 2, safe: true });
    const s3 = byLabel(trie, trie.nodes.indexOf(children.get('s3:')!));
    expect([...s3].map(([label, node]) => [label, node.safe, node.chosen?.pattern])).toEqual([
      ['Delete', true, 's3:DeleteObject'],
      ['Get', false, undefined],
      ['Put', true, 's3:Put*'],
    ]);
  });

  it("compares a given recommendation's exclusions, an action at the highest node that covers it alone", () => {
    const given = { Version: '2012-10-17', Statement: [allow(['iam:*', 'ec2:RunInstances', 's3:DeleteObject', 's3:PutObject', 's3:PutBucketPolicy'], 'NotAction')] };
    const trie = explainOn(services, statement, unused, given).tries[0]!;
    expect(trie.nodes.filter((node) => node.chosen?.pattern !== node.given?.pattern).map((node) => [node.prefix, node.chosen?.pattern, node.given?.pattern])).toEqual([
      ['s3:Put', 's3:Put*', undefined],
      ['s3:PutBucket', undefined, 's3:PutBucketPolicy'],
      ['s3:PutObject', undefined, 's3:PutObject'],
    ]);
  });
});

describe('character granularity', () => {
  it('draws a chain of nodes that cover the same actions as one node, labelled with all their characters', () => {
    const trie = explain(articleRequest({ granularity: 'char' })).tries[0]!;
    const a = byLabel(trie).get('A')!;
    const below = byLabel(trie, trie.nodes.indexOf(a));
    expect([...below.keys()]).toEqual(['cc', 'n']);
    const cc = byLabel(trie, trie.nodes.indexOf(below.get('cc')!));
    expect([...cc].map(([label, node]) => [label, node.prefix, node.chosen?.pattern])).toEqual([
      ['e', 's3:GetAcce', undefined],
      ['o', 's3:GetAcco', 's3:GetAccountPublicAccessBlock'],
    ]);
    expect(trie.nodes.filter((node) => node.chosen !== undefined).map((node) => node.chosen!.pattern)).toEqual(trie.replacements);
  });
});

describe('naming statements', () => {
  it("titles a trie by its statement's index and Sid, or its index alone", () => {
    const explanation = explainOn({ s3: ['GetObject', 'GetObjectAcl', 'GetBucketAcl'] }, [{ Sid: 'Read', ...allow('s3:Get*') }, allow('s3:GetObject', 'NotAction')], { s3: ['GetBucketAcl'] });
    expect(explanation.tries.map(trieTitle)).toEqual(['statement 0 (Read), s3:Get*: replaced by 1 pattern', 'statement 1, NotAction: 1 exclusion added (a safe node excludes no used action)']);
  });
});
