import { describe, expect, it } from 'vitest';
import { artifactUri, sarifLog, sarifResult, type SarifRule } from '../../src/report/sarif.js';
import { sarifSchemaErrors } from './_sarif-schema.js';

const RULES: readonly SarifRule[] = [
  { id: 'first', name: 'First', shortDescription: 'the first rule', fullDescription: 'what it checks', defaultLevel: 'error', helpUri: 'https://example.com/first' },
  { id: 'second', name: 'Second', shortDescription: 'the second rule' },
];
const TOOL = { name: 'a-tool', version: '1.2.3', informationUri: 'https://example.com' };

describe('sarifLog', () => {
  it('writes a log the SARIF 2.1.0 schema accepts: rules, results with their rule index, regions, related places and properties', () => {
    const log = sarifLog([
      {
        tool: TOOL,
        rules: RULES,
        findings: [
          { ruleId: 'second', level: 'warning', message: 'undecided', locations: [{ uri: 'policies/a b.json', region: { startLine: 3, startColumn: 7, endLine: 3, endColumn: 20 }, description: 'statement 0' }, { uri: '/abs/other.json' }] },
          { ruleId: 'first', level: 'error', message: 'refuted', locations: [], properties: { counterexample: 's3:GetObject' } },
        ],
        properties: { verdict: 'refuted' },
      },
    ]);
    expect(sarifSchemaErrors(log)).toEqual([]);
    const run = (log.runs as { results: { ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; relatedLocations?: unknown[] }[] }[])[0]!;
    expect({ version: log.version, indexes: run.results.map((result) => result.ruleIndex), uri: run.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, related: run.results[0]!.relatedLocations?.length }).toEqual({
      version: '2.1.0',
      indexes: [1, 0],
      uri: 'policies/a%20b.json',
      related: 1,
    });
  });

  it('an empty run (nothing refuted) is valid too', () => {
    expect(sarifSchemaErrors(sarifLog([{ tool: TOOL, rules: RULES, findings: [] }]))).toEqual([]);
  });

  it('the schema check can fail: a result without a message, or a level SARIF does not have, is refused', () => {
    const log = sarifLog([{ tool: TOOL, rules: RULES, findings: [{ ruleId: 'first', level: 'error', message: 'x', locations: [] }] }]);
    const runs = log.runs as { results: Record<string, unknown>[] }[];
    const broken = { ...log, runs: [{ ...runs[0], results: [{ ...runs[0]!.results[0], level: 'fatal', message: undefined }] }] };
    expect(sarifSchemaErrors(JSON.parse(JSON.stringify(broken)))).not.toEqual([]);
  });

  it('refuses a finding of a rule the run does not declare', () => {
    expect(() => sarifLog([{ tool: TOOL, rules: RULES, findings: [{ ruleId: 'third', level: 'note', message: 'x', locations: [] }] }])).toThrow(/unknown rule third/);
  });

  it('sarifResult alone is a result object, without a rule index unless given', () => {
    expect(sarifResult({ ruleId: 'first', level: 'note', message: 'm', locations: [] })).toEqual({ ruleId: 'first', level: 'note', message: { text: 'm' }, locations: [] });
  });
});

describe('artifactUri', () => {
  it('keeps a relative path relative with forward slashes and escapes; an absolute path becomes a file URI; a URI stays', () => {
    expect([artifactUri('corpus/article/policy.json'), artifactUri('dir\\x#1.json'), artifactUri('/tmp/p q.json'), artifactUri('https://example.com/p.json')]).toEqual([
      'corpus/article/policy.json',
      'dir/x%231.json',
      'file:///tmp/p%20q.json',
      'https://example.com/p.json',
    ]);
  });
});
