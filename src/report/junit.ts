/**
 * JUnit XML: one testsuite per plan, one testcase per target or rule. A
 * fail is a <failure> with expected and actual; pending is <skipped>;
 * missing is a <failure> when it counts under the policy, else <skipped>.
 */
import { isFailing } from '../evaluate/policy.js';
import type { EvaluationReport, RunReport } from '../index.js';
import { explain, requirementText, unitSuffix } from './explain.js';
import type { FormatOptions } from './options.js';

export function xmlEscape(s: string): string {
  return s
    // characters XML 1.0 cannot carry
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function suite(report: EvaluationReport, o: FormatOptions): { xml: string; tests: number; failures: number; skipped: number; errors: number } {
  let failures = 0;
  let skipped = 0;
  let errors = 0;
  const cases = report.evaluation.results.map((r) => {
    const name = `${r.name} [${r.id}]`;
    const classname = `${report.plan.id}.${r.kind === 'rule' ? 'rules' : (r.category ?? 'indicators')}`;
    const msg = explain(r, report.year, o.lang);
    const body = [
      `expected: ${requirementText(r)}`,
      `actual: ${r.actual ? `${r.actual.value}${unitSuffix(r.unit)}` : '—'}`,
      ...r.inputs.map((i) => `input: ${i.name} ${i.period} = ${i.value} ${i.unit} (${i.file}:${i.line})`),
      `source: ${r.source.table ?? r.source.section ?? ''} ${r.source.row ?? ''} ${r.source.text}`.trim(),
    ].join('\n');
    let inner = '';
    if (r.status === 'error') {
      errors++;
      inner = `<error message="${xmlEscape(msg)}" type="${r.code}">${xmlEscape(body)}</error>`;
    } else if (r.status === 'fail' || (r.status === 'missing' && isFailing(r, report.policy))) {
      failures++;
      inner = `<failure message="${xmlEscape(msg)}" type="${r.code}">${xmlEscape(body)}</failure>`;
    } else if (r.status === 'pending' || r.status === 'missing') {
      skipped++;
      inner = `<skipped message="${xmlEscape(msg)}"/>`;
    }
    const props = `<properties><property name="attribute" value="${r.attribute}"/><property name="status" value="${r.status}"/></properties>`;
    return `    <testcase classname="${xmlEscape(classname)}" name="${xmlEscape(name)}">${props}${inner}</testcase>`;
  });
  const tests = cases.length;
  const head = `  <testsuite name="${xmlEscape(`${report.plan.id} ${report.plan.title}`)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="0">`;
  return { xml: [head, ...cases, '  </testsuite>'].join('\n'), tests, failures, skipped, errors };
}

export function formatJunit(run: RunReport, o: FormatOptions): string {
  const suites = run.reports.map((r) => suite(r, o));
  const sum = (k: 'tests' | 'failures' | 'skipped' | 'errors'): number => suites.reduce((n, s) => n + s[k], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="plancheck" tests="${sum('tests')}" failures="${sum('failures')}" errors="${sum('errors')}" skipped="${sum('skipped')}" time="0">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}
