/** `plancheck plans`, `show`, `validate` and `template`. */
import { describeEnvelope } from '../evaluate/plausibility.js';
import { allMeasurements } from '../plan/model.js';
import { formatDiagnostic } from '../errors.js';
import { bundledPlanIds, checkPlanFile, loadPlan, resolvePlanPath } from '../plan/load.js';
import { langFromLocale, type Lang } from '../report/messages.js';
import { formatPlanList, formatPlanShow } from '../report/plan-table.js';
import { formatTemplate } from '../report/template.js';
import type { Io } from './io.js';
import { LANGS, oneOf, parseYear } from './options.js';

function langOf(io: Io, flag: string | undefined): Lang {
  return flag === undefined ? langFromLocale(io.env) : oneOf('lang', flag, LANGS);
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
  for (const w of loaded.warnings) io.err(`${formatDiagnostic(w)}\n`);
  io.out(formatPlanShow(loaded, langOf(io, flags.lang)));
  return 0;
}

/** Exit 2 when any plan has errors (or, with --strict, warnings); 0 otherwise. */
export async function runValidate(io: Io, refs: string[], flags: { strict?: boolean; seeds?: string }): Promise<number> {
  let bad = false;
  for (const ref of refs) {
    const file = resolvePlanPath(ref);
    // validate reads the file itself, never the build's cache
    const r = await checkPlanFile(file, flags.seeds, false);
    const diagnostics = r.ok ? r.warnings : [...r.errors, ...r.warnings];
    for (const d of diagnostics) io.err(`${formatDiagnostic(d)}\n`);
    const failed = !r.ok || (flags.strict === true && r.warnings.length > 0);
    if (failed) bad = true;
    const counts = r.ok ? `${r.plan.indicators.length} indicators, ${r.plan.rules.length} rules` : `${r.errors.length} error(s)`;
    io.out(`${failed ? '✗' : '✓'} ${file}: ${counts}, ${r.warnings.length} warning(s)\n`);
    // where the plan widens or narrows the plausibility envelope, say so
    if (r.ok) for (const m of allMeasurements(r.plan).filter((x) => x.plausible !== undefined)) io.out(`  plausible ${m.id} (${m.name}): ${describeEnvelope(m)}\n`);
  }
  return bad ? 2 : 0;
}

export async function runTemplate(io: Io, ref: string, flags: { year?: string }): Promise<number> {
  const { plan } = await loadPlan(ref);
  const year = parseYear(flags.year) ?? plan.period.lastYear;
  io.out(formatTemplate(plan, year));
  return 0;
}
