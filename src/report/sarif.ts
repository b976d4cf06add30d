/**
 * SARIF 2.1.0 for code scanning, valid against the official schema: one run
 * per plan and period (`automationDetails.id` `plancheck/<plan>/<period>/`,
 * so that code scanning keeps each month's analysis apart), one result per
 * finding of locate.ts — at the data line of the value at fault, or where
 * absent data is to be added, with the user's own plan line as a related
 * location. Rules carry a short and a full description, a default level and
 * a `helpUri` to the README section that explains the code.
 */
import type { Location, Log, Notification, ReportingDescriptor, Result, Run } from 'sarif';
import { formatAsOf } from '../model/period.js';
import type { EvaluationReport, RunReport } from '../run/evaluate.js';
import { findingsOf, type Finding, type Place } from './locate.js';
import { t } from './messages.js';
import type { FormatOptions } from './options.js';
import { fileUri } from './sarif-uri.js';

/** package.json `homepage` (a test keeps them equal): the README on the repository's page. */
export const HOMEPAGE = 'https://github.com/plancheck/plancheck#readme';
const README = HOMEPAGE.replace(/#readme$/, '');

interface RuleText {
  readonly name: string;
  readonly short: string;
  readonly full: string;
  readonly level: 'error' | 'warning' | 'note';
}

/** What each code means; the README's "Result codes" section says the same, under an anchor per code. */
export const RULES: Readonly<Record<string, RuleText>> = {
  TARGET_NOT_MET: { name: 'TargetNotMet', level: 'error', short: 'A plan target is not met in its year', full: 'The value reported for the target year does not satisfy the target the plan sets (≥, ≤, = or a range), in the indicator’s unit.' },
  BEHIND_MILESTONE: { name: 'BehindMilestone', level: 'error', short: 'An indicator is behind its milestone', full: 'Before the target year, the value is behind the milestone on the path from the baseline (or an interim target) to the target: read off a straight line, the stated annual growth, or a pro-rated annual flow.' },
  RULE_VIOLATED: { name: 'RuleViolated', level: 'error', short: 'A quantified rule of the plan does not hold', full: 'A rule the plan states between measurements (e.g. 特困人员基本生活标准不低于低保标准的1.3倍) does not hold on the reported values.' },
  INPUT_MISSING: { name: 'InputMissing', level: 'warning', short: 'A measurement the plan needs is absent', full: 'The data has no value of the measurement for the period evaluated. It fails the run with --missing fail at the --fail-on level, or always with --require complete or `required: true`.' },
  REPORTED_ABSENT: { name: 'ReportedAbsent', level: 'warning', short: 'A measurement was reported as not available', full: 'The data row gives text in place of a value (—, 不适用, 不再评级), so the check cannot be decided.' },
  INCOMPLETE: { name: 'Incomplete', level: 'warning', short: 'Rows due by the period were not reported', full: 'A year-to-date total lacks some months or quarters, or a value due by the period evaluated is absent; the message lists the periods owed.' },
  BOUND_UNDETERMINED: { name: 'BoundUndetermined', level: 'warning', short: 'A value given as a bound cannot decide the check', full: 'A value written as a bound (>18000, 约95%) straddles the requirement, so the check is neither met nor missed.' },
  TEXT_TARGET: { name: 'TextTarget', level: 'note', short: 'The plan states the target as text', full: 'The target is a sentence rather than a number; it is shown for a person to judge.' },
  NO_DATA: { name: 'NoData', level: 'error', short: 'No check found any data for the period', full: 'Every check of the plan is missing or not yet due for the period evaluated, so nothing was verified: an evaluation with no data is never OK (e.g. --period 2024-06 on a file with only yearly rows).' },
  EVAL_ERROR: { name: 'EvalError', level: 'error', short: 'A check could not be computed', full: 'The check could not be computed from the values given (e.g. a ratio whose denominator is 0).' },
};

function ruleOf(code: string): ReportingDescriptor {
  const r = RULES[code] ?? { name: code, level: 'warning', short: code, full: code };
  return {
    id: code,
    name: r.name,
    shortDescription: { text: r.short },
    fullDescription: { text: r.full },
    defaultConfiguration: { level: r.level },
    helpUri: `${README}#${code.toLowerCase()}`,
    help: { text: `${r.full} See ${README}#${code.toLowerCase()}` },
  };
}

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
    tool: { driver: { name: 'plancheck', version, semanticVersion: version, informationUri: HOMEPAGE, rules: codes.map(ruleOf) } },
    automationDetails: { id: `plancheck/${report.plan.id}/${formatAsOf(report.asOf)}/` },
    ...(elsewhere.length > 0 ? { invocations: [{ executionSuccessful: true, toolExecutionNotifications: elsewhere.map(unplaced) }] } : {}),
    results: mine.map((f) => resultOf(f, index, o)),
    columnKind: 'unicodeCodePoints',
  };
}

export function formatSarif(run: RunReport, o: FormatOptions): string {
  const findings = findingsOf(run, o);
  const log: Log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: run.reports.map((r) => runOf(r, findings, run.version, o)),
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
