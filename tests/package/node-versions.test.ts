/**
 * The Node versions plancheck supports: 20 (end of life in April 2026, but CI
 * here still runs it) from 20.19, 22 from 22.13, 24 and 26 (the current LTS,
 * which the standalone executables carry). `engines` says so, and every
 * package `npm ci` installs admits all of them, so that no install prints an
 * EBADENGINE warning on any of them.
 *
 * docx 9.8 and later ask for nanoid 6, which wants Node 22: package.json
 * overrides it with nanoid 5 (Node 18 and 20 too). That is harmless only as
 * long as docx never loads nanoid — its built files carry their own copy of
 * the one function they use — which the last test holds it to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

/** The first version of each supported line. */
const SUPPORTED = ['20.19.0', '22.13.0', '24.0.0', '26.0.0'];

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string }; overrides?: Record<string, Record<string, string>> };
const lock = (JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean }> }).packages;

describe('Node versions', () => {
  it('engines admits every supported line and nothing before 20.19 or 22.13 (what vite and eslint, which npm test runs, need)', () => {
    for (const v of SUPPORTED) expect(semver.satisfies(v, pkg.engines.node), v).toBe(true);
    expect(semver.satisfies('20.18.0', pkg.engines.node)).toBe(false);
    expect(semver.satisfies('22.12.0', pkg.engines.node)).toBe(false);
    expect(semver.satisfies('18.20.0', pkg.engines.node)).toBe(false);
  });

  it('every package in the lock file admits every supported line (no EBADENGINE when installing)', () => {
    const refused: string[] = [];
    for (const [path, entry] of Object.entries(lock)) {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (path === '' || range === undefined) continue;
      for (const v of SUPPORTED) if (!semver.satisfies(v, range)) refused.push(`${path}@${entry.version ?? '?'} wants node ${range}: not ${v}`);
    }
    expect(refused).toEqual([]);
  });

  it('the nanoid under docx is overridden, and docx never loads it: the one it runs is bundled in its own files', () => {
    expect(pkg.overrides?.['docx']?.['nanoid']).toBeDefined();
    const dist = join(ROOT, 'node_modules/docx/dist');
    const built = readdirSync(dist).filter((f) => /\.(c?js|mjs)$/.test(f));
    expect(built).toContain('index.cjs');
    expect(built).toContain('index.mjs');
    for (const f of built) {
      const code = readFileSync(join(dist, f), 'utf8');
      expect(code, f).not.toMatch(/require\(\s*["']nanoid|from\s*["']nanoid|import\(\s*["']nanoid/);
    }
    // the copy it carries: nanoid's own generator, inlined by docx's bundler
    expect(readFileSync(join(dist, 'index.cjs'), 'utf8')).toMatch(/node_modules\/nanoid\/non-secure\/index\.js/);
  });
});
