/** Where the package's own files are, wherever it is installed. */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** dist/paths.js → the package root */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PLANS_DIR = join(PACKAGE_ROOT, 'plans');
export const SCHEMAS_DIR = join(PACKAGE_ROOT, 'schemas');
