import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../input/input-error.js';
import { recommend } from '../recommend/recommend.js';
import type { Recommender } from '../recommend/recommender.js';

/**
 * The recommender of `--recommender MODULE`: the module's `recommend` export, or its default
 * export, called exactly as iam-refine's own `recommend`. Without a module, iam-refine's.
 */
export async function loadRecommender(module: string | undefined): Promise<Recommender> {
  if (module === undefined) return recommend;
  let exports: Record<string, unknown>;
  try {
    exports = (await import(pathToFileURL(resolve(module)).href)) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputError(module, [], `cannot load the recommender module: ${reason}`);
  }
  const candidate = exports.recommend ?? exports.default;
  if (typeof candidate !== 'function') {
    throw new InputError(module, [], 'the recommender module exports no function named recommend (nor a default function)');
  }
  return candidate as Recommender;
}
