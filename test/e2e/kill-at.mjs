// Preloaded with `node --import` by the fault-injection tests: counts the main thread's file
// system writes and, with IAM_REFINE_KILL_AT=n, kills the process with SIGKILL just before the
// n-th one, as a power cut or `kill -9` would. With IAM_REFINE_COUNT_TO=file it writes the count
// there on exit. Patching the fs module and syncing its ESM exports reaches `import { ... }` too.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const WRITES = ['writeFileSync', 'writeSync', 'renameSync', 'mkdirSync', 'rmSync', 'rmdirSync', 'unlinkSync', 'fsyncSync', 'copyFileSync', 'cpSync', 'appendFileSync'];
const killAt = Number(process.env.IAM_REFINE_KILL_AT ?? 0);
const countTo = process.env.IAM_REFINE_COUNT_TO;
const realWrite = fs.writeFileSync;
let count = 0;

if (isMainThread && (killAt > 0 || countTo !== undefined)) {
  for (const name of WRITES) {
    const real = fs[name];
    fs[name] = function (...args) {
      // Standard output and error are not the file system state under test.
      if (!(name === 'writeSync' && (args[0] === 1 || args[0] === 2))) {
        count++;
        if (count === killAt) process.kill(process.pid, 'SIGKILL');
      }
      return real.apply(this, args);
    };
  }
  syncBuiltinESMExports();
  if (countTo !== undefined) process.on('exit', () => realWrite(countTo, String(count)));
}
