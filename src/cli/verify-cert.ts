import { Command, Option } from 'commander';
import type { JsonObject } from '../input/json.js';
import { printJson } from '../policy/print.js';
import { recheckCertificate, recheckExitCode, RECHECK_SOLVERS, type FileRecheck, type RecheckReport, type RecheckSolver } from '../prove/certificate/recheck.js';
import { verifyCertificate } from '../prove/certificate/verify.js';
import { isCompareCertificate, verifyCompareCertificate } from '../compare/certificate.js';
import { EXIT } from './exit-codes.js';
import { quietOption, timeoutOption, workersOption } from './options.js';
import { createProgress } from './progress.js';
import { exitCodeOf, withProgressSolver, type SolverFlags } from './solver-flags.js';

interface VerifyFlags extends Omit<SolverFlags, 'solver'> {
  readonly solver: 'wasm' | RecheckSolver;
  readonly format: 'text' | 'json';
}

export function verifyCertCommand(): Command {
  return new Command('verify-cert')
    .description('re-hash the inputs of a certificate, re-derive and re-solve every obligation, and compare with what it records')
    .argument('<dir>', 'the certificate folder')
    .addOption(timeoutOption())
    .addOption(workersOption())
    .addOption(
      new Option('--solver <solver>', 'wasm: re-derive every obligation from the inputs and re-solve it (default); z3-native or cvc5: only re-solve each stored .smt2 file with that binary, nothing of iam-refine trusted')
        .choices(['wasm', ...RECHECK_SOLVERS])
        .default('wasm'),
    )
    .addOption(new Option('--format <format>', 'text for people, json for machines').choices(['text', 'json']).default('text'))
    .addOption(quietOption())
    .action(async (directory: string, flags: VerifyFlags) => {
      const settings = { timeoutMs: flags.timeoutMs, ...(flags.workers === undefined ? {} : { workers: flags.workers }) };
      if (flags.solver !== 'wasm') {
        const progress = createProgress({ noun: 'files', label: 'verify-cert', quiet: flags.quiet === true });
        const report = await recheckCertificate(directory, { solver: flags.solver, ...settings, observer: { onQueued: () => progress.expect(1), onSettled: () => progress.advance() } }).finally(() => progress.finish());
        process.stdout.write(flags.format === 'json' ? printJson(recheckJson(report)) : recheckText(report));
        process.exitCode = recheckExitCode(report);
        return;
      }
      const result = isCompareCertificate(directory)
        ? await verifyCompareCertificate(directory, settings)
        : await withProgressSolver({ ...settings, quiet: flags.quiet }, 'verify-cert', (pool) => verifyCertificate(directory, { ...settings, pool }));
      const verdict = result.verdict === 'pass' ? 'proven' : result.verdict === 'fail' ? 'refuted' : result.verdict;
      if (flags.format === 'json') {
        // The same shape whatever the outcome: `valid` says whether every check held.
        process.stdout.write(printJson({ certificate: directory, solver: 'wasm', valid: result.problems.length === 0, verdict: result.verdict ?? null, obligations: result.obligations, problems: [...result.problems] }));
        process.exitCode = result.problems.length > 0 ? EXIT.refuted : exitCodeOf(verdict!);
        return;
      }
      if (result.problems.length > 0) {
        for (const problem of result.problems) process.stderr.write(`mismatch: ${directory}/${problem}\n`);
        process.stderr.write(`certificate ${directory}: INVALID (${result.problems.length} mismatch${result.problems.length === 1 ? '' : 'es'})\n`);
        process.exitCode = EXIT.refuted;
        return;
      }
      process.stdout.write(`certificate ${directory}: valid; ${result.obligations} obligations re-solved; verdict ${result.verdict!.toUpperCase()}\n`);
      process.exitCode = exitCodeOf(result.verdict === 'pass' ? 'proven' : result.verdict === 'fail' ? 'refuted' : result.verdict === 'unknown' ? 'unknown' : result.verdict!);
    });
}

function recheckText(report: RecheckReport): string {
  const lines = report.problems.map((problem) => `mismatch: ${report.certificate}/${problem}`);
  for (const file of report.disagreements) lines.push(`disagrees: ${report.certificate}/${file.file}: ${report.solver} answers ${file.answer}, the certificate records ${file.recorded}`);
  for (const file of report.undecided) lines.push(`undecided: ${report.certificate}/${file.file}: ${undecidedWhy(file)}`);
  const code = recheckExitCode(report);
  const verdict = code === 0 ? 'AGREES' : code === 3 ? 'UNDECIDED' : 'DISAGREES';
  lines.push(
    `certificate ${report.certificate}: ${verdict} with ${report.solver}: ${report.files.length} files re-solved, ${report.decided} decided, ${report.agree} agree` +
      `, ${report.disagreements.length} disagree, ${report.undecided.length} undecided${report.problems.length > 0 ? `, ${report.problems.length} file problem${report.problems.length === 1 ? '' : 's'}` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}

function undecidedWhy(file: FileRecheck): string {
  if (file.answer === 'sat' || file.answer === 'unsat') return `answers ${file.answer}, but the certificate records ${file.recorded}`;
  return `${file.answer}${file.detail === undefined ? '' : ` (${file.detail})`}`;
}

function recheckJson(report: RecheckReport): JsonObject {
  return {
    certificate: report.certificate,
    solver: report.solver,
    result: ({ 0: 'agrees', 1: 'disagrees', 3: 'undecided' } as const)[recheckExitCode(report)],
    files: report.files.length,
    decided: report.decided,
    agree: report.agree,
    problems: report.problems,
    disagreements: report.disagreements.map((file) => file.file),
    undecided: report.undecided.map((file) => file.file),
    results: report.files.map((file) => ({ file: file.file, recorded: file.recorded, answer: file.answer, ...(file.detail === undefined ? {} : { detail: file.detail }), timeMs: file.timeMs })),
  };
}
