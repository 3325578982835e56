import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/catalog.js';
import type { Granularity } from '../../src/catalog/tokenize.js';
import { includes } from '../../src/glob/inclusion.js';
import type { Json } from '../../src/input/json.js';
import { refineActionStatement } from '../../src/recommend/refine-action.js';
import type { StatementRefinement } from '../../src/recommend/refinement.js';
import { allow, catalogOf, policyOf, unusedOf } from '../support.js';

const CATALOG = catalogOf({
  s3: ['GetObject', 'GetObjectAcl', 'GetObjectTagging', 'GetBucketAcl', 'GetBucketPolicy', 'PutObject', 'SetObject', 'ListBucket'],
  cloudformation: ['CreateStack', 'DeleteStack', 'DescribeStacks', 'DescribeStackEvents', 'ListStacks', 'ListStackResources', 'UpdateStackSet', 'GetTemplate'],
  ec2: ['DescribeInstances', 'GetConsoleOutput', 'GetPasswordData'],
});

type Unused = Readonly<Record<string, readonly string[] | undefined>>;

/** Refines one Allow statement with these action patterns. */
function refine(action: Json, unused: Unused, granularity: Granularity = 'word', catalog: Catalog = CATALOG): StatementRefinement {
  const statement = policyOf([allow(action as string | string[])]).statements[0]!;
  return refineActionStatement(statement, { catalog, unused: unusedOf(catalog, unused), granularity });
}

/** Each original pattern as `pattern -> fate [replacements]`. */
const fates = (refinement: StatementRefinement): string[] => refinement.patterns.map((outcome) => `${outcome.pattern} -> ${outcome.fate}${outcome.fate === 'replaced' ? ` [${outcome.replacements.join(', ')}]` : ''}`);

describe('refineActionStatement: literal actions', () => {
  it('removes a literal unused action and names it in its catalog spelling', () => {
    const refinement = refine(['S3:GETOBJECT', 's3:PutObject'], { s3: ['GetObject'] });
    expect(refinement.patterns).toEqual([
      { pattern: 'S3:GETOBJECT', fate: 'removed', replacements: [], unusedMatched: ['s3:GetObject'] },
      { pattern: 's3:PutObject', fate: 'kept', replacements: [], unusedMatched: [] },
    ]);
    expect({ outcome: refinement.outcome, result: refinement.result }).toEqual({ outcome: 'refined', result: ['s3:PutObject'] });
  });

  it('removes a literal the catalog does not know when the unused list names it', () => {
    expect(fates(refine(['s3:GetObject', 's3:NoSuchAction'], { s3: ['NoSuchAction'] }))).toEqual(['s3:GetObject -> kept', 's3:NoSuchAction -> removed']);
  });

  it('drops the statement when all its actions are unused', () => {
    const refinement = refine(['s3:GetObject', 'ec2:Get*'], { s3: ['GetObject'], ec2: undefined });
    expect({ outcome: refinement.outcome, result: refinement.result, fates: fates(refinement) }).toEqual({ outcome: 'dropped', result: [], fates: ['s3:GetObject -> removed', 'ec2:Get* -> removed'] });
  });
});

describe('refineActionStatement: patterns that allow no unused action', () => {
  it('leaves the statement unchanged, patterns byte for byte in their own case', () => {
    const refinement = refine(['S3:GETOBJ*', 'ec2:get*'], { s3: ['PutObject'] });
    expect({ outcome: refinement.outcome, result: refinement.result }).toEqual({ outcome: 'unchanged', result: ['S3:GETOBJ*', 'ec2:get*'] });
  });

  it('keeps such a pattern as written beside a pattern that is replaced, each standing where it stood', () => {
    expect(refine(['ec2:Describe*', 's3:Get*', 'S3:LIST*'], { s3: ['GetBucketAcl'] }).result).toEqual(['ec2:Describe*', 's3:GetBucketPolicy', 's3:GetObject*', 'S3:LIST*']);
  });
});

