/** Where the package's own files are, wherever it is installed (and however it is bundled). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'plancheck') return dir;
    const up = dirname(dir);
    if (up === dir) return join(start, '..');
    dir = up;
  }
}

export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
export const PLANS_DIR = join(PACKAGE_ROOT, 'plans');
export const SCHEMAS_DIR = join(PACKAGE_ROOT, 'schemas');
/** The source documents the bundled plans were read from (their provenance). */
export const SOURCES_DIR = join(PACKAGE_ROOT, 'sources');
