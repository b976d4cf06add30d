/**
 * `--output` files: checked before anything is read (never an input, never
 * named twice), written atomically (a temporary file beside it, then a
 * rename), and, when the run fails with exit 2, replaced by a document in
 * their own format saying so, so that no stale result survives a failed run.
 */
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { STDIN } from '../data/load.js';
import { InputError, UsageError, type Diagnostic } from '../errors.js';
import { expandPlanRefs } from '../run/pipeline.js';
import { resolvePlanPath } from '../plan/load.js';
import type { Lang } from '../report/messages.js';
import { formatNames, isBinaryFormat, isFormat, loadFailureFormatter } from '../report/registry.js';
import { osErrorText } from '../os-error.js';
import { version } from '../version.js';
import { encodeText, type TextEncoding } from './encoding.js';

export interface OutputTarget {
  readonly format: string;
  readonly file: string;
}

const BY_EXTENSION: Readonly<Record<string, string>> = { '.xml': 'junit', '.json': 'json', '.md': 'markdown', '.csv': 'csv', '.sarif': 'sarif', '.txt': 'table', '.xlsx': 'xlsx' };

/**
 * `junit:out.xml`, or `out.xml` with the format told by the extension. A
 * word before a colon that is not a format (`jsn:res.json`, a typo) is an
 * error listing the formats, not a file named `jsn:res.json`; a Windows
 * drive (`C:\\out\\res.json`) is a path.
 */
export function parseOutputSpec(spec: string): OutputTarget {
  const m = /^([A-Za-z][A-Za-z0-9_-]*):(.*)$/s.exec(spec);
  const drive = /^[A-Za-z]:[\\/]/.test(spec);
  if (m && m[1] !== undefined && m[2] !== undefined && !drive) {
    const format = m[1].toLowerCase();
    const formats = formatNames();
    if (!isFormat(format)) {
      throw new UsageError({
        en: `--output ${spec}: "${m[1]}" is not a format (formats: ${formats.join(', ')}); a file whose name has a colon is written with the format first, e.g. json:${spec}`,
        zh: `--output ${spec}：“${m[1]}”不是输出格式（可用格式：${formats.join('、')}）；文件名本身含冒号时，请在前面写明格式，例如 json:${spec}`,
      });
    }
    if (m[2] === '') throw new UsageError({ en: `--output ${spec}: say the file after the format, e.g. ${format}:results.${format === 'junit' ? 'xml' : format === 'markdown' ? 'md' : format}`, zh: `--output ${spec}：请在格式后写明文件，例如 ${format}:results.${format === 'junit' ? 'xml' : format === 'markdown' ? 'md' : format}` });
    return { format, file: m[2] };
  }
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

/** A refused `--output`: the run stops (exit 2); the outputs that are safe to write still say why. */
export class OutputRefused extends UsageError {
  constructor(
    message: { en: string; zh: string },
    readonly usable: readonly OutputTarget[],
  ) {
    super(message);
  }
}

/**
 * The `--output` specs, refused (exit 2) when one names an input (a data or
 * plan file, compared by real path), a folder, or the same file as another.
 * A refusal carries the outputs it is safe to write a failure document to:
 * every one that is not an input or a folder (a file named twice, once).
 */
/** The plan files a run reads (bundled ids and folders resolved; an unknown id is reported when the plan is loaded). */
export function planFilesOf(refs: readonly string[]): string[] {
  return expandPlanRefs(refs).flatMap((ref) => {
    try {
      return [resolvePlanPath(ref)];
    } catch (e) {
      if (e instanceof InputError) return [];
      throw e;
    }
  });
}

function intoInput(file: string, input: string): { en: string; zh: string } {
  return { en: `--output ${file} is an input of this run (${input}): it would be overwritten; write the output elsewhere`, zh: `--output ${file} 是本次运行的输入文件（${input}），会被覆盖；请输出到别处` };
}

function intoFolder(file: string): { en: string; zh: string } {
  return { en: `--output ${file} is a folder, not a file`, zh: `--output ${file} 是文件夹，不是文件` };
}

/** One output file (report, template): refused (exit 2) before anything is read when it is an input of the run or a folder. */
export function checkOutputFile(file: string, inputs: readonly string[]): void {
  const real = realPathOf(file);
  const input = inputs.find((i) => i !== STDIN && realPathOf(i) === real);
  if (input !== undefined) throw new UsageError(intoInput(file, input));
  if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(intoFolder(file));
}

export function checkOutputs(specs: readonly string[], inputs: readonly string[]): OutputTarget[] {
  const targets = specs.map(parseOutputSpec);
  const inputPaths = new Map<string, string>();
  for (const i of inputs) if (i !== STDIN) inputPaths.set(realPathOf(i), i);
  const seen = new Map<string, string>();
  const usable: OutputTarget[] = [];
  let refusal: { en: string; zh: string } | undefined;
  for (const t of targets) {
    const real = realPathOf(t.file);
    const input = inputPaths.get(real);
    const other = seen.get(real);
    if (input !== undefined) refusal ??= intoInput(t.file, input);
    else if (existsSync(t.file) && statSync(t.file).isDirectory()) refusal ??= intoFolder(t.file);
    else if (other !== undefined) refusal ??= { en: `--output ${t.file} and --output ${other} are the same file: one would overwrite the other`, zh: `--output ${t.file} 与 --output ${other} 是同一个文件，会相互覆盖` };
    else usable.push(t);
    seen.set(real, t.file);
  }
  if (refusal) throw new OutputRefused(refusal, usable);
  return targets;
}

let tmpCount = 0;

/** A name for a stream the process already holds (`/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`): written to, never replaced. */
const DESCRIPTOR_PATH = /^\/(dev\/(stdout|stderr|fd\/\d+)|proc\/(self|\d+)\/fd\/\d+)$/;

/** Where a write to `file` lands: the file itself, the end of its chain of symbolic links, or a stream to write into. */
export type OutputPlace = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'stream'; readonly path: string };

