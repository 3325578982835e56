import { afterEach, describe, expect, it, vi } from 'vitest';
import { program } from '../../src/cli/main.js';
import { InputError } from '../../src/input/input-error.js';
import { RefusedRecommendation } from '../../src/recommend/self-check.js';
import { TOOL_VERSION } from '../../src/version.js';
import { ARTICLE_CATALOG, ARTICLE_POLICY, ARTICLE_UNUSED } from '../article.js';
import { runCli } from './capture.js';

// recommend() throws `failure.error` when it is set, so that the reporting of every kind of error can be seen.
const failure = vi.hoisted(() => ({ error: undefined as Error | undefined }));
vi.mock('../../src/recommend/recommend.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/recommend/recommend.js')>();
  return {
    ...actual,
    recommend: (...args: Parameters<typeof actual.recommend>) => {
      if (failure.error !== undefined) throw failure.error;
      return actual.recommend(...args);
    },
  };
});

const ARTICLE_ARGS = ['recommend', '--policy', ARTICLE_POLICY, '--unused', ARTICLE_UNUSED, '--catalog', ARTICLE_CATALOG];

afterEach(() => {
  failure.error = undefined;
  vi.unstubAllEnvs();
});

describe('program', () => {
  it('is iam-refine with its twelve commands', () => {
    const root = program();
    expect({ name: root.name(), commands: root.commands.map((command) => command.name()) }).toEqual({ name: 'iam-refine', commands: ['recommend', 'check', 'certify', 'verify-cert', 'compare', 'check-not-granted', 'prove', 'fuzz', 'explain', 'account', 'drift', 'merge'] });
  });
});

describe('run', () => {
  it('returns 0 when the command succeeds', async () => {
    expect((await runCli(...ARTICLE_ARGS)).code).toBe(0);
  });

  it('prints the version and returns 0', async () => {
    expect(await runCli('--version')).toEqual({ code: 0, stdout: `${TOOL_VERSION}\n`, stderr: '' });
  });

  it('prints the help of a command and returns 0', async () => {
    const result = await runCli('recommend', '--help');
    expect({ code: result.code, first: result.stdout.split('\n')[0], stderr: result.stderr }).toEqual({ code: 0, first: 'Usage: iam-refine recommend [options]', stderr: '' });
  });

  it('returns 2 for an unknown option, with one line on stderr', async () => {
    expect(await runCli(...ARTICLE_ARGS, '--bogus')).toEqual({ code: 2, stdout: '', stderr: "error: unknown option '--bogus'\n" });
  });

  it('returns 2 for a missing required option', async () => {
    expect(await runCli('recommend', '--unused', ARTICLE_POLICY)).toEqual({ code: 2, stdout: '', stderr: "error: required option '--policy <file>' not specified\n" });
  });

  it('returns 2 for a value outside the choices', async () => {
    expect(await runCli(...ARTICLE_ARGS, '--format', 'yaml')).toEqual({ code: 2, stdout: '', stderr: "error: option '--format <format>' argument 'yaml' is invalid. Allowed choices are policy, diff, json.\n" });
  });

  it('returns 2 for an unknown command', async () => {
    expect(await runCli('recomend')).toEqual({ code: 2, stdout: '', stderr: "error: unknown command 'recomend'\n(Did you mean recommend?)\n" });
  });

  it('returns 2 and prints the help on stderr when no command is given', async () => {
    const result = await runCli();
    expect({ code: result.code, stdout: result.stdout, first: result.stderr.split('\n')[0] }).toEqual({ code: 2, stdout: '', first: 'Usage: iam-refine [options] [command]' });
  });

  it('reports bad input as one "error:" line and returns 2', async () => {
    failure.error = new InputError('policy.json', ['Statement', 0], 'bad');
    expect(await runCli(...ARTICLE_ARGS)).toEqual({ code: 2, stdout: '', stderr: 'error: policy.json: Statement[0]: bad\n' });
  });

  it('reports a refused recommendation as one line and returns 4', async () => {
    failure.error = new RefusedRecommendation('refusing to recommend: claim 1 fails');
    expect(await runCli(...ARTICLE_ARGS)).toEqual({ code: 4, stdout: '', stderr: 'error: refusing to recommend: claim 1 fails\n' });
  });

  it('reports any other error as the first line of its message, without a stack trace, and returns 4', async () => {
    failure.error = new TypeError('boom\nsecond line');
    expect(await runCli(...ARTICLE_ARGS)).toEqual({ code: 4, stdout: '', stderr: 'internal error: boom\n' });
  });

  it('adds the stack trace of an internal error when IAM_REFINE_DEBUG is set', async () => {
    vi.stubEnv('IAM_REFINE_DEBUG', '1');
    failure.error = new TypeError('boom');
    const { stderr } = await runCli(...ARTICLE_ARGS);
    expect(stderr.split('\n').slice(0, 2)).toEqual(['internal error: boom', 'TypeError: boom']);
  });
});
