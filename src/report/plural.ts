/**
 * Messages with numbers in them (`1 row`, `130,000 rows`), written in ICU
 * MessageFormat and formatted by intl-messageformat (FormatJS): plural
 * categories and number formatting come from Intl, not from "row(s)".
 * Chinese has no plural forms; its messages are written without them.
 */
import type { IntlMessageFormat } from 'intl-messageformat';

const compiled = new Map<string, IntlMessageFormat>();

/**
 * Format an ICU message, e.g. `{n, plural, one {# row} other {# rows}}`, in
 * English. The library is loaded on the first such message: a run without
 * one (a clean CSV run) never pays for it.
 */
export async function icu(message: string, values: Readonly<Record<string, string | number>>): Promise<string> {
  let f = compiled.get(message);
  if (!f) {
    const { IntlMessageFormat: MessageFormat } = await import('intl-messageformat');
    f = new MessageFormat(message, 'en');
    compiled.set(message, f);
  }
  return String(f.format(values));
}
