/**
 * The completeness finder: candidate commitments in a source document, and
 * which of them no quote of the plan accounts for.
 *
 * A candidate is a phrase of one of the forms a plan commits in (FORMS):
 * with a number — a share (`80%`), a bound (`不低于18人`, `1000户以上`), a
 * per-capita figure, a count with 每年/年均, a dated completion — and
 * without one: 全覆盖, 应X尽X, every unit (均建有, 至少一个), 配齐, 专人专岗,
 * a body set up (成立…中心), a document drawn up (制定…办法), a named
 * project, platform or facility, 全面实现, 清零, a service radius (15分钟),
 * 一村一品, a rank kept (保持…领先), a policy switch (延长至18周岁). Each
 * candidate carries its form. It is accounted for when it lies inside the
 * text an indicator, a rule or a `not_encoded` entry quotes. The finder errs
 * on the side of catching: a false alarm is listed in the plan
 * (`not_a_commitment`), where a reader sees it. Pure: the caller reads the
 * files.
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
  /** which form of commitment caught it (FORMS) */
  readonly form: string;
}

const NUM = String.raw`\d+(?:\.\d+)?`;
/** Punctuation that ends a clause: a phrase never reaches across it. */
const STOP = '，,。；;：:！？、\\n';
const GAP = (n: number): string => `[^${STOP}\\d]{0,${n}}?`;
/** Within one sentence (commas allowed): a date governs every clause up to the full stop. */
const SENTENCE_GAP = (n: number): string => `[^。；;！？\\n]{0,${n}}?`;

/** Verbs that complete a commitment: built, done, in force, set up, online. */
const DONE = '建成|完成|实现|建立|出台|覆盖|创建|达到|提高|统一|确定|制定|形成|上线|组建|成立|设立|纳入|保持|竣工|投入使用|配齐|印发';
/** Things a plan commits to set up or draw up by name: a body, a team, a fund, a document. */
const BODY = '中心|公司|纪委|委员会|协会|行业组织|管理机构|队伍|基金|学院|基地|联盟|专岗|工作站|服务站';
const DOCUMENT = '办法|细则|规划|方案|预案|清单|意见|条例|名录|目录|指南|地名录|标准体系|文件';
const CN_NUM = '[一二两三四五六七八九十]';

/**
 * The forms of commitment the finder looks for, each named (the name is in
 * every candidate it finds, so a ledger entry can say which form it answers).
 * A phrase is looked for on the source with all whitespace removed, so a
 * table cell split over lines reads as one.
 */
