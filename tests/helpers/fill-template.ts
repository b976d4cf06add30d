/**
 * Values that meet every target and rule of a plan, for filling templates.
 * Rule inputs follow one consistent story: standards grow 10% a year from
 * 1000 元/人·月 in 2020, consumption 10% a year from 40000 元/人·年, 特困 at
 * 1.6× the 低保标准, care standards at their shares of a 2000 元 minimum wage,
 * community workers' pay 100000 元/人·年 against an average wage of 90000, both
 * growing 10% a year, provincial guidance standards below the local ones.
 */
import type { Plan } from '../../src/plan/model.js';
import { Decimal } from '../../src/values/decimal.js';
import { months, parsePeriod, wholeYear } from '../../src/model/period.js';

const grow = (base: number, year: number): Decimal => new Decimal(base).mul(new Decimal('1.1').pow(year - 2020));

/** Rule inputs by name: a value for a year, in the template's unit. */
const MEASURES: Record<string, (year: number) => Decimal> = {
  低保标准: (y) => grow(1000, y),
  城市低保标准: (y) => grow(1000, y),
  农村低保标准: (y) => grow(1000, y),
  全体居民人均消费支出: (y) => grow(40000, y),
  特困人员基本生活标准: (y) => grow(1000, y).mul('1.6'),
  '特困人员基本生活供养标准（城镇）': (y) => grow(1000, y).mul('1.6').mul(12),
  '特困人员基本生活供养标准（农村）': (y) => grow(1000, y).mul('1.6').mul(12),
  居民人均可支配收入实际增速: () => new Decimal(5),
  // growth rates as the rows print them (%): the standards' 10% a year
  '城乡低保标准年度增速（城镇）': () => new Decimal(10),
  '城乡低保标准年度增速（农村）': () => new Decimal(10),
  城乡低保标准年度增速: () => new Decimal(10),
  '孤儿基本生活最低养育标准增长幅度（集中养育）': () => new Decimal(10),
  '孤儿基本生活最低养育标准增长幅度（分散供养）': () => new Decimal(10),
  最低工资标准: () => new Decimal(2000),
  '特困人员照料护理标准（全自理）金额': () => new Decimal(100),
  '特困人员照料护理标准（半自理）金额': () => new Decimal(1200),
  '特困人员照料护理标准（全护理）金额': () => new Decimal(2000),
  集中养育孤儿基本生活最低养育标准: (y) => grow(2000, y),
  分散供养孤儿基本生活最低养育标准: (y) => grow(2000, y),
  事实无人抚养儿童生活保障标准: (y) => grow(2000, y),
  社区工作者平均薪酬: (y) => grow(100000, y),
  全市全口径就业人员平均工资: (y) => grow(90000, y),
  省级城市低保指导标准: (y) => grow(900, y),
  省级农村低保指导标准: (y) => grow(900, y),
  省级特困人员基本生活指导标准: (y) => grow(1000, y).mul('1.3'),
};

/**
 * The value a template row is filled with: a rule input's from the story, an
 * indicator's meeting its target. `period` is the row's period (`2024`,
 * `2024-06`, `2024-Q2`): a flow's row is its share of the year (a quarter a
 * quarter of the annual amount, rounded away from the target's side), so the
 * rows of a year add up to a year that meets it.
 */
export function passingValue(plan: Plan, name: string, period: string | number): string {
  const p = typeof period === 'number' ? wholeYear(period) : parsePeriod(period);
  if (!p) throw new Error(`not a period: ${period}`);
  const year = p.year;
  const measure = MEASURES[name];
  if (measure) return measure(year).toDecimalPlaces(2).toFixed();
  const ind = plan.indicators.find((x) => x.name === name);
  const t = ind?.targets.find((x) => x.year === year) ?? ind?.targets[ind.targets.length - 1];
  if (!ind || !t) throw new Error(`no value for ${name}`);
  if (t.value?.kind === 'boolean') return '是';
  let v: Decimal;
  if (t.comparison === 'between' && t.range) v = t.range[0].add(t.range[1]).div(2);
  else if (t.value?.kind === 'number') v = t.comparison === '>' ? t.value.value.add(1) : t.comparison === '<' ? t.value.value.sub(1) : t.value.value;
  else throw new Error(`${name}: a text target has no template row`);
  if (ind.rollup !== 'sum' || months(p) === 12) return v.toFixed();
  const share = v.mul(months(p)).div(12);
  const lower = t.comparison === '<' || t.comparison === '<=';
  return share.toDecimalPlaces(2, lower ? Decimal.ROUND_FLOOR : Decimal.ROUND_CEIL).toFixed();
}
