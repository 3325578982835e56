import { caseDetails } from './text.js';
import type { ReportedCase } from './run-case.js';
import type { Tally } from './run.js';

/**
 * The run as JUnit XML, the format CI systems read: one `<testsuite>` per suite folder, one
 * `<testcase>` per case; a failed case carries `<failure>`, an undecided one `<error>`, each with
 * the reviewer's text (problems, verdicts and sizes, counterexamples, the diff).
 */
export function junitXml(results: readonly ReportedCase[], tallies: readonly Tally[], wallMs: number): string {
  const total = tallies.find((tally) => tally.suite === 'all')!;
  const suites = tallies.filter((tally) => tally.suite !== 'all');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="iam-refine prove" tests="${total.cases}" failures="${total.failed}" errors="${total.unknown}" time="${secondsOf(wallMs)}">`,
  ];
  for (const tally of suites) {
    lines.push(`  <testsuite name="${escape(tally.suite)}" tests="${tally.cases}" failures="${tally.failed}" errors="${tally.unknown}" time="${secondsOf(tally.timeMs)}">`);
    for (const result of results.filter((item) => item.spec.suite === tally.suite)) {
      const open = `    <testcase classname="${escape(tally.suite)}" name="${escape(result.spec.id)}" time="${secondsOf(result.timeMs)}"`;
      if (result.status === 'passed') {
        lines.push(`${open}/>`);
        continue;
      }
      const tag = result.status === 'failed' ? 'failure' : 'error';
      const message = result.problems[0] ?? result.status;
      lines.push(`${open}>`, `      <${tag} message="${escape(message)}" type="${result.status}">${escape(caseDetails(result))}</${tag}>`, '    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function secondsOf(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** XML text and attribute escaping; characters XML 1.0 forbids become U+FFFD. */
function escape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
