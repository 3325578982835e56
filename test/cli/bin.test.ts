import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIZE_LIMITS } from '../../src/input/read-json.js';
import { temporaryFolder } from '../support.js';
import { ARTICLE_CATALOG, ARTICLE_CATALOG_NAME, ARTICLE_POLICY, ARTICLE_UNUSED, articleDiff } from '../article.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const folder = temporaryFolder();

interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real program, `node --import tsx src/cli/bin.ts ...argv`, from the repository root. */
function iamRefine(argv: readonly string[], stdin?: string): Outcome {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', ...argv], { cwd: ROOT, input: stdin ?? '', encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `recommend` with the article's 2024 catalog and the given policy and unused files. */
const recommendWith = (policy: string, unused: string, ...options: string[]): Outcome => iamRefine(['recommend', '--policy', policy, '--unused', unused, '--catalog', ARTICLE_CATALOG, ...options]);

/** Every input the runs read, with its bytes before: none may change. */
const inputs = new Map<string, Buffer>();

/** Writes an input file in the temporary folder and returns its path. */
function input(name: string, content: string | Buffer): string {
  const path = folder.file(name, content);
  inputs.set(path, readFileSync(path));
  return path;
}

/** A refusal: exit 2, nothing on stdout, exactly this one line on stderr. */
const refusal = (line: string): Outcome => ({ code: 2, stdout: '', stderr: `error: ${line}\n` });

beforeAll(() => {
  for (const path of [ARTICLE_POLICY, ARTICLE_UNUSED, ARTICLE_CATALOG]) inputs.set(path, readFileSync(path));
});
afterAll(() => folder.remove());

describe('the iam-refine program', () => {
  it("exits 0 and prints the article's diff", () => {
    expect(recommendWith(ARTICLE_POLICY, ARTICLE_UNUSED, '--format', 'diff')).toEqual({ code: 0, stdout: articleDiff(ARTICLE_POLICY), stderr: '' });
  });

  it('reads the policy from standard input for "-"', () => {
    const outcome = iamRefine(['recommend', '--policy', '-', '--unused', ARTICLE_UNUSED, '--catalog', ARTICLE_CATALOG, '--format', 'diff', '--out', '-'], readFileSync(ARTICLE_POLICY, 'utf8'));
    expect(outcome).toEqual({ code: 0, stdout: articleDiff('<stdin>'), stderr: '' });
  });

  it('reads the unused list from standard input for "-"', () => {
    const outcome = iamRefine(['recommend', '--policy', ARTICLE_POLICY, '--unused', '-', '--catalog', ARTICLE_CATALOG, '--format', 'diff'], readFileSync(ARTICLE_UNUSED, 'utf8'));
    expect(outcome).toEqual({ code: 0, stdout: articleDiff(ARTICLE_POLICY), stderr: '' });
  });

  it('writes --out and refuses to overwrite an input', () => {
    const out = join(folder.path, 'out.diff');
    expect(recommendWith(ARTICLE_POLICY, ARTICLE_UNUSED, '--format', 'diff', '--out', out)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(out, 'utf8')).toBe(articleDiff(ARTICLE_POLICY));
    expect(recommendWith(ARTICLE_POLICY, ARTICLE_UNUSED, '--out', ARTICLE_UNUSED)).toEqual(refusal(`${ARTICLE_UNUSED}: --out names one of the inputs; iam-refine never overwrites what it was given`));
  });

  it('exits 2 with one line, no stack trace, for a policy that is not JSON', () => {
    const policy = input('not-json.json', '{"Statement": [\n  {"Effect": "Allow",}\n]}');
    expect(recommendWith(policy, ARTICLE_UNUSED)).toEqual(refusal(`${policy}: not valid JSON: expected a quoted key at line 2, column 22`));
  });

  it('exits 2 for an empty file', () => {
    const unused = input('empty.json', '');
    expect(recommendWith(ARTICLE_POLICY, unused)).toEqual(refusal(`${unused}: empty file, expected JSON`));
  });

  it('exits 2 naming the file and the JSON path of a value of the wrong type', () => {
    const policy = input('types.json', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:Get*' }, { Effect: 'Allow', Action: ['s3:A', 's3:B', 's3:C', 7] }] }));
    expect(recommendWith(policy, ARTICLE_UNUSED)).toEqual(refusal(`${policy}: Statement[1].Action[3]: expected a string, got a number`));
    const unused = input('types-unused.json', JSON.stringify([{ serviceNamespace: 's3', actions: [{ action: true }] }]));
    expect(recommendWith(ARTICLE_POLICY, unused)).toEqual(refusal(`${unused}: [0].actions[0].action: expected an action name, got a boolean`));
  });

  it('exits 2 for an unknown option', () => {
    expect(recommendWith(ARTICLE_POLICY, ARTICLE_UNUSED, '--granularty', 'char')).toEqual({ code: 2, stdout: '', stderr: "error: unknown option '--granularty'\n(Did you mean --granularity?)\n" });
  });

  it('exits 2 for a policy over the 1 MiB limit', () => {
    const policy = input('huge.json', Buffer.alloc(SIZE_LIMITS.policy + 1, 0x20));
    expect(recommendWith(policy, ARTICLE_UNUSED)).toEqual(refusal(`${policy}: file is 1.0 MiB, larger than the 1.0 MiB limit`));
  });

  it('exits 2 for standard input over the 1 MiB limit', () => {
    const outcome = iamRefine(['recommend', '--policy', '-', '--unused', ARTICLE_UNUSED, '--catalog', ARTICLE_CATALOG], ' '.repeat(SIZE_LIMITS.policy + 1));
    expect(outcome).toEqual(refusal('<stdin>: input is larger than the 1.0 MiB limit; stopped reading there'));
  });

  // Regression (was a bug): a device's stat size is 0, and standard input was read whole before it was measured.
  it('stops reading a device or an endless pipe at the limit, and exits 2 at once', () => {
    const device = recommendWith('/dev/zero', ARTICLE_UNUSED);
    const pipe = spawnSync('sh', ['-c', `cat /dev/zero | "${process.execPath}" --import tsx src/cli/bin.ts recommend --policy - --unused ${ARTICLE_UNUSED} --catalog ${ARTICLE_CATALOG}`], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect([device, { code: pipe.status, stdout: pipe.stdout, stderr: pipe.stderr }]).toEqual([
      refusal('/dev/zero: input is larger than the 1.0 MiB limit; stopped reading there'),
      refusal('<stdin>: input is larger than the 1.0 MiB limit; stopped reading there'),
    ]);
  });

  it('exits 2 for an unknown unused action with --strict, and warns without it', () => {
    const unused = input('unknown.json', JSON.stringify([{ serviceNamespace: 'lambda', actions: ['AddPermission', 'AddNothing'] }]));
    const fact = `${unused}: [0].actions[1]: unknown action "lambda:AddNothing" in ${ARTICLE_CATALOG_NAME}`;
    const message = `${fact}; wildcards are refined without it`;
    expect(recommendWith(ARTICLE_POLICY, unused, '--strict')).toEqual(refusal(`${fact}; --strict refuses it (without --strict: a warning)`));
    const warned = recommendWith(ARTICLE_POLICY, unused);
    expect({ code: warned.code, stderr: warned.stderr }).toEqual({ code: 0, stderr: `warning: ${message}\n` });
  });

  // Regression (was a bug): the JSON parser recurses per nesting level.
  it('exits 2 for deeply nested JSON within the size limit', () => {
    const policy = input('deep.json', '['.repeat(100_000) + ']'.repeat(100_000));
    expect(recommendWith(policy, ARTICLE_UNUSED).code).toBe(2);
  });

  // Regression (was a bug): in char mode, with only a lambda action unused, "*" is refined to "s*" (s3 is the only service starting with "s"), which the self-check refuses to parse.
  it('refines "*" in char mode', () => {
    const policy = input('star.json', JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }));
    const unused = input('lambda-unused.json', JSON.stringify([{ serviceNamespace: 'lambda', actions: ['AddPermission'] }]));
    expect(recommendWith(policy, unused, '--granularity', 'char').code).toBe(0);
  });

  it('never modifies its input files, the ones it refused included', () => {
    expect(inputs.size).toBeGreaterThan(10);
    expect([...inputs].filter(([path, bytes]) => !readFileSync(path).equals(bytes)).map(([path]) => path)).toEqual([]);
  });
});
