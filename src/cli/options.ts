/** Checking option values once, in one place, into typed values. */
import { errorDiagnostic, UsageError, type Bilingual } from '../errors.js';
import type { FailOn, MissingPolicy } from '../evaluate/policy.js';
import type { Lang } from '../report/messages.js';
import type { ReadOptions } from '../data/stream.js';
import type { Layout } from '../data/table.js';
import type { Io } from './io.js';

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

/** A usage error written in both languages. */
export function usageError(message: Bilingual): UsageError {
  return Object.assign(new UsageError(message.en), { diagnostics: [errorDiagnostic('USAGE', message)] });
}

/** A workbook (bytes) goes to a file or a redirected stdout, never to a terminal. */
export function refuseBinaryToTerminal(io: Io, format: string, example: string): void {
  if (io.stdoutIsTty || io.outBytes === undefined) {
    throw usageError({
      en: `--format ${format} writes a binary workbook, which a terminal cannot show: write it to a file with ${example}, or redirect stdout (> results.${format})`,
      zh: `--format ${format} 输出二进制工作簿，终端无法显示：请用 ${example} 写入文件，或重定向标准输出（> results.${format}）`,
    });
  }
}
