import { describe, expect, it } from 'vitest';
import { colourFor } from '../../src/cli/colour.js';
import { runCli } from './capture.js';
import { ARTICLE_CATALOG, ARTICLE_POLICY, ARTICLE_UNUSED } from '../article.js';

const TTY = { isTTY: true };
const PIPE = { isTTY: false };

describe('colourFor', () => {
  it('colours a terminal only, unless NO_COLOR or FORCE_COLOR says otherwise; NO_COLOR wins', () => {
    expect([
      colourFor(TTY, {}),
      colourFor(PIPE, {}),
      colourFor(TTY, { NO_COLOR: '1' }),
      colourFor(TTY, { NO_COLOR: '' }),
      colourFor(PIPE, { FORCE_COLOR: '1' }),
      colourFor(PIPE, { FORCE_COLOR: '0' }),
      colourFor(TTY, { FORCE_COLOR: 'false' }),
      colourFor(PIPE, { FORCE_COLOR: '1', NO_COLOR: '1' }),
    ]).toEqual([true, false, false, true, true, false, true, false]);
  });
});

describe('explain --format tree and the colour variables', () => {
  const tree = async (env: Record<string, string | undefined>): Promise<string> => {
    const saved = { NO_COLOR: process.env.NO_COLOR, FORCE_COLOR: process.env.FORCE_COLOR };
    const tty = process.stdout.isTTY;
    Object.assign(process.env, env);
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key];
    process.stdout.isTTY = true;
    try {
      return (await runCli('explain', '--policy', ARTICLE_POLICY, '--unused', ARTICLE_UNUSED, '--catalog', ARTICLE_CATALOG, '--format', 'tree')).stdout;
    } finally {
      process.stdout.isTTY = tty;
      for (const [key, value] of Object.entries(saved)) if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };

  it('colours the tree on a terminal, and not with NO_COLOR', async () => {
    const coloured = await tree({ NO_COLOR: undefined, FORCE_COLOR: undefined });
    const plain = await tree({ NO_COLOR: '1', FORCE_COLOR: undefined });
    expect({ coloured: coloured.includes('\u001b['), plain: plain.includes('\u001b['), same: coloured.replace(/\u001b\[[0-9;]*m/g, '') === plain }).toEqual({ coloured: true, plain: false, same: true });
  });
});
