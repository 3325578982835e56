import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain/model.js';
import { COLOURED, explanationTree } from '../../src/explain/tree-text.js';
import { articleRecommendedWith, articleRequest } from './_support.js';

describe('the terminal tree', () => {
  it("draws the article's trie", async () => {
    await expect(explanationTree(explain(articleRequest()))).toMatchFileSnapshot('__snapshots__/article-tree.txt');
  });

  it('is plain text unless asked for colours, and the colours change nothing else', () => {
    const explanation = explain(articleRequest());
    const plain = explanationTree(explanation);
    const coloured = explanationTree(explanation, COLOURED);
    expect(plain).not.toContain('\u001b[');
    expect(coloured).toContain('\u001b[32mAccess\u001b[0m');
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
  });

  it("names what a given recommendation chose differently", () => {
    const tree = explanationTree(explain(articleRequest({ given: articleRecommendedWith({ 's3:GetMulti*': 's3:GetMultiRegionAccessPoint*', 's3:GetObject*': 's3:GetObj*' }) })));
    // The title and the root count the same patterns: 6 of the 7 given are nodes below the root.
    expect(tree).toContain('statement 1, s3:Get*: replaced by 7 patterns in the given recommendation, 1 of them no node of this trie\ns3:Get  39 used · 22 unused  unsafe  6 given below (iam-refine: 7)\n');
    expect(tree).toContain('├─ Multi  4 used · 0 unused  safe  1 given below (iam-refine: 0)  chosen: s3:GetMulti*; not in the given recommendation');
    expect(tree).toContain('Point  4 used · 0 unused  safe, used action s3:GetMultiRegionAccessPoint  given: s3:GetMultiRegionAccessPoint* (iam-refine: not chosen)');
    expect(tree).toContain('statement 1: the given pattern s3:GetObj* is no node of a trie');
  });
});
