/**
 * A draft plan as YAML, laid out as the bundled plans are (small maps on
 * one line: baseline, targets, source), every `guess:` entry on its own line
 * so that a reviewer confirms it by deleting the line, and a head comment
 * that says how to review (in Chinese and English).
 */
import { Document, isMap, isPair, isScalar, isSeq, visit, type Node } from 'yaml';
import type { DraftReport } from './model.js';

/** Keys whose maps are written on one line. */
const FLOW = new Set(['region', 'period', 'source', 'baseline', 'annual_growth', 'printed_as', 'plausible']);
/** Sequences whose items are written on one line each. */
const FLOW_ITEMS = new Set(['targets', 'references']);

export function emitDraft(report: DraftReport, documentName: string): string {
  const { plan } = report;
  const doc = new Document(plan, { keepUndefined: false });
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key)) return;
      const key = String(pair.key.value);
      const v = pair.value as Node | null;
      if (FLOW.has(key) && isMap(v)) v.flow = true;
      if (FLOW_ITEMS.has(key) && isSeq(v)) for (const item of v.items) if (isMap(item)) item.flow = true;
    },
  });
  // a blank line before each indicator, rule and entry, as in the bundled plans
  for (const key of ['indicators', 'rules', 'not_encoded', 'measurements']) {
    const seq = doc.get(key, true);
    if (isSeq(seq) && seq.items.length > 0) {
      const pair = (doc.contents as { items: unknown[] }).items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      if (isPair(pair) && isScalar(pair.key)) pair.key.spaceBefore = true;
    }
  }
  const guesses = countGuesses(report);
  const unreviewed = plan.not_encoded.length;
  const head = [
    `由 plancheck draft 从 ${documentName} 起草 — drafted by plancheck draft from ${documentName}.`,
    '',
    `审核 / review: ${guesses} 处推断（guess）, ${unreviewed} 条待审核的承诺（unreviewed）.`,
    '- 每个 guess: 下的一行是起草程序推断而非原文印出的内容及其理由。对照原文核对该字段（必要时改正），然后删除这一行；',
    '  each line under guess: is a field the drafter inferred, with why: check it against the document, correct it if need be, and delete the line.',
    '- reason: unreviewed 的条目是正文中的量化承诺：改写为指标或规则，或填写不编码的理由（guideline、no_quantity、process、covered、outside_scope、no_data）及 explanation；',
    '  an entry with reason unreviewed is a commitment of the text: encode it as an indicator or a rule, or give the reason it is not encoded and an explanation.',
    `- plancheck validate <本文件> --strict --seeds=<原文所在文件夹> 在全部审核完之前不会通过 / fails until every guess and unreviewed entry is dealt with.`,
    '',
    ...report.tables.map((t) => `${t.label}（第 ${t.line} 行 / line ${t.line}）: ${t.used ? '读作本规划的指标 / read as indicators' : `未采用 / set aside — ${t.why}`}`),
  ];
  doc.commentBefore = head.map((l) => (l === '' ? '' : ` ${l}`)).join('\n');
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true, indentSeq: true });
}

export function countGuesses(report: DraftReport): number {
  const { plan } = report;
  const n = (g: Record<string, string> | null | undefined): number => Object.keys(g ?? {}).length;
  return n(plan.guess) + plan.indicators.reduce((s, i) => s + n(i.guess), 0) + plan.measurements.reduce((s, m) => s + n(m.guess), 0) + plan.rules.reduce((s, r) => s + n(r.guess), 0);
}
