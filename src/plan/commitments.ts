/**
 * The completeness finder: candidate commitments in a source document, and
 * which of them no quote of the plan accounts for.
 *
 * A candidate is a quantified or dated phrase in the forward-looking part
 * of the source — a share (`80%`), a bound (`不低于18人`, `1000户以上`),
 * 全覆盖, a per-capita figure (`每万…18人`, `每百户…20平方米`), a count
 * with 每年/年均, or a dated completion (`到2022年底前…建成`). It is
 * accounted for when it lies inside the text an indicator, a rule or a
 * `not_encoded` entry quotes. Pure: the caller reads the files.
 *
 * The forward-looking part starts at the guiding-principles heading
 * (指导思想, the chapter every five-year plan opens its goals with); what
 * comes before it (发展基础, the last plan's results, 面临形势) reports the
 * past and is not scanned. A source without such a heading is scanned whole.
 * After it, a heading about the last plan's results (an annex such as
 * “十三五”…主要指标执行情况) is skipped up to the next heading about 十四五.
 */
import type { Plan } from './model.js';

export interface Candidate {
  /** 1-based line of the source where the phrase starts */
  readonly line: number;
  /** the phrase that made it a candidate, as printed (whitespace removed) */
  readonly phrase: string;
  /** the sentence around it, whitespace removed */
  readonly sentence: string;
}

const NUM = String.raw`\d+(?:\.\d+)?`;
/** Punctuation that ends a clause: a phrase never reaches across it. */
const STOP = '，,。；;：:！？、\\n';
const GAP = (n: number): string => `[^${STOP}\\d]{0,${n}}?`;

/**
 * The candidate phrases. Each names the quantity it catches; a phrase is
 * looked for on the source with all whitespace removed, so a table cell
 * split over lines reads as one.
 */
const PATTERNS: readonly RegExp[] = [
  // a share or rate: 80%, 93.2％, 5‰
  new RegExp(`${NUM}[%％‰]`, 'g'),
  // a bound before the number: 不低于55, 至少1所, 达到1250, ≥70, 控制在…5
  new RegExp(`(?:达到|不低于|不少于|不超过|不高于|至少|提高到|提高至|提升到|提升至|增加到|增加至|增长到|控制在|保持在|稳定在|突破|超过|≥|≤|＞|＜|>|<)${GAP(12)}${NUM}`, 'g'),
  // a bound after the number: 1000户以上, 5%以内
  new RegExp(`${NUM}${GAP(6)}(?:以上|以内|以下)`, 'g'),
  // coverage of everything
  /全覆盖|全面覆盖|覆盖全部|全部覆盖|应建尽建/g,
  // a per-capita or per-household figure: 每万名城镇常住人口…18人, 每百户…20平方米
  new RegExp(`每(?:十万|万|千|百)${GAP(20)}${NUM}`, 'g'),
  // a yearly amount: 每年…1000户, 年均培训2000名
  new RegExp(`(?:每年|年均)${GAP(12)}${NUM}`, 'g'),
  // a count in words after a verb, or a numbered batch: 扶持十个…项目, 第三批…名录
  // (一批, a batch, says no number)
  /(?:扶持|发展|培育|建成|新建|建设|打造|创建|公布|发布|评选|认定|命名|实施)(?!一批)第?[一二两三四五六七八九十百千]+(?:个|家|所|项|批|名|户|张|座|条)|第[一二三四五六七八九十]+批/g,
  // a dated completion within the plan: 到2022年底前…建成
  new RegExp(`202[1-5]年(?:底|末|前|内)*${GAP(30)}(?:建成|完成|实现|建立|出台|覆盖|创建|达到|提高|统一)`, 'g'),
];

/** A heading line that opens the plan's goals. */
const FORWARD_HEADING = /指导思想/;

function stripMarkup(line: string): string {
  // Word bookmarks and footnote markers left in by the extraction
  return line.replace(/\[bookmark: [^\]]*\]/g, '').replace(/\[footnoteRef:\d+\]/g, '');
}

