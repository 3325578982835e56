import { describe, expect, it } from 'vitest';
import { TrieNodes } from '../../src/catalog/trie-nodes.js';
import { parseGlob } from '../../src/glob/glob.js';
import { catalogOf } from '../support.js';

const CATALOG = catalogOf({
  s3: ['GetObject', 'GetObjectAcl', 'GetObjectTagging', 'GetBucketAcl', 'GetBucketPolicy', 'PutObject', 'ListBucket'],
  iam: ['GetUser', 'ListUsers'],
  ec2: ['DescribeInstances'],
});

const WORD = new TrieNodes(CATALOG, 'word', undefined);
const CHAR = new TrieNodes(CATALOG, 'char', undefined);

/** Nodes over the members a statement allows: here the actions `s3:GetObject*` and `s3:GetBucketAcl` match. */
const MEMBERS = new Set(['s3:GetObject', 's3:GetObjectAcl', 's3:GetObjectTagging', 's3:GetBucketAcl'].map((action) => CATALOG.indexOf(action)!));
const ALLOWED = new TrieNodes(CATALOG, 'word', MEMBERS);

const shorter = (nodes: TrieNodes, pattern: string): string => nodes.shorterPrefix(parseGlob(pattern));

describe('TrieNodes', () => {
  it('has a node at each word boundary of the actions, the service with its colon first, ignoring case', () => {
    expect(['s3:', 's3:get', 's3:getobject', 'S3:GetObjectAcl', 's3:getbucket', 'iam:list', 'iam:listusers'].map((prefix) => WORD.isNode(prefix))).toEqual([true, true, true, true, true, true, true]);
  });

  it('has no node inside a word, inside a service prefix, or at the empty root', () => {
    expect(['s3:getobj', 's3:g', 's3', 's', '', 's3:getobjectx'].map((prefix) => WORD.isNode(prefix))).toEqual([false, false, false, false, false, false]);
  });

  it('has a node at every character after the service in char mode', () => {
    expect(['s3:', 's3:g', 's3:getobj', 's3:getobjectac', 's3'].map((prefix) => CHAR.isNode(prefix))).toEqual([true, true, true, true, false]);
  });

  it('gives as parent the node one word shorter', () => {
    expect(['s3:getobjectacl', 's3:getobject', 's3:get', 'iam:listusers'].map((prefix) => WORD.parent(prefix))).toEqual(['s3:getobject', 's3:get', 's3:', 'iam:list']);
  });

  it('gives as parent the node one character shorter in char mode', () => {
    expect(['s3:getobject', 's3:g'].map((prefix) => CHAR.parent(prefix))).toEqual(['s3:getobjec', 's3:']);
  });

  it('gives the longest node below a prefix that is not a node itself', () => {
    expect(WORD.parent('s3:GetObj')).toBe('s3:get');
  });

  it('gives the empty root as the parent of a service', () => {
    expect(WORD.parent('s3:')).toBe('');
  });

  it('counts the actions starting with a prefix, ignoring case', () => {
    expect(['s3:getobject', 'S3:GET', 's3:', 's3:x'].map((prefix) => WORD.cover(prefix))).toEqual([3, 5, 7, 0]);
  });

  it('has nodes, and counts, only over its members', () => {
    expect({
      nodes: ['s3:getobject', 's3:getbucketacl', 's3:getbucketpolicy', 's3:put'].map((prefix) => ALLOWED.isNode(prefix)),
      cover: ['s3:get', 's3:getbucket', 's3:'].map((prefix) => ALLOWED.cover(prefix)),
      members: ['s3:GetObject', 's3:PutObject'].map((action) => ALLOWED.isMember(CATALOG.indexOf(action)!)),
    }).toEqual({ nodes: [true, true, false, false], cover: [4, 1, 4], members: [true, false] });
  });

  it('counts every action a member without a member set', () => {
    expect(WORD.isMember(CATALOG.indexOf('ec2:DescribeInstances')!)).toBe(true);
  });

  it('shortens s3:GetObject* to its parent s3:get', () => {
    expect(shorter(WORD, 's3:GetObject*')).toBe('s3:get');
  });

  it('shortens s3:GetObject* to s3:getobjec in char mode', () => {
    expect(shorter(CHAR, 's3:GetObject*')).toBe('s3:getobjec');
  });

  it('shortens a literal other actions start with to itself (its own wildcard)', () => {
    expect(shorter(WORD, 's3:GetObject')).toBe('s3:getobject');
  });

  it('climbs a literal covering alone to the highest node covering only it, and gives its parent', () => {
    expect([shorter(WORD, 's3:PutObject'), shorter(WORD, 's3:GetObjectTagging'), shorter(WORD, 'iam:GetUser')]).toEqual(['s3:', 's3:getobject', 'iam:']);
  });

  it('climbs over the members only', () => {
    expect(shorter(ALLOWED, 's3:GetBucketAcl')).toBe('s3:get');
  });

  it('climbs to the empty root for the only action of a service', () => {
    expect(shorter(WORD, 'ec2:DescribeInstances')).toBe('');
  });
});
