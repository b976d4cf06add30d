/**
 * Output formats by name. Each is loaded when asked for, so that a JSON run
 * never loads the table renderer.
 */
import type { RunReport } from '../run/evaluate.js';
import type { FailureFormatter } from './failure.js';
import type { FormatOptions } from './options.js';

export type Formatter = (run: RunReport, options: FormatOptions) => string;

const LOADERS: Readonly<Record<string, () => Promise<Formatter>>> = {
  table: async () => (await import('./table.js')).formatTable,
  json: async () => (await import('./json.js')).formatJson,
  junit: async () => (await import('./junit.js')).formatJunit,
  github: async () => (await import('./github.js')).formatGithub,
  markdown: async () => (await import('./markdown.js')).formatMarkdown,
  csv: async () => (await import('./csv.js')).formatCsv,
  sarif: async () => (await import('./sarif.js')).formatSarif,
};

/** A format whose output is bytes (a workbook): written to a file, never to a terminal. */
export type BinaryFormatter = (run: RunReport, options: FormatOptions) => Promise<Uint8Array>;

const BINARY_LOADERS: Readonly<Record<string, () => Promise<BinaryFormatter>>> = {
  xlsx: async () => (await import('./xlsx.js')).formatXlsx,
};

export const FORMAT_NAMES: readonly string[] = [...Object.keys(LOADERS), ...Object.keys(BINARY_LOADERS)];

export function isBinaryFormat(name: string): boolean {
  return name in BINARY_LOADERS;
}

export async function loadBinaryFormatter(name: string): Promise<BinaryFormatter> {
  const load = BINARY_LOADERS[name];
  if (!load) throw new Error(`no binary formatter ${name}`);
  return load();
}

export function formatNames(): string[] {
  return [...FORMAT_NAMES];
}

export function isFormat(name: string): boolean {
  return name in LOADERS || name in BINARY_LOADERS;
}

export async function loadFormatter(name: string): Promise<Formatter> {
  const load = LOADERS[name];
  if (!load) throw new Error(`no formatter ${name}`);
  return load();
}

/** What a format writes when the run fails with exit 2 (see failure.ts). */
export async function loadFailureFormatter(name: string): Promise<FailureFormatter> {
  const f = (await import('./failure.js')).FAILURE_FORMATTERS[name];
  if (!f) throw new Error(`no failure formatter ${name}`);
  return f;
}
