/**
 * SARIF 2.1.0 for code scanning, valid against the official schema: one run
 * per plan and period (`automationDetails.id` `plancheck/<plan>/<period>/`,
 * so that code scanning keeps each month's analysis apart), one result per
 * finding of locate.ts — at the data line of the value at fault, or where
 * absent data is to be added, with the user's own plan line as a related
 * location. Rules carry a short and a full description, a default level and
 * a `helpUri` to the README section that explains the code.
 */
import type { Location, Log, Notification, Result, Run } from 'sarif';
import { formatAsOf } from '../model/period.js';
import type { EvaluationReport, RunReport } from '../run/evaluate.js';
import { findingsOf, type Finding, type Place } from './locate.js';
import { t } from './messages.js';
import type { FormatOptions } from './options.js';
import { fileUri } from './sarif-uri.js';
import { HOMEPAGE, ruleDescriptor, SARIF_SCHEMA } from './sarif-rules.js';

export { HOMEPAGE, RULES } from './sarif-rules.js';

function location(p: Place, id?: number, text?: string): Location {
  return {
    ...(id === undefined ? {} : { id }),
    physicalLocation: { artifactLocation: { uri: fileUri(p.file) }, region: { startLine: p.line } },
    ...(text === undefined ? {} : { message: { text } }),
  };
}

function resultOf(f: Finding, rules: Map<string, number>, o: FormatOptions): Result {
  const kind = f.result?.kind ?? 'owed';
  return {
    ruleId: f.code,
    ruleIndex: rules.get(f.code),
    level: f.level,
    message: { text: `${f.title} — ${f.message}` },
    locations: [location((f.at ?? f.declared) as Place)],
    ...(f.at && f.declared ? { relatedLocations: [location(f.declared, 1, t(o.lang, 'annot.declared', { message: f.message }))] } : {}),
    partialFingerprints: { 'plancheck/v1': `${f.report.plan.id}/${kind}/${f.id}` },
    properties: {
      plan: f.report.plan.id,
      check: f.id,
      kind,
      ...(f.result ? { attribute: f.result.attribute, status: f.result.status } : {}),
      ...(f.owed.length > 0 ? { owed: [...f.owed] } : {}),
    },
  };
}

/**
 * Code scanning refuses a whole upload when one result has no location, so a
 * finding with no place in the repository (its data file lies outside it) is
 * a notification of the run's invocation instead of a result.
 */
function unplaced(f: Finding): Notification {
  return { level: f.level, message: { text: `${f.title} — ${f.message}` }, descriptor: { id: f.code }, properties: { plan: f.report.plan.id, check: f.id } };
}

function runOf(report: EvaluationReport, findings: readonly Finding[], version: string, o: FormatOptions): Run {
  const mine = findings.filter((f) => f.report === report && (f.at ?? f.declared) !== undefined);
  const elsewhere = findings.filter((f) => f.report === report && (f.at ?? f.declared) === undefined);
  const codes = [...new Set(mine.map((f) => f.code))].sort();
  const index = new Map(codes.map((c, i) => [c, i]));
  return {
    tool: { driver: { name: 'plancheck', version, semanticVersion: version, informationUri: HOMEPAGE, rules: codes.map(ruleDescriptor) } },
    automationDetails: { id: `plancheck/${report.plan.id}/${formatAsOf(report.asOf)}/` },
    ...(elsewhere.length > 0 ? { invocations: [{ executionSuccessful: true, toolExecutionNotifications: elsewhere.map(unplaced) }] } : {}),
    results: mine.map((f) => resultOf(f, index, o)),
    columnKind: 'unicodeCodePoints',
  };
}

export function formatSarif(run: RunReport, o: FormatOptions): string {
  const findings = findingsOf(run, o);
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: run.reports.map((r) => runOf(r, findings, run.version, o)),
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
