import { Command, CommanderError } from 'commander';
import { InputError } from '../input/input-error.js';
import { RefusedRecommendation } from '../recommend/self-check.js';
import { TOOL_VERSION } from '../version.js';
import { EXIT } from './exit-codes.js';
import { withSharedHelp } from './help.js';
import { accountCommand } from './account.js';
import { certifyCommand } from './certify.js';
import { checkCommand } from './check.js';
import { checkNotGrantedCommand, compareCommand } from './compare.js';
import { driftCommand } from './drift.js';
import { explainCommand } from './explain.js';
import { fuzzCommand } from './fuzz.js';
import { mergeCommand } from './merge.js';
import { proveCommand } from './prove-suites.js';
import { recommendCommand } from './recommend.js';
import { verifyCertCommand } from './verify-cert.js';

/** The `iam-refine` program: a thin layer of commands over the library. */
export function program(): Command {
  const root = new Command('iam-refine')
    .description('least-privilege refinement of AWS IAM policies, proven with Z3')
    .version(TOOL_VERSION)
    .exitOverride()
    .showSuggestionAfterError();
  // One policy, then many: recommend and judge; certificates; suites and fuzzing; pictures; accounts.
  root.addCommand(recommendCommand());
  root.addCommand(checkCommand());
  root.addCommand(certifyCommand());
  root.addCommand(verifyCertCommand());
  root.addCommand(compareCommand());
  root.addCommand(checkNotGrantedCommand());
  root.addCommand(proveCommand());
  root.addCommand(fuzzCommand());
  root.addCommand(explainCommand());
  root.addCommand(accountCommand());
  root.addCommand(driftCommand());
  root.addCommand(mergeCommand());
  for (const command of root.commands) withSharedHelp(command).exitOverride();
  return withSharedHelp(root);
}

/** Runs the program and returns its exit code; every failure is one line on stderr. */
export async function run(argv: readonly string[]): Promise<number> {
  try {
    await program().parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    return report(error);
  }
}

function report(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has printed its message already; help and version are not failures.
    return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT.ok : EXIT.badInput;
  }
  if (error instanceof InputError) {
    process.stderr.write(`error: ${error.message}\n`);
    return EXIT.badInput;
  }
  if (error instanceof RefusedRecommendation) {
    process.stderr.write(`error: ${error.message}\n`);
    return EXIT.internal;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`internal error: ${message.split('\n')[0]}\n`);
  if (process.env.IAM_REFINE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return EXIT.internal;
}
