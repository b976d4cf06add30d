/** The CLI's only contact with the terminal: stdout for reports, stderr for the rest. */
import { formatDiagnostic, type Diagnostic } from '../errors.js';

export interface Io {
  out(text: string): void;
  /** bytes to stdout (a workbook redirected to a file) */
  outBytes?(bytes: Uint8Array): void;
  err(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTty: boolean;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  outBytes: (bytes) => void process.stdout.write(bytes),
  err: (text) => void process.stderr.write(text),
  env: process.env,
  stdoutIsTty: process.stdout.isTTY === true,
};

export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) io.err(`${formatDiagnostic(d)}\n`);
}

/** Colour unless NO_COLOR is set, --no-color was given, or stdout is not a terminal (FORCE_COLOR overrides the last). */
export function useColor(io: Io, flag: boolean): boolean {
  if (!flag) return false;
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  return io.stdoutIsTty;
}
