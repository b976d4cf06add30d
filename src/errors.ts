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
}

export interface Diagnostic extends Location {
  readonly message: string;
  readonly severity: 'error' | 'warning';
  /** a stable code such as `SCHEMA`, `EXPR_SYNTAX`, `UNIT_MISMATCH` */
  readonly code: string;
  /** an optional excerpt with a caret under the offending character */
  readonly excerpt?: string;
}

export function formatLocation(loc: Location): string {
  let out = loc.file ?? '';
  if (loc.line !== undefined) {
    out += `:${loc.line}`;
    if (loc.column !== undefined) out += `:${loc.column}`;
  }
  return out;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = formatLocation(d);
  const path = d.path ? ` (at ${d.path})` : '';
  const head = `${where ? `${where}: ` : ''}${d.severity}: ${d.message}${path}`;
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
  constructor(message: string) {
    super(message, [{ message, severity: 'error', code: 'USAGE' }]);
  }
}

export function errorDiagnostic(code: string, message: string, loc: Location = {}, excerpt?: string): Diagnostic {
  return { ...loc, code, message, severity: 'error', ...(excerpt === undefined ? {} : { excerpt }) };
}

export function warningDiagnostic(code: string, message: string, loc: Location = {}): Diagnostic {
  return { ...loc, code, message, severity: 'warning' };
}
