import { describe, expect, it } from 'vitest';
import { buildPrefixTree, type Members, type PrefixTree } from '../../src/recommend/prefix-tree.js';

function membersOf(...names: string[]): Members {
  return { lower: names.map((name) => name.toLowerCase()), spelling: names };
}

/** Each node as `key <- parent key`. */
const edges = (tree: PrefixTree): string[] => tree.keys.map((key, node) => `${key} <- ${tree.keys[tree.parents[node]!] ?? '-'}`);

const DASHBOARDS = membersOf('q:DescribeDashboard', 'q:DescribeDashboardPermissions', 'q:DescribeDashboardSnapshotJob', 'q:DescribeDashboardsQA');

describe('buildPrefixTree', () => {
  it('makes a node of every word prefix longer than the root, sorted, with the root first', () => {
    expect(buildPrefixTree(membersOf('s3:GetObject', 's3:GetObjectAcl', 's3:GetBucketAcl'), 's3:', 'word').keys).toEqual(['s3:', 's3:get', 's3:getbucket', 's3:getbucketacl', 's3:getobject', 's3:getobjectacl']);
  });

  it('hangs each node below its longest proper prefix that is a node, by string prefix and not by word path', () => {
    // DescribeDashboardSnapshotJob starts with "describedashboards", so it sits below that node.
    expect(edges(buildPrefixTree(DASHBOARDS, 'q:describe', 'word'))).toEqual([
      'q:describe <- -',
      'q:describedashboard <- q:describe',
      'q:describedashboardpermissions <- q:describedashboard',
      'q:describedashboards <- q:describedashboard',
      'q:describedashboardsnapshot <- q:describedashboards',
      'q:describedashboardsnapshotjob <- q:describedashboardsnapshot',
      'q:describedashboardsqa <- q:describedashboards',
    ]);
  });

  it('lists children in sorted order and gives each node the range of members its wildcard matches', () => {
    const tree = buildPrefixTree(DASHBOARDS, 'q:describe', 'word');
    expect(tree.children).toEqual([[1], [2, 3], [], [4, 6], [5], [], []]);
    expect(tree.ranges).toEqual([[0, 4], [0, 4], [1, 2], [2, 4], [2, 3], [2, 3], [3, 4]]);
  });

  it('merges words that differ only in case: Describelabel and DescribeLabelGroup share the node "describelabel"', () => {
    const tree = buildPrefixTree(membersOf('l:Describelabel', 'l:DescribeLabelGroup'), 'l:', 'word');
    expect(tree.keys).toEqual(['l:', 'l:describe', 'l:describelabel', 'l:describelabelgroup']);
    expect(tree.ranges[2]).toEqual([0, 2]);
  });

  it('ignores members outside the root for nodes, and the root range holds only the members below it', () => {
    const tree = buildPrefixTree(membersOf('a:Other', 'q:DescribeA'), 'q:', 'word');
    expect({ keys: tree.keys, root: tree.ranges[0] }).toEqual({ keys: ['q:', 'q:describe', 'q:describea'], root: [1, 2] });
  });

  it('in char mode, makes a node of every character prefix longer than the root', () => {
    expect(buildPrefixTree(membersOf('s3:Get', 's3:Gem'), 's3:', 'char').keys).toEqual(['s3:', 's3:g', 's3:ge', 's3:gem', 's3:get']);
  });
});