/**
 * Where the user meant `file` to be written:
 * - a symbolic link: its target (a link to a link, to the end of the chain;
 *   a link to a file not there yet, that file), so the link stays a link and
 *   the file it names is the one brought up to date;
 * - a FIFO, a character device (a terminal, `/dev/null`), a socket, or a
 *   name for a descriptor this process holds (`/dev/stdout`): a stream,
 *   written into where it is — a special file is never replaced by a
 *   regular one;
 * - anything else: that file, written atomically.
 */
export function outputPlace(file: string): OutputPlace {
  if (DESCRIPTOR_PATH.test(resolve(file))) return { kind: 'stream', path: file };
  let st: Stats | undefined;
  try {
    st = statSync(file);
  } catch {
    st = undefined;
  }
  if (st && (st.isFIFO() || st.isCharacterDevice() || st.isSocket())) return { kind: 'stream', path: file };
  if (st) return { kind: 'file', path: realpathSync.native(file) };
  // not there (or a link to nothing): follow links by hand to the name the file will have
  let path = resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      if (!lstatSync(path).isSymbolicLink()) break;
      link = readlinkSync(path);
    } catch {
      break;
    }
    path = resolve(dirname(path), link);
  }
  return { kind: 'file', path };
}

/** The descriptor a name stands for, when it is this process's stdout or stderr. */
function heldDescriptor(path: string): 1 | 2 | undefined {
  const m = /^\/(?:dev\/(stdout|stderr|fd\/(\d+))|proc\/(?:self|(\d+))\/fd\/(\d+))$/.exec(resolve(path));
  if (!m) return undefined;
  if (m[3] !== undefined && Number(m[3]) !== process.pid) return undefined;
  const fd = m[1] === 'stdout' ? 1 : m[1] === 'stderr' ? 2 : Number(m[2] ?? m[4]);
  return fd === 1 || fd === 2 ? fd : undefined;
}

function cannotWrite(file: string, e: unknown): UsageError {
  const msg = osErrorText(e);
  return new UsageError({ en: `cannot write ${file}: ${msg.en}`, zh: `无法写入 ${file}：${msg.zh}` });
}

/**
 * Write an output where the user meant it (see outputPlace). A file is
 * written whole or not at all — a temporary file beside it, then renamed
 * over it — so readers never see half a file and a failed write leaves the
 * old one; a stream is opened and written to (a FIFO's reader gets the
 * document; a full device says so).
 */
