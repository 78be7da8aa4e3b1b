// Runs a TypeScript script on Node 20, which cannot strip types itself: bundles the script
// with Vite's SSR build (packages from node_modules stay external, so they run as published)
// into node_modules/.tmp/run-ts/ and runs the bundle in a fresh Node process.
//
//   node scripts/run-ts.js [node flags…] <script.ts> [script arguments…]
//   node scripts/run-ts.js --expose-gc bench/core.bench.ts
import { spawnSync } from 'node:child_process';
import { bundleForNode } from './bundleForNode.js';

const argv = process.argv.slice(2);
const entryIndex = argv.findIndex((arg) => /\.tsx?$/.test(arg));
if (entryIndex === -1) {
  console.error('usage: node scripts/run-ts.js [node flags…] <script.ts> [arguments…]');
  process.exit(2);
}
const bundle = await bundleForNode(argv[entryIndex] ?? '', 'run-ts');

const result = spawnSync(
  process.execPath,
  [...argv.slice(0, entryIndex), '--enable-source-maps', bundle, ...argv.slice(entryIndex + 1)],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
