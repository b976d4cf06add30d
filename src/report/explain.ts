/** A result in words: what was expected, what was found, and why the verdict. */
import type { CheckResult, ComparisonShown, ExpectedValue, ReferenceValue } from '../evaluate/result.js';
import { Decimal } from '../values/decimal.js';
import { t, codeKey, type Lang } from './messages.js';

const OPS: Readonly<Record<string, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=' };

export function unitSuffix(unit: string): string {
  return unit === '' ? '' : unit === '%' || unit === '‰' ? unit : ` ${unit}`;
}

/** `≥ 19.32 %`, `30–40 %`, `= 是` */
export function expectedShort(e: ExpectedValue | null): string {
  if (!e) return '—';
  if (e.basis === 'rule') return e.expression ?? '';
  if (e.comparison === 'between' && e.range) return `${e.range[0]}–${e.range[1]}${unitSuffix(e.unit)}`;
  const v = e.value === undefined ? '' : trim(e.value);
  return `${OPS[e.comparison] ?? e.comparison}${v}${unitSuffix(e.unit)}`;
}

/** Six places are kept in JSON; people read four. */
function trim(v: string): string {
  return /^-?\d+(\.\d+)?$/.test(v) ? new Decimal(v).toDecimalPlaces(4).toFixed() : v;
}