describe('refineActionStatement: trailing wildcards', () => {
  it('replaces a wildcard by the shortest safe prefixes, sorted, in catalog spelling', () => {
    const refinement = refine('S3:GET*', { s3: ['GetBucketAcl'] });
    expect(refinement.patterns).toEqual([{ pattern: 'S3:GET*', fate: 'replaced', replacements: ['s3:GetBucketPolicy', 's3:GetObject*'], unusedMatched: ['s3:GetBucketAcl'] }]);
  });

  it('writes a safe node that covers one action as that action', () => {
    expect(refine('s3:*', { s3: ['GetObjectAcl', 'GetObjectTagging', 'GetBucketAcl', 'GetBucketPolicy'] }).result).toEqual(['s3:GetObject', 's3:ListBucket', 's3:PutObject', 's3:SetObject']);
  });

  it('removes a wildcard all of whose actions are unused', () => {
    expect(fates(refine(['s3:GetBucket*', 's3:PutObject'], { s3: ['GetBucketAcl', 'GetBucketPolicy'] }))).toEqual(['s3:GetBucket* -> removed', 's3:PutObject -> kept']);
  });

  it('cuts at CamelCase words by default and at characters in char mode', () => {
    const unused = { s3: ['GetBucketAcl', 'GetBucketPolicy', 'PutObject', 'SetObject'] };
    expect([refine('s3:*', unused, 'word').result, refine('s3:*', unused, 'char').result]).toEqual([
      ['s3:GetObject*', 's3:ListBucket'],
      ['s3:GetO*', 's3:ListBucket'],
    ]);
  });

  it('drops a replacement that the user\'s own literals already cover', () => {
    const refinement = refine(['s3:Get*', 's3:GetObject', 's3:GetObjectAcl', 's3:GetObjectTagging'], { s3: ['GetBucketAcl', 'GetBucketPolicy'] });
    expect({ result: refinement.result, redundant: refinement.redundant }).toEqual({ result: ['s3:GetObject', 's3:GetObjectAcl', 's3:GetObjectTagging'], redundant: ['s3:GetObject*'] });
  });

  it("drops the user's literal that a replacement covers together with the others", () => {
    const refinement = refine(['s3:Get*', 's3:GetObjectAcl'], { s3: ['GetBucketAcl', 'GetBucketPolicy'] });
    expect({ result: refinement.result, redundant: refinement.redundant }).toEqual({ result: ['s3:GetObject*'], redundant: ['s3:GetObjectAcl'] });
  });
});

describe('refineActionStatement: wildcards that are not only at the end', () => {
  /** Checks that every replacement matches only strings the original pattern matches, and returns the result. */
  function refineInside(pattern: string, unused: Unused, granularity: Granularity = 'word'): readonly string[] {
    const refinement = refine(pattern, unused, granularity);
    for (const replacement of refinement.result) expect(includes(pattern, replacement), `${replacement} inside ${pattern}`).toBe(true);
    return refinement.result;
  }

  it('refines cloudformation:*Stack* without leaving it: ListStack* stands, List* would not', () => {
    expect(refineInside('cloudformation:*Stack*', { cloudformation: ['DeleteStack'] })).toEqual(['cloudformation:CreateStack', 'cloudformation:DescribeStack*', 'cloudformation:ListStack*', 'cloudformation:UpdateStackSet']);
  });

  it('refines cloudformation:*Stack* in char mode with prefixes that end inside a word', () => {
    expect(refineInside('cloudformation:*Stack*', { cloudformation: ['DeleteStack', 'DescribeStackEvents'] }, 'char')).toEqual([
      'cloudformation:CreateStack',
      'cloudformation:DescribeStacks',
      'cloudformation:ListStack*',
      'cloudformation:UpdateStackSet',
    ]);
  });

  it('refines s3:?etObject to the used literal', () => {
    expect(refineInside('s3:?etObject', { s3: ['SetObject'] })).toEqual(['s3:GetObject']);
  });

  it('refines s3:?etObject* only to prefixes inside it', () => {
    expect(refineInside('s3:?etObject*', { s3: ['SetObject', 'GetObjectAcl'] })).toEqual(['s3:GetObject', 's3:GetObjectTagging']);
  });

  it('refines *:Get* per service, never to a whole service', () => {
    expect(refineInside('*:Get*', { s3: ['GetBucketAcl'] })).toEqual(['cloudformation:GetTemplate', 'ec2:Get*', 's3:GetBucketPolicy', 's3:GetObject*']);
  });

  it('refines "*" to whole services where it can, in word mode', () => {
    expect(refineInside('*', { s3: undefined, cloudformation: ['GetTemplate'] })).toEqual([
      'cloudformation:CreateStack',
      'cloudformation:DeleteStack',
      'cloudformation:Describe*',
      'cloudformation:List*',
      'cloudformation:UpdateStackSet',
      'ec2:*',
    ]);
  });

  // Regression (was a bug): in char mode the trie under "*" cuts inside the service prefix and writes "c*" and "e*", which IAM (and parsePolicy) refuse.
  it('in char mode, refines "*" only to patterns of the form "service:action"', () => {
    const result = refineInside('*', { s3: undefined, cloudformation: ['GetTemplate'] }, 'char');
    expect(result.filter((pattern) => !/^[^\s:]+:[^\s:]+$/.test(pattern))).toEqual([]);
  });
});
