/**
 * A plan document → a draft plan: the plan's title, region and period from
 * its head, each indicator table of this plan (the last plan's results
 * tables told apart and set aside), the body's commitments as unreviewed
 * `not_encoded` entries and the rules it states. Pure: the document is
 * read by document/read.ts.
 */
import type { DocTable, PlanDocument } from '../document/model.js';
import { draftBody } from './body.js';
import { normaliseName } from '../plan/names.js';
import { planLastYear } from './header.js';
import type { DraftMeasurement, DraftPlan, DraftReport, Guesses } from './model.js';
import { draftTable, isResultsTable, tableLayout } from './table.js';

export interface DraftOptions {
  /** the document's file name, as the plan's source.file */
  readonly sourceFile: string;
  /** the plan's id (lower-case ASCII); a guess from the file name otherwise */
  readonly id?: string;
  /** the region's GB/T 2260 code, which no plan document prints */
  readonly regionCode?: string;
}

const CAPTION = /(表|附件|附表|专栏)\s*(\d+)/;

function clean(text: string): string {
  return text.replace(/\[bookmark: [^\]]*\]/g, '').replace(/\[footnoteRef:\d+\]/g, '').replace(/\s+/g, ' ').trim();
}

/** The caption printed above a table (表2：…, 附件2, 专栏1 …), or its place among the tables. */
function captionOf(doc: PlanDocument, index: number, ordinal: number): string {
  for (let i = index - 1; i >= Math.max(0, index - 4); i--) {
    const b = doc.blocks[i];
    if (b?.kind !== 'paragraph') break;
    const m = CAPTION.exec(clean(b.text).slice(0, 12));
    if (m) return `${m[1] as string}${m[2] as string}`;
  }
  const t = doc.blocks[index];
  const first = t?.kind === 'table' ? clean(t.table.rows[0]?.[0]?.text ?? '') : '';
  const m = CAPTION.exec(first.slice(0, 12));
  return m ? `${m[1] as string}${m[2] as string}` : `第${ordinal}个表格`;
}

