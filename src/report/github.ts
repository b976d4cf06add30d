/**
 * GitHub Actions workflow commands. One annotation per check and place:
 * `::error` for what fails the run, `::warning` for other shortfalls and
 * absent data, at the data line of the value at fault or where absent data
 * is to be added; for the user's own plan file, a `::notice` at the line
 * that declares it. Data warnings (and, on exit 2, data errors) are
 * annotated at their file and line too. Locations: see locate.ts.
 */
import { diagnosticMessage, formatLocation, type Diagnostic } from '../errors.js';
import type { RunReport } from '../run/evaluate.js';
import { t } from './messages.js';
import { findingsOf, placeIn, type Place } from './locate.js';
import type { FormatOptions } from './options.js';

/** Escaping for workflow command data and properties. */
export function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function property(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(level: 'error' | 'warning' | 'notice', at: Place | undefined, title: string | undefined, message: string): string {
  const props = [...(at ? [`file=${property(at.file)}`, `line=${at.line}`] : []), ...(title === undefined ? [] : [`title=${property(title)}`])];
  return `::${level}${props.length > 0 ? ` ${props.join(',')}` : ''}::${data(message)}`;
}

/** Diagnostics (data warnings, or the errors of a run that ends with exit 2) as annotations. */
export function formatGithubDiagnostics(diagnostics: readonly Diagnostic[], o: FormatOptions): string {
  const lines = diagnostics.map((d) => {
    const at = d.file === undefined ? undefined : placeIn(d.file, d.line ?? 1, o.paths);
    // a workbook cell is no text line: the sheet and cell go into the title
    const title = d.cell !== undefined ? `${d.code} ${formatLocation(d)}` : d.code;
    return command(d.severity, at, title, diagnosticMessage(d, o.lang));
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export function formatGithub(run: RunReport, o: FormatOptions): string {
  const lines: string[] = [];
  const seen = new Set<string>();
  const emit = (key: string, line: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    lines.push(line);
  };
  for (const f of findingsOf(run, o)) {
    const check = `${f.report.plan.id}/${f.result?.kind ?? 'owed'}/${f.id}`;
    const level = f.level === 'note' ? 'notice' : f.level;
    emit(`${check}@${f.at?.file}:${f.at?.line}`, command(level, f.at, f.title, f.message));
    if (f.declared) {
      emit(`${check}@${f.declared.file}:${f.declared.line}`, command('notice', f.declared, f.title, t(o.lang, 'annot.declared', { message: f.message })));
    }
  }
  for (const u of run.unrouted) lines.push(command('warning', placeIn(u.at.file, u.at.line, o.paths), undefined, t(o.lang, 'annot.unrouted', { rows: u.rows, region: u.region })));
  const out = lines.length ? `${lines.join('\n')}\n` : '';
  // the UNROUTED warning is the annotation above, and NO_DATA is the run failure's annotation
  return out + formatGithubDiagnostics(run.warnings.filter((w) => w.code !== 'UNROUTED' && w.code !== 'NO_DATA'), o);
}
