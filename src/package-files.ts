/**
 * Reading files that may be the package's own (plans/, sources/, schemas/,
 * dist/plan-cache/, package.json). On disk these are ordinary files; in a
 * standalone executable they are assets embedded in it, under PACKAGE_ROOT
 * (the executable's own path, see src/paths.ts), and any other path — a
 * user's plan, a --seeds folder — is read from disk as usual.
 *
 * Every read of a file that can be the package's goes through here, so that
 * an executable never looks for plans or schemas beside itself.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { PACKAGE_ROOT, SEA } from './paths.js';

/** The asset key of a path under PACKAGE_ROOT in an executable (`plans/suzhou.yaml`); undefined for any other path. */
function assetKey(path: string): string | undefined {
  if (SEA === undefined) return undefined;
  const rel = relative(PACKAGE_ROOT, resolve(path));
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

let keys: ReadonlySet<string> | undefined;
function assetKeys(): ReadonlySet<string> {
  keys ??= new Set(SEA?.getAssetKeys() ?? []);
  return keys;
}

function notFound(path: string, syscall: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, ${syscall} '${path}'`), { code: 'ENOENT', path, syscall });
}

/** The bytes of a file; throws as fs does (ENOENT) when there is none. */
export function readFile(path: string): Buffer {
  const key = assetKey(path);
  if (key === undefined) return readFileSync(path);
  if (!assetKeys().has(key)) throw notFound(path, 'open');
  return Buffer.from((SEA as NonNullable<typeof SEA>).getAsset(key));
}

export function readTextFile(path: string): string {
  return readFile(path).toString('utf8');
}

export function isFile(path: string): boolean {
  const key = assetKey(path);
  if (key === undefined) return existsSync(path) && statSync(path).isFile();
  return assetKeys().has(key);
}

export function isDirectory(path: string): boolean {
  const key = assetKey(path);
  if (key === undefined) return existsSync(path) && statSync(path).isDirectory();
  for (const k of assetKeys()) if (k.startsWith(`${key}/`)) return true;
  return false;
}

/** The names in a folder, as readdirSync gives them; throws (ENOENT) when there is no such folder. */
export function listDirectory(path: string): string[] {
  const key = assetKey(path);
  if (key === undefined) return readdirSync(path);
  const names = new Set<string>();
  for (const k of assetKeys()) if (k.startsWith(`${key}/`)) names.add(k.slice(key.length + 1).split('/')[0] as string);
  if (names.size === 0) throw notFound(path, 'scandir');
  return [...names];
}
