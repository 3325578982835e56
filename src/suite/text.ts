import type { ReportedCase, JudgedRecommendation } from './run-case.js';
import type { Tally } from './run.js';

/** The one line a case gets in the progress output: status, name, verdict, size of the proof, time. */
export function caseLine(result: ReportedCase): string {
  const verdict = result.judged === undefined ? 'no recommendation' : `${result.judged.verdict}, ${result.judged.obligations} obligations`;
  const snapshot = result.snapshot === 'equal' || result.snapshot === 'given' ? '' : `, snapshot ${result.snapshot}`;
  return `${result.status === 'passed' ? 'ok    ' : result.status === 'failed' ? 'FAILED' : 'UNKNWN'} ${result.spec.id} (${verdict}${snapshot}, ${seconds(result.timeMs)})`;
}

/**
 * What a reviewer reads about a case that did not simply pass: why, the verdicts and sizes of the
 * snapshot's recommendation and the new one, each refuted claim with its counterexample, the diff.
 */
export function caseDetails(result: ReportedCase): string {
  const head = result.status === 'passed' ? `UPDATED ${result.spec.id}` : `${result.status === 'failed' ? 'FAILED' : 'UNKNOWN'} ${result.spec.id}`;
  const lines = [head, ...result.problems.map((problem) => `  ${problem}`)];
  const rows: [string, JudgedRecommendation][] = [];
  if (result.previous !== undefined) rows.push(['snapshot', result.previous]);
  if (result.judged !== undefined) rows.push([result.snapshot === 'given' ? 'given' : 'recommendation', result.judged]);
  const width = Math.max(0, ...rows.map(([name]) => name.length));
  for (const [name, judged] of rows) {
    const change = name === 'recommendation' && result.previous !== undefined ? ` (${signed(judged.size - result.previous.size)})` : '';
    lines.push(`  ${name.padEnd(width)}  ${judged.verdict.padEnd(7)}  ${judged.action === 'DETACH_POLICY' ? 'DETACH_POLICY' : `${judged.size.toLocaleString('en-US')} characters${change}`}`);
  }
  for (const [name, judged] of rows) for (const finding of judged.findings) lines.push(`  ${name}: ${finding}`);
  for (const line of result.meaning ?? []) lines.push(`  ${line}`);
  if (result.diff !== undefined) lines.push(result.diff.trimEnd());
  return `${lines.join('\n')}\n`;
}

/** The summary: one row per suite, then all of them with the run's wall time. */
export function suiteSummaryTable(tallies: readonly Tally[], wallMs: number): string {
  const header = ['suite', 'cases', 'proven', 'refuted as expected', 'failed', 'unknown', 'time'];
  const rows = tallies.map((tally) => [
    tally.suite,
    ...[tally.cases, tally.proven, tally.refutedAsExpected, tally.failed, tally.unknown].map(String),
    tally.suite === 'all' ? `${seconds(wallMs)} wall` : seconds(tally.timeMs),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]): string => `  ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')}`;
  return `${[header, ...rows].map(line).join('\n')}\n`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function signed(delta: number): string {
  return delta > 0 ? `+${delta.toLocaleString('en-US')}` : delta < 0 ? `-${(-delta).toLocaleString('en-US')}` : '±0';
}
