// Run the tests (after npm run build) on other Node versions, with Node
// binaries from the npm registry (scripts/node-binaries.mjs):
//
//   node scripts/test-on-node.mjs 22.23.5 24.22.3 [-- vitest arguments, e.g. tests/e2e tests/package]
//
// Each version's binary comes first on PATH, so that vitest, the CLI runs it
// spawns (process.execPath) and npm in the package test all run on it. Exits
// with the first failing run's code.
import { spawnSync } from 'node:child_process';
import { dirname, delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostNode } from './node-binaries.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dashes = args.indexOf('--');
const versions = dashes >= 0 ? args.slice(0, dashes) : args;
const vitestArgs = dashes >= 0 ? args.slice(dashes + 1) : [];
if (versions.length === 0 || !versions.every((v) => /^\d+\.\d+\.\d+$/.test(v))) {
  console.error('usage: node scripts/test-on-node.mjs <version>... [-- vitest arguments]');
  process.exit(2);
}
let code = 0;
for (const version of versions) {
  let node;
  try {
    node = hostNode(version, (m) => console.error(`test-on-node: ${m}`));
  } catch (e) {
    console.error(`test-on-node: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  }
  console.error(`test-on-node: Node ${version}: vitest run ${vitestArgs.join(' ')}`);
  const r = spawnSync(node, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...vitestArgs], { cwd: root, stdio: 'inherit', env: { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` } });
  const status = r.status ?? 1;
  console.error(`test-on-node: Node ${version}: ${status === 0 ? 'passed' : `failed (exit ${status})`}`);
  if (status !== 0 && code === 0) code = status;
}
process.exit(code);
