import { describe, expect, it } from 'vitest';
import { GRANULARITIES, tokenBoundaries, words } from '../../src/catalog/tokenize.js';

describe('words', () => {
  it('cuts CamelCase names at each capital that starts a word', () => {
    expect(words('GetBucketCORS')).toEqual(['Get', 'Bucket', 'CORS']);
    expect(words('GetObject')).toEqual(['Get', 'Object']);
  });

  it('starts a new word at the last capital of an acronym followed by lower case', () => {
    expect(words('CreateDBInstance')).toEqual(['Create', 'DB', 'Instance']);
    expect(words('AssociateViaAWSService')).toEqual(['Associate', 'Via', 'AWS', 'Service']);
  });

  it('keeps digits with the word before them and starts a word at a capital after a digit', () => {
    expect(words('ListObjectsV2')).toEqual(['List', 'Objects', 'V2']);
    expect(words('EC2InstanceConnect')).toEqual(['EC2', 'Instance', 'Connect']);
    expect(words('Get2FA')).toEqual(['Get2', 'FA']);
  });

  it('makes a hyphen or an underscore a word of its own', () => {
    expect(words('AssociateViaAWSService-EventsAndStates')).toEqual(['Associate', 'Via', 'AWS', 'Service', '-', 'Events', 'And', 'States']);
    expect(words('PutObject_Tag')).toEqual(['Put', 'Object', '_', 'Tag']);
  });

  it('keeps irregular spellings as written: Describelabel is one word, DescribeLabelGroup three', () => {
    expect([words('Describelabel'), words('DescribeLabelGroup')]).toEqual([['Describelabel'], ['Describe', 'Label', 'Group']]);
  });

  it('keeps a name of one word, all capitals or a lower-case start whole', () => {
    expect([words('A'), words('ABC'), words('getObject')]).toEqual([['A'], ['ABC'], ['get', 'Object']]);
  });
});

describe('tokenBoundaries', () => {
  it('in word mode, makes the service prefix with its colon the first token and ends at the length', () => {
    expect(tokenBoundaries('s3:GetBucketCORS', 'word')).toEqual([3, 6, 12, 16]);
    expect(tokenBoundaries('vpc-lattice:AssociateViaAWSService-EventsAndStates', 'word')).toEqual([12, 21, 24, 27, 34, 35, 41, 44, 50]);
  });

  it('in word mode, gives the colon position alone for a name that is only a service prefix', () => {
    expect(tokenBoundaries('s3:', 'word')).toEqual([3]);
  });

  it('in char mode, cuts after the service prefix and then after every character', () => {
    expect(tokenBoundaries('s3:Get', 'char')).toEqual([3, 4, 5, 6]);
  });

  it('offers exactly the two granularities, word first', () => {
    expect(GRANULARITIES).toEqual(['word', 'char']);
  });
});
