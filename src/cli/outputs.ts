/**
 * `--output` files: checked before anything is read (never an input, never
 * named twice), written atomically (a temporary file beside it, then a
 * rename), and, when the run fails with exit 2, replaced by a document in
 * their own format saying so, so that no stale result survives a failed run.
 */
import { existsSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { STDIN } from '../data/load.js';
import { UsageError, type Diagnostic } from '../errors.js';
import type { Lang } from '../report/messages.js';
import { formatNames, isFormat, loadFailureFormatter } from '../report/registry.js';
import { version } from '../version.js';
import { encodeText, type TextEncoding } from './encoding.js';

export interface OutputTarget {
  readonly format: string;
  readonly file: string;
}

const BY_EXTENSION: Readonly<Record<string, string>> = { '.xml': 'junit', '.json': 'json', '.md': 'markdown', '.csv': 'csv', '.sarif': 'sarif', '.txt': 'table' };

/** `junit:out.xml`, or `out.xml` with the format told by the extension. */
export function parseOutputSpec(spec: string): OutputTarget {
  const m = /^([a-z]+):(.+)$/.exec(spec);
  if (m && m[1] !== undefined && m[2] !== undefined && isFormat(m[1])) return { format: m[1], file: m[2] };
  const ext = extname(spec).toLowerCase();
  const format = BY_EXTENSION[ext];
  if (format === undefined) throw new UsageError({ en: `--output ${spec}: say the format, e.g. junit:${spec} (formats: ${formatNames().join(', ')})`, zh: `--output ${spec}：请写明格式，例如 junit:${spec}（可用格式：${formatNames().join('、')}）` });
  return { format, file: spec };
}

/** The path a file has or would have, links resolved, for comparing two names of one file. */
export function realPathOf(file: string, platform: NodeJS.Platform = process.platform): string {
  let p: string;
  try {
    p = realpathSync.native(file);
  } catch {
    // not there yet: its folder's real path, and its name
    let dir: string;
    try {
      dir = realpathSync.native(dirname(resolve(file)));
    } catch {
      dir = dirname(resolve(file));
    }
    p = join(dir, basename(file));
  }
  // Windows and macOS file systems ignore case by default
  return platform === 'win32' || platform === 'darwin' ? p.toLowerCase() : p;
}

/**
 * The `--output` specs, refused (exit 2) when one names an input (a data or
 * plan file, compared by real path), a folder, or the same file as another.
 */
export function checkOutputs(specs: readonly string[], inputs: readonly string[]): OutputTarget[] {
  const targets = specs.map(parseOutputSpec);
  const inputPaths = new Map<string, string>();
  for (const i of inputs) if (i !== STDIN) inputPaths.set(realPathOf(i), i);
  const seen = new Map<string, string>();
  for (const t of targets) {
    const real = realPathOf(t.file);
    const input = inputPaths.get(real);
    if (input !== undefined) throw new UsageError({ en: `--output ${t.file} is an input of this run (${input}): it would be overwritten; write the output elsewhere`, zh: `--output ${t.file} 是本次运行的输入文件（${input}），会被覆盖；请输出到别处` });
    const other = seen.get(real);
    if (other !== undefined) throw new UsageError({ en: `--output ${t.file} and --output ${other} are the same file: one would overwrite the other`, zh: `--output ${t.file} 与 --output ${other} 是同一个文件，会相互覆盖` });
    seen.set(real, t.file);
    if (existsSync(t.file) && statSync(t.file).isDirectory()) throw new UsageError({ en: `--output ${t.file} is a folder, not a file`, zh: `--output ${t.file} 是文件夹，不是文件` });
  }
  return targets;
}

let tmpCount = 0;

/** Write a whole file or nothing: readers never see half a file, and a failed write leaves the old one. */
export function writeAtomic(file: string, data: string | Uint8Array): void {
  const tmp = join(dirname(resolve(file)), `.${basename(file)}.${process.pid}.${tmpCount++}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    const msg = e instanceof Error ? e.message.replace(/^[A-Z]+: /, '') : String(e);
    throw new UsageError({ en: `cannot write ${file}: ${msg}`, zh: `无法写入 ${file}：${msg}` });
  }
}

/** The text of one output in its file's bytes: CSV (meant for Excel) in the chosen encoding, the rest UTF-8. */
export async function outputBytes(format: string, text: string, encoding: TextEncoding): Promise<string | Uint8Array> {
  return format === 'csv' ? encodeText(text, encoding) : text;
}

/**
 * After an exit-2 failure: each output says the run failed and why, in its
 * own format. A file that cannot be written is reported, and the others are
 * still written.
 */
export async function writeFailureDocuments(targets: readonly OutputTarget[], diagnostics: readonly Diagnostic[], lang: Lang, encoding: TextEncoding): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  for (const t of targets) {
    const f = await loadFailureFormatter(t.format);
    try {
      writeAtomic(t.file, await outputBytes(t.format, f({ version: version(), exitCode: 2, diagnostics }, lang), encoding));
    } catch (e) {
      if (e instanceof UsageError) for (const d of e.diagnostics) problems.push(d);
      else throw e;
    }
  }
  return problems;
}
