/**
 * JUnit XML as Jenkins (xunit-plugin's junit-10.xsd) and GitLab read it:
 * one testsuite per plan, one testcase per target or rule.
 *
 * - `<failure>` exactly for what fails the gate under --fail-on / --missing
 *   (a check that could not be computed is an `<error>`, and fails it too), so
 *   failures + errors is the number behind exit code 1;
 * - every other check that did not pass (a 预期性 shortfall under
 *   `--fail-on binding`, absent data that only warns, a check not yet due) is
 *   `<skipped>`: visible, never counted as a failure;
 * - the reason is the element's text, which is all GitLab shows.
 *
 * junit-10.xsd allows no `<properties>` inside a testcase and no `skipped`
 * on `<testsuites>`; plan facts are suite properties. Each testcase names
 * its plan (`suzhou: 低保标准 [id]`) and carries `file` and `line`, the data
 * row it points at — attributes GitLab, action-junit-report and dorny's
 * test-reporter read, and the one addition to junit-10.xsd (whose testcase
 * lists only name, time, classname and group).
 *
 * Built with fast-xml-parser's XMLBuilder (escaping by the library; the
 * characters XML 1.0 cannot carry are dropped). xmlbuilder2 did the same job
 * but added 312 kB to the minified CLI bundle against 22 kB, and every run
 * parses the bundle: see bench/xml-builder.md.
 */
import { formatLocation } from '../errors.js';
import { XMLBuilder } from 'fast-xml-parser';
import { isFailing } from '../evaluate/policy.js';
import type { CheckResult } from '../evaluate/result.js';
import { formatAsOf } from '../model/period.js';
import type { EvaluationReport, RunReport } from '../run/evaluate.js';
import { explain, requirementText, unitSuffix } from './explain.js';
import { dataHeaderPlace, resultPlace } from './locate.js';
import { t } from './messages.js';
import type { FormatOptions } from './options.js';

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

type Outcome = 'pass' | 'failure' | 'error' | 'skipped';

/** The one mapping from a result and the policy to a JUnit outcome. */
export function junitOutcome(r: CheckResult, report: EvaluationReport): Outcome {
  if (r.status === 'pass') return 'pass';
  if (!isFailing(r, report.policy)) return 'skipped';
  return r.status === 'error' ? 'error' : 'failure';
}

/** The reason, as text: the verdict, then what was expected and found, the inputs and the source. */
function reasonText(r: CheckResult, report: EvaluationReport, o: FormatOptions, outcome: Outcome): string {
  const lines = [explain(r, report.year, o.lang)];
  if (outcome === 'skipped' && r.status !== 'pending') {
    lines.push(t(o.lang, 'junit.not_counted', { attribute: t(o.lang, `attribute.${r.attribute}`), status: t(o.lang, `status.${r.status}`), failOn: report.policy.failOn, missing: report.policy.missing }));
  }
  lines.push(
    `${t(o.lang, 'junit.expected')}: ${requirementText(r)}`,
    `${t(o.lang, 'junit.actual')}: ${r.actual ? `${r.actual.value}${unitSuffix(r.unit)}` : '—'}`,
    ...r.inputs.map((i) => `${t(o.lang, 'junit.input')}: ${i.name} ${i.period} = ${i.value} ${i.unit} (${formatLocation(i)})`),
    `${t(o.lang, 'junit.source')}: ${[r.source.table ?? r.source.section ?? '', r.source.row ?? '', r.source.text].filter((x) => x !== '').join(' ')}`,
  );
  return lines.join('\n');
}

/** Characters XML 1.0 cannot carry are dropped, not escaped. */
function xmlChars(value: unknown): unknown {
  // eslint-disable-next-line no-control-regex
  return typeof value === 'string' ? value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '') : value;
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  processEntities: true,
  tagValueProcessor: (_name: string, value: unknown) => xmlChars(value),
  attributeValueProcessor: (_name: string, value: unknown) => xmlChars(value),
});

type Element = Record<string, unknown>;

/** A JUnit document object (`{ testsuites: … }`, `@_` attributes) as XML, escaped by the library. */
export function buildJunitXml(doc: Element): string {
  return builder.build(doc);
}

function suiteOf(report: EvaluationReport, o: FormatOptions): { suite: Element; counts: Counts } {
  const c: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const testcase: Element[] = [];
  for (const r of report.evaluation.results) {
    const outcome = junitOutcome(r, report);
    c.tests++;
    // the plan in the name (two cities' failures must not look alike), and where the check points: the
    // data row of its value, or where absent data is to be added (action-junit-report annotates it, GitLab links it)
    const at = resultPlace(report, r, o.paths);
    const tc: Element = {
      '@_classname': `${report.plan.id}.${r.kind === 'rule' ? 'rules' : (r.category ?? 'indicators')}`,
      '@_name': `${report.plan.id}: ${r.name} [${r.id}]`,
      '@_time': '0',
      ...(at === undefined ? {} : { '@_file': at.file, '@_line': String(at.line) }),
    };
    if (outcome !== 'pass') {
      c[outcome === 'failure' ? 'failures' : outcome === 'error' ? 'errors' : 'skipped']++;
      tc[outcome] = { '@_message': explain(r, report.year, o.lang), '@_type': r.code, '#text': reasonText(r, report, o, outcome) };
    }
    testcase.push(tc);
  }
  // a failure of the evaluation as a whole (no check found any data) fails the suite too
  for (const f of report.runFailures) {
    c.tests++;
    c.failures++;
    const asOf = formatAsOf(f.asOf);
    const at = dataHeaderPlace(report, o.paths);
    testcase.push({
      '@_classname': `${report.plan.id}.run`,
      '@_name': `${report.plan.id}: ${t(o.lang, 'run.NO_DATA_TITLE', { asOf })} [${f.code}]`,
      '@_time': '0',
      ...(at === undefined ? {} : { '@_file': at.file, '@_line': String(at.line) }),
      failure: { '@_message': t(o.lang, 'run.NO_DATA', { asOf }), '@_type': f.code, '#text': t(o.lang, 'run.NO_DATA', { asOf }) },
    });
  }
  const facts: [string, string][] = [
    ['plan', report.plan.id],
    ['plan_file', report.plan.file],
    ['plan_sha256', report.plan.sha256],
    ['period', formatAsOf(report.asOf)],
    ['fail_on', report.policy.failOn],
    ['missing', report.policy.missing],
  ];
  const suite: Element = {
    '@_name': `${report.plan.id} ${report.plan.title}`,
    '@_tests': String(c.tests),
    '@_failures': String(c.failures),
    '@_errors': String(c.errors),
    '@_skipped': String(c.skipped),
    '@_time': '0',
    // a bundled plan's file is not in the user's repository
    ...(report.loaded.bundled === true ? {} : { '@_file': report.plan.file }),
    properties: { property: facts.map(([name, value]) => ({ '@_name': name, '@_value': value })) },
    testcase,
  };
  return { suite, counts: c };
}

export function formatJunit(run: RunReport, o: FormatOptions): string {
  const suites = run.reports.map((r) => suiteOf(r, o));
  const sum = (k: keyof Counts): string => String(suites.reduce((n, s) => n + s.counts[k], 0));
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    // junit-10.xsd: no `skipped` on <testsuites>
    testsuites: { '@_name': 'plancheck', '@_tests': sum('tests'), '@_failures': sum('failures'), '@_errors': sum('errors'), '@_time': '0', testsuite: suites.map((s) => s.suite) },
  };
  return buildJunitXml(doc);
}
