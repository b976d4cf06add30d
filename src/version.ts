/** plancheck's version, from package.json. */
import { join } from 'node:path';
import { readTextFile } from './package-files.js';
import { PACKAGE_ROOT } from './paths.js';

interface PackageJson {
  readonly version: string;
  readonly bugs?: { readonly url?: string };
}

let cached: PackageJson | undefined;

function packageJson(): PackageJson {
  cached ??= JSON.parse(readTextFile(join(PACKAGE_ROOT, 'package.json'))) as PackageJson;
  return cached;
}

export function version(): string {
  return packageJson().version;
}

/** Where bugs are reported (package.json `bugs`). */
export function bugsUrl(): string {
  return packageJson().bugs?.url ?? 'the plancheck repository';
}
