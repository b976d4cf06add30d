/**
 * GitHub Actions workflow commands: `::error file=…,line=…::message` for
 * what fails the run, `::warning` for other fails and missing data, each
 * pointing at the CSV line of the measurement at fault or the plan line
 * where an absent measurement is declared.
 */
import { isFailing } from '../evaluate/policy.js';
import type { RunReport } from '../index.js';
import { explain } from './explain.js';
import { placeOf } from './locate.js';
import type { FormatOptions } from './options.js';

/** Escaping for workflow command data and properties. */
export function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function property(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(run: RunReport, o: FormatOptions): string {
  const lines: string[] = [];
  for (const report of run.reports) {
    for (const r of report.evaluation.results) {
      if (r.status === 'pass' || r.status === 'pending') continue;
      // --missing ignore: absent data is neither counted nor annotated
      if (r.status === 'missing' && report.policy.missing === 'ignore' && r.required !== true) continue;
      const level = isFailing(r, report.policy) ? 'error' : 'warning';
      const at = placeOf(r, report);
      const title = `${report.plan.id}: ${r.name}`;
      lines.push(`::${level} file=${property(at.file)},line=${at.line},title=${property(title)}::${data(explain(r, report.year, o.lang))}`);
    }
    for (const w of report.evaluation.owed) {
      lines.push(`::${w.required ? 'error' : 'warning'} file=${property(report.loaded.file)},line=${w.line ?? 1},title=${property(`${report.plan.id}: owed`)}::${data(`${w.name} ${w.period} (${w.unit})`)}`);
    }
  }
  for (const u of run.unrouted) lines.push(`::warning file=${property(u.file)},line=${u.line}::${data(`${u.rows} row(s) for region ${u.region}, which no plan covers`)}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