/** A value with its unit — not for text reported in place of a value (`—`, `不再评级`). */
export function withUnit(value: string, unit: string): string {
  return /^[-+≥≤<>([]?\d/.test(value) ? `${value}${unitSuffix(unit)}` : value;
}

/** What a check requires, as computed: `≥19.32%`, or for a rule `≥1659 元/人·月`. */
export function requirementText(r: CheckResult): string {
  if (r.kind !== 'rule') return expectedShort(r.expected);
  const parts = r.comparisons?.map((x) => `${OPS[x.op] ?? x.op}${x.right}${unitSuffix(x.unit)}`) ?? [];
  return parts.length > 0 ? parts.join('; ') : '—';
}

/** Where a milestone came from: the target, an interim target, a path. */
export function basisText(e: ExpectedValue | null, year: number, lang: Lang): string {
  if (!e) return '';
  const target = e.target;
  switch (e.basis) {
    case 'target':
    case 'interim':
    case 'after_period':
      return t(lang, `basis.${e.basis}`, { year: target?.year ?? year });
    case 'linear':
      return (
        t(lang, 'basis.linear', {
          year,
          fromYear: e.from?.year ?? '',
          fromKind: t(lang, `from.${e.from?.kind ?? 'baseline'}`),
          from: e.from ? trim(e.from.value) : '',
          toYear: target?.year ?? '',
          to: target?.value !== undefined ? trim(target.value) : (target?.text ?? ''),
        }) + (e.growthInconsistent ? t(lang, 'basis.growth_inconsistent') : '')
      );
    case 'annual_growth':
      return t(lang, 'basis.annual_growth', { year, fromYear: e.from?.year ?? '', from: e.from ? trim(e.from.value) : '', rate: e.annualGrowth ?? '' });
    case 'pro_rata':
      return t(lang, 'basis.pro_rata', { year, share: e.share ?? '', toYear: target?.year ?? '', to: target?.value !== undefined ? trim(target.value) : '' });
    case 'floor':
      return t(lang, 'basis.floor', { year, fromYear: e.from?.year ?? '', from: e.from ? trim(e.from.value) : '' });
    case 'rule':
      return t(lang, 'basis.rule');
  }
}

function comparisonText(c: ComparisonShown | undefined, lang: Lang = 'en'): string {
  if (!c) return '';
  const within = c.tolerance === undefined ? '' : t(lang, 'within.precision', { amount: `${trim(c.tolerance)}${gapSuffix(c.unit, lang)}` });
  return `${c.left} ${OPS[c.op] ?? c.op} ${c.right}${unitSuffix(c.unit)}${within}`;
}

function targetText(r: CheckResult): string {
  const tg = r.expected?.target;
  if (!tg) return '';
  if (tg.text !== undefined) return `${tg.text}${/\d$/.test(tg.text) ? unitSuffix(r.unit) : ''}`;
  return expectedShort({ comparison: tg.comparison, ...(tg.value === undefined ? {} : { value: tg.value }), ...(tg.range ? { range: tg.range } : {}), unit: r.unit, basis: 'target' });
}

function amount(margin: string | undefined): string | undefined {
  if (margin === undefined) return undefined;
  return trim(margin.replace(/^-/, ''));
}

/** A gap between two values in `unit`: percentage points for %, not a percentage. */
export function gapSuffix(unit: string, lang: Lang): string {
  return unit === '%' ? t(lang, 'unit.pp') : unit === '‰' ? t(lang, 'unit.permille_points') : unitSuffix(unit);
}

export function explain(r: CheckResult, year: number, lang: Lang): string {
  const m = amount(r.margin);
  const behind = r.margin !== undefined && r.margin.startsWith('-');
  const first = r.comparisons?.find((c) => c.holds === false) ?? r.comparisons?.[0];
  const gap = m === undefined ? '' : `${m}${gapSuffix(first?.unit ?? r.unit, lang)}`;
  const side = r.detail?.['range'];
  const sideText = side === undefined || m === undefined ? undefined : t(lang, `range.${side}`, { amount: gap });
  const args: Record<string, string | number> = {
    actual: r.actual ? t(lang, 'actual.value', { value: withUnit(r.actual.value, r.unit) }) : '',
    expected: expectedShort(r.expected),
    basis: basisText(r.expected, year, lang),
    targetYear: r.expected?.target?.year ?? '',
    target: targetText(r),
    year,
    substituted: r.substituted ?? '',
    comparison: r.comparisons?.map((c) => comparisonText(c, lang)).join('; ') ?? '',
    short: m !== undefined && behind ? (sideText ?? t(lang, 'short.by', { amount: gap })) : '',
    room: m !== undefined && !behind && m !== '0' ? (sideText ?? t(lang, 'room.by', { amount: gap })) : '',
    ...r.detail,
  };
  if (r.code === 'IMPLAUSIBLE') args['why'] = implausibleText(r.detail ?? {}, lang);
  const text = t(lang, codeKey(r.code, r.kind), args);
  // a target met beyond its range on the better side says so (the pass wording has no room for a margin)
  return r.kind === 'target' && side === 'beyond' && sideText !== undefined ? `${text}${sideText}` : text;
}

/** What is implausible about a value, and what was likely meant. */
export function implausibleText(d: Readonly<Record<string, string>>, lang: Lang): string {
  const args = { ...d, ref: d['refKind'] === undefined ? '' : t(lang, `implausible.ref.${d['refKind']}`, d) };
  const suggest = d['suggestUnit'] !== undefined && d['reason'] !== 'fraction' ? t(lang, 'implausible.suggest', d) : '';
  return t(lang, `implausible.${d['reason'] ?? 'envelope'}`, args) + suggest;
}

/** A cell printed as the bare value (`55`, `≥55`, `>80`, `100%`) adds nothing beside the value itself. */
const BARE_CELL = /^[≥≤><=]?\s*-?\d+(?:\.\d+)?\s*[%‰]?$/;

/**
 * A reference beside a verdict: `2025年省目标值 ≥55%`, `第七章第六节 ≥100%（2025年）“实现乡镇(街道)社会工作服务站全覆盖”`,
 * or in words where the source gives no number (`2025年省目标值：不低于当地最低工资标准的2%`).
 */
export function referenceText(ref: ReferenceValue, lang: Lang): string {
  if (ref.value === undefined) return `${ref.label}${lang === 'zh' ? '：' : ': '}${ref.quote}`;
  const op = ref.comparison === undefined || ref.comparison === 'between' ? '' : (OPS[ref.comparison] ?? '');
  const value = ref.value === '是' || ref.value === '否' ? ref.value : `${op}${trim(ref.value)}${unitSuffix(ref.unit)}`;
  const year = ref.year === undefined || ref.label.includes(String(ref.year)) ? '' : t(lang, 'report.in_year', { year: ref.year });
  const quote = BARE_CELL.test(ref.quote.normalize('NFKC').trim()) ? '' : lang === 'zh' ? `“${ref.quote}”` : ` “${ref.quote}”`;
  return `${ref.label} ${value}${year}${quote}`;
}

/** Every reference of a result, on one line: `Ref. 2025年省目标值 ≥55%; …`; empty when it has none. */
export function referencesLine(r: CheckResult, lang: Lang): string {
  const refs = r.references ?? [];
  return refs.length === 0 ? '' : `${t(lang, 'reference.prefix')} ${refs.map((x) => referenceText(x, lang)).join(lang === 'zh' ? '；' : '; ')}`;
}
