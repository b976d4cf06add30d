/** Checking option values once, in one place, into typed values. */
import { UsageError } from '../errors.js';
import type { FailOn, MissingPolicy } from '../evaluate/policy.js';
import type { Lang } from '../report/messages.js';
import type { ReadOptions } from '../data/stream.js';
import type { Layout } from '../data/table.js';

export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
}

export function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value) || Number(value) < 1949 || Number(value) > 2100) throw new UsageError(`--year must be a year such as 2023, not "${value}"`);
  return Number(value);
}

export const FAIL_ON: readonly FailOn[] = ['binding', 'any', 'never'];
export const MISSING: readonly MissingPolicy[] = ['fail', 'warn', 'ignore'];
export const LANGS: readonly Lang[] = ['zh', 'en'];

export const LAYOUTS: readonly Layout[] = ['long', 'wide'];

/** `--sheet` (repeatable) and `--layout`, checked: how the data files are read. */
export function readOptions(flags: { sheet?: string[]; layout?: string }): ReadOptions {
  return {
    ...(flags.sheet === undefined || flags.sheet.length === 0 ? {} : { sheets: flags.sheet }),
    ...(flags.layout === undefined ? {} : { layout: oneOf('layout', flags.layout, LAYOUTS) }),
  };
}
