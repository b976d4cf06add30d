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
 * on `<testsuites>`; plan facts are suite properties.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { isFailing } from '../evaluate/policy.js';
import type { CheckResult } from '../evaluate/result.js';
import { formatAsOf } from '../model/period.js';
import type { EvaluationReport, RunReport } from '../index.js';
import { explain, requirementText, unitSuffix } from './explain.js';
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
    ...r.inputs.map((i) => `${t(o.lang, 'junit.input')}: ${i.name} ${i.period} = ${i.value} ${i.unit} (${i.file}:${i.line})`),
    `${t(o.lang, 'junit.source')}: ${[r.source.table ?? r.source.section ?? '', r.source.row ?? '', r.source.text].filter((x) => x !== '').join(' ')}`,
  );
  return lines.join('\n');
}

function addSuite(parent: XMLBuilder, report: EvaluationReport, o: FormatOptions): Counts {
  const c: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const cases: { r: CheckResult; outcome: Outcome }[] = report.evaluation.results.map((r) => ({ r, outcome: junitOutcome(r, report) }));
  for (const { outcome } of cases) {
    c.tests++;
    if (outcome === 'failure') c.failures++;
    else if (outcome === 'error') c.errors++;
    else if (outcome === 'skipped') c.skipped++;
  }
  const suite = parent.ele('testsuite', {
    name: `${report.plan.id} ${report.plan.title}`,
    tests: String(c.tests),
    failures: String(c.failures),
    errors: String(c.errors),
    skipped: String(c.skipped),
    time: '0',
    file: report.plan.file,
  });
  const props = suite.ele('properties');
  const facts: [string, string][] = [
    ['plan', report.plan.id],
    ['plan_file', report.plan.file],
    ['plan_sha256', report.plan.sha256],
    ['period', formatAsOf(report.asOf)],
    ['fail_on', report.policy.failOn],
    ['missing', report.policy.missing],
  ];
  for (const [name, value] of facts) props.ele('property', { name, value });
  for (const { r, outcome } of cases) {
    const tc = suite.ele('testcase', { classname: `${report.plan.id}.${r.kind === 'rule' ? 'rules' : (r.category ?? 'indicators')}`, name: `${r.name} [${r.id}]`, time: '0' });
    if (outcome === 'pass') continue;
    tc.ele(outcome, { message: explain(r, report.year, o.lang), type: r.code }).txt(reasonText(r, report, o, outcome));
  }
  return c;
}

export function formatJunit(run: RunReport, o: FormatOptions): string {
  // characters XML 1.0 cannot carry are dropped, not escaped
  const doc = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
  const root = doc.ele('testsuites', { name: 'plancheck' });
  const total: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const report of run.reports) {
    const c = addSuite(root, report, o);
    total.tests += c.tests;
    total.failures += c.failures;
    total.errors += c.errors;
  }
  root.att({ tests: String(total.tests), failures: String(total.failures), errors: String(total.errors), time: '0' });
  return `${doc.end({ prettyPrint: true, indent: '  ' })}\n`;
}
