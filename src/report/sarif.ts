/**
 * SARIF 2.1.0 for code-scanning dashboards: one result per failing or
 * missing check, located at the CSV line of the measurement at fault or the
 * plan line where an absent measurement is declared.
 */
import { isFailing } from '../evaluate/policy.js';
import type { ResultCode } from '../evaluate/result.js';
import type { RunReport } from '../index.js';
import { explain } from './explain.js';
import { placeOf } from './locate.js';
import type { FormatOptions } from './options.js';

const RULE_TEXT: Partial<Record<ResultCode, string>> = {
  TARGET_NOT_MET: 'A plan target is not met in its year',
  BEHIND_MILESTONE: 'An indicator is behind its milestone on the path to its target',
  RULE_VIOLATED: 'A quantified rule of the plan does not hold',
  INPUT_MISSING: 'A measurement the plan needs is absent',
  REPORTED_ABSENT: 'A measurement was reported as not available',
  INCOMPLETE: 'A year-to-date total lacks some periods',
  BOUND_UNDETERMINED: 'A value given as a bound cannot decide the check',
  TEXT_TARGET: 'The plan states the target as text',
  EVAL_ERROR: 'A check could not be computed',
};

export function formatSarif(run: RunReport, o: FormatOptions): string {
  const results: unknown[] = [];
  const used = new Set<ResultCode>();
  for (const report of run.reports) {
    for (const r of report.evaluation.results) {
      if (r.status === 'pass' || r.status === 'pending') continue;
      // --missing ignore: absent data is neither counted nor annotated
      if (r.status === 'missing' && report.policy.missing === 'ignore' && r.required !== true) continue;
      used.add(r.code);
      const at = placeOf(r, report);
      results.push({
        ruleId: r.code,
        level: isFailing(r, report.policy) ? 'error' : r.status === 'fail' ? 'warning' : 'note',
        message: { text: `${report.plan.id} · ${r.name}: ${explain(r, report.year, o.lang)}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: at.file.replace(/\\/g, '/') }, region: { startLine: at.line } } }],
        partialFingerprints: { plancheck: `${report.plan.id}/${r.kind}/${r.id}` },
        properties: { plan: report.plan.id, check: r.id, kind: r.kind, attribute: r.attribute, status: r.status },
      });
    }
  }
  const rules = [...used].sort().map((id) => ({ id, shortDescription: { text: RULE_TEXT[id] ?? id } }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'plancheck', version: run.version, rules } }, results }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
