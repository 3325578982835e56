/**
 * Which share of a run this process does: shard `index` of `count`, 1-based as `vitest --shard`.
 * Parsed here from `--shard INDEX/COUNT`, `--shard auto/COUNT` or `--shard auto`, the index then
 * coming from the engine that started the process: a Kubernetes Indexed Job sets
 * `JOB_COMPLETION_INDEX` (0-based, no count), GitLab's `parallel:` sets `CI_NODE_INDEX` (1-based)
 * and `CI_NODE_TOTAL`.
 */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** More shards than any CI matrix (GitHub allows 256 jobs) or Indexed Job would run. */
export const MAX_SHARDS = 10_000;

/** A `--shard` that cannot be read; its message is one line for the CLI. */
export class ShardSpecError extends Error {
  override readonly name = 'ShardSpecError';
}

export type ShardEnvironment = Readonly<Record<string, string | undefined>>;

export function parseShard(text: string, env: ShardEnvironment): Shard {
  const match = /^(auto|[0-9]+)(?:\/([0-9]+))?$/.exec(text.trim());
  if (match === null) throw new ShardSpecError('expected INDEX/COUNT (1-based, as 2/4), auto/COUNT or auto');
  const count = match[2] === undefined ? undefined : wholeNumber(match[2], 'the shard count');
  if (count !== undefined && (count < 1 || count > MAX_SHARDS)) throw new ShardSpecError(`the shard count must be from 1 to ${MAX_SHARDS.toLocaleString('en-US')}, got ${count}`);
  if (match[1] !== 'auto') {
    if (count === undefined) throw new ShardSpecError(`expected INDEX/COUNT, as ${match[1]}/4`);
    return checked(wholeNumber(match[1]!, 'the shard index'), count, `${match[1]}/${count}`);
  }
  return fromEnvironment(count, env);
}

function fromEnvironment(count: number | undefined, env: ShardEnvironment): Shard {
  const kubernetes = env.JOB_COMPLETION_INDEX;
  const gitlab = env.CI_NODE_INDEX;
  if (kubernetes !== undefined && gitlab !== undefined) throw new ShardSpecError('both JOB_COMPLETION_INDEX and CI_NODE_INDEX are set: give the shard as INDEX/COUNT');
  if (kubernetes !== undefined) {
    if (count === undefined) throw new ShardSpecError('JOB_COMPLETION_INDEX gives no shard count: use --shard auto/COUNT with the Job\'s completions');
    const index = wholeNumber(kubernetes, 'JOB_COMPLETION_INDEX');
    if (index >= count) throw new ShardSpecError(`JOB_COMPLETION_INDEX=${index} is past the ${count} shards (it counts from 0, to ${count - 1})`);
    return { index: index + 1, count };
  }
  if (gitlab !== undefined) {
    const total = env.CI_NODE_TOTAL === undefined ? undefined : wholeNumber(env.CI_NODE_TOTAL, 'CI_NODE_TOTAL');
    if (total !== undefined && count !== undefined && total !== count) throw new ShardSpecError(`CI_NODE_TOTAL=${total} but --shard auto/${count}`);
    const shards = count ?? total;
    if (shards === undefined) throw new ShardSpecError('CI_NODE_INDEX is set but not CI_NODE_TOTAL: use --shard auto/COUNT');
    if (shards < 1 || shards > MAX_SHARDS) throw new ShardSpecError(`CI_NODE_TOTAL must be from 1 to ${MAX_SHARDS.toLocaleString('en-US')}, got ${shards}`);
    return checked(wholeNumber(gitlab, 'CI_NODE_INDEX'), shards, `CI_NODE_INDEX=${gitlab} with ${shards} shards`);
  }
  throw new ShardSpecError('--shard auto: neither JOB_COMPLETION_INDEX (Kubernetes Indexed Job) nor CI_NODE_INDEX (GitLab parallel) is set');
}

function checked(index: number, count: number, given: string): Shard {
  if (index < 1 || index > count) throw new ShardSpecError(`${given}: the shard index must be from 1 to ${count} (shards count from 1)`);
  return { index, count };
}

function wholeNumber(text: string, what: string): number {
  const value = /^[0-9]{1,9}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value)) throw new ShardSpecError(`${what} must be a whole number, got ${JSON.stringify(text)}`);
  return value;
}

/** `2/4`. */
export function shardName(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
