/** Output formats by name. */
import type { RunReport } from '../index.js';
import { formatCsv } from './csv.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import type { FormatOptions } from './options.js';
import { formatSarif } from './sarif.js';
import { formatTable } from './table.js';

export type Formatter = (run: RunReport, options: FormatOptions) => string;

export const FORMATS: Readonly<Record<string, Formatter>> = {
  table: formatTable,
  json: formatJson,
  junit: formatJunit,
  github: formatGithub,
  markdown: formatMarkdown,
  csv: formatCsv,
  sarif: formatSarif,
};

export function formatNames(): string[] {
  return Object.keys(FORMATS);
}
