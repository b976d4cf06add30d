/**
 * What each result code means, as SARIF rule metadata: a name, a short and a
 * full description, the default level and a `helpUri` to the README's entry
 * for the code (an anchor in "Result codes", which a test checks exists).
 * Shared by the SARIF report and the failure document of exit 2/3, which
 * carry the same `$schema` and driver.
 */
import type { ReportingDescriptor } from 'sarif';
import type { ResultCode } from '../evaluate/result.js';

/** package.json `homepage` (a test keeps them equal): the README on the repository's page. */
export const HOMEPAGE = 'https://github.com/plancheck/plancheck#readme';
export const README = HOMEPAGE.replace(/#readme$/, '');

/** The schema every SARIF document plancheck writes names (the SARIF 2.1.0 errata01 OASIS standard). */
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

interface RuleText {
  /** PascalCase, and never the id itself (SARIF1001: a name equal to the id, ignoring case, is to be left out) */
  readonly name: string;
  readonly short: string;
  readonly full: string;
  readonly level: 'error' | 'warning' | 'note';
}

/**
 * Every result code, passing ones included, and the evaluation's NO_DATA (a
 * `Record` over ResultCode, so a new code without its text does not compile). The README's "Result codes"
 * section says the same, under an anchor per code.
 */
export const RULES: Readonly<Record<ResultCode | 'NO_DATA', RuleText>> = {
  TARGET_NOT_MET: { name: 'TargetNotMet', level: 'error', short: 'A plan target is not met in its year', full: 'The value reported for the target year does not satisfy the target the plan sets (≥, ≤, = or a range), in the indicator’s unit.' },
  BEHIND_MILESTONE: { name: 'BehindMilestone', level: 'error', short: 'An indicator is behind its milestone', full: 'Before the target year, the value is behind the milestone on the path from the baseline (or an interim target) to the target: read off a straight line, the stated annual growth, or a pro-rated annual flow.' },
  RULE_VIOLATED: { name: 'RuleViolated', level: 'error', short: 'A quantified rule of the plan does not hold', full: 'A rule the plan states between measurements (e.g. 特困人员基本生活标准不低于低保标准的1.3倍) does not hold on the reported values.' },
  INPUT_MISSING: { name: 'InputMissing', level: 'warning', short: 'A measurement the plan needs is absent', full: 'The data has no value of the measurement for the period evaluated. It fails the run with --missing fail at the --fail-on level, or always with --require complete or `required: true`.' },
  REPORTED_ABSENT: { name: 'ReportedAbsent', level: 'warning', short: 'A measurement was reported as not available', full: 'The data row gives text in place of a value (—, 不适用, 不再评级), so the check cannot be decided.' },
  INCOMPLETE: { name: 'RowsOwed', level: 'warning', short: 'Rows due by the period were not reported', full: 'A year-to-date total lacks some months or quarters, or a value due by the period evaluated is absent; the message lists the periods owed.' },
  BOUND_UNDETERMINED: { name: 'BoundUndetermined', level: 'warning', short: 'A value given as a bound cannot decide the check', full: 'A value written as a bound (>18000, 约95%) straddles the requirement, so the check is neither met nor missed.' },
  TEXT_TARGET: { name: 'TextTarget', level: 'note', short: 'The plan states the target as text', full: 'The target is a sentence rather than a number; it is shown for a person to judge.' },
  NO_DATA: { name: 'NoData', level: 'error', short: 'No check found any data for the period', full: 'Every check of the plan is missing or not yet due for the period evaluated, so nothing was verified: an evaluation with no data is never OK (e.g. --period 2024-06 on a file with only yearly rows).' },
  EVAL_ERROR: { name: 'EvalError', level: 'error', short: 'A check could not be computed', full: 'The check could not be computed from the values given (e.g. a ratio whose denominator is 0).' },
  IMPLAUSIBLE: {
    name: 'ImplausibleValue',
    level: 'error',
    short: 'A value its indicator cannot plausibly hold',
    full: 'A value the check reads is out of what its indicator can hold — a share outside 0–100%, a fraction written for a percentage (0.93 for 93%), or a value 10 times or more away from everything the plan states and the other values in the data (人 for 万人, 元/年 for 元/月). The check is an error, not a verdict; the message says what was likely meant.',
  },
  TARGET_MET: { name: 'TargetMet', level: 'note', short: 'A plan target is met', full: 'The value for the target year satisfies the plan’s target.' },
  MILESTONE_MET: { name: 'MilestoneMet', level: 'note', short: 'An indicator is on its milestone', full: 'Before the target year, the value meets the milestone on the path to the target.' },
  TARGET_ALREADY_MET: { name: 'TargetAlreadyMet', level: 'note', short: 'A target is met ahead of its year', full: 'Before the target year, the value already meets the final target (提前实现).' },
  NO_MILESTONE: { name: 'NoMilestone', level: 'note', short: 'Nothing to compare with yet', full: 'The plan gives no baseline and no interim target, and the target year is still ahead: there is no milestone for this year, so the check is pending.' },
  NOT_DUE: { name: 'NotDue', level: 'note', short: 'The measurement is not due yet', full: 'The measurement is reported less often than the period evaluated (e.g. annually, evaluated in June): nothing is owed yet, so the check is pending.' },
  RULE_HOLDS: { name: 'RuleHolds', level: 'note', short: 'A quantified rule of the plan holds', full: 'The rule holds on the reported values; the message shows the computation and the margin.' },
  RULE_NOT_YET: { name: 'RuleNotYet', level: 'note', short: 'A rule does not apply yet', full: 'The rule applies from a later year than the one evaluated, so the check is pending.' },
};

/** The README anchor of a code (`#target_not_met`). */
export function helpUri(code: string): string {
  return `${README}#${code.toLowerCase()}`;
}

export function ruleDescriptor(code: string): ReportingDescriptor {
  const r = (RULES as Readonly<Record<string, RuleText>>)[code] ?? { name: code.toLowerCase().replace(/(^|_)(\w)/g, (_, _u: string, c: string) => c.toUpperCase()), level: 'error', short: code, full: code };
  return {
    id: code,
    name: r.name,
    shortDescription: { text: r.short },
    fullDescription: { text: r.full },
    defaultConfiguration: { level: r.level },
    helpUri: helpUri(code),
    help: { text: `${r.full} See ${helpUri(code)}` },
  };
}
