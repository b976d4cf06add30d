/**
 * What an `--output` file says when the run could not be made (exit 2: a bad
 * plan, a bad data file, bad usage): a document in the file's own format that
 * says the run failed and why, so that a CI job never shows an old file's
 * success. One function per format, looked up through registry.ts.
 */
import Papa from 'papaparse';
import { diagnosticMessage, formatDiagnostic, formatLocation, type Diagnostic } from '../errors.js';
import { formatGithubFailure } from './github.js';
import { buildJunitXml } from './junit.js';
import { fileUri } from './sarif-uri.js';
import { HOMEPAGE, README, SARIF_SCHEMA } from './sarif-rules.js';
import { t, type Lang } from './messages.js';

export interface RunFailure {
  readonly version: string;
  /** the exit code the run ends with (2) */
  readonly exitCode: number;
  readonly diagnostics: readonly Diagnostic[];
}

export type FailureFormatter = (f: RunFailure, lang: Lang) => string;

const HEADLINE: Readonly<Record<Lang, string>> = {
  zh: 'plancheck 未能完成评估（输入或用法有误），没有结果',
  en: 'plancheck could not evaluate (invalid input or usage): there are no results',
};
const HEADLINE_BUG: Readonly<Record<Lang, string>> = {
  zh: 'plancheck 因内部错误（程序缺陷）未能完成评估，没有结果',
  en: 'plancheck could not evaluate (an internal error, a bug): there are no results',
};

function headline(f: RunFailure, lang: Lang): string {
  return (f.exitCode === 3 ? HEADLINE_BUG : HEADLINE)[lang];
}

/** the diagnostics as stderr shows them, one per line */
function lines(f: RunFailure, lang: Lang): string[] {
  return f.diagnostics.map((d) => formatDiagnostic(d, lang));
}

function location(d: Diagnostic): { file?: string; line?: number; column?: number } {
  return { ...(d.file === undefined ? {} : { file: d.file }), ...(d.line === undefined ? {} : { line: d.line }), ...(d.column === undefined ? {} : { column: d.column }) };
}

