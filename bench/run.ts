import { compareBench } from './compare.js';
import { engineBench } from './engine.js';
import { explainBench } from './explain.js';
import { fuzzBench } from './fuzz.js';
import { proveBench } from './prove.js';
import { recommendBench } from './recommend.js';
import { shardBench } from './shard.js';

/** Every benchmark, in order. Each prints its figures; none asserts on time. */
const BENCHES: readonly { readonly title: string; readonly run: () => Promise<void> }[] = [
  { title: 'recommend', run: recommendBench },
  { title: 'prove', run: proveBench },
  { title: 'engine', run: engineBench },
  { title: 'compare', run: compareBench },
  { title: 'explain', run: explainBench },
  { title: 'fuzz', run: fuzzBench },
  { title: 'shard', run: () => shardBench() },
];

for (const bench of BENCHES) {
  console.log(`\n=== ${bench.title} (${new Date().toISOString()}, Node ${process.version})\n`);
  const started = performance.now();
  await bench.run();
  console.log(`\n${bench.title}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
