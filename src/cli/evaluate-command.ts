/** `plancheck evaluate`: options → evaluate() → a report on stdout → exit code. */
import { errorDiagnostic, InputError } from '../errors.js';
import { evaluate, expandPlanRefs } from '../index.js';
import { resolvePlanPath } from '../plan/load.js';
import { formatNames, loadFormatter } from '../report/registry.js';
import { encodeText, parseEncoding } from './encoding.js';
import { expandDataArgs } from './inputs.js';
import { printDiagnostics, outData, useColor, type Io } from './io.js';
import { checkOutputs, outputBytes, writeAtomic, writeFailureDocuments } from './outputs.js';
import { FAIL_ON, MISSING, oneOf, parseYear, resolveLang } from './options.js';

export { parseOutputSpec } from './outputs.js';

export interface EvaluateFlags {
  plan: string[];
  year?: string;
  period?: string;
  require?: string;
  format: string;
  failOn: string;
  missing: string;
  lang?: string;
  color: boolean;
  output?: string[];
  encoding?: string;
}

/** A plan reference's file, where it names one (an unknown id is reported when the plan is loaded). */
function planFileOf(ref: string): string | undefined {
  try {
    return resolvePlanPath(ref);
  } catch (e) {
    if (e instanceof InputError) return undefined;
    throw e;
  }
}

export async function runEvaluate(io: Io, files: string[], flags: EvaluateFlags, ctx: { outputsHandled: boolean } = { outputsHandled: false }): Promise<number> {
  const format = oneOf('format', flags.format, formatNames());
  const policy = { failOn: oneOf('fail-on', flags.failOn, FAIL_ON), missing: oneOf('missing', flags.missing, MISSING) };
  const lang = resolveLang(io.env, flags.lang);
  const year = parseYear(flags.year);
  const encoding = parseEncoding(flags.encoding);
  const requireComplete = flags.require === undefined ? false : oneOf('require', flags.require, ['complete']) === 'complete';
  const data = await expandDataArgs(files);
  const planFiles = expandPlanRefs(flags.plan).flatMap((r) => planFileOf(r) ?? []);
  // before anything is read: no output may overwrite an input, or another output
  const outputs = checkOutputs(flags.output ?? [], [...data, ...planFiles]);
  ctx.outputsHandled = true;
  try {
    const run = await evaluate({
      plans: flags.plan,
      data,
      policy,
      requireComplete,
      ...(year === undefined ? {} : { year }),
      ...(flags.period === undefined ? {} : { period: flags.period }),
    });
    printDiagnostics(io, run.warnings, lang);
    const formatter = await loadFormatter(format);
    for (const o of outputs) {
      const f = await loadFormatter(o.format);
      writeAtomic(o.file, await outputBytes(o.format, f(run, { color: false, lang }), encoding));
    }
    const text = formatter(run, { color: useColor(io, flags.color), lang });
    outData(io, format === 'csv' ? await encodeText(text, encoding) : text);
    return run.failing > 0 ? 1 : 0;
  } catch (e) {
    // exit 2 (or 3, a bug): every output says the run failed, so no stale success survives it
    const failure = e instanceof InputError ? { diagnostics: e.diagnostics, code: 2 } : { diagnostics: [errorDiagnostic('INTERNAL', { en: `internal error, please report it: ${e instanceof Error ? e.message : String(e)}`, zh: `内部错误（程序缺陷），请报告：${e instanceof Error ? e.message : String(e)}` })], code: 3 };
    printDiagnostics(io, await writeFailureDocuments(outputs, failure.diagnostics, lang, encoding, failure.code), lang);
    throw e;
  }
}
