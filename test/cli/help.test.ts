import { describe, expect, it } from 'vitest';
import { EXIT, EXIT_MEANINGS } from '../../src/cli/exit-codes.js';
import { EXAMPLES } from '../../src/cli/help.js';
import { program } from '../../src/cli/main.js';
import { runCli } from './capture.js';

const COMMANDS = program().commands.map((command) => command.name());

describe('--help of every command', () => {
  it.each(COMMANDS)('%s: an example, the exit codes, and every required option marked', async (name) => {
    const { code, stdout } = await runCli(name, '--help');
    const command = program().commands.find((each) => each.name() === name)!;
    const required = command.options.filter((option) => option.mandatory).map((option) => option.long!);
    const marked = required.filter((flag) => new RegExp(`^  ${flag} [^\\n]*(\\n {10,}[^\\n]*)*\\(required\\)`, 'm').test(stdout));
    expect({ code, example: stdout.includes(`Example:\n  ${EXAMPLES[name]!}\n`), exitCodes: stdout.includes(`Exit codes:\n${EXIT_MEANINGS.map(([exit, meaning]) => `  ${exit}  ${meaning}`).join('\n')}\n`), marked }).toEqual({
      code: 0,
      example: true,
      exitCodes: true,
      marked: required,
    });
  });

  it('marks nothing optional as required: recommend --out is not', async () => {
    expect((await runCli('recommend', '--help')).stdout).toMatch(/^ {2}--out <file> +write the result to a file instead of standard\n +output\n/m);
  });

  it('each example names only options its command has, and every command has one', () => {
    const unknown = COMMANDS.flatMap((name) => {
      const command = program().commands.find((each) => each.name() === name)!;
      const flags = new Set(command.options.flatMap((option) => [option.long, option.short]));
      return (EXAMPLES[name]?.match(/ --?[a-z-]+/g) ?? ['(no example)']).map((flag) => flag.trim()).filter((flag) => !flags.has(flag)).map((flag) => `${name} ${flag}`);
    });
    expect(unknown).toEqual([]);
  });

  it('lists every exit code once, in order', () => {
    expect(EXIT_MEANINGS.map(([code]) => code)).toEqual(Object.values(EXIT));
  });

  it('the program help lists the exit codes too', async () => {
    expect((await runCli('--help')).stdout).toContain('Exit codes:\n  0  done');
  });
});
