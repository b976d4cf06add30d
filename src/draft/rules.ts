/**
 * The rules a drafter can read from words: `不低于低保标准的1.3倍`,
 * `特困供养标准为低保标准的1.6倍`, `不低于上年度全体居民人均消费支出的30%`,
 * `不低于居民上年度人均消费支出增速`. The measurement compared with is
 * declared (its unit a guess); the expression, the subject's and the base's
 * readings are marked as guesses. Pure.
 */
import { normaliseName } from '../plan/names.js';
import { tryParseUnit } from '../units/unit.js';
import type { DraftMeasurement, DraftRule } from './model.js';

const VERBS: Readonly<Record<string, '>=' | '<=' | '==' | '>'>> = { 不低于: '>=', 不少于: '>=', 不得低于: '>=', 不高于: '<=', 不超过: '<=', 不得高于: '<=', 高于: '>', 为: '==', 达到: '>=' };
const VERB = Object.keys(VERBS).sort((a, b) => b.length - a.length).join('|');
/** 上年度, 上一年度, 上年: the base is last year's */
const PREVIOUS = /上一?年度?|前一年/;
const LOCAL = /^(?:当地|我市|本市|全市|我州|本州|我县|本县|我区|本区|各地)/;

export interface Subject {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
}

/** The unit a measurement named so most likely has (a guess, marked). */
function unitOfName(name: string, fallback: string): string {
  if (/增速|增幅|增长率|增长幅度|比例|占比|比率/.test(name)) return '%';
  if (/支出|收入|工资/.test(name)) return /月/.test(name) ? '元/月' : '元/人·年';
  if (/标准/.test(name)) return fallback.startsWith('元') ? fallback : '元/人·月';
  return fallback;
}

/**
 * The measurement a rule reads, by its name: one already declared, or an
 * indicator of the plan (registered in the map by draft.ts under its name),
 * else a new one whose unit is a guess.
 */
function declare(measurements: Map<string, DraftMeasurement>, name: string, unit: string): DraftMeasurement {
  const known = measurements.get(normaliseName(name));
  if (known) return known;
  const m: DraftMeasurement = { id: `measure_${String([...measurements.values()].filter((x) => x.id.startsWith('measure_')).length + 1).padStart(2, '0')}`, name, unit, guess: { unit: `read from the name "${name}": check the unit the data will be reported in`, name: 'a measurement the rule compares with, named as the words print it; give it the name your data use' } };
  measurements.set(normaliseName(name), m);
  return m;
}

/**
 * Words printed for a subject (a target cell, or what follows the subject
 * in a sentence) read as a rule over it, or undefined when they say none.
 */
export function readRuleWords(words: string, subject: Subject, measurements: Map<string, DraftMeasurement>): { rule: Omit<DraftRule, 'id' | 'source'> } | undefined {
  const t = words.replace(/\s+/g, '').replace(/％/g, '%');
  const times = new RegExp(`^(?:[\\u4e00-\\u9fff]{0,12}?)(${VERB})(.+?)的(\\d+(?:\\.\\d+)?)(倍|%)$`).exec(t);
  const plain = times ? undefined : new RegExp(`^(${VERB})(.+?(?:增速|增幅|增长率|增长幅度|水平|标准|支出|收入|工资))$`).exec(t);
  const m = times ?? plain;
  if (!m) return undefined;
  const op = VERBS[m[1] as string] as string;
  let base = (m[2] as string).replace(LOCAL, '');
  const previous = PREVIOUS.test(base);
  base = base.replace(PREVIOUS, '').replace(LOCAL, '').replace(/^的/, '');
  if (base.length < 2 || base.length > 24 || /[，,。；;：:]/.test(base)) return undefined;
  const factor = times ? `${m[3] as string}${m[4] === '%' ? '%' : ''}` : undefined;
  // a share printed in % of a base, for a subject in %, is the subject's own target (the table reads it so)
  if (factor !== undefined && m[4] === '%' && subject.unit === '%') return undefined;
  const baseUnit = factor !== undefined && m[4] === '倍' ? subject.unit : unitOfName(base, subject.unit);
  // the two sides must be amounts of one kind (a rule comparing 元 with % is no rule): else the words stay for the reviewer
  const su = tryParseUnit(subject.unit);
  const bu = tryParseUnit(measurements.get(normaliseName(base))?.unit ?? baseUnit);
  if (!su || !bu || su.dimension !== bu.dimension) return undefined;
  const b = declare(measurements, base, baseUnit);
  const right = `${factor === undefined ? '' : `${factor} * `}${b.id}${previous ? '[-1]' : ''}`;
  return {
    rule: {
      name: words.replace(/\s+/g, ''),
      subject: subject.id,
      expression: `${subject.id} ${op} ${right}`,
      guess: { expression: `read from the words "${words.replace(/\s+/g, '')}": ${subject.name} ${op} ${factor === undefined ? '' : `${factor} × `}${base}${previous ? ' of the year before' : ''}${op === '==' ? ' (为…的N倍 sets the amount: read as equal within the reported precision)' : ''}` },
    },
  };
}

/**
 * A sentence of the body that states a rule between two amounts: the
 * subject before the verb, the base after it
 * (`当年度低保标准不低于上年度全体居民人均消费支出的30%`).
 */
export function readRuleSentence(sentence: string, measurements: Map<string, DraftMeasurement>): { rule: Omit<DraftRule, 'id' | 'source'>; subject: DraftMeasurement }[] {
  const clauses = sentence.replace(/\s+/g, '').split(/[，,。；;：:！？]/);
  const out: { rule: Omit<DraftRule, 'id' | 'source'>; subject: DraftMeasurement }[] = [];
  for (const clause of clauses) {
    const m = new RegExp(`^(.*?)(${VERB})(.+?的\\d+(?:\\.\\d+)?(?:倍|%))$`).exec(clause);
    if (!m) continue;
    const subjectName = (m[1] as string)
      .replace(/^(?:到|至)?20\d\d年(?:底|末)?(?:前)?/, '')
      .replace(/^(?:确保|使|推动|逐步|将|全面|全市|全州|各地)+/, '')
      .replace(/^(?:当年度?|本年度)/, '')
      .replace(LOCAL, '');
    if (subjectName.length < 2 || subjectName.length > 20 || !/标准|支出|收入|补贴|工资|金额/.test(subjectName)) continue;
    const subject = declare(measurements, subjectName, unitOfName(subjectName, '元/人·月'));
    const read = readRuleWords(`${m[2] as string}${m[3] as string}`, { id: subject.id, name: subject.name, unit: subject.unit }, measurements);
    if (read) out.push({ rule: { ...read.rule, name: clause }, subject });
  }
  return out;
}
