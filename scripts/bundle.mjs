// Bundle the compiled CLI into a few files (dist/bundle/) with esbuild:
// fewer modules to resolve and load at start-up. Commands and output
// formats stay in their own chunks, loaded only when used.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'dist', 'cli', 'main.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  minify: true,
  keepNames: true,
  // CommonJS dependencies (ajv's runtime, papaparse) call require()
  banner: { js: "import { createRequire as __plancheckRequire } from 'node:module'; const require = __plancheckRequire(import.meta.url);" },
});
