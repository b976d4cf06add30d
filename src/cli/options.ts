/** Checking option values once, in one place, into typed values. */
import { UsageError, type Bilingual } from '../errors.js';
import type { FailOn, MissingPolicy } from '../evaluate/policy.js';
import { langFromLocale, type Lang } from '../report/messages.js';
import type { ReadOptions } from '../data/stream.js';
import type { Layout } from '../data/table.js';
import type { Io } from './io.js';

export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError({ en: `--${name} must be one of ${allowed.join(', ')}, not "${value}"`, zh: `--${name} 只能是 ${allowed.join('、')} 之一，不能是“${value}”` });
}

export function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value) || Number(value) < 1949 || Number(value) > 2100) throw new UsageError({ en: `--year must be a year such as 2023, not "${value}"`, zh: `--year 应为年份，例如 2023，不能是“${value}”` });
  return Number(value);
}

export const FAIL_ON: readonly FailOn[] = ['binding', 'any', 'never'];
export const MISSING: readonly MissingPolicy[] = ['fail', 'warn', 'ignore'];
export const LANGS: readonly Lang[] = ['zh', 'en'];

/**
 * The language: --lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else,
 * where none is set (Windows), the system's as Intl reports it, so that a
 * Chinese Windows gets Chinese.
 */
export function resolveLang(env: Readonly<Record<string, string | undefined>>, flag?: string, intlLocale: () => string = () => Intl.DateTimeFormat().resolvedOptions().locale): Lang {
  if (flag !== undefined) return oneOf('lang', flag, LANGS);
  if (env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG']) return langFromLocale(env);
  return langFromLocale({ LANG: intlLocale() });
}

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
  return new UsageError(message);
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
