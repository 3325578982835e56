import type { Catalog } from '../catalog/catalog.js';
import { describeCatalog } from '../catalog/catalog.js';
import type { CheckReport } from '../prove/check.js';
import { claimInfo } from '../prove/claims.js';
import { statementName } from './statement-names.js';

/**
 * The checker's answer as a person reads it in a terminal: one row per claim and statement, then
 * each refutation or unknown spelled out, then the verdict.
 */
export function verdictTable(report: CheckReport, catalog: Catalog): string {
  const spell = (example: string | undefined): string => (example === undefined ? '' : spelled(example, catalog));
  const rows = report.claims.map((claim) => {
    const info = claimInfo(claim.claim);
    return [statementCell(report, claim.statement), `${info.number} ${info.title}`, claim.verdict, String(claim.obligations), spell(claim.example)];
  });
  const header = ['stmt', 'claim', 'verdict', 'obligations', 'witness / counterexample'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]): string => `  ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')}`.trimEnd();
  const problems = problemLines(report, catalog);
  const obligations = report.obligations.length;
  const summary = `verdict: ${report.verdict.toUpperCase()}: ${obligations} obligation${obligations === 1 ? '' : 's'} in ${(report.timeMs / 1000).toFixed(2)} s on ${report.workers} worker${report.workers === 1 ? '' : 's'} (${report.solver}; catalog ${describeCatalog(report.catalog)}; granularity ${report.granularity})`;
  const fates = fateLines(report);
  const notAsked = report.notAsked === undefined ? [] : [`not asked (--claims): ${report.notAsked.map((id) => `${claimInfo(id).number} ${claimInfo(id).title}`).join(', ')}`];
  return [line(header), ...rows.map(line), ...(fates.length > 0 ? ['', ...fates] : []), ...(problems.length > 0 ? ['', ...problems] : []), ...notAsked, summary, ''].join('\n');
}

/** Each refuted or unknown claim spelled out, with its counterexample: `REFUTED: claim 3 (safety), statement 1: ...`. */
export function problemLines(report: CheckReport, catalog: Catalog): string[] {
  return report.claims
    .filter((claim) => claim.verdict !== 'proven')
    .map((claim) => {
      const info = claimInfo(claim.claim);
      const example = claim.example === undefined ? '' : ` Counterexample: ${spelled(claim.example, catalog)}.`;
      return `${claim.verdict === 'refuted' ? 'REFUTED' : 'UNKNOWN'}: claim ${info.number} (${info.title}), ${statementName(statementOf(report, claim.statement))}: ${claim.explanation}.${example}`;
    });
}

/** The statements the recommendation left as written or dropped, each with why. */
export function fateLines(report: CheckReport): string[] {
  return report.statements.filter((statement) => statement.fate !== 'refined').map((statement) => `${statementName(statement)}: ${statement.fate === 'dropped' ? 'dropped' : 'left as written'}: ${statement.reason}`);
}

/** A statement in the table: its index, then its `Sid` where it has one. */
function statementCell(report: CheckReport, index: number): string {
  const sid = report.statements[index]?.sid;
  return sid === undefined ? String(index) : `${index} ${sid}`;
}

function statementOf(report: CheckReport, index: number): { index: number; sid?: string | undefined } {
  return report.statements[index] ?? { index };
}

/** An action in the catalog's spelling; any other string quoted. */
function spelled(example: string, catalog: Catalog): string {
  return catalog.canonical(example) ?? JSON.stringify(example);
}
