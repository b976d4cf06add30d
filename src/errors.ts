/**
 * The typed errors plancheck raises for bad input. Each carries where it
 * happened (file, line, column, and a document path for plans). The CLI turns
 * them into exit code 2; anything else that escapes is a bug (exit code 3).
 */

export interface Location {
  /** file path as the user gave it, or a label such as `<stdin>` */
  readonly file?: string;
  /** 1-based line */
  readonly line?: number;
  /** 1-based column */
  readonly column?: number;
  /** path inside a document, e.g. `/indicators/3/targets/0/value` */
  readonly path?: string;
  /** workbook sheet, when `file` is a workbook */
  readonly sheet?: string;
  /** workbook cell reference (`C7`), when `file` is a workbook; stands for line and column */
  readonly cell?: string;
}

/** Where a row of data was read: always a file (or `<stdin>`) and a line; for a workbook also its sheet and the value's cell. */
export interface RowLocation extends Location {
  readonly file: string;
  readonly line: number;
}

/** A row location as the flat fields JSON, JUnit and SARIF carry (`file`, `line`, `sheet`, `cell`): the one mapping. */
export function locationFields(at: RowLocation): { file: string; line: number; sheet?: string; cell?: string } {
  return { file: at.file, line: at.line, ...(at.sheet === undefined ? {} : { sheet: at.sheet }), ...(at.cell === undefined ? {} : { cell: at.cell }) };
}

/**
 * A message in both languages plancheck speaks. Every diagnostic is written
 * with both, so that `--lang zh` (or a Chinese locale) gets Chinese on stderr
 * too; a plain string is English only (to be given its Chinese).
 */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}
export type Msg = string | Bilingual;

export interface Diagnostic extends Location {
  /** the message in English (what JSON `message` carries under `--lang en`) */
  readonly message: string;
  /** the same message in Chinese, where one was written */
  readonly zh?: string;
  readonly severity: 'error' | 'warning';
  /** a stable code such as `SCHEMA`, `EXPR_SYNTAX`, `UNIT_MISMATCH` */
  readonly code: string;
  /** an optional excerpt with a caret under the offending character */
  readonly excerpt?: string;
}

/** A cell's text as a message quotes it: at most `max` characters, the cut shown with its length. */
export function clip(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

export function formatLocation(loc: Location): string {
  let out = loc.file ?? '';
  if (loc.cell !== undefined) return `${out}${loc.sheet === undefined ? '' : `[${loc.sheet}]`}!${loc.cell}`;
  if (loc.sheet !== undefined) out += `[${loc.sheet}]`;
  if (loc.line !== undefined) {
    out += `:${loc.line}`;
    if (loc.column !== undefined) out += `:${loc.column}`;
  }
  return out;
}

/** The diagnostic's message in `lang` (English where no Chinese was written). */
export function diagnosticMessage(d: Diagnostic, lang: 'zh' | 'en' = 'en'): string {
  return lang === 'zh' && d.zh !== undefined ? d.zh : d.message;
}

export function formatDiagnostic(d: Diagnostic, lang: 'zh' | 'en' = 'en'): string {
  const where = formatLocation(d);
  const path = d.path ? (lang === 'zh' ? `（位置 ${d.path}）` : ` (at ${d.path})`) : '';
  const severity = lang === 'zh' ? (d.severity === 'error' ? '错误' : '警告') : d.severity;
  const head = `${where ? `${where}: ` : ''}${severity}: ${diagnosticMessage(d, lang)}${path}`;
  return d.excerpt ? `${head}\n${d.excerpt}` : head;
}

/** Base class: a problem with what the user gave us, never a bug. */
export abstract class InputError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(message: string, diagnostics: readonly Diagnostic[]) {
    super(message);
    this.diagnostics = diagnostics;
  }
}

/** A plan file that cannot be read, parsed or validated. */
export class PlanError extends InputError {
  override readonly name = 'PlanError';
}

/** A data file that cannot be read or has bad rows. */
export class DataError extends InputError {
  override readonly name = 'DataError';
}

/** Bad command-line usage: unknown option value, unknown plan id, no data file. */
export class UsageError extends InputError {
  override readonly name = 'UsageError';
  constructor(message: Msg) {
    super(typeof message === 'string' ? message : message.en, [errorDiagnostic('USAGE', message)]);
  }
}

function texts(message: Msg): { message: string; zh?: string } {
  return typeof message === 'string' ? { message } : { message: message.en, zh: message.zh };
}

export function errorDiagnostic(code: string, message: Msg, loc: Location = {}, excerpt?: string): Diagnostic {
  return { ...loc, code, ...texts(message), severity: 'error', ...(excerpt === undefined ? {} : { excerpt }) };
}

export function warningDiagnostic(code: string, message: Msg, loc: Location = {}): Diagnostic {
  return { ...loc, code, ...texts(message), severity: 'warning' };
}
