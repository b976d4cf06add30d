/**
 * The precision a value was reported to: one unit of its last digit.
 * `24135` → 1, `2.2` → 0.1, `1.5e3` → 100, `30,000` → 1. A value restated
 * to more digits is more precise; an equality between reported amounts holds
 * when they differ by less than this. Pure.
 */
import { Decimal } from './decimal.js';

const LAST_NUMBER = /(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?(?!.*\d)/;

/** One unit of the last digit of the (last) number in `text`, or undefined when it has none. */
export function lastDigitUnit(text: string): Decimal | undefined {
  const m = LAST_NUMBER.exec(text.normalize('NFKC'));
  if (!m) return undefined;
  const places = (m[2]?.length ?? 0) - Number(m[3] ?? 0);
  return new Decimal(10).pow(-places);
}
