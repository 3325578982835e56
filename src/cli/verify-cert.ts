import { Command } from 'commander';
import { verifyCertificate } from '../prove/certificate/verify.js';
import { EXIT } from './exit-codes.js';
import { timeoutOption, workersOption } from './options.js';
import { exitCodeOf, solverOptions, type SolverFlags } from './solver-flags.js';

export function verifyCertCommand(): Command {
  return new Command('verify-cert')
    .description('re-hash the inputs of a certificate, re-derive and re-solve every obligation, and compare with what it records')
    .argument('<dir>', 'the certificate folder')
    .addOption(timeoutOption())
    .addOption(workersOption())
    .action(async (directory: string, flags: SolverFlags) => {
      const result = await verifyCertificate(directory, solverOptions(flags));
      if (result.problems.length > 0) {
        for (const problem of result.problems) process.stderr.write(`mismatch: ${directory}/${problem}\n`);
        process.stderr.write(`certificate ${directory}: INVALID (${result.problems.length} mismatch${result.problems.length === 1 ? '' : 'es'})\n`);
        process.exitCode = EXIT.refuted;
        return;
      }
      process.stdout.write(`certificate ${directory}: valid; ${result.obligations} obligations re-solved; verdict ${result.verdict!.toUpperCase()}\n`);
      process.exitCode = exitCodeOf(result.verdict!);
    });
}
