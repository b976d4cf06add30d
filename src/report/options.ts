/** What every formatter is told: no formatter reads the environment. */
import type { Lang } from './messages.js';

export interface FormatOptions {
  readonly color: boolean;
  readonly lang: Lang;
}
