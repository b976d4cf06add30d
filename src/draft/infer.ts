/**
 * What a table row does not print and the drafter infers: the unit (from
 * the 单位 cell, the values' own units, a bracket after the name, or the
 * name's words), which way is better, and the attribute. Every inference
 * that the printed cells do not settle comes back with the reason it is a
 * guess, for the reviewer. Pure.
 */
import { tryParseUnit } from '../units/unit.js';
import { toHalfWidth } from '../values/parse-value.js';
import type { CellReading } from './cell.js';
import { isUnitWord } from './cell.js';

export interface Inferred<T> {
  readonly value: T;
  /** why this is a guess (English; the reviewer confirms or corrects it), absent when the printed cells settle it */
  readonly guess?: string;
}

/** The denominators of per-capita names: 每百户居民拥有…, 每万名城镇常住人口拥有…, 千名老人拥有… */
const PER = /^(?:全[市州县区])?(?:每)?(百户|十万人|万人|千人|百人|万名|千名老人|千名|百名)/;
const PER_UNIT: Readonly<Record<string, string>> = { 百户: '百户', 十万人: '十万人', 万人: '万人', 千人: '千人', 百人: '百人', 万名: '万人', 千名老人: '千名老人', 千名: '千人', 百名: '百人' };

/** A bracket at the end of a name that is a unit: 持证专业社工人才总数（人）, 城乡和谐社区建设合格率（%） */
const NAME_UNIT = /[（(]([^（）()]{1,8})[)）]$/;

export function normaliseUnit(text: string): string | undefined {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  if (t === '') return undefined;
  const u = tryParseUnit(t);
  return u && isUnitWord(t) ? u.text : undefined;
}

/** The name without a unit bracket at its end, and that unit. */
export function nameUnit(name: string): { name: string; unit?: string } {
  const m = NAME_UNIT.exec(name);
  const u = m ? normaliseUnit(m[1] as string) : undefined;
  return u === undefined ? { name } : { name: name.slice(0, m?.index).trim(), unit: u };
}

/** A unit from the words of the name, when nothing printed gives one. */
function unitFromName(name: string): string | undefined {
  if (/率$|占比$|比例$|比率$|覆盖率|达标率|建成率|增速$|增长率|增幅$|幅度$/.test(name)) return '%';
  if (/人才数$|人数$|人才总数$|人才总量$|工作者数?$|人员数量?$/.test(name)) return '人';
  if (/户数$/.test(name)) return '户';
  if (/人次$/.test(name)) return '人次';
  if (/床位数?$|床位总数$/.test(name)) return '张';
  if (/数量$|个数$|数$|建设$/.test(name)) return '个';
  return undefined;
}

export interface UnitReading {
  readonly unit: string;
  /** the unit the table prints when the indicator's unit is a rate of it (平方米 for 平方米/百户) */
  readonly printedUnit?: string;
  readonly guess?: string;
}

/**
 * The unit of a row: its 单位 cell where there is one; else the unit the
 * values carry (60%, 1200人); else a bracket after the name; else the
 * name's words (a guess). A per-capita name (每百户…面积) whose printed unit
 * is the numerator alone gets the rate as its unit, the printed one kept.
 */
