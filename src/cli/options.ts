import { InvalidArgumentError, Option } from 'commander';
import { CLAIMS, type ClaimId } from '../prove/claims.js';
import { DEFAULT_TIMEOUT_MS } from '../prove/solver/pool.js';
import { SOLVER_BACK_ENDS } from '../prove/solver/start.js';

export function granularityOption(): Option {
  return new Option('--granularity <granularity>', 'where wildcards may stand: at CamelCase words (as Access Analyzer) or at any character (most compact)')
    .choices(['word', 'char'])
    .default('word');
}

/** The whole numbers an option accepts, both ends included. */
export interface IntegerBounds {
  readonly min: number;
  readonly max: number;
}

/**
 * The bounds of every numeric option, as README lists them. Each solver thread is a WebAssembly
 * Z3 of about 75 MB that takes most of a second to start, so 32 is already more than any machine
 * here uses; a timeout must fit Node's timers (at most 2^31-1 ms, with the pool's grace added),
 * and a day is far beyond any obligation; fast-check seeds are 32-bit integers.
 */
export const OPTION_BOUNDS = {
  workers: { min: 1, max: 32 },
  jobs: { min: 1, max: 32 },
  timeoutMs: { min: 1, max: 86_400_000 },
  runs: { min: 1, max: 1_000_000 },
  mutantRuns: { min: 1, max: 1_000_000 },
  seed: { min: -2_147_483_648, max: 2_147_483_647 },
  // IAM tracks last-accessed information for 400 days; a longer window still reads, with a warning.
  unusedDays: { min: 1, max: 100_000 },
} as const satisfies Record<string, IntegerBounds>;

/** Parses a whole number within `bounds`; anything else is a usage error (exit 2, one line). */
export function boundedInteger(bounds: IntegerBounds): (text: string) => number {
  return (text) => {
    const value = /^[+-]?[0-9]+$/.test(text.trim()) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < bounds.min || value > bounds.max) {
      throw new InvalidArgumentError(`expected a whole number from ${formatInteger(bounds.min)} to ${formatInteger(bounds.max)}`);
    }
    return value;
  };
}

/** An option taking a bounded whole number; its help says the bounds: "what, 1 to 32 (note)". */
export function integerOption(flags: string, what: string, bounds: IntegerBounds, note?: string): Option {
  const range = `${formatInteger(bounds.min)} to ${formatInteger(bounds.max)}`;
  return new Option(flags, `${what}, ${range}${note === undefined ? '' : ` (${note})`}`).argParser(boundedInteger(bounds));
}

export function timeoutOption(): Option {
  return integerOption('--timeout-ms <ms>', 'solver time limit per obligation', OPTION_BOUNDS.timeoutMs, 'beyond it the answer is unknown, never proven').default(DEFAULT_TIMEOUT_MS);
}

/** `--solver`: the back end every proving command shares (src/prove/solver/start.ts). */
export function solverOption(): Option {
  return new Option('--solver <solver>', "the solver: Z3 in WebAssembly, or Debian's z3 binary found on PATH").choices(SOLVER_BACK_ENDS).default('wasm');
}

export function workersOption(): Option {
  return integerOption('--workers <n>', 'solver threads', OPTION_BOUNDS.workers, 'default: the cores, at most 4');
}

function formatInteger(value: number): string {
  return value.toLocaleString('en-US');
}

/**
 * `--claims LIST`: the claims to prove, by number (1 to 5) or name (exact, no-escalation,
 * safety, minimality, no-redundancy), comma-separated; in the order of `CLAIMS` whatever the order given.
 */
export function claimsOption(): Option {
  const names = CLAIMS.map((claim) => `${claim.number} ${claim.id}`).join(', ');
  return new Option('--claims <list>', `the claims to prove, by number or name (${names}); the others are reported as not asked`).argParser(parseClaims);
}

export function parseClaims(text: string): ClaimId[] {
  const asked = new Set<ClaimId>();
  for (const item of text.split(',').map((part) => part.trim().toLowerCase())) {
    const claim = CLAIMS.find((info) => info.id === item || String(info.number) === item);
    if (claim === undefined) throw new InvalidArgumentError(`expected claims by number 1 to 5 or name (${CLAIMS.map((info) => info.id).join(', ')}), got ${JSON.stringify(item)}`);
    asked.add(claim.id);
  }
  return CLAIMS.filter((info) => asked.has(info.id)).map((info) => info.id);
}

/** `--quiet`: no progress on stderr (results, warnings and errors still print). */
export function quietOption(): Option {
  return new Option('-q, --quiet', 'no progress on stderr (a bar on a terminal, otherwise a line every few seconds)');
}
