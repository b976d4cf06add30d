// Bundle the compiled code with esbuild:
// - the CLI into one CommonJS file (dist/plancheck.cjs): Node loads one
//   CommonJS file faster than a graph of ES modules, and start-up is paid on
//   every CI run;
// - the programmatic API (src/index.ts) into one ES module (dist/api.js), the
//   package's `exports` entry; its types are dist/types (tsc, declarations only).
// The YAML parser and ajv stay outside and are loaded only when a plan has to
// be parsed (bundled plans come from the build's cache), as the workbook
// libraries (exceljs, saxes, yauzl) are only when a workbook is read or
// written; commands and formats are initialised on use.
// - the Word writer (docx) into a file of its own beside the CLI
//   (dist/docx.cjs), loaded only for `report --format docx`. So it is no
//   dependency to install: docx asks for nanoid 6, which refuses Node 20
//   (docx carries its own copy of the nanoid it runs), and for @types/node.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist', 'bundle'), { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: true,
  keepNames: true,
  logLevel: 'warning',
  // also outside: what only some runs need (a glob, GB18030 output, a message with a plural, a workbook, a plan document to draft)
  external: ['yaml', 'ajv', 'ajv/*', 'tinyglobby', 'iconv-lite', 'intl-messageformat', 'fflate', 'exceljs', 'saxes', 'yauzl', 'htmlparser2', 'pdfjs-dist', 'pdfjs-dist/*'],
};
/** docx, imported by the CLI, comes from the file beside it. */
const docxBeside = {
  name: 'docx-beside',
  setup(b) {
    b.onResolve({ filter: /^docx$/ }, () => ({ path: './docx.cjs', external: true }));
  },
};
await build({
  ...common,
  external: [],
  stdin: { contents: "export * from 'docx';", resolveDir: root, loader: 'js' },
  outfile: join(root, 'dist', 'docx.cjs'),
  format: 'cjs',
});
await build({
  ...common,
  entryPoints: [join(root, 'dist', 'cli', 'main.js')],
  outfile: join(root, 'dist', 'plancheck.cjs'),
  format: 'cjs',
  plugins: [docxBeside],
  // the sources find their package files from import.meta.url
  define: { 'import.meta.url': '__plancheck_url' },
  banner: { js: "const __plancheck_url = require('node:url').pathToFileURL(__filename).href;" },
});
await build({
  ...common,
  entryPoints: [join(root, 'dist', 'index.js')],
  outfile: join(root, 'dist', 'api.js'),
  format: 'esm',
  // CommonJS packages in the bundle (papaparse, cli-table3) call require()
  banner: { js: "import { createRequire as __plancheck_cr } from 'node:module'; const require = __plancheck_cr(import.meta.url);" },
});
