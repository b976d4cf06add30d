/**
 * Messages with numbers in them (`1 row`, `130,000 rows`), written in ICU
 * MessageFormat and formatted by intl-messageformat (FormatJS): plural
 * categories and number formatting come from Intl, not from "row(s)".
 * Chinese has no plural forms; its messages are written without them.
 */
import { IntlMessageFormat } from 'intl-messageformat';

const compiled = new Map<string, IntlMessageFormat>();

/** Format an ICU message, e.g. `{n, plural, one {# row} other {# rows}}`, in English. */
export function icu(message: string, values: Readonly<Record<string, string | number>>): string {
  let f = compiled.get(message);
  if (!f) {
    f = new IntlMessageFormat(message, 'en');
    compiled.set(message, f);
  }
  return String(f.format(values));
}
