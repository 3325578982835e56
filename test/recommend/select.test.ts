import { describe, expect, it } from 'vitest';
import { buildPrefixTree, type PrefixTree } from '../../src/recommend/prefix-tree.js';
import { shortestSafeNodes, writeSelected, type Mark } from '../../src/recommend/select.js';

/** A word tree over the actions, each with its mark, rooted at `root`. */
function treeOf(root: string, marked: Readonly<Record<string, Mark>>): { tree: PrefixTree; marks: Mark[] } {
  const names = Object.keys(marked).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
  const tree = buildPrefixTree({ lower: names.map((name) => name.toLowerCase()), spelling: names }, root, 'word');
  return { tree, marks: names.map((name) => marked[name]!) };
}

/** The selected nodes written as patterns. */
function selected(root: string, marked: Readonly<Record<string, Mark>>, expressible?: (key: string) => boolean): string[] {
  const { tree, marks } = treeOf(root, marked);
  return shortestSafeNodes(tree, marks, expressible && ((node) => expressible(tree.keys[node]!))).map((node) => writeSelected(tree, node));
}

describe('shortestSafeNodes and writeSelected', () => {
  it('takes the highest node with no forbidden member below it', () => {
    expect(selected('s3:get', { 's3:GetObject': 'wanted', 's3:GetObjectAcl': 'wanted', 's3:GetBucketAcl': 'forbidden' })).toEqual(['s3:GetObject*']);
  });

  it('gives one wildcard for a node that is an action and has children when all are wanted', () => {
    expect(selected('s3:', { 's3:GetBucketAcl': 'forbidden', 's3:GetObject': 'wanted', 's3:GetObjectAcl': 'wanted', 's3:GetObjectTagging': 'wanted' })).toEqual(['s3:GetObject*']);
  });

  it('takes a wanted action by name when the node it is has a forbidden child, then goes deeper for the rest', () => {
    expect(selected('s3:', { 's3:GetObject': 'wanted', 's3:GetObjectAcl': 'forbidden', 's3:GetObjectTagging': 'wanted', 's3:GetObjectTorrent': 'wanted', 's3:PutObject': 'forbidden' })).toEqual([
      's3:GetObject',
      's3:GetObjectTagging',
      's3:GetObjectTorrent',
    ]);
  });

  it('writes a safe node that covers a single action as that action, not as a wildcard', () => {
    expect(selected('s3:', { 's3:GetObject': 'wanted', 's3:PutObject': 'forbidden' })).toEqual(['s3:GetObject']);
  });

  it('lets a safe node cover neutral members and skips nodes with nothing wanted', () => {
    expect(selected('s3:', { 's3:GetBucketAcl': 'forbidden', 's3:GetObject': 'wanted', 's3:GetObjectAcl': 'neutral', 's3:PutObject': 'forbidden', 's3:PutObjectAcl': 'neutral' })).toEqual(['s3:GetObject*']);
  });

  it('selects nothing when nothing is wanted, and the root itself when nothing is forbidden', () => {
    expect(selected('s3:', { 's3:GetObject': 'neutral', 's3:PutObject': 'forbidden' })).toEqual([]);
    expect(selected('s3:get', { 's3:GetObject': 'wanted', 's3:GetBucket': 'wanted' })).toEqual(['s3:Get*']);
  });

  it('goes below a safe node whose wildcard may not stand, unless it covers a single member', () => {
    const notShort = (key: string): boolean => key.length > 's3:get'.length;
    expect(selected('s3:', { 's3:GetObject': 'wanted', 's3:GetObjectAcl': 'wanted', 's3:GetBucket': 'wanted', 's3:Put': 'forbidden' }, notShort)).toEqual(['s3:GetBucket', 's3:GetObject*']);
  });

  it("writes a wildcard in the spelling of the node's first member", () => {
    expect(selected('l:', { 'l:Describelabel': 'wanted', 'l:DescribeLabelGroup': 'wanted', 'l:DescribeModel': 'forbidden' })).toEqual(['l:Describelabel*']);
  });
});
