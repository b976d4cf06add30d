/**
 * The pieces of `draft`, table-driven: value cells as the plans print them,
 * header words, units and directions, the text layouts of tables (tabs, one
 * cell a line, a row cut by a stray blank line), a web page's encoding,
 * Chinese text in a PDF font without a Unicode map (the CMaps PDF.js ships),
 * and what is refused (an old .doc, a scanned PDF).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { tableGrid } from '../../src/document/model.js';
import { documentKind } from '../../src/document/read.js';
import { pageEncoding, readHtml } from '../../src/document/read-html.js';
import { readPdf } from '../../src/document/read-pdf.js';
import { readTxt } from '../../src/document/read-txt.js';
import { readCell } from '../../src/draft/cell.js';
import { readColumn } from '../../src/draft/header.js';
import { inferAttribute, inferDirection, inferUnit } from '../../src/draft/infer.js';
import type { DraftMeasurement } from '../../src/draft/model.js';
import { readRuleWords } from '../../src/draft/rules.js';
import { DataError } from '../../src/errors.js';
import { ROOT } from '../helpers/run-cli.js';
import { thrown } from '../helpers/thrown.js';
import { cidFontPdf, scannedPdf } from '../helpers/tiny-pdf.js';

const show = (text: string): string =>
  readCell(text)
    .parts.map((p) => (p.kind === 'number' ? `${p.op ?? ''}${p.value.toString()}${p.unit ?? ''}${p.label ? `@${p.label}` : ''}${p.cumulative ? '+' : ''}` : p.kind === 'range' ? `${p.low.toString()}..${p.high.toString()}${p.unit ?? ''}` : p.kind === 'boolean' ? String(p.value) : `${p.kind}:${p.text}`))
    .join(' | ');

describe('value cells', () => {
  it.each([
    ['90以上', '>=90'],
    ['≥2.6', '>=2.6'],
    ['＞80', '>80'],
    ['不低于90', '>=90'],
    ['35以下', '<=35'],
    ['30-40', '30..40'],
    ['30%–40%', '30..40%'],
    ['—', 'absent:—'],
    ['/', 'absent:/'],
    ['60%', '60%'],
    ['1200人', '1200人'],
    ['＞30平方米', '>30平方米'],
    ['1.3倍', '1.3倍'],
    ['98、95', '98 | 95'],
    ['98\n95', '98 | 95'],
    ['100、≥30', '100 | >=30'],
    ['城镇1.82%', '1.82%@城镇'],
    ['50000（累计）', '50000+'],
    ['9家，完成全覆盖', 'text:9家，完成全覆盖'],
    ['不低于居民上年度人均消费支出增速', 'text:不低于居民上年度人均消费支出增速'],
    ['已实现', 'true'],
  ])('%s', (cell, reading) => expect(show(cell)).toBe(reading));
});

describe('header words', () => {
  it.each([
    ['2020年\n基准值', 'baseline', 2020],
    ['2025年基数', 'baseline', 2025],
    ['2020期初值', 'baseline', 2020],
    ['2020年末现状', 'baseline', 2020],
    ['2020年中山\n实际值', 'baseline', 2020],
    ['2027年中期目标', 'target', 2027],
    ['2030年目标值', 'target', 2030],
    ['2025年末指标', 'target', 2025],
    ['2025年省\n目标值', 'reference', 2025],
    ['年均增速', 'growth', undefined],
    ['指标\n属性', 'attribute', undefined],
    ['“十三五”末实现情况', 'result', 2020],
    ['实际完成情况', 'result', undefined],
    ['标名称', 'name', undefined],
    ['单位', 'unit', undefined],
  ])('%s → %s %s', (text, role, year) => {
    const c = readColumn(text);
    expect(c.role).toBe(role);
    expect(c.year).toBe(year);
  });
});

describe('units, directions, attributes', () => {
  const r = (t: string) => readCell(t).parts[0] as NonNullable<ReturnType<typeof readCell>['parts'][0]>;
  it.each([
    ['护理型床位占比', '%', [], '%', undefined],
    ['特困人员基本生活供养标准', '元/人年', [], '元/人·年', undefined],
    ['每百户居民拥有的城乡社区综合服务设施面积', '平方米', [], '平方米/百户', '平方米'],
    ['每万名城镇常住人口拥有社区工作者', '人', [], '人/万人', '人'],
    ['社会组织专职工作人员数量', undefined, ['1200人', '1450人'], '人', undefined],
    ['福彩5年销售总量（亿元）', undefined, ['7.22'], '亿元', undefined],
  ])('%s (%s)', (name, cell, values, unit, printed) => {
    const u = inferUnit(name, cell, values.map(r));
    expect(u?.unit).toBe(unit);
    expect(u?.printedUnit).toBe(printed);
  });
  it('a unit read from the name alone is a guess', () => {
    const u = inferUnit('全市持证社会工作专业人才数', '', [r('1000')]);
    expect(u?.unit).toBe('人');
    expect(u?.guess).toMatch(/no unit is printed/);
  });
  it.each([
    ['a printed bound settles it', '任意指标', '%', '70', ['≥75'], 'higher', false],
    ['a bound down', '空置率', '%', '10', ['≤5'], 'lower', false],
    ['a share reaching 100%', '覆盖率', '%', '—', ['100'], 'higher', false],
    ['name and figures agree', '节地生态安葬率', '%', '92', ['92.4'], 'higher', false],
    ['name and figures disagree: a guess', '节地生态安葬率', '%', '70', ['60'], 'higher', true],
    ['a name that says lower', '事故发生率', '‰', '3', ['2'], 'lower', false],
    ['nothing says: a guess', '某某', '个', '—', ['10'], 'higher', true],
  ])('%s', (_, name, unit, base, targets, direction, guessed) => {
    const d = inferDirection({ name, unit, baseline: r(base), targets: targets.map(r) });
    expect(d.value).toBe(direction);
    expect(d.guess !== undefined).toBe(guessed);
  });
  it.each([
    ['约束性', 'binding', false],
    ['预期性', 'expected', false],
    ['期性', 'expected', true],
    ['', 'unspecified', true],
  ])('属性 %s', (cell, value, guessed) => {
    const a = inferAttribute(cell);
    expect(a?.value).toBe(value);
    expect(a?.guess !== undefined).toBe(guessed);
  });
});

describe('rules read from words', () => {
  it.each([
    ['特困供养标准为低保标准的1.6倍', '元/人·年', 's == 1.6 * measure_01', '元/人·年'],
    ['不低于上年度全体居民人均消费支出的30%', '元/人·月', 's >= 30% * measure_01[-1]', '元/人·年'],
    ['不低于居民上年度人均消费支出增速', '%', 's >= measure_01[-1]', '%'],
  ])('%s', (words, subjectUnit, expression, unit) => {
    const m = new Map<string, DraftMeasurement>();
    const r = readRuleWords(words, { id: 's', name: 'S', unit: subjectUnit }, m);
    expect(r?.rule.expression).toBe(expression);
    expect([...m.values()][0]?.unit).toBe(unit);
    expect(r?.rule.guess?.['expression']).toBeDefined();
  });
  it('words that say no rule', () => expect(readRuleWords('参照低保标准调整幅度调增', { id: 's', name: 'S', unit: '%' }, new Map())).toBeUndefined());
  it('two amounts of different kinds make no rule (元 against a growth rate)', () => expect(readRuleWords('不低于居民上年度人均消费支出增速', { id: 's', name: 'S', unit: '元/人·年' }, new Map())).toBeUndefined());
});

describe('tables in text', () => {
  it('the tab layout: a cell a line, continued lines, a blank line between rows, a row a stray blank line cut', () => {
    const doc = readTxt('标题\n\t序号\n\t指标名称\n\t2020年\n基准值\n\t属性\n\n\t1\n\t覆盖率\n\t50\n\n\t约束性\n\n\n注：说明\n');
    const t = doc.blocks.find((b) => b.kind === 'table');
    expect(t?.kind === 'table' && t.table.rows.map((r) => r.map((c) => c.text))).toEqual([['序号', '指标名称', '2020年\n基准值', '属性'], ['1', '覆盖率', '50', '约束性']]);
    expect(doc.blocks.at(-1)).toMatchObject({ kind: 'paragraph', text: '注：说明', line: 15 });
  });
  it('one cell a line (宿迁): rows by their numbers, the 类别 before a number, a lost unit', () => {
    const doc = readTxt(readFileSync(join(ROOT, 'sources/suqian-14th.txt'), 'utf8'));
    const t = doc.blocks.find((b) => b.kind === 'table');
    const rows = t?.kind === 'table' ? t.table.rows.map((r) => r.map((c) => c.text)) : [];
    expect(rows).toHaveLength(21);
    expect(rows[4]).toEqual(['养老', '4', '护理型床位占养老机构床位比例', '%', '60', '70', '约束性']);
    expect(rows[6]).toEqual(['', '6', '(涉农区农村标准化区域性养老服务中心数量', '', '3', '25', '约束性']);
    expect(rows[11]?.[0]).toBe('社会力量参与');
  });
  it('merged cells fill the grid', () => {
    const grid = tableGrid({ line: 1, rows: [[{ text: 'a', rowSpan: 2 }, { text: 'b', colSpan: 2 }], [{ text: 'c' }, { text: 'd' }]] });
    expect(grid.map((r) => r.map((g) => `${g.text}${g.covered ? '*' : ''}`))).toEqual([['a', 'b', 'b*'], ['a*', 'c', 'd']]);
  });
});

describe('web pages', () => {
  const page = (charset: string, body: string): string => `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"></head><body>${body}</body></html>`;
  const table = '<p>表2：主要指标</p><table><tr><td>序号</td><td rowspan="2">类别</td><td>指标名称<br>（单位）</td></tr><tr><td>1</td><td>护理型\n床位占比</td></tr></table>';
  it.each([
    ['GB2312 declared', iconv.encode(page('gb2312', table), 'gb2312'), 'gb18030'],
    ['GBK without a declaration', iconv.encode(`<html><body>${table}</body></html>`, 'gbk'), 'gb18030'],
    ['UTF-8 declared', Buffer.from(page('utf-8', table)), 'utf-8'],
  ])('%s', (_, bytes, encoding) => {
    expect(pageEncoding(bytes)).toBe(encoding);
    const doc = readHtml(bytes);
    const t = doc.blocks.find((b) => b.kind === 'table');
    expect(t?.kind === 'table' && t.table.rows.map((r) => r.map((c) => `${c.text}${c.rowSpan ? `↓${c.rowSpan}` : ''}`))).toEqual([['序号', '类别↓2', '指标名称\n（单位）'], ['1', '护理型床位占比']]);
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph', text: '表2：主要指标' });
  });
});

describe('PDFs', () => {
  it('Chinese in a font that is not embedded and has no Unicode map is read with the CMaps PDF.js ships', async () => {
    const doc = await readPdf(cidFontPdf(['苏州市“十五五”民政事业发展规划', '低保标准不低于上年度全体居民人均消费支出的30%']), 'cid.pdf');
    expect(doc.text).toContain('苏州市“十五五”民政事业发展规划');
    expect(doc.text).toContain('低保标准不低于上年度全体居民人均消费支出的30%');
  });
  it('a scanned PDF is refused with what to do', async () => {
    const e = await readPdf(scannedPdf(), 'scan.pdf').then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(DataError);
    const d = (e as DataError).diagnostics[0];
    expect(d).toMatchObject({ code: 'DOCUMENT', file: 'scan.pdf' });
    expect(d?.message).toMatch(/scanned PDF.*OCR/);
    expect(d?.zh).toMatch(/扫描版 PDF/);
  });
});

describe('what is refused', () => {
  const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
  it.each([
    ['规划.doc', ole],
    ['规划.docx', ole],
    ['规划.wps', new Uint8Array([1, 2, 3])],
  ])('%s: save it as .docx, in both languages', (file, bytes) => {
    const e = thrown(() => documentKind(file, bytes));
    expect(e).toBeInstanceOf(DataError);
    const d = (e as DataError).diagnostics[0];
    expect(d?.code).toBe('DOCUMENT_FORMAT');
    expect(d?.message).toMatch(/save it as \.docx/);
    expect(d?.zh).toMatch(/另存为 \.docx/);
  });
});
