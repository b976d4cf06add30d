/** Output formats by name. */
import type { RunReport } from '../index.js';
import { formatJson } from './json.js';
import type { FormatOptions } from './options.js';
import { formatTable } from './table.js';

export type Formatter = (run: RunReport, options: FormatOptions) => string;

export const FORMATS: Readonly<Record<string, Formatter>> = {
  table: formatTable,
  json: formatJson,
};

export function formatNames(): string[] {
  return Object.keys(FORMATS);
}
