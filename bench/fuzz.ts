import { runFuzzCampaign, CAMPAIGN_CONSTRAINTS } from '../src/fuzz/fuzz-campaign.js';
import { runMutationCampaign } from '../src/fuzz/mutation-campaign.js';
import { SolverPool } from '../src/prove/solver/pool.js';
import { formatTable, milliseconds } from './table.js';

const SEED = 20_240_620;

/**
 * The fuzz campaign's speed: cases per second judged by the oracle alone, and checked by Z3 as
 * well (2 workers, with the broken outputs of each correct one), with and without the occasional
 * 1,000+ action service; and the mutation campaign's time and score.
 */
export async function fuzzBench(): Promise<void> {
  const pool = await SolverPool.start({ workers: 2 });
  try {
    const rows: (string | number)[][] = [];
    for (const [label, constraints] of [
      ['small catalogs', {}],
      ['with large services (2%)', CAMPAIGN_CONSTRAINTS],
    ] as const) {
      for (const [judges, runs, solverShare] of [
        ['oracle', 3000, 0],
        ['oracle + Z3', 100, 1],
        // The mix `npm run fuzz` runs: a tenth of the cases checked by Z3 too.
        ['oracle, 10% Z3', 500, 0.1],
      ] as const) {
        const started = performance.now();
        const result = await runFuzzCampaign({ runs, seed: SEED, pool, solverShare, constraints });
        const seconds = milliseconds(started) / 1000;
        rows.push([label, judges, result.cases, result.checked, result.mutantsChecked, result.obligations, Math.round(seconds * 10) / 10, Math.round((result.cases / seconds) * 10) / 10, result.failure === undefined ? 'held' : result.failure.kind]);
      }
    }
    console.log(`fuzz campaign, seed ${SEED}, 2 solver workers:`);
    console.log(formatTable(['cases', 'judged by', 'cases', 'by Z3', 'broken outputs', 'obligations', 's', 'cases/s', 'result'], rows));
    const started = performance.now();
    const mutation = await runMutationCampaign({ runs: 1000, seed: SEED, pool });
    console.log(`\nmutation campaign: ${mutation.killed}/${mutation.total} mutants killed in ${(milliseconds(started) / 1000).toFixed(1)} s (cases to expose each: ${mutation.results.map((result) => `${result.name} ${result.runs}`).join(', ')})`);
  } finally {
    await pool.close();
  }
}
