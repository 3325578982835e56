import { describe, expect, it } from 'vitest';
import { withoutRedundant, type Candidate } from '../../src/recommend/redundancy.js';
import { catalogOf } from '../support.js';

const catalog = catalogOf({ s3: ['GetObject', 'GetObjectAcl', 'GetBucketAcl', 'PutObject'] });

const old = (text: string, dropWhen: Candidate['dropWhen'] = 'catalog'): Candidate => ({ text, isNew: false, dropWhen });
const added = (text: string): Candidate => ({ text, isNew: true, dropWhen: 'catalog' });

describe('withoutRedundant', () => {
  it('drops a pattern whose catalog actions the others all cover', () => {
    expect(withoutRedundant([old('s3:Get*'), old('s3:GetObject')], catalog)).toEqual({ kept: ['s3:Get*'], dropped: ['s3:GetObject'] });
  });

  it("drops the patterns the refinement wrote before the user's own", () => {
    expect(withoutRedundant([added('s3:GetObject*'), old('s3:GetObject'), old('s3:GetObjectAcl')], catalog)).toEqual({ kept: ['s3:GetObject', 's3:GetObjectAcl'], dropped: ['s3:GetObject*'] });
  });

  it('judges the new patterns in order, each against the patterns still kept', () => {
    // s3:GetObject goes first; then s3:GetObject* is the only cover of GetObject and stays, which makes the user's GetObjectAcl redundant.
    expect(withoutRedundant([added('s3:GetObject'), added('s3:GetObject*'), old('s3:GetObjectAcl')], catalog)).toEqual({ kept: ['s3:GetObject*'], dropped: ['s3:GetObject', 's3:GetObjectAcl'] });
  });

  it('drops a literal before a wildcard with the same literal prefix, whatever their order', () => {
    expect(withoutRedundant([added('s3:GetObject*'), added('s3:GetObject'), old('s3:GetObjectAcl')], catalog)).toEqual({ kept: ['s3:GetObject*'], dropped: ['s3:GetObject', 's3:GetObjectAcl'] });
  });

  it('never judges covered a pattern that matches no catalog action', () => {
    expect(withoutRedundant([old('s3:GetNothing'), old('s3:*')], catalog)).toEqual({ kept: ['s3:GetNothing', 's3:*'], dropped: [] });
  });

  it('drops an original NotAction exclusion only when one other pattern matches every string it matches', () => {
    expect(withoutRedundant([old('s3:Get*', 'strings'), added('s3:*')], catalog)).toEqual({ kept: ['s3:*'], dropped: ['s3:Get*'] });
  });

  it('keeps an original NotAction exclusion covered on the catalog but not for every string', () => {
    // s3:Get?bject matches only s3:GetObject in the catalog, but also "s3:getabject", which s3:GetObject* does not.
    expect(withoutRedundant([old('s3:Get?bject', 'strings'), added('s3:GetObject*')], catalog)).toEqual({ kept: ['s3:Get?bject', 's3:GetObject*'], dropped: [] });
  });

  it('keeps everything when nothing is covered', () => {
    expect(withoutRedundant([old('s3:GetObject'), added('s3:Put*')], catalog)).toEqual({ kept: ['s3:GetObject', 's3:Put*'], dropped: [] });
  });
});