/** The region a title names: 苏州市“十四五”… → 苏州市; 楚雄州民政事业… → 楚雄州. */
function regionOf(texts: readonly string[]): string | undefined {
  for (const t of texts) {
    const m = /^([\u4e00-\u9fff]{2,8}?(?:自治州|自治县|地区|市|州|县|区|盟|旗))(?:民政|“|"|“十|十|人民政府|关于)/.exec(t);
    if (m) return m[1];
  }
  return undefined;
}

export function draftPlan(doc: PlanDocument, options: DraftOptions): DraftReport {
  const planGuess: Guesses = {};
  const paragraphs = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [clean(b.text)] : []));
  const head = paragraphs.slice(0, 12);
  const titled = head.find((p) => /规划/.test(p) && p.length <= 60 && !CAPTION.test(p.slice(0, 4)));
  const title = titled ?? paragraphs.find((p) => /规划/.test(p) && p.length <= 60) ?? options.sourceFile;
  if (titled === undefined) planGuess['title'] = 'the document opens with no title line: write the plan\'s title';
  // the plan's period: the plan named in the title (十四五, 十五五), else the years the tables target
  const tables: { index: number; table: DocTable; label: string }[] = [];
  let ordinal = 0;
  doc.blocks.forEach((b, index) => {
    if (b.kind === 'table') tables.push({ index, table: b.table, label: captionOf(doc, index, ++ordinal) });
  });
  const laid = tables.map((t) => ({ ...t, layout: tableLayout(t.table) }));
  const targetYears = laid.flatMap((t) => (t.layout && !isResultsTable(t.layout) ? t.layout.columns.filter((c) => c.role === 'target' && c.year !== undefined).map((c) => c.year as number) : []));
  const rangeInTitle = /(20\d\d)\s*[-–—~～至]\s*(20\d\d)/.exec(title);
  let lastYear = rangeInTitle ? Number(rangeInTitle[2]) : planLastYear(title) ?? planLastYear(paragraphs.slice(0, 40).join(''));
  if (lastYear === undefined) {
    lastYear = targetYears.length > 0 ? Math.max(...targetYears) : new Date().getFullYear();
    planGuess['period'] = targetYears.length > 0 ? `no plan is named in the title: the period is read from the tables' target years (last ${lastYear})` : 'no plan is named and no table targets a year: write the period';
  }
  const firstYear = lastYear - 4;
  // the tables of this plan: a target in its years; the last plan's results are set aside
  const report: DraftReport['tables'][number][] = [];
  const used = laid.filter((t) => {
    if (!t.layout) {
      if (t.table.rows.some((r) => r.length > 1)) report.push({ label: t.label, line: t.table.line, used: false, why: 'no header of an indicator table (指标名称 and a target or baseline column)' });
      return false;
    }
    if (isResultsTable(t.layout)) {
      report.push({ label: t.label, line: t.table.line, used: false, why: 'the last plan\'s results (完成情况): not this plan\'s targets' });
      return false;
    }
    const years = t.layout.columns.filter((c) => c.role === 'target' && c.year !== undefined).map((c) => c.year as number);
    if (years.length > 0 && Math.max(...years) < firstYear) {
      report.push({ label: t.label, line: t.table.line, used: false, why: `targets for ${Math.max(...years)}, before this plan's years ${firstYear}–${lastYear}` });
      return false;
    }
    report.push({ label: t.label, line: t.table.line, used: true, why: 'indicators' });
    return true;
  });
  const baselineYears = used.flatMap((t) => t.layout?.columns.filter((c) => c.role === 'baseline' && c.year !== undefined).map((c) => c.year as number) ?? []);
  const baselineYear = baselineYears.length > 0 ? (baselineYears.sort((a, b) => baselineYears.filter((y) => y === b).length - baselineYears.filter((y) => y === a).length)[0] as number) : firstYear - 1;
  const measurements = new Map<string, DraftMeasurement>();
  const indicators: DraftPlan['indicators'] = [];
  const rules: DraftPlan['rules'] = [];
  used.forEach((t, k) => {
    if (!t.layout) return;
    const drafted = draftTable(t.table, t.layout, { label: t.label, baselineYear, lastYear, prefix: k === 0 ? 'indicator' : `table${k + 1}`, measurements });
    indicators.push(...drafted.indicators);
    rules.push(...drafted.rules);
  });
  const covered = [...indicators.flatMap((i) => (i.source ? [i.source.text] : [])), ...rules.map((r) => r.source.text)];
  // a rule of the text over a measurement the table has (低保标准) reads the indicator
  const declared = new Set(measurements.values());
  for (const i of indicators) {
    const key = normaliseName(i.name);
    if (!measurements.has(key)) measurements.set(key, i);
  }
  const body = draftBody(doc.text, covered, { firstYear, lastYear }, measurements);
  const added = [...measurements.values()].filter((m) => m.id.startsWith('measure_'));
  for (const m of added) declared.add(m);
  rules.push(...body.rules);
  const regionName = regionOf([title, ...paragraphs.slice(0, 80)]);
  if (options.regionCode === undefined) planGuess['region'] = `${regionName === undefined ? 'no region is named in the title; ' : ''}the region's GB/T 2260 code is not in the document: write it (draft --region CODE does)`;
  const id = options.id ?? 'draft';
  if (options.id === undefined) planGuess['id'] = 'write the plan\'s id (lower-case ASCII, e.g. wuxi): the name of the output file does it (draft -o wuxi.yaml)';
  const plan: DraftPlan = {
    id,
    title,
    region: { code: options.regionCode ?? '000000', name: regionName ?? '（地区）' },
    period: { baseline_year: Math.min(baselineYear, firstYear - 1), first_year: firstYear, last_year: lastYear },
    source: { file: options.sourceFile, title },
    ...(Object.keys(planGuess).length > 0 ? { guess: planGuess } : {}),
    measurements: [...declared].filter((m, k, all) => all.findIndex((x) => x.id === m.id) === k),
    indicators,
    rules,
    not_encoded: body.notEncoded,
  };
  return { plan, tables: report };
}