export function failureJson(f: RunFailure, lang: Lang): string {
  // the shape of schemas/failure.schema.json; the version under the same key as in a result
  const doc = {
    plancheck_version: f.version,
    status: 'error',
    exit_code: f.exitCode,
    message: headline(f, lang),
    errors: f.diagnostics.map((d) => ({ code: d.code, severity: d.severity, ...location(d), ...(d.sheet === undefined ? {} : { sheet: d.sheet }), ...(d.cell === undefined ? {} : { cell: d.cell }), ...(d.path === undefined ? {} : { path: d.path }), message: diagnosticMessage(d, lang) })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** One testcase that errored: CI test dashboards show a red run, not an old green one. */
export function failureJunit(f: RunFailure, lang: Lang): string {
  const first = f.diagnostics[0];
  const message = first ? formatDiagnostic(first, lang).split('\n')[0] ?? '' : headline(f, lang);
  const body = [headline(f, lang), ...lines(f, lang)].join('\n');
  // the attributes junit-10.xsd allows (no `skipped` on testsuites), the reason as text for GitLab
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': 'plancheck',
      '@_tests': '1',
      '@_failures': '0',
      '@_errors': '1',
      '@_time': '0',
      testsuite: { '@_name': 'plancheck', '@_tests': '1', '@_failures': '0', '@_errors': '1', '@_skipped': '0', '@_time': '0', testcase: { '@_classname': 'plancheck', '@_name': 'plancheck run', '@_time': '0', ...(first?.file === undefined ? {} : { '@_file': first.file, '@_line': String(first.line ?? 1) }), error: { '@_message': message, '@_type': first?.code ?? 'ERROR', '#text': body } } },
    },
  };
  return buildJunitXml(doc);
}

/**
 * A run that did not execute successfully: its reasons are tool execution
 * notifications, not results. The same `$schema` and driver as a
 * successful run's (with its `rules` array, empty: GitHub requires it,
 * GH1018), each reason's code described in `notifications`. Its
 * `automationDetails.id` (`plancheck/failed/`) is a category of its own:
 * code scanning closes the alerts of a category that an upload leaves out,
 * so reusing a month's category would mark its alerts fixed by a run that
 * checked nothing.
 */
export function failureSarif(f: RunFailure, lang: Lang): string {
  const notifications = f.diagnostics.map((d) => ({
    level: d.severity === 'error' ? 'error' : 'warning',
    message: { text: diagnosticMessage(d, lang) },
    descriptor: { id: d.code },
    ...(d.file === undefined
      ? {}
      : { locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(d.file) }, ...(d.line === undefined ? {} : { region: { startLine: d.line, ...(d.column === undefined ? {} : { startColumn: d.column }) } }) } }] }),
  }));
  if (notifications.length === 0) notifications.push({ level: 'error', message: { text: headline(f, lang) }, descriptor: { id: f.exitCode === 3 ? 'INTERNAL' : 'ERROR' } });
  const codes = [...new Set(notifications.map((n) => n.descriptor.id))].sort();
  const descriptors = codes.map((id) => {
    const text = DESCRIPTOR_TEXT[id] ?? `plancheck stopped: ${id}`;
    const full = `${text}. The run stopped with exit code ${f.exitCode} before any check was evaluated; the notification's message says why and where.`;
    return { id, shortDescription: { text }, fullDescription: { text: full }, help: { text: `${full} See ${README}#exit-codes` }, helpUri: `${README}#exit-codes` };
  });
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'plancheck', version: f.version, semanticVersion: f.version, informationUri: HOMEPAGE, rules: [], notifications: descriptors } },
        automationDetails: { id: 'plancheck/failed/', description: { text: headline(f, lang) } },
        invocations: [{ executionSuccessful: false, exitCode: f.exitCode, toolExecutionNotifications: notifications }],
        results: [],
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** Short descriptions of the commonest reasons a run stops (the message of each notification says the rest). */
const DESCRIPTOR_TEXT: Readonly<Record<string, string>> = {
  USAGE: 'The command line is not valid',
  READ: 'A file could not be read',
  INTERNAL: 'An internal error (a bug in plancheck)',
  SCHEMA: 'A plan does not follow the plan format',
  NO_MEASUREMENTS: 'A data file names no measurement of the plan',
};

export function failureCsv(f: RunFailure, lang: Lang): string {
  const data = f.diagnostics.map((d) => [t(lang, 'csv.run_error'), t(lang, `severity.${d.severity}`), d.code, formatLocation(d), diagnosticMessage(d, lang)]);
  return `${Papa.unparse({ fields: ['status', 'severity', 'code', 'location', 'message'].map((k) => t(lang, `csv.${k}`)), data }, { newline: '\n' })}\n`;
}

export function failureMarkdown(f: RunFailure, lang: Lang): string {
  const items = lines(f, lang).map((l) => `- \`${l.split('\n')[0]?.replace(/`/g, "'") ?? ''}\``);
  return [`## plancheck: ${lang === 'zh' ? '运行失败' : 'run failed'}`, '', headline(f, lang), '', ...items, ''].join('\n');
}

export function failureGithub(f: RunFailure, lang: Lang): string {
  return formatGithubFailure(f, { color: false, lang });
}

export function failureText(f: RunFailure, lang: Lang): string {
  return `${[headline(f, lang), ...lines(f, lang)].join('\n')}\n`;
}

/** By format name: every format of registry.ts has one. */
export const FAILURE_FORMATTERS: Readonly<Record<string, FailureFormatter>> = {
  table: failureText,
  json: failureJson,
  junit: failureJunit,
  github: failureGithub,
  markdown: failureMarkdown,
  csv: failureCsv,
  sarif: failureSarif,
};
