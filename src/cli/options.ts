/** Checking option values once, in one place, into typed values. */
import { UsageError } from '../errors.js';
import type { FailOn, MissingPolicy } from '../evaluate/policy.js';
import { langFromLocale, type Lang } from '../report/messages.js';

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