export const FORMS: readonly { readonly form: string; readonly re: RegExp }[] = [
  // a share or rate: 80%, 93.2％, 5‰
  { form: 'share', re: new RegExp(`${NUM}[%％‰]`, 'g') },
  // a bound before the number: 不低于55, 至少1所, 达到1250, ≥70, 控制在…5
  { form: 'bound', re: new RegExp(`(?:达到|不低于|不少于|不超过|不高于|至少|提高到|提高至|提升到|提升至|增加到|增加至|增长到|控制在|保持在|稳定在|突破|超过|≥|≤|＞|＜|>|<)${GAP(12)}${NUM}`, 'g') },
  // a bound after the number: 1000户以上, 5%以内
  { form: 'bound', re: new RegExp(`${NUM}${GAP(6)}(?:以上|以内|以下)`, 'g') },
  // coverage of everything, with or without a number
  { form: 'coverage', re: /全覆盖|全面覆盖|覆盖全部|全部覆盖|应建尽建/g },
  // everyone who qualifies: 应保尽保, 应救尽救, 应评尽评, 应养尽养; 逢收必评
  { form: 'everyone', re: /应[\u4e00-\u9fff]尽[\u4e00-\u9fff]|逢[\u4e00-\u9fff]必[\u4e00-\u9fff]/g },
  // every unit has one, in words: 每个乡镇至少一个, 均建有, 都建有, 全部达到, 全部按照…建设
  { form: 'every_unit', re: new RegExp(`至少${CN_NUM}|[均都](?:建有|设有|组建|成立|建成|配备)|全部(?:达到|按照|纳入|建立|实现|接受|完成|建成|制定)`, 'g') },
  // staff in every place: 配齐…儿童主任, 专人专岗
  { form: 'staffing', re: /配齐|专人专岗|专职专岗/g },
  // a body, team or fund set up by name: 成立养老服务发展指导中心, 组建…队伍, 设立…专岗
  { form: 'set_up', re: new RegExp(`(?:成立|组建|设立|下设)${GAP(20)}(?:${BODY})`, 'g') },
  // a document drawn up by name: 制定…办法, 修订《…》, 编制…规划
  { form: 'document', re: new RegExp(`(?:制定|修订|出台|编制|修编|颁布|印发|编纂|汇编|建立)${GAP(24)}(?:《|${DOCUMENT})`, 'g') },
  // a named project or platform built or put online: 建成“…平台”, 开发上线…平台
  { form: 'project', re: new RegExp(`(?:建成|上线|启用)${GAP(4)}[“《]|(?:建设|搭建|建立|开发|建成)${GAP(20)}(?:平台|数据库|信息库|资源库|名录库|人才库|专家库)`, 'g') },
  // done in full: 全面实现党建入章, 全面完成…, 基本建成
  { form: 'completion', re: /全面(?:实现|完成|建成|建立)|基本建成/g },
  // nothing left, nothing happens: 隐患整改及时动态清零, 不发生…事故
  { form: 'zero', re: /清零|零感染|零发生|不发生/g },
  // a service radius: 15分钟生活圈, 一刻钟服务圈, 半小时生活圈
  { form: 'radius', re: /\d+分钟|一刻钟|半小时/g },
  // one brand per place: 一村一品, 一镇一品, 一村（居）一品
  { form: 'one_each', re: /一[\u4e00-\u9fff（）()]{1,4}一品/g },
  // a rank kept: 保持…全省领先水平, 走在…前列, 位居…首位
  { form: 'rank', re: new RegExp(`(?:保持|位居|位列|走在|处于)${GAP(20)}(?:领先|前列|首位|第一|前十|前三)`, 'g') },
  // a per-capita or per-household figure: 每万名城镇常住人口…18人, 每百户…20平方米
  { form: 'per_capita', re: new RegExp(`每(?:十万|万|千|百)${GAP(20)}${NUM}`, 'g') },
  // a yearly amount: 每年…1000户, 年均培训2000名
  { form: 'yearly', re: new RegExp(`(?:每年|年均)${GAP(12)}${NUM}`, 'g') },
  // a count in words after a verb, or a numbered batch: 扶持十个…项目, 第三批…名录
  // (一批, a batch, says no number)
  { form: 'count_in_words', re: /(?:扶持|发展|培育|建成|新建|建设|打造|创建|公布|发布|评选|认定|命名|实施)(?!一批)第?[一二两三四五六七八九十百千]+(?:个|家|所|项|批|名|户|张|座|条)|第[一二三四五六七八九十]+批/g },
  // a dated completion within the plan: 到2022年底前…建成, 2021年底前，摸清…，确定… (a date governs its whole sentence)
  { form: 'dated', re: new RegExp(`202[1-5]年(?:底|末|前|内|上半年|下半年)*${SENTENCE_GAP(40)}(?<anchor>${DONE})`, 'g') },
  // dated by the plan's end: 到“十四五”末…保持, 十四五期间…全覆盖
  { form: 'dated', re: new RegExp(`十四五[”"]?(?:末|期末|期间)${SENTENCE_GAP(40)}(?<anchor>${DONE})`, 'g') },
  // a policy switch: 未成年人年龄从16周岁延长至18周岁 (an age here is the quantity committed to)
  { form: 'switch', re: /(?:延长|提高|扩大|调整)(?:至|到)\d+周?岁/g },
  // a facility to build, move or rebuild by name: 新建市救助管理站, 加快市社会福利服务中心迁建, 实施市殡仪馆改扩建
  { form: 'facility', re: new RegExp(`(?:新建|迁建|重建|改扩建|建设)${GAP(14)}(?:服务中心|管理站|殡仪馆|骨灰堂|骨灰楼|公墓|福利院|养老院|敬老院|康养中心|医养中心|孵化园|体验馆)|(?:服务中心|管理站|殡仪馆|骨灰堂|骨灰楼|福利院|体验馆|康养中心|医养中心)(?:（[^）]{1,6}）)?(?:建设|迁建|重建|改扩建|搬迁)`, 'g') },
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
/**
 * A candidate where it stands in the compact text: `start`–`end` is the
 * phrase; `anchor` is the part a quote must contain to account for it —
 * the phrase itself, or for a dated phrase (a date governs its sentence:
 * 2021年底前，摸清…，确定…标准) the verb that completes the commitment.
 */
type Located = Candidate & { readonly start: number; readonly end: number; readonly anchor: number };

export function findCandidates(sourceText: string): Located[] {
  const lines = sourceText.split(/\r?\n/);
  const { text, lineOf } = compact(lines);
  const found = new Map<number, Located>();
  for (const { form, re } of FORMS) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      const prev = found.get(start);
      if (prev && prev.end >= end) continue;
      if (form !== 'switch' && AGE.test(m[0])) continue;
      const line = lineOf[start] ?? 0;
      const printed = heading(lines[line] ?? '');
      if (printed !== undefined && SECTION_HEADING.test(printed)) continue;
      const verb = m.groups?.['anchor'];
      found.set(start, { line: line + 1, phrase: m[0].replace(/\n/g, ''), sentence: sentenceAround(text, start, end), form, start, end, anchor: verb === undefined ? start : end - verb.length });
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
 * covers a candidate when the candidate's phrase (for a dated one, from its
 * verb on) lies within one of the places the quote stands in the source
 * (whitespace ignored). A quote of
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
      const s = toFlat[c.anchor] ?? 0;
      const e = (toFlat[c.end - 1] ?? s) + 1;
      return !spans.some(([a, b]) => a <= s && e <= b);
    })
    .map(({ line, phrase, sentence, form }) => ({ line, phrase, sentence, form }));
}
