/**
 * A written region as it is compared: full-width letters and digits made
 * half-width (NFKC: ３２０５００ → 320500, （ → (), every kind of space
 * removed (the ideographic space U+3000, no-break and zero-width spaces, tabs),
 * and the separators people put between a province and a city (`/`, `-`,
 * `·`, `>`) removed too.
 */

const SPACES = /[\s\u00a0\u200b-\u200d\u2060\ufeff]+/g;
const SEPARATORS = /[/\\>·・\-－—|｜]+/g;

/** Already as compared: CJK unified ideographs (which NFKC leaves alone), ASCII letters and digits. */
const PLAIN = /^[\u4e00-\u9fffA-Za-z0-9]*$/;

export function normalizeWritten(written: string): string {
  if (PLAIN.test(written)) return written;
  return written.normalize('NFKC').replace(SPACES, '').replace(SEPARATORS, '');
}

/**
 * The 6-digit code a written code stands for: 6 digits; 9 or 12 digits of
 * 统计用区划代码 that extend a code with zeros (320505000, 320505000000); a
 * 2-digit province or 4-digit prefecture prefix (32 → 320000, 3205 → 320500).
 * Undefined for anything else (a township's 320505001000 is no region of
 * the table).
 */
export function codeOf(normalized: string): string | undefined {
  if (!/^\d+$/.test(normalized)) return undefined;
  switch (normalized.length) {
    case 2:
      return `${normalized}0000`;
    case 4:
      return `${normalized}00`;
    case 6:
      return normalized;
    case 9:
      return normalized.endsWith('000') ? normalized.slice(0, 6) : undefined;
    case 12:
      return normalized.endsWith('000000') ? normalized.slice(0, 6) : undefined;
    default:
      return undefined;
  }
}
