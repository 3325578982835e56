import { InvalidArgumentError, Option } from 'commander';
import { parseShard, ShardSpecError, type Shard } from '../shard/shard.js';

/** `--shard INDEX/COUNT | auto/COUNT | auto`, read when the command line is parsed: a bad one is a usage error (exit 2, one line). */
export function shardOption(what: string): Option {
  return new Option(
    '--shard <shard>',
    `run shard INDEX of COUNT (1-based, as 2/4) of the ${what}; "auto/COUNT" or "auto" read the index from JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or CI_NODE_INDEX and CI_NODE_TOTAL (GitLab)`,
  ).argParser((text: string): Shard => {
    try {
      return parseShard(text, process.env);
    } catch (error) {
      if (error instanceof ShardSpecError) throw new InvalidArgumentError(error.message);
      throw error;
    }
  });
}
