/**
 * The message catalog: every word plancheck prints about a result, in
 * Chinese and English. Templates take {named} arguments.
 */
import type { ResultCode, Status } from '../evaluate/result.js';

export type Lang = 'zh' | 'en';

type Catalog = Readonly<Record<string, string>>;

const zh: Catalog = {
  'status.pass': '达标',
  'status.fail': '未达标',
  'status.missing': '缺数据',
  'status.pending': '待评估',
  'status.error': '错误',
  'attribute.binding': '约束性',
  'attribute.expected': '预期性',
  'attribute.unspecified': '未标注',
  'kind.target': '指标',
  'kind.rule': '规则',
  'basis.target': '{year}年目标',
  'basis.interim': '{year}年中期目标',
  'basis.after_period': '{year}年目标（规划期末后仍适用）',
  'basis.linear': '{year}年进度值：由{fromYear}年{fromKind} {from} 线性推至{toYear}年目标 {to}',
  'basis.annual_growth': '{year}年进度值：{fromYear}年基期值 {from} 按年均增速 {rate} 推算',
  'basis.pro_rata': '{year}年进度值：年度目标 {to} 的 {share}',
  'basis.rule': '规则',
  'basis.growth_inconsistent': '（规划所列年均增速推不到目标值，改用线性进度）',
  'from.baseline': '基期值',
  'from.interim': '中期目标',
  'heading.indicator': '指标',
  'heading.attribute': '属性',
  'heading.expected': '要求',
  'heading.actual': '实际',
  'heading.status': '状态',
  'heading.details': '说明',
  'heading.uncategorised': '其他',
  'heading.rules': '规则',
  'summary.line': '{plan}（{region}）{year}年：{total} 项检查 — 达标 {pass}，未达标 {fail}，缺数据 {missing}，待评估 {pending}，错误 {error}',
  'summary.failed': '结果：不通过（{count} 项按 --fail-on {failOn} 计为失败）',
  'summary.passed': '结果：通过（按 --fail-on {failOn}）',
  'code.TARGET_MET': '{actual}，达到{basis} {expected}',
  'code.TARGET_NOT_MET': '{actual}，未达到{basis} {expected}{short}',
  'code.MILESTONE_MET': '{actual}，达到{basis}（{expected}）',
  'code.BEHIND_MILESTONE': '进度滞后：{actual}，未达到{basis}（{expected}）{short}',
  'code.TARGET_ALREADY_MET': '{actual}，已提前达到{targetYear}年目标 {target}',
  'code.NO_MILESTONE': '{actual}；无基期值和中期目标，{targetYear}年目标 {target} 尚未到期',
  'code.INPUT_MISSING': '数据中没有{year}的值',
  'code.NOT_DUE': '尚未到报送期（{frequency}）',
  'code.INCOMPLETE': '累计值不完整，缺少：{missing}',
  'code.INPUT_MISSING_RULE': '缺少输入：{missing}',
  'code.REPORTED_ABSENT': '报送值为“{text}”，无法评估',
  'code.TEXT_TARGET': '规划目标为文字（“{text}”），不是数值，无法评估',
  'code.BOUND_UNDETERMINED': '“{value}”是一个范围，其中部分取值满足 {expected}，部分不满足',
  'code.BOUND_UNDETERMINED_RULE': '{substituted}：{comparison}，含范围值，无法判定',
  'code.RULE_HOLDS': '{substituted}：{comparison}，成立{room}',
  'code.RULE_VIOLATED': '{substituted}：{comparison}，不成立{short}',
  'code.RULE_NOT_YET': '规则自{from}年起适用',
  'code.EVAL_ERROR': '无法计算：{error}',
  'short.by': '，差 {amount}',
  'room.by': '，余 {amount}',
  'actual.value': '实际 {value}',
  'warnings.heading': '提示',
  'heading.owed': '尚需报送（{count} 行）',
  'heading.unrouted': '以下地区不属于所给任何规划，相关行未评估',
};

