/** The CLI's only contact with the terminal: stdout for reports, stderr for the rest. */
import { WriteStream } from 'node:tty';
import { formatDiagnostic, type Diagnostic } from '../errors.js';

export interface Io {
  out(text: string): void;
  /** bytes for stdout (text in an encoding other than UTF-8, a workbook redirected to a file); where absent, text goes to out() as latin1 and a workbook is refused */
  outBytes?(bytes: Uint8Array): void;
  err(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTty: boolean;
  /** the terminal's width in columns, when stdout is a terminal (undefined when piped: full width) */
  readonly columns?: number | undefined;
}

/** Streams whose reader has gone (`plancheck … | head -1`): further output is dropped, quietly. */
const closed = new WeakSet<NodeJS.WriteStream>();
const guarded = new WeakSet<NodeJS.WriteStream>();

/**
 * Writes to a stream that may be a pipe closed by its reader: EPIPE is not a
 * failure of the run (the reader has what it wanted), so it ends the output
 * and the run keeps the exit status it earned. Any other write error is
 * reported once on stderr.
 */
function writeTo(stream: NodeJS.WriteStream, text: string | Uint8Array): void {
  if (!guarded.has(stream)) {
    guarded.add(stream);
    stream.on('error', (e: NodeJS.ErrnoException) => {
      closed.add(stream);
      if (e.code === 'EPIPE' || stream === process.stderr) return;
      process.stderr.write(`plancheck: cannot write the output: ${e.message}\n`);
      process.exitCode = 2;
    });
  }
  if (closed.has(stream)) return;
  stream.write(text);
}

export const processIo: Io = {
  out: (text) => writeTo(process.stdout, text),
  outBytes: (bytes) => writeTo(process.stdout, bytes),
  err: (text) => writeTo(process.stderr, text),
  env: process.env,
  stdoutIsTty: process.stdout.isTTY === true,
  get columns(): number | undefined {
    return process.stdout.isTTY === true && process.stdout.columns > 0 ? process.stdout.columns : undefined;
  },
};

export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[], lang: 'zh' | 'en' = 'en'): void {
  for (const d of diagnostics) io.err(`${formatDiagnostic(d, lang)}\n`);
}

/**
 * Colour as Node decides it for a terminal (`tty.WriteStream#getColorDepth`:
 * FORCE_COLOR (=0 turns it off), NODE_DISABLE_COLORS, TERM=dumb, CI and
 * Windows terminals), and only on a terminal unless FORCE_COLOR asks for it;
 * never with NO_COLOR or --no-color.
 */
export function useColor(io: Io, flag: boolean): boolean {
  if (!flag) return false;
  // NO_COLOR wins (https://no-color.org); Node would let FORCE_COLOR win, with a warning
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  const depth = WriteStream.prototype.getColorDepth.call(undefined as unknown as WriteStream, io.env);
  const forced = io.env['FORCE_COLOR'];
  if (forced !== undefined && forced !== '') return depth > 1;
  return io.stdoutIsTty && depth > 1;
}

/** Text or bytes (see encoding.ts) to stdout. */
export function outData(io: Io, data: string | Uint8Array): void {
  if (typeof data === 'string') io.out(data);
  else if (io.outBytes) io.outBytes(data);
  else io.out(Buffer.from(data).toString('latin1'));
}
