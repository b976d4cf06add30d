/** `plancheck plans`, `show`, `validate` and `template`. */
import { expandPlanRefs } from '../index.js';
import { bundledPlanIds, checkPlanFile, loadPlan, resolvePlanPath } from '../plan/load.js';
import type { Lang } from '../report/messages.js';
import { icu } from '../report/plural.js';
import { formatPlanList, formatPlanShow } from '../report/plan-table.js';
import { formatTemplate } from '../report/template.js';
import { encodeText, parseEncoding } from './encoding.js';
import { outData, printDiagnostics, type Io } from './io.js';
import { parseYear, resolveLang } from './options.js';

function langOf(io: Io, flag: string | undefined): Lang {
  return resolveLang(io.env, flag);
}

export async function runPlans(io: Io, flags: { lang?: string; format?: string }): Promise<number> {
  const plans = await Promise.all(bundledPlanIds().map((id) => loadPlan(id)));
  if (flags.format === 'json') {
    const list = plans.map(({ plan: p, file, sha256 }) => ({ id: p.id, title: p.title, region: { code: p.region.code, name: p.region.name }, period: { baseline_year: p.period.baselineYear, first_year: p.period.firstYear, last_year: p.period.lastYear }, indicators: p.indicators.length, rules: p.rules.length, file, sha256 }));
    io.out(`${JSON.stringify(list, null, 2)}\n`);
  } else io.out(formatPlanList(plans, langOf(io, flags.lang)));
  return 0;
}

export async function runShow(io: Io, ref: string, flags: { lang?: string }): Promise<number> {
  const loaded = await loadPlan(ref);
  const lang = langOf(io, flags.lang);
  printDiagnostics(io, loaded.warnings, lang);
  io.out(formatPlanShow(loaded, lang));
  return 0;
}

/** Exit 2 when any plan has errors (or, with --strict, warnings); 0 otherwise. Folders are read for their plan files. */
export async function runValidate(io: Io, refs: string[], flags: { strict?: boolean; seeds?: string; lang?: string }): Promise<number> {
  const lang = langOf(io, flags.lang);
  let bad = false;
  // every reference resolved first: an unknown one is a usage error before any plan is reported
  const files = expandPlanRefs(refs).map((ref) => resolvePlanPath(ref));
  for (const file of files) {
    // validate reads the file itself, never the build's cache
    const r = await checkPlanFile(file, flags.seeds, false);
    printDiagnostics(io, r.ok ? r.warnings : [...r.errors, ...r.warnings], lang);
    const failed = !r.ok || (flags.strict === true && r.warnings.length > 0);
    if (failed) bad = true;
    const counts = { indicators: r.ok ? r.plan.indicators.length : 0, rules: r.ok ? r.plan.rules.length : 0, errors: r.ok ? 0 : r.errors.length, warnings: r.warnings.length };
    const summary = lang === 'zh'
      ? `${r.ok ? `${counts.indicators} 个指标，${counts.rules} 条规则` : `${counts.errors} 个错误`}，${counts.warnings} 个警告`
      : await icu(r.ok ? '{indicators, plural, one {# indicator} other {# indicators}}, {rules, plural, one {# rule} other {# rules}}, {warnings, plural, one {# warning} other {# warnings}}' : '{errors, plural, one {# error} other {# errors}}, {warnings, plural, one {# warning} other {# warnings}}', counts);
    io.out(`${failed ? '✗' : '✓'} ${file}: ${summary}\n`);
  }
  return bad ? 2 : 0;
}

export async function runTemplate(io: Io, ref: string, flags: { year?: string; encoding?: string }): Promise<number> {
  const encoding = parseEncoding(flags.encoding);
  const { plan } = await loadPlan(ref);
  const year = parseYear(flags.year) ?? plan.period.lastYear;
  outData(io, await encodeText(formatTemplate(plan, year), encoding));
  return 0;
}