const en: Catalog = {
  'status.pass': 'pass',
  'status.fail': 'fail',
  'status.missing': 'missing',
  'status.pending': 'pending',
  'status.error': 'error',
  'attribute.binding': 'binding',
  'attribute.expected': 'expected',
  'attribute.unspecified': 'unspecified',
  'kind.target': 'target',
  'kind.rule': 'rule',
  'basis.target': 'the {year} target',
  'basis.interim': 'the {year} interim target',
  'basis.after_period': 'the {year} target (still in force after the plan period)',
  'basis.linear': 'the {year} milestone: straight line from the {fromYear} {fromKind} {from} to the {toYear} target {to}',
  'basis.annual_growth': 'the {year} milestone: the {fromYear} baseline {from} grown at the stated {rate} a year',
  'basis.pro_rata': 'the year-to-date share {share} of the {toYear} annual target {to}',
  'basis.rule': 'rule',
  'basis.growth_inconsistent': ' (the stated annual growth rate does not reach the target; straight line used)',
  'from.baseline': 'baseline',
  'from.interim': 'interim target',
  'heading.indicator': 'Indicator',
  'heading.attribute': 'Attribute',
  'heading.expected': 'Expected',
  'heading.actual': 'Actual',
  'heading.status': 'Status',
  'heading.details': 'Details',
  'heading.uncategorised': 'Other',
  'heading.rules': 'Rules',
  'summary.line': '{plan} ({region}) {year}: {total} checks — {pass} pass, {fail} fail, {missing} missing, {pending} pending, {error} error',
  'summary.failed': 'Result: FAIL ({count} counted as failing under --fail-on {failOn})',
  'summary.passed': 'Result: OK (under --fail-on {failOn})',
  'code.TARGET_MET': '{actual} meets {basis} {expected}',
  'code.TARGET_NOT_MET': '{actual} does not meet {basis} {expected}{short}',
  'code.MILESTONE_MET': '{actual} meets {basis} ({expected})',
  'code.BEHIND_MILESTONE': 'behind schedule: {actual} does not meet {basis} ({expected}){short}',
  'code.TARGET_ALREADY_MET': '{actual} already meets the {targetYear} target {target}',
  'code.NO_MILESTONE': '{actual}; no baseline and no interim target, and the {targetYear} target {target} is not yet due',
  'code.INPUT_MISSING': 'no value for {year} in the data',
  'code.NOT_DUE': 'not yet due ({frequency})',
  'code.INCOMPLETE': 'the year-to-date total is incomplete; missing: {missing}',
  'code.INPUT_MISSING_RULE': 'missing input: {missing}',
  'code.REPORTED_ABSENT': 'reported as “{text}”: cannot be evaluated',
  'code.TEXT_TARGET': 'the plan’s target is text (“{text}”), not a number: cannot be evaluated',
  'code.BOUND_UNDETERMINED': '“{value}” is a bound: some values it allows meet {expected}, some do not',
  'code.BOUND_UNDETERMINED_RULE': '{substituted}: {comparison}, with a bound: undetermined',
  'code.RULE_HOLDS': '{substituted}: {comparison}, holds{room}',
  'code.RULE_VIOLATED': '{substituted}: {comparison}, does not hold{short}',
  'code.RULE_NOT_YET': 'the rule applies from {from}',
  'code.EVAL_ERROR': 'cannot be computed: {error}',
  'short.by': ', short by {amount}',
  'room.by': ' by {amount}',
  'actual.value': 'actual {value}',
  'warnings.heading': 'Notes',
  'heading.owed': 'Still owed (rows: {count})',
  'heading.unrouted': 'Rows for regions no given plan covers (not evaluated)',
};

const CATALOGS: Readonly<Record<Lang, Catalog>> = { zh, en };

export function t(lang: Lang, key: string, args: Readonly<Record<string, string | number>> = {}): string {
  const template = CATALOGS[lang][key] ?? CATALOGS.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in args ? String(args[name]) : `{${name}}`));
}

export function statusLabel(lang: Lang, s: Status): string {
  return t(lang, `status.${s}`);
}

export function codeKey(code: ResultCode, kind: 'target' | 'rule'): string {
  if (kind === 'rule' && (code === 'INPUT_MISSING' || code === 'BOUND_UNDETERMINED')) return `code.${code}_RULE`;
  return `code.${code}`;
}

/** zh when the locale says Chinese, else en. */
export function langFromLocale(env: Readonly<Record<string, string | undefined>>): Lang {
  const loc = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return /^zh/i.test(loc) ? 'zh' : 'en';
}
