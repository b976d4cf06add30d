/**
 * The body text's commitments: every sentence with a quantified commitment
 * becomes a `not_encoded` entry with reason `unreviewed`, its exact quote
 * and section, so that nothing is dropped silently; a sentence that states
 * a rule the drafter can read (不低于…的N倍, 不低于上年度…的N%) is drafted
 * as a rule. The candidates are the completeness finder's (plan/commitments.ts,
 * which `validate --ledger` runs), with the forms a plan of any period uses:
 * a completion dated within the plan's years, 每个…至少, 应…尽…, N倍. Pure.
 */
import { findCandidates, scannedLines } from '../plan/commitments.js';
import type { RawNotEncoded } from '../plan/raw.js';
import type { DraftMeasurement, DraftRule } from './model.js';
import { readRuleSentence } from './rules.js';

/** A heading line: 第三章…, 三、…, （二）…, 专栏2… */
const HEADING = /^(?:第[一二三四五六七八九十百]+[章节部分篇]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|专栏\s*\d+|附件\s*\d+)/;

function stripMarkup(line: string): string {
  return line.replace(/\[bookmark: [^\]]*\]/g, '').replace(/\[footnoteRef:\d+\]/g, '').trim();
}

/** For each line (0-based) of the text, the heading it stands under. */
export function sectionsOf(lines: readonly string[]): (string | undefined)[] {
  let current: string | undefined;
  return lines.map((l) => {
    const t = stripMarkup(l);
    if (t.length > 0 && t.length <= 40 && HEADING.test(t)) current = t.replace(/\s+/g, ' ').replace(/[。；;，,].*$/, '');
    return current;
  });
}

const STOP = '，,。；;：:！？\\n';
const EXTRA = (first: number, last: number): RegExp[] => {
  const years = Array.from({ length: last - first + 1 }, (_, i) => String(first + i)).join('|');
  return [
    // a completion dated within the plan's years, for any plan (the finder's own pattern knows 2021–2025)
    new RegExp(`(?:${years})年(?:底|末|前|内)*[^${STOP}]{0,30}?(?:建成|完成|实现|建立|出台|覆盖|创建|达到|提高|统一|全面)`, 'g'),
    // every one at least: 每个乡镇（街道）至少建成1个
    new RegExp(`每个[^${STOP}]{0,16}?至少`, 'g'),
    // 应保尽保, 应救尽救, 应评尽评
    /应[\u4e00-\u9fff]尽[\u4e00-\u9fff]/g,
    // so many times a base
    /\d+(?:\.\d+)?倍/g,
  ];
};

interface Sentence {
  readonly line: number;
  readonly compact: string;
  readonly phrases: string[];
}

/** A sentence of the compact text (whitespace removed) found again in the text as printed. */
function original(text: string, compact: string, fromLine: number): string | undefined {
  const chars = [...compact].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(chars.join('\\s*'), 'u');
  const lines = text.split('\n');
  const from = lines.slice(0, Math.max(0, fromLine - 1)).join('\n').length;
  const m = re.exec(text.slice(from)) ?? re.exec(text);
  return m?.[0];
}

export interface BodyDraft {
  readonly notEncoded: RawNotEncoded[];
  readonly rules: DraftRule[];
}

/**
 * The commitments of `text` (a document's text) that no quote in `covered`
 * already accounts for (the indicator rows drafted from the tables).
 */
export function draftBody(text: string, covered: readonly string[], period: { firstYear: number; lastYear: number }, measurements: Map<string, DraftMeasurement>): BodyDraft {
  const lines = text.split('\n');
  const sections = sectionsOf(lines);
  const scanned = scannedLines(lines);
  const sentences = new Map<string, Sentence>();
  const add = (line: number, compact: string, phrase: string): void => {
    if (compact.length < 4) return;
    const s = sentences.get(compact) ?? { line, compact, phrases: [] };
    if (!s.phrases.includes(phrase)) s.phrases.push(phrase);
    sentences.set(compact, s);
  };
  for (const c of findCandidates(text)) add(c.line, c.sentence, c.phrase);
  // the forms the finder does not look for, on the lines it scans (a sentence: up to 。；, line ends)
  const extra = EXTRA(period.firstYear, period.lastYear);
  lines.forEach((l, i) => {
    if (!scanned[i]) return;
    const flat = stripMarkup(l).replace(/\s+/g, '');
    // a heading (三、主要任务; （一）…机制。), not a sentence after a heading's number
    if (HEADING.test(flat) && flat.length <= 40 && !/[。；;，,！？]./.test(flat)) return;
    for (const re of extra) {
      for (const m of flat.matchAll(re)) {
        let s = m.index;
        while (s > 0 && !/[。；;！？]/.test(flat[s - 1] ?? '')) s--;
        let e = m.index + m[0].length;
        while (e < flat.length && !/[。；;！？]/.test(flat[e] ?? '')) e++;
        add(i + 1, flat.slice(s, e), m[0]);
      }
    }
  });
  const coveredCompact = covered.map((q) => q.replace(/\s+/g, '')).filter((q) => q.length >= 6);
  const notEncoded: RawNotEncoded[] = [];
  const rules: DraftRule[] = [];
  const quotes = new Set<string>();
  for (const s of [...sentences.values()].sort((a, b) => a.line - b.line)) {
    // a table row already drafted (its quote holds the sentence), or a sentence inside a longer one already listed
    if (coveredCompact.some((q) => q.includes(s.compact))) continue;
    const quote = original(text, s.compact, s.line);
    if (quote === undefined || quotes.has(quote.replace(/\s+/g, ''))) continue;
    quotes.add(quote.replace(/\s+/g, ''));
    const section = sections[s.line - 1];
    const ruled = readRuleSentence(s.compact, measurements);
    if (ruled.length > 0) {
      for (const r of ruled) rules.push({ id: `rule_${String(rules.length + 1).padStart(2, '0')}`, ...r.rule, source: { section: section ?? 'body', text: original(text, r.rule.name, s.line) ?? quote } });
      continue;
    }
    notEncoded.push({
      quote,
      ...(section === undefined ? {} : { section }),
      reason: 'unreviewed',
      explanation: `found by plancheck draft (${s.phrases.slice(0, 4).join('、')}): encode it as an indicator or a rule, or give the reason it is not encoded`,
    });
  }
  return { notEncoded, rules };
}