export function writeOutput(file: string, data: string | Uint8Array): void {
  const place = outputPlace(file);
  const fd = place.kind === 'stream' ? heldDescriptor(place.path) : undefined;
  if (fd !== undefined) {
    // this process's own stdout or stderr: written through the same stream as the report, in order
    // (a pipe from a parent process may be a socket, which cannot be opened by name)
    (fd === 2 ? process.stderr : process.stdout).write(data);
    return;
  }
  if (place.kind === 'stream') {
    let fd: number | undefined;
    try {
      // append: a descriptor that is a redirected file is not truncated under its writer
      fd = openSync(place.path, 'a');
      writeFileSync(fd, data);
    } catch (e) {
      throw cannotWrite(file, e);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    return;
  }
  const tmp = join(dirname(place.path), `.${basename(place.path)}.${process.pid}.${tmpCount++}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, place.path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw cannotWrite(file, e);
  }
}

/** The text of one output in its file's bytes: CSV (meant for Excel) in the chosen encoding, the rest UTF-8. */
export async function outputBytes(format: string, text: string, encoding: TextEncoding): Promise<string | Uint8Array> {
  return format === 'csv' ? encodeText(text, encoding) : text;
}

/**
 * After a failed run (exit 2, or 3 for a bug): each output says the run
 * failed and why, in its own format. A file that cannot be written is reported, and the others are
 * still written.
 */
export async function writeFailureDocuments(targets: readonly OutputTarget[], diagnostics: readonly Diagnostic[], lang: Lang, encoding: TextEncoding, exitCode = 2): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  for (const t of targets) {
    const failure = { version: version(), exitCode, diagnostics };
    // a workbook says it in a workbook (loaded only then)
    const bytes = isBinaryFormat(t.format) ? await (await import('../report/xlsx.js')).formatXlsxFailure(failure, lang) : await outputBytes(t.format, (await loadFailureFormatter(t.format))(failure, lang), encoding);
    try {
      writeOutput(t.file, bytes);
    } catch (e) {
      if (e instanceof UsageError) for (const d of e.diagnostics) problems.push(d);
      else throw e;
    }
  }
  return problems;
}

/** The `--output` specs of an `evaluate` command line, read without commander (which may have refused it), and the other words. */
function splitOutputSpecs(argv: readonly string[]): { specs: string[]; others: string[] } {
  const specs: string[] = [];
  const others: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    // after `--` every word is an argument (a data file), never an option
    if (a === '--') {
      for (const w of argv.slice(i + 1)) others.push(w);
      break;
    }
    if ((a === '--output' || a === '-o') && i + 1 < argv.length) specs.push(argv[++i] as string);
    else if (a.startsWith('--output=')) specs.push(a.slice('--output='.length));
    else if (/^-o./.test(a)) specs.push(a.slice(2));
    else others.push(a);
  }
  return { specs, others };
}

/**
 * An `evaluate` run that ended with exit 2 before its outputs were checked
 * (a usage error on the command line): its `--output` files still say the run
 * failed, unless one could be an input — every word of the command line that
 * names a file, a pattern's files, and the plans named — or two name one file;
 * then nothing is written.
 */
export async function failOutputsOfArgv(argv: readonly string[], diagnostics: readonly Diagnostic[], lang: Lang, resolvePlan: (ref: string) => string | undefined, exitCode = 2): Promise<Diagnostic[]> {
  if (argv[0] !== 'evaluate') return [];
  const split = splitOutputSpecs(argv);
  const others = split.others;
  // a spec that says no format is not an output
  const specs = split.specs.filter((spec) => {
    try {
      parseOutputSpec(spec);
      return true;
    } catch {
      return false;
    }
  });
  if (specs.length === 0) return [];
  const { expandDataArgs } = await import('./inputs.js');
  const inputs: string[] = [];
  for (const word of others.flatMap((a) => (a.includes('=') ? [a, a.slice(a.indexOf('=') + 1)] : [a]))) {
    try {
      for (const f of await expandDataArgs([word])) if (existsSync(f)) inputs.push(f);
    } catch {
      // not a file, not a pattern with files
    }
    const plan = resolvePlan(word);
    if (plan !== undefined) inputs.push(plan);
    // a folder given to --plan: its plan files
    if (existsSync(word) && statSync(word).isDirectory()) for (const f of readdirSync(word)) if (/\.ya?ml$/.test(f)) inputs.push(join(word, f));
  }
  let targets: readonly OutputTarget[];
  try {
    targets = checkOutputs(specs, inputs);
  } catch (e) {
    // refused: only those that are safe
    if (e instanceof OutputRefused) targets = e.usable;
    else if (e instanceof UsageError) return [];
    else throw e;
  }
  const encodingAt = argv.indexOf('--encoding');
  let encoding: TextEncoding = 'utf8-bom';
  try {
    encoding = (await import('./encoding.js')).parseEncoding(encodingAt >= 0 ? argv[encodingAt + 1] : undefined);
  } catch {
    // the default, then
  }
  return writeFailureDocuments(targets, diagnostics, lang, encoding, exitCode);
}
