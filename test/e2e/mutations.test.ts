import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printJson } from '../../src/policy/print.js';
import { ARTICLE_DETAILS, ARTICLE_FINDING } from '../account/_support.js';
import { ARTICLE_CATALOG } from '../article.js';
import { runCli, type Captured } from '../cli/capture.js';
import { FUZZ_SEED } from '../fuzz/_support/fuzz-parameters.js';
import { writeSmallInputs } from '../prove/_support.js';
import { temporaryFolder } from '../support.js';

/**
 * Every command, fed random mutations of valid inputs (text cut, spliced with JSON tokens and
 * extreme numbers, values swapped for others of any type, numeric options out of bounds), exits
 * cleanly: a code from 0 to 3, at most a few lines on stderr, never a stack trace, within a
 * bounded time. The seed is FUZZ_SEED (fast-check prints it, and the counterexample, on failure).
 */
const folder = temporaryFolder();
afterAll(() => folder.remove());

/** Far beyond what any of these small runs takes: a run that long is taken to hang. */
const TIME_LIMIT_MS = 30_000;
const MAX_STDERR_LINES = 4;

const small = writeSmallInputs(folder, 'valid');
const certificate = join(folder.path, 'certificate');
const suite = join(folder.path, 'suite');
beforeAll(async () => {
  expect((await runCli('certify', '--policy', small.policy, '--unused', small.unused, '--recommended', small.recommended, '--catalog', small.catalog, '--out', certificate, '--workers', '1')).code).toBe(0);
  mkdirSync(join(suite, 'case'), { recursive: true });
  writeFileSync(join(suite, 'case', 'case.json'), printJson({ policy: small.policy, unused: small.unused, catalog: small.catalog, recommended: small.recommended, expect: { verdict: 'proven' } }));
}, 60_000);

/** Pieces spliced into a file's text: JSON syntax, the number forms a double would lose, odd strings. */
const TOKENS = ['{', '}', '[', ']', '"', ',', ':', '\\', 'null', 'true', '-0', '1e999999', '1.50', '12345678901234567890123', '9'.repeat(600), '"*"', '"s3:*"', '"Deny"', '"NotAction"', '"\u0000"', '\uFEFF', '', '\n'];
/** Values given to numeric options: in bounds, at them, and beyond. */
const NUMBERS = ['1', '2', '0', '-1', '33', '1000', '2147483648', '1e3', 'abc', '', '99999999999999999999'];

type Mutation =
  | { readonly kind: 'text'; readonly at: number; readonly cut: number; readonly insert: string }
  | { readonly kind: 'value'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'option'; readonly value: string };

const optionMutation: fc.Arbitrary<Mutation> = fc.record({ kind: fc.constant('option' as const), value: fc.constantFrom(...NUMBERS) });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(), cut: fc.nat({ max: 40 }), insert: fc.constantFrom(...TOKENS) }),
  fc.record({ kind: fc.constant('value' as const), at: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }),
  optionMutation,
);

/** The text with one cut-and-splice, or one JSON value (any node, in document order) replaced. */
function mutated(text: string, change: Mutation): string {
  if (change.kind === 'text') {
    const at = change.at % (text.length + 1);
    return text.slice(0, at) + change.insert + text.slice(at + change.cut);
  }
  if (change.kind === 'option') return text;
  const root = JSON.parse(text) as unknown;
  const nodes: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      nodes.push({ parent: value as Record<string, unknown>, key: Array.isArray(value) ? Number(key) : key });
      walk(child);
    }
  };
  walk(root);
  if (nodes.length === 0) return JSON.stringify(change.value);
  const { parent, key } = nodes[change.at % nodes.length]!;
  (parent as Record<string | number, unknown>)[key] = change.value;
  return JSON.stringify(root, null, 2);
}

let runs = 0;

interface Target {
  /** The files the command reads that may be mutated. */
  readonly files: readonly string[];
  /** The command line, given the (possibly mutated) file paths and the numeric option's value. */
  readonly argv: (files: readonly string[], number: string | undefined) => string[];
}

