import { describe, expect, it } from 'vitest';
import { parseShard, ShardSpecError } from '../../src/shard/shard.js';

const refusal = (text: string, env: Record<string, string> = {}): string => {
  try {
    parseShard(text, env);
  } catch (error) {
    if (error instanceof ShardSpecError) return error.message;
    throw error;
  }
  throw new Error(`--shard ${text} was accepted`);
};

describe('--shard', () => {
  it('reads INDEX/COUNT, 1-based as vitest', () => {
    expect(parseShard('1/3', {})).toEqual({ index: 1, count: 3 });
    expect(parseShard(' 3/3 ', {})).toEqual({ index: 3, count: 3 });
    expect(parseShard('1/1', {})).toEqual({ index: 1, count: 1 });
  });

  it('refuses an index out of range, a count of 0, and anything else, each in one line', () => {
    expect(refusal('0/3')).toBe('0/3: the shard index must be from 1 to 3 (shards count from 1)');
    expect(refusal('4/3')).toBe('4/3: the shard index must be from 1 to 3 (shards count from 1)');
    expect(refusal('1/0')).toBe('the shard count must be from 1 to 10,000, got 0');
    expect(refusal('1/10001')).toBe('the shard count must be from 1 to 10,000, got 10001');
    expect(refusal('2')).toBe('expected INDEX/COUNT, as 2/4');
    for (const text of ['', '1/', '/3', '-1/3', '1.5/3', 'a/b', '1/3/5', 'auto/', 'AUTO']) expect(refusal(text)).toBe('expected INDEX/COUNT (1-based, as 2/4), auto/COUNT or auto');
  });

  it('reads a Kubernetes Indexed Job\'s JOB_COMPLETION_INDEX, 0-based, with the count given', () => {
    expect(parseShard('auto/4', { JOB_COMPLETION_INDEX: '0' })).toEqual({ index: 1, count: 4 });
    expect(parseShard('auto/4', { JOB_COMPLETION_INDEX: '3' })).toEqual({ index: 4, count: 4 });
    expect(refusal('auto/4', { JOB_COMPLETION_INDEX: '4' })).toBe('JOB_COMPLETION_INDEX=4 is past the 4 shards (it counts from 0, to 3)');
    expect(refusal('auto', { JOB_COMPLETION_INDEX: '0' })).toBe("JOB_COMPLETION_INDEX gives no shard count: use --shard auto/COUNT with the Job's completions");
    expect(refusal('auto/4', { JOB_COMPLETION_INDEX: 'one' })).toBe('JOB_COMPLETION_INDEX must be a whole number, got "one"');
  });

  it("reads GitLab's CI_NODE_INDEX (1-based) and CI_NODE_TOTAL", () => {
    expect(parseShard('auto', { CI_NODE_INDEX: '2', CI_NODE_TOTAL: '5' })).toEqual({ index: 2, count: 5 });
    expect(parseShard('auto/5', { CI_NODE_INDEX: '5', CI_NODE_TOTAL: '5' })).toEqual({ index: 5, count: 5 });
    expect(parseShard('auto/5', { CI_NODE_INDEX: '1' })).toEqual({ index: 1, count: 5 });
    expect(refusal('auto/4', { CI_NODE_INDEX: '1', CI_NODE_TOTAL: '5' })).toBe('CI_NODE_TOTAL=5 but --shard auto/4');
    expect(refusal('auto', { CI_NODE_INDEX: '1' })).toBe('CI_NODE_INDEX is set but not CI_NODE_TOTAL: use --shard auto/COUNT');
    expect(refusal('auto', { CI_NODE_INDEX: '0', CI_NODE_TOTAL: '5' })).toBe('CI_NODE_INDEX=0 with 5 shards: the shard index must be from 1 to 5 (shards count from 1)');
  });

  it('refuses auto without an engine, or with two', () => {
    expect(refusal('auto')).toBe('--shard auto: neither JOB_COMPLETION_INDEX (Kubernetes Indexed Job) nor CI_NODE_INDEX (GitLab parallel) is set');
    expect(refusal('auto/3')).toBe('--shard auto: neither JOB_COMPLETION_INDEX (Kubernetes Indexed Job) nor CI_NODE_INDEX (GitLab parallel) is set');
    expect(refusal('auto/3', { JOB_COMPLETION_INDEX: '0', CI_NODE_INDEX: '1' })).toBe('both JOB_COMPLETION_INDEX and CI_NODE_INDEX are set: give the shard as INDEX/COUNT');
  });

  it('ignores the environment for an explicit INDEX/COUNT', () => {
    expect(parseShard('2/3', { JOB_COMPLETION_INDEX: '0', CI_NODE_INDEX: '1' })).toEqual({ index: 2, count: 3 });
  });
});
