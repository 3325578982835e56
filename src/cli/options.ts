import { InvalidArgumentError, Option } from 'commander';
import { DEFAULT_TIMEOUT_MS } from '../prove/solver/pool.js';
import { SOLVER_BACK_ENDS } from '../prove/solver/start.js';

export function granularityOption(): Option {
  return new Option('--granularity <granularity>', 'where wildcards may stand: at CamelCase words (as Access Analyzer) or at any character (most compact)')
    .choices(['word', 'char'])
    .default('word');
}

export function timeoutOption(): Option {
  return new Option('--timeout-ms <ms>', 'solver time limit per obligation; beyond it the answer is unknown, never proven').argParser(positiveInteger).default(DEFAULT_TIMEOUT_MS);
}

/** `--solver`: the back end every proving command shares (src/prove/solver/start.ts). */
export function solverOption(): Option {
  return new Option('--solver <solver>', "the solver: Z3 in WebAssembly, or Debian's z3 binary found on PATH").choices(SOLVER_BACK_ENDS).default('wasm');
}

export function workersOption(): Option {
  return new Option('--workers <n>', 'solver threads (default: the cores, at most 4)').argParser(positiveInteger);
}

export function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError('expected a positive whole number');
  return value;
}
