/**
 * Where the package's own files are, wherever it is installed (and however it is bundled).
 *
 * In a standalone executable (Node's single-executable application, built by
 * `npm run build:exe`) the package's files are embedded in the executable, and
 * PACKAGE_ROOT is the executable's own path: a file, so that no file on disk
 * can lie under it. Paths under it are read from the embedded assets
 * (src/package-files.ts), never from the disk beside the executable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The part of `node:sea` plancheck uses (getAssetKeys: Node 24.8 and later). */
export interface SeaAssets {
  isSea(): boolean;
  getAsset(key: string): ArrayBuffer;
  getAssetKeys(): string[];
}

function seaAssets(): SeaAssets | undefined {
  // node:sea exists from Node 20.12; getBuiltinModule from 20.16 (older Nodes run no executable of ours)
  const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  const sea = getBuiltin?.call(process, 'node:sea') as SeaAssets | undefined;
  return sea?.isSea() === true ? sea : undefined;
}

/** The embedded assets when this process is a standalone executable of plancheck; else undefined. */
export const SEA = seaAssets();

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

export const PACKAGE_ROOT = SEA ? process.execPath : findRoot(dirname(fileURLToPath(import.meta.url)));
export const PLANS_DIR = join(PACKAGE_ROOT, 'plans');
export const SCHEMAS_DIR = join(PACKAGE_ROOT, 'schemas');
/** The source documents the bundled plans were read from (their provenance). */
export const SOURCES_DIR = join(PACKAGE_ROOT, 'sources');
