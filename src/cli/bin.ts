#!/usr/bin/env node
import { EXIT } from './exit-codes.js';
import { run } from './main.js';

// Quietly stop when the reader of our output goes away (`iam-refine ... | head`).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
});

process.exitCode = await run(process.argv.slice(2));
