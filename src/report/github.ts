/**
 * GitHub Actions workflow commands. One annotation per check and place:
 * `::error` for what fails the run, `::warning` for other shortfalls and
 * absent data, at the data line of the value at fault or where absent data
 * is to be added; for the user's own plan file, a `::notice` at the line
 * that declares it. Data warnings (and, on exit 2, data errors) are
 * annotated at their file and line too. Locations: see locate.ts.
 */
import { diagnosticMessage, formatLocation, type Diagnostic } from '../errors.js';
import type { RunFailure } from './failure.js';
import type { RunReport } from '../run/evaluate.js';
import { t, type Lang } from './messages.js';
import { findingsOf, placeIn, type Finding, type Place } from './locate.js';
import type { FormatOptions } from './options.js';

/** Escaping for workflow command data and properties. */
export function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function property(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

type AnnotationLevel = 'error' | 'warning' | 'notice';

/** One workflow command before it is written: its level counts against GitHub's limit for that level. */
interface Annotation {
  readonly level: AnnotationLevel;
  readonly at: Place | undefined;
  readonly title: string | undefined;
  readonly message: string;
}

/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per
 * step (and 50 per job); the rest of a step's workflow commands are only in
 * its log. (actions/toolkit, docs/problem-matchers.md, "Limitations".)
 */
export const ANNOTATIONS_PER_LEVEL = 10;

function command(a: Annotation): string {
  const props = [...(a.at ? [`file=${property(a.at.file)}`, `line=${a.at.line}`] : []), ...(a.title === undefined ? [] : [`title=${property(a.title)}`])];
  return `::${a.level}${props.length > 0 ? ` ${props.join(',')}` : ''}::${data(a.message)}`;
}

/** How many annotations of each level were made, and how many are shown one by one. */
export interface AnnotationCounts {
  readonly made: Readonly<Record<AnnotationLevel, number>>;
  readonly shown: Readonly<Record<AnnotationLevel, number>>;
}

const LEVEL_WORD: Readonly<Record<AnnotationLevel, Record<Lang, string>>> = {
  error: { en: 'errors', zh: '个错误' },
  warning: { en: 'warnings', zh: '个警告' },
  notice: { en: 'notices', zh: '条提示' },
};

/**
 * At most ANNOTATIONS_PER_LEVEL of each level: the first (limit − 1) one by
 * one, and, when there are more, one annotation of the same level that
 * counts the rest and says where they all are — so nothing is dropped
 * silently.
 */
function withinLimits(all: readonly Annotation[], lang: Lang, where: Record<Lang, string>): { lines: string[]; counts: AnnotationCounts } {
  const made: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  for (const a of all) made[a.level]++;
  const shown: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const lines: string[] = [];
  for (const a of all) {
    const over = made[a.level] > ANNOTATIONS_PER_LEVEL;
    if (shown[a.level] < (over ? ANNOTATIONS_PER_LEVEL - 1 : ANNOTATIONS_PER_LEVEL)) {
      lines.push(command(a));
      shown[a.level]++;
    }
  }
  for (const level of ['error', 'warning', 'notice'] as const) {
    const rest = made[level] - shown[level];
    if (rest === 0) continue;
    const message =
      lang === 'zh'
        ? `另有 ${rest} ${LEVEL_WORD[level].zh}未逐条标注（GitHub 每个步骤只显示每种级别 ${ANNOTATIONS_PER_LEVEL} 条标注），共 ${made[level]} ${LEVEL_WORD[level].zh}：${where.zh}`
        : `${rest} more ${LEVEL_WORD[level].en} not annotated one by one (GitHub shows ${ANNOTATIONS_PER_LEVEL} annotations of each level per step), ${made[level]} in all: ${where.en}`;
    lines.push(command({ level, at: undefined, title: lang === 'zh' ? `plancheck：另有 ${rest} ${LEVEL_WORD[level].zh}` : `plancheck: ${rest} more ${LEVEL_WORD[level].en}`, message }));
  }
  return { lines, counts: { made, shown } };
}

function diagnosticAnnotations(diagnostics: readonly Diagnostic[], o: FormatOptions): Annotation[] {
  return diagnostics.map((d) => {
    const at = d.file === undefined ? undefined : placeIn(d.file, d.line ?? 1, o.paths);
    // a workbook cell is no text line: the sheet and cell go into the title
    const title = d.cell !== undefined ? `${d.code} ${formatLocation(d)}` : d.code;
    return { level: d.severity, at, title, message: diagnosticMessage(d, o.lang) };
  });
}

/** Diagnostics (data warnings, or the errors of a run that ends with exit 2) as annotations, within GitHub's limits. */
export function formatGithubDiagnostics(diagnostics: readonly Diagnostic[], o: FormatOptions): string {
  const { lines } = withinLimits(diagnosticAnnotations(diagnostics, o), o.lang, { en: 'every one is on stderr, in the step log', zh: '全部见步骤日志（标准错误输出）' });
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** The annotations of a run that ended with exit 2 or 3: its diagnostics, or one error saying the run failed. */
export function formatGithubFailure(f: RunFailure, o: FormatOptions): string {
  if (f.diagnostics.length > 0) return formatGithubDiagnostics(f.diagnostics, o);
  const headline = o.lang === 'zh' ? 'plancheck 未能完成评估，没有结果' : 'plancheck could not evaluate: there are no results';
  return `${command({ level: 'error', at: undefined, title: 'plancheck', message: headline })}\n`;
}

/** Absent data that only warns: one annotation per data file, not one per measurement. */
function isAbsentWarning(f: Finding): boolean {
  return f.level === 'warning' && (f.code === 'INPUT_MISSING' || f.code === 'INCOMPLETE');
}

function runAnnotations(run: RunReport, o: FormatOptions): Annotation[] {
  const out: Annotation[] = [];
  const seen = new Set<string>();
  const emit = (key: string, a: Annotation): void => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push(a);
  };
  const findings = findingsOf(run, o);
  // absent-data warnings of one file: grouped, where there are several
  const absentByFile = new Map<string, Finding[]>();
  // (a file outside the repository has no place: its warnings are one group without a location)
  const fileKey = (f: Finding): string => (f.at === undefined ? '' : `/${f.at.file}`);
  for (const f of findings) {
    if (!isAbsentWarning(f)) continue;
    const list = absentByFile.get(fileKey(f)) ?? [];
    list.push(f);
    absentByFile.set(fileKey(f), list);
  }
  for (const f of findings) {
    const check = `${f.report.plan.id}/${f.result?.kind ?? 'owed'}/${f.id}`;
    const group = absentByFile.get(fileKey(f));
    if (group !== undefined && group.length > 1 && isAbsentWarning(f)) {
      if (group[0] !== f) continue;
      const at = f.at === undefined ? undefined : { file: f.at.file, line: Math.min(...group.map((g) => (g.at as Place).line)) };
      const items = group.map((g) => `${g.title}: ${g.message}`);
      const title = o.lang === 'zh' ? `plancheck：缺数据 ${group.length} 项` : `plancheck: ${group.length} checks without data`;
      out.push({ level: 'warning', at, title, message: items.join('\n') });
      continue;
    }
    const level = f.level === 'note' ? 'notice' : f.level;
    emit(`${check}@${f.at?.file}:${f.at?.line}`, { level, at: f.at, title: f.title, message: f.message });
    if (f.declared) {
      emit(`${check}@${f.declared.file}:${f.declared.line}`, { level: 'notice', at: f.declared, title: f.title, message: t(o.lang, 'annot.declared', { message: f.message }) });
    }
  }
  for (const u of run.unrouted) out.push({ level: 'warning', at: placeIn(u.at.file, u.at.line, o.paths), title: undefined, message: t(o.lang, 'annot.unrouted', { rows: u.rows, region: u.region }) });
  // the UNROUTED warning is the annotation above, and NO_DATA is the run failure's annotation
  return [...out, ...diagnosticAnnotations(run.warnings.filter((w) => w.code !== 'UNROUTED' && w.code !== 'NO_DATA'), o)];
}

const WHERE_ALL: Readonly<Record<Lang, string>> = {
  en: 'all are in the job summary and the step log',
  zh: '全部见作业摘要（job summary）和步骤日志',
};

/** How many annotations the run makes and shows (the job summary says so when some are not shown one by one). */
export function annotationCounts(run: RunReport, o: FormatOptions): AnnotationCounts {
  return withinLimits(runAnnotations(run, o), o.lang, WHERE_ALL).counts;
}

/** The run as annotations, within GitHub's limits (the job summary lists every check that did not pass). */
export function formatGithub(run: RunReport, o: FormatOptions): string {
  const { lines } = withinLimits(runAnnotations(run, o), o.lang, WHERE_ALL);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
