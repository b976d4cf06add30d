/**
 * The words plancheck knows as units. The unit parser reads any word as a
 * base unit (so that `张/千名老人` and `平方米/百户` need no table to convert),
 * which also lets `张每千人` or `百分比` through as units of their own: such a
 * unit never converts to anything, so a binding indicator written in it is
 * always `missing`. A plan's units must be built from these words.
 */
import { distance } from 'fastest-levenshtein';
import type { Unit } from '../units/unit.js';

/** base words (after a scale prefix 亿/万/千/百 is taken off) of civil-affairs statistics */
export const KNOWN_BASES: ReadonlySet<string> = new Set([
  '人', '人次', '名', '名老人', '老人', '位', '户', '家', '个', '所', '处', '座', '张', '床', '间', '套', '项', '件', '次', '例', '对', '起',
  '元', '平方米', '公顷', '亩', '公里', '米', '岁', '周岁', '天', '日', '小时', '辆', '台', '支', '批', '条', '部', '册', '本', '种', '类', '级', '星',
  '年', '月', '季度', '季',
]);

/** whole units people write, offered as the closest known units */
const SUGGESTED = ['%', '‰', '倍', '是/否', '人', '万人', '人次', '万人次', '户', '个', '家', '张', '所', '元', '万元', '亿元', '元/人·月', '元/人·年', '元/月', '元/年', '平方米/百户', '张/千人', '张/千名老人', '张/百人', '人/万人', '家/万人', '个/万人', '所/万人', '岁', '周岁'];

/** common words for the ratio units */
const WORDS: Readonly<Record<string, string>> = { 百分比: '%', 百分数: '%', 百分率: '%', 百分点: '%', 千分比: '‰', 千分率: '‰', 千分数: '‰', 是否: '是/否' };

/** The base words of a parsed unit that plancheck does not know (none for %, ‰, 倍, 是/否). */
export function unknownBases(unit: Unit): string[] {
  if (unit.kind !== 'quantity') return [];
  return unit.dimension.split(/[/·]/).filter((w) => w !== '' && !KNOWN_BASES.has(w));
}

/** The known units closest to what was written: `张每千人` → 张/千人, `百分比` → %. */
export function closestUnits(text: string, n = 3): string[] {
  const t = text.trim();
  const word = WORDS[t];
  if (word !== undefined) return [word];
  const candidates = new Set<string>();
  // 每 reads "per": 张每千人 → 张/千人
  if (t.includes('每')) candidates.add(t.replace(/每/g, '/'));
  const scored = SUGGESTED.map((u) => ({ u, d: distance(t.slice(0, 50), u) / Math.max(t.length, u.length, 1) }))
    .filter((x) => x.d <= 0.7)
    .sort((a, b) => a.d - b.d);
  for (const s of scored) candidates.add(s.u);
  return [...candidates].slice(0, n);
}
