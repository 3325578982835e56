import { describe, expect, it } from 'vitest';
import { parseUsedActions } from '../../src/findings/used-actions.js';
import { textSource } from '../../src/input/read-json.js';
import { inputErrorOf } from '../support.js';

const parse = (text: string) => parseUsedActions(textSource('used', text)).map((action) => [action.service, action.name, action.path, action.line]);

describe('parseUsedActions', () => {
  it('reads a JSON list of "service:Action" strings', () => {
    expect(parse('["s3:GetObject", " sqs:SendMessage "]')).toEqual([
      ['s3', 'GetObject', [0], undefined],
      ['sqs', 'SendMessage', [1], undefined],
    ]);
  });

  it('reads one action per line, skipping blank lines and # comments', () => {
    expect(parse('# from CloudTrail Lake\ns3:GetObject\r\n\n  sqs:SendMessage  # the queue\n')).toEqual([
      ['s3', 'GetObject', [], 2],
      ['sqs', 'SendMessage', [], 4],
    ]);
  });

  it('reads an empty list as nothing used', () => {
    expect(parse('[]')).toEqual([]);
    expect(parse('# nothing\n')).toEqual([]);
  });

  it('refuses a wildcard, naming the JSON path or the line', () => {
    expect(inputErrorOf(() => parse('["s3:GetObject", "s3:Get*"]'))).toBe('used: [1]: "s3:Get*" has a wildcard; a used-actions list names each used action ("s3:GetObject")');
    expect(inputErrorOf(() => parse('s3:GetObject\ns3:?etObject\n'))).toBe('used: line 2: "s3:?etObject" has a wildcard; a used-actions list names each used action ("s3:GetObject")');
  });

  it('refuses what is not an action or not a list', () => {
    expect(inputErrorOf(() => parse('GetObject'))).toBe('used: line 1: expected "service:Action", got "GetObject"');
    expect(inputErrorOf(() => parse('[1]'))).toBe('used: [0]: expected a "service:Action" string, got a number');
    expect(inputErrorOf(() => parse('{"actions": []}'))).toBe('used: expected a list of "service:Action" strings (or one per line), got an object');
    expect(inputErrorOf(() => parse('["s3:GetObject"'))).toMatch(/^used: not valid JSON: /);
  });
});