export function inferUnit(name: string, unitCell: string | undefined, readings: readonly CellReading[]): UnitReading | undefined {
  let unit: string | undefined;
  let guess: string | undefined;
  const printed = unitCell?.replace(/\s+/g, '') ?? '';
  if (printed !== '') {
    unit = normaliseUnit(printed);
    if (unit === undefined) guess = `the 单位 cell "${printed}" is not a unit plancheck knows`;
    else if (unit !== toHalfWidth(printed)) guess = undefined; // 元/人年 → 元/人·年 is the same unit written plancheck's way
  }
  if (unit === undefined) {
    const fromValues = [...new Set(readings.flatMap((r) => ((r.kind === 'number' || r.kind === 'range') && r.unit !== undefined ? [normaliseUnit(r.unit) ?? r.unit] : [])))];
    if (fromValues.length === 1) unit = fromValues[0];
    else if (fromValues.length > 1) guess = `the values print several units (${fromValues.join(', ')})`;
  }
  if (unit === undefined) {
    const bracket = nameUnit(name).unit;
    if (bracket !== undefined) unit = bracket;
  }
  if (unit === undefined) {
    const fromName = unitFromName(name);
    if (fromName === undefined) return guess === undefined ? undefined : { unit: '个', guess: `${guess}; 个 written in its place` };
    unit = fromName;
    guess = `${guess === undefined ? 'no unit is printed' : guess}; ${fromName} read from the name`;
  }
  const per = PER.exec(name.replace(/^[（(]/, ''));
  const u = tryParseUnit(unit);
  if (per && u && u.kind === 'quantity' && !unit.includes('/')) {
    const rate = `${unit}/${PER_UNIT[per[1] as string] ?? per[1]}`;
    if (tryParseUnit(rate)) return { unit: rate, printedUnit: unit, guess: `${guess === undefined ? '' : `${guess}; `}the table prints ${unit}, the name says per ${per[1]}: read as ${rate}` };
  }
  return guess === undefined ? { unit } : { unit, guess };
}

/** Words of a name whose value should fall. */
const LOWER_WORDS = /控制在|以下|降低|下降|减少|压减|压降|空置|事故|发生率|死亡率|投诉|差距|返贫|不超过|违规|违法|积压|超期|滞留/;
/** Names that are shares of a whole reached by building or covering: higher is better, whatever the figures. */
const STRONG_HIGHER = /(?:覆盖|建成|达标|完成|实施|开通|发放|合格|完善|参与|满意|公开|登记|送返|返回|认定准确|培训|持证上岗|供养)率$|覆盖率|建成率|达标率/;
/** Names of amounts, counts, rates and standards, which plans mean to raise. */
const WEAK_HIGHER = /率$|占比$|比例$|比率$|数量$|人数$|户数$|个数$|总量$|总数$|数$|面积$|标准$|床位|人才|水平$|增速$|增幅$|幅度$|建设$|[个家所张名]$/;

export interface DirectionEvidence {
  readonly name: string;
  readonly unit: string;
  /** the baseline's number, if printed */
  readonly baseline?: CellReading;
  /** the targets' readings, earliest year first */
  readonly targets: readonly CellReading[];
}

/**
 * Which way is better. Settled by the cells when a target prints a bound
 * (≥, 以上, 不低于: higher; ≤, 以下, 不高于: lower), or when a percentage's
 * target is 100; otherwise by the name's words together with the way the
 * figures move (baseline → target), and a guess when these disagree or are
 * weak.
 */
export function inferDirection(e: DirectionEvidence): Inferred<'higher' | 'lower'> {
  const ops = new Set(e.targets.flatMap((t) => (t.kind === 'number' && t.op !== undefined ? [t.op.startsWith('>') ? 'higher' : 'lower'] : [])));
  if (ops.size === 1) return { value: [...ops][0] as 'higher' | 'lower' };
  const points = e.targets.filter((t): t is Extract<CellReading, { kind: 'number' }> => t.kind === 'number' && t.op === undefined);
  if (ops.size === 0 && e.unit === '%' && points.length > 0 && points.every((t) => t.value.eq(100))) return { value: 'higher' };
  const lexicon: 'higher' | 'lower' | undefined = LOWER_WORDS.test(e.name) ? 'lower' : STRONG_HIGHER.test(e.name) || WEAK_HIGHER.test(e.name) ? 'higher' : undefined;
  const strong = LOWER_WORDS.test(e.name) || STRONG_HIGHER.test(e.name);
  let movement: 'higher' | 'lower' | undefined;
  const b = e.baseline;
  const last = points[points.length - 1];
  if (b?.kind === 'number' && b.op === undefined && last !== undefined && !last.value.eq(b.value)) movement = last.value.gt(b.value) ? 'higher' : 'lower';
  if (ops.size > 1) return { value: lexicon ?? 'higher', guess: 'the targets print bounds both ways' };
  if (lexicon !== undefined && movement === lexicon) return { value: lexicon };
  if (lexicon !== undefined && movement === undefined && strong) return { value: lexicon };
  if (lexicon !== undefined && movement !== undefined) return { value: lexicon, guess: `the name reads ${lexicon} is better, but the figures move ${movement === 'higher' ? 'up' : 'down'} from the baseline to the target` };
  if (lexicon !== undefined) return { value: lexicon, guess: `read from the name (${lexicon} is better); no bound is printed and the baseline does not settle it` };
  if (movement !== undefined) return { value: movement, guess: `read from the figures (they move ${movement === 'higher' ? 'up' : 'down'} from the baseline to the target); the name does not say` };
  return { value: 'higher', guess: 'nothing printed says which way is better' };
}

export function inferAttribute(cell: string | undefined): Inferred<'binding' | 'expected' | 'unspecified'> | undefined {
  if (cell === undefined) return undefined;
  const t = cell.replace(/\s+/g, '');
  if (t === '') return { value: 'unspecified', guess: 'the 属性 cell is empty' };
  if (/^约束性?$/.test(t)) return { value: 'binding' };
  if (/^预期性?$/.test(t)) return { value: 'expected' };
  if (/约束|束性/.test(t)) return { value: 'binding', guess: `printed "${t}", read as 约束性` };
  if (/预期|期性/.test(t)) return { value: 'expected', guess: `printed "${t}", read as 预期性` };
  return { value: 'unspecified', guess: `the 属性 cell "${t}" is neither 约束性 nor 预期性` };
}
