/**
 * Warnings about a plan that is valid but suspect: a target behind its
 * baseline in the indicator's direction, a printed cell whose unit is not
 * the indicator's, a percentage rate above 100, an indicator without a
 * source, a quote that is not in the seed document. Pure: positions come
 * from `locate`, the seed text (if any) from the caller.
 */
import { warningDiagnostic, type Diagnostic, type Location, type Msg } from '../errors.js';
import { tryParseUnit } from '../units/unit.js';
import { compareDecimal } from '../values/decimal.js';
import type { Indicator, Plan, Quote } from './model.js';

export type Locate = (path: readonly (string | number)[]) => Location;

/** Units a printed cell may carry at its end: `60%`, `1200人`, `1.3倍`, `＞30平方米`. */
const CELL_UNIT = /^[^\d]*[\d.,]+\s*([^\d\s.,、]+)$/;

function cellUnitMismatch(ind: Indicator, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const m = CELL_UNIT.exec(text.normalize('NFKC').trim());
  const printed = m?.[1]?.replace(/(以上|以下|左右)$/, '');
  if (!printed) return undefined;
  const u = tryParseUnit(printed);
  if (!u || u.dimension === ind.unit.dimension) return undefined;
  // `18人` for 人/万人 prints the numerator only
  const numerator = tryParseUnit(ind.unit.text.split('/')[0] ?? '');
  if (numerator && numerator.dimension === u.dimension) return undefined;
  return printed;
}

const RATE_NAME = /率|占比|比例|覆盖/;

/** Whitespace-insensitive: table cells are split over lines in the seeds. */
export function quoteInSeed(quote: Quote, seedCompact: string): boolean {
  return seedCompact.includes(quote.text.replace(/\s+/g, ''));
}

export function compactSeed(seedText: string): string {
  return seedText.replace(/\s+/g, '');
}

export function lintPlan(plan: Plan, locate: Locate, seedCompact?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const warn = (code: string, message: Msg, path: readonly (string | number)[]): void => {
    out.push(warningDiagnostic(code, message, locate(path)));
  };
  plan.indicators.forEach((ind, i) => {
    const at = ['indicators', i];
    // what the author checked against the source and accepted (the note says why) is not repeated
    const warn = (code: string, message: Msg, path: readonly (string | number)[]): void => {
      if (!(ind.acceptLint ?? []).includes(code)) out.push(warningDiagnostic(code, message, locate(path)));
    };
    if (!ind.source) warn('NO_SOURCE', { en: `${ind.name}: no source (table, row and the quoted text)`, zh: `${ind.name}：没有出处（表、行和引用原文）` }, at);
    else if (seedCompact !== undefined && !quoteInSeed(ind.source, seedCompact)) warn('QUOTE_NOT_IN_SEED', { en: `${ind.name}: the quote is not in the seed document ${plan.source.file}`, zh: `${ind.name}：引文不在原文文件 ${plan.source.file} 中` }, [...at, 'source', 'text']);
    // a reference is printed beside the verdict as the source's words: they must be the source's
    ind.references.forEach((r, j) => {
      if (seedCompact !== undefined && !seedCompact.includes(r.text.replace(/\s+/g, ''))) warn('QUOTE_NOT_IN_SEED', { en: `${ind.name}: the reference "${r.label}" quotes "${r.text}", which is not in the seed document ${plan.source.file}`, zh: `${ind.name}：参考值“${r.label}”的引文“${r.text}”不在原文文件 ${plan.source.file} 中` }, [...at, 'references', j, 'text']);
    });
    const b = ind.baseline;
    ind.targets.forEach((t, j) => {
      if (b?.value.kind === 'number' && t.value?.kind === 'number') {
        const c = compareDecimal(t.value.value, b.value.value);
        if ((ind.direction === 'higher' && c < 0) || (ind.direction === 'lower' && c > 0)) {
          warn('TARGET_BEHIND_BASELINE', { en: `${ind.name}: the ${t.year} target ${t.value.value.toFixed()} is behind the ${b.year} baseline ${b.value.value.toFixed()} although ${ind.direction} is better${ind.note ? '' : ' (explain it in a note)'}`, zh: `${ind.name}：${t.year}年目标 ${t.value.value.toFixed()} 落后于${b.year}年基期值 ${b.value.value.toFixed()}，而该指标${ind.direction === 'higher' ? '越高越好' : '越低越好'}${ind.note ? '' : '（请在 note 中说明）'}` }, [...at, 'targets', j, 'value']);
        }
      }
      const printed = cellUnitMismatch(ind, t.text);
      if (printed) warn('UNIT_MISMATCH', { en: `${ind.name}: the target is printed as "${t.text}" (${printed}) but the unit is ${ind.unit.text}`, zh: `${ind.name}：目标印作“${t.text}”（${printed}），但单位是 ${ind.unit.text}` }, [...at, 'targets', j, 'text']);
      if (ind.unit.text === '%' && RATE_NAME.test(ind.name) && t.value?.kind === 'number' && t.value.value.gt(100)) {
        warn('UNIT_MISMATCH', { en: `${ind.name}: a rate of ${t.value.value.toFixed()}% is above 100%`, zh: `${ind.name}：比率 ${t.value.value.toFixed()}% 超过 100%` }, [...at, 'targets', j, 'value']);
      }
    });
    const printed = cellUnitMismatch(ind, b?.text);
    if (printed) warn('UNIT_MISMATCH', { en: `${ind.name}: the baseline is printed as "${b?.text}" (${printed}) but the unit is ${ind.unit.text}`, zh: `${ind.name}：基期值印作“${b?.text}”（${printed}），但单位是 ${ind.unit.text}` }, [...at, 'baseline', 'text']);
  });
  plan.rules.forEach((r, i) => {
    if (seedCompact !== undefined && !quoteInSeed(r.source, seedCompact)) warn('QUOTE_NOT_IN_SEED', { en: `rule ${r.id}: the quote is not in the seed document ${plan.source.file}`, zh: `规则 ${r.id}：引文不在原文文件 ${plan.source.file} 中` }, ['rules', i, 'source', 'text']);
  });
  plan.notEncoded.forEach((n, i) => {
    if (seedCompact !== undefined && !seedCompact.includes(n.quote.replace(/\s+/g, ''))) {
      out.push(warningDiagnostic('QUOTE_NOT_IN_SEED', { en: `not_encoded: the quote is not in the source document ${plan.source.file}`, zh: `not_encoded：引文不在来源文件 ${plan.source.file} 中` }, locate(['not_encoded', i, 'quote'])));
    }
  });
  const used = new Set(plan.rules.flatMap((r) => r.inputs.map((x) => x.id)));
  plan.measurements.forEach((m, i) => {
    if (!used.has(m.id)) warn('UNUSED_MEASUREMENT', { en: `measurement ${m.id} is declared but no rule reads it`, zh: `测量项 ${m.id} 已声明，但没有规则用到它` }, ['measurements', i]);
  });
  return out;
}