/** A chapter or section heading: 第五章…, 三、…, （二）… — a title, not a commitment. */
const SECTION_HEADING = /^(?:第[一二三四五六七八九十]+[章节部分]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;

/** An age that qualifies a group (80周岁以上老年人) is not a quantity committed to. */
const AGE = /\d+周?岁/;

/** A heading about the last plan's results, and one about this plan. */
const PAST_HEADING = /(?:执行|完成|实施)情况$|十三五.*主要指标/;
const PLAN_HEADING = /十四五/;

function heading(line: string): string | undefined {
  const t = stripMarkup(line).trim();
  return t.length > 0 && t.length <= 40 ? t : undefined;
}

/** For each line of the source: is it in the forward-looking part the finder scans? */
export function scannedLines(lines: readonly string[]): boolean[] {
  const start = lines.findIndex((l) => FORWARD_HEADING.test(heading(l) ?? ''));
  let on = true;
  return lines.map((l, i) => {
    if (i < start) return false;
    const h = heading(l);
    if (h !== undefined && PAST_HEADING.test(h)) on = false;
    else if (h !== undefined && PLAN_HEADING.test(h)) on = true;
    return on;
  });
}

interface Compact {
  /** the text with every whitespace character removed */
  readonly text: string;
  /** for each character of `text`, its 0-based source line */
  readonly lineOf: readonly number[];
}

function compact(lines: readonly string[]): Compact {
  const scanned = scannedLines(lines);
  let text = '';
  const lineOf: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!scanned[i]) continue;
    for (const ch of lines[i] ?? '') {
      if (/\s/.test(ch)) continue;
      text += ch;
      for (let k = 0; k < ch.length; k++) lineOf.push(i);
    }
    // a line break ends a sentence for the finder (table cells excepted: they have no STOP anyway)
    text += '\n';
    lineOf.push(i);
  }
  return { text, lineOf };
}

const SENTENCE_END = /[。；;！？\n]/;

function sentenceAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !SENTENCE_END.test(text[s - 1] ?? '')) s--;
  let e = end;
  while (e < text.length && !SENTENCE_END.test(text[e] ?? '')) e++;
  return text.slice(s, e).replace(/\n/g, '');
}

/** Every candidate commitment phrase in the forward-looking part of a source. */
export function findCandidates(sourceText: string): (Candidate & { readonly start: number; readonly end: number })[] {
  const lines = sourceText.split(/\r?\n/);
  const { text, lineOf } = compact(lines);
  const found = new Map<number, Candidate & { start: number; end: number }>();
  for (const re of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      const prev = found.get(start);
      if (prev && prev.end >= end) continue;
      if (AGE.test(m[0])) continue;
      const line = lineOf[start] ?? 0;
      const printed = heading(lines[line] ?? '');
      if (printed !== undefined && SECTION_HEADING.test(printed)) continue;
      found.set(start, { line: line + 1, phrase: m[0].replace(/\n/g, ''), sentence: sentenceAround(text, start, end), start, end });
    }
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

/** Every quote a plan holds: its indicators', its rules' and its not_encoded entries'. */
export function planQuotes(plan: Plan): string[] {
  return [
    ...plan.indicators.flatMap((i) => (i.source ? [i.source.text] : [])),
    ...plan.rules.map((r) => r.source.text),
    ...plan.notEncoded.map((n) => n.quote),
  ];
}

/**
 * The candidates of `sourceText` that none of `quotes` covers. A quote
 * covers a candidate when the candidate's phrase lies within one of the
 * places the quote stands in the source (whitespace ignored). A quote of
 * a few characters would cover every candidate that happens to contain
 * it, so quotes shorter than `minQuote` characters cover nothing.
 */
export function uncoveredCandidates(sourceText: string, quotes: readonly string[], minQuote = 6): Candidate[] {
  const lines = sourceText.split(/\r?\n/);
  const { text } = compact(lines);
  // the compact text of the forward part, without the line breaks the finder adds
  const flat = text.replace(/\n/g, '');
  const toFlat: number[] = [];
  let k = 0;
  for (const ch of text) {
    toFlat.push(k);
    if (ch !== '\n') k++;
  }
  const spans: [number, number][] = [];
  for (const q of quotes) {
    const needle = q.replace(/\s+/g, '');
    if (needle.length < minQuote) continue;
    for (let at = flat.indexOf(needle); at >= 0; at = flat.indexOf(needle, at + 1)) spans.push([at, at + needle.length]);
  }
  return findCandidates(sourceText)
    .filter((c) => {
      const s = toFlat[c.start] ?? 0;
      const e = s + c.phrase.length;
      return !spans.some(([a, b]) => a <= s && e <= b);
    })
    .map(({ line, phrase, sentence }) => ({ line, phrase, sentence }));
}
