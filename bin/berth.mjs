#!/usr/bin/env node
// The `berth` command: loads the TypeScript sources through tsx and runs
// src/node/berth.ts. Works as `npx berth ...` and `node bin/berth.mjs ...`.
import { tsImport } from 'tsx/esm/api';

// A reader that stops early (`berth check | head`) is no error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 1);
    throw err;
  });
}

const { main } = await tsImport('../src/node/berth.ts', import.meta.url);
const status = await main(process.argv.slice(2));
process.exitCode = status;
// A replayed command that hung may leave work scheduled: do not wait for it.
const flush = (stream) => new Promise((done) => stream.write('', done));
await Promise.all([flush(process.stdout), flush(process.stderr)]);
process.exit(status);