/** Mutates one input of `target` (a copy, in a fresh folder) and runs the command on it. */
async function runMutated(target: Target, which: number, change: Mutation): Promise<{ run: Captured; ms: number }> {
  const place = join(folder.path, `run-${++runs}`);
  mkdirSync(place);
  const files = target.files.map((file, index) => {
    if (index !== which % target.files.length || change.kind === 'option') return file;
    const copy = join(place, `input-${index}.json`);
    writeFileSync(copy, mutated(readFileSync(file, 'utf8'), change));
    return copy;
  });
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${TIME_LIMIT_MS} ms`)), TIME_LIMIT_MS);
  });
  try {
    const run = await Promise.race([runCli(...target.argv(files, change.kind === 'option' ? change.value : undefined)), hang]);
    return { run, ms: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

/** A certificate folder with one of its files mutated: the folder is copied, the file replaced. */
function certificateTarget(out: (folder: string) => string[]): Target {
  const files = ['manifest.json', 'inputs/policy.json', 'inputs/recommended.json', ...readdirSync(join(certificate, 'obligations')).slice(0, 1).map((file) => `obligations/${file}`)];
  return {
    files: files.map((file) => join(certificate, file)),
    argv: (paths, number) => {
      const copy = join(folder.path, `certificate-${++runs}`);
      cpSync(certificate, copy, { recursive: true });
      paths.forEach((path, index) => {
        if (path !== join(certificate, files[index]!)) writeFileSync(join(copy, files[index]!), readFileSync(path));
      });
      return [...out(copy), '--workers', '1', '--timeout-ms', number ?? '10000'];
    },
  };
}

const TARGETS: Readonly<Record<string, { readonly target: () => Target; readonly numRuns: number }>> = {
  recommend: {
    numRuns: 25,
    target: () => ({ files: [small.policy, small.unused, small.catalog], argv: ([p, u, c], number) => ['recommend', '--policy', p!, '--unused', u!, '--catalog', c!, '--format', 'json', ...(number === undefined ? [] : ['--workers', number])] }),
  },
  explain: {
    numRuns: 15,
    target: () => ({ files: [small.policy, small.unused, small.recommended, small.catalog], argv: ([p, u, r, c]) => ['explain', '--policy', p!, '--unused', u!, '--recommended', r!, '--catalog', c!, '--format', 'tree'] }),
  },
  account: {
    numRuns: 20,
    target: () => ({
      files: [ARTICLE_DETAILS, ARTICLE_FINDING, ARTICLE_CATALOG],
      argv: ([d, f, c], number) => ['account', '--details', d!, '--findings', f!, '--catalog', c!, '--format', 'json', ...(number === undefined ? [] : ['--timeout-ms', number])],
    }),
  },
  // The commands below start the solver (about a second each here), so they get fewer runs.
  check: {
    numRuns: 4,
    target: () => ({ files: [small.policy, small.unused, small.recommended, small.catalog], argv: ([p, u, r, c], number) => ['check', '--policy', p!, '--unused', u!, '--recommended', r!, '--catalog', c!, '--workers', number ?? '1'] }),
  },
  certify: {
    numRuns: 4,
    target: () => ({
      files: [small.policy, small.unused, small.recommended, small.catalog],
      argv: ([p, u, r, c], number) => ['certify', '--policy', p!, '--unused', u!, '--recommended', r!, '--catalog', c!, '--out', join(folder.path, `out-${++runs}`), '--workers', '1', '--timeout-ms', number ?? '10000'],
    }),
  },
  'verify-cert': { numRuns: 3, target: () => certificateTarget((copy) => ['verify-cert', copy]) },
  drift: { numRuns: 3, target: () => certificateTarget((copy) => ['drift', '--certificate', copy, '--catalog', small.catalog]) },
  prove: {
    numRuns: 4,
    target: () => ({
      files: [join(suite, 'case', 'case.json'), small.recommended],
      argv: ([caseFile, recommended], number) => {
        const copy = join(folder.path, `suite-${++runs}`, 'case');
        mkdirSync(copy, { recursive: true });
        const spec = readFileSync(caseFile!, 'utf8');
        writeFileSync(join(copy, 'case.json'), recommended === small.recommended ? spec : spec.split(JSON.stringify(small.recommended)).join(JSON.stringify(recommended)));
        return ['prove', join(copy, 'case.json'), '--jobs', number ?? '1'];
      },
    }),
  },
  fuzz: {
    numRuns: 3,
    target: () => ({ files: [], argv: (_, number) => ['fuzz', '--runs', number ?? '2', '--seed', '7', '--solver-share', '0', '--no-large-services', '--mutant-runs', '1', '--workers', '1'] }),
  },
};

describe('every command, fed mutations of valid inputs, exits cleanly', () => {
  it.each(Object.keys(TARGETS).map((command, index) => [command, index] as const))('%s', async (command, index) => {
    const { target: make, numRuns } = TARGETS[command]!;
    const target = make();
    await fc.assert(
      fc.asyncProperty(fc.nat(), target.files.length === 0 ? optionMutation : mutation, async (which, change) => {
        const { run, ms } = await runMutated(target, which, change);
        // Warnings (an unknown action, a finding left out) are one line each, as many as there are causes.
        const lines = run.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('warning: '));
        expect({ code: run.code >= 0 && run.code <= 3, lines: lines.length <= MAX_STDERR_LINES, trace: /\n\s+at |internal error/.test(run.stderr), ms: ms < TIME_LIMIT_MS }, `${command} exit ${run.code}:\n${run.stderr}`).toEqual({
          code: true,
          lines: true,
          trace: false,
          ms: true,
        });
      }),
      // One seed per command, so that the few runs of the slower commands differ from each other's.
      { seed: FUZZ_SEED + index, numRuns },
    );
  });
});
