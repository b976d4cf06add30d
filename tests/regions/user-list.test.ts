import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DataError, formatDiagnostic } from '../../src/errors.js';
import { loadRegionList } from '../../src/regions/load.js';
import { applyRegionList, parseRegionList } from '../../src/regions/user-list.js';
import { bundledRegions } from '../helpers/regions.js';
import { thrown } from '../helpers/thrown.js';

const base = bundledRegions();
const FILE = 'regions.csv';

function apply(text: string): ReturnType<typeof applyRegionList> {
  return applyRegionList(base, parseRegionList(text, FILE), FILE);
}

/** Each error as `file:line: error: message`, in English or Chinese. */
function messages(text: string, lang: 'en' | 'zh' = 'en'): string[] {
  return apply(text).errors.map((d) => formatDiagnostic(d, lang));
}

describe('a region list extends the table', () => {
  it('a new county with its parent, found by its name, its short names and its code', () => {
    const { table, errors, warnings } = apply('code,name,parent,short\n320599,苏州高新区,320500,苏州高新;高新区\n');
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(table.byCode('320599')).toEqual({ code: '320599', name: '苏州高新区', level: 'county', parent: '320500', short: ['苏州高新', '高新区'], source: FILE });
    expect(table.lookup('苏州高新区').map((r) => r.code)).toEqual(['320599']);
    expect(table.lookup('高新区').map((r) => r.code)).toEqual(['320599']);
    expect(table.lookup('江苏省苏州市苏州高新区').map((r) => r.code)).toEqual(['320599']);
    expect(table.children('320500').map((r) => r.code)).toContain('320599');
    // the bundled table itself is unchanged
    expect(base.byCode('320599')).toBeUndefined();
  });

  it('a county without a parent lies in the prefecture its code names', () => {
    const { table, errors } = apply('code,name\n320599,苏州高新区\n');
    expect(errors).toEqual([]);
    expect(table.byCode('320599')?.parent).toBe('320500');
  });

  it('a county under a province-administered code lies in the province when its prefecture code is no region', () => {
    const { table, errors } = apply('code,name\n429099,某某市\n');
    expect(errors).toEqual([]);
    expect(table.byCode('429099')?.parent).toBe('420000');
  });

  it('a new prefecture and its counties in one list, in any order', () => {
    const { table, errors } = apply('code,name,parent\n329901,甲县,329900\n329900,乙市,320000\n');
    expect(errors).toEqual([]);
    expect(table.ancestors('329901').map((r) => r.code)).toEqual(['329900', '320000']);
  });

  it('Chinese headers, a BOM, GBK-style quoting, a tab-separated file and a list without a header', () => {
    for (const text of [
      '\ufeff代码,名称,上级,简称\n320599,苏州高新区,320500,苏州高新\n',
      '区划代码,地区名称,上级代码\n"320599","苏州高新区","320500"\n',
      'code\tname\tparent\n320599\t苏州高新区\t320500\n',
      '320599,苏州高新区,320500\n',
      '３２０５９９，苏州高新区，３２０５００\n'.replace(/，/g, ','),
    ]) {
      const { table, errors } = apply(text);
      expect(errors, text).toEqual([]);
      expect(table.byCode('320599')?.name, text).toBe('苏州高新区');
    }
  });

  it('blank lines and a quoted cell spanning lines keep the line numbers right', () => {
    const errs = messages('code,name,parent\n\n320599,"苏州\n高新区",320500\n32059,坏代码,320500\n');
    expect(errs).toEqual(['regions.csv:5: error: code "32059" is not 6 digits']);
  });
});

describe('a region list overrides the table', () => {
  it('a listed code replaces the bundled record: a province knows its own counties', () => {
    const { table, errors } = apply('code,name,parent,short\n320585,娄东市（筹）,320500,娄东\n');
    expect(errors).toEqual([]);
    expect(table.recordsOf('320585')).toHaveLength(1);
    // the name kept as written (full-width brackets and all); found however it is written
    expect(table.byCode('320585')).toMatchObject({ name: '娄东市（筹）', short: ['娄东'], source: FILE });
    expect(table.lookup('娄东市(筹)').map((r) => r.code)).toEqual(['320585']);
    expect(table.lookup('娄东').map((r) => r.code)).toEqual(['320585']);
    expect(table.lookup('太仓市')).toEqual([]);
  });

  it('a rename recorded as two rows of one code with their years', () => {
    const { table, errors } = apply('code,name,parent,valid_from,valid_to\n320585,太仓市,320500,,2025-03-01\n320585,娄东市,320500,2025-03-01,\n');
    expect(errors).toEqual([]);
    expect(table.lookup('太仓市', { year: 2024 }).map((r) => r.name)).toEqual(['太仓市']);
    expect(table.lookup('太仓市', { year: 2026 })).toEqual([]);
    expect(table.lookup('娄东市', { year: 2026 }).map((r) => r.code)).toEqual(['320585']);
    expect(table.byCode('320585')?.name).toBe('娄东市');
    expect(table.byCode('320585', 2024)?.name).toBe('太仓市');
  });

  it('counties keep their prefecture when the prefecture is overridden', () => {
    const { table, errors } = apply('code,name,parent\n320500,苏州市,320000\n');
    expect(errors).toEqual([]);
    expect(table.lookup('苏州市吴中区').map((r) => r.code)).toEqual(['320506']);
  });
});

describe('bad rows are named by file and line, in English and Chinese', () => {
  it.each([
    { name: 'a code of 5 digits', text: 'code,name,parent\n32058,太仓,320500\n', en: 'regions.csv:2: error: code "32058" is not 6 digits', zh: 'regions.csv:2: 错误: 代码 "32058" 不是 6 位数字' },
    { name: 'a 12-digit code', text: 'code,name,parent\n320585000000,太仓市,320500\n', en: 'regions.csv:2: error: code "320585000000" is not 6 digits: write 320585', zh: 'regions.csv:2: 错误: 代码 "320585000000" 不是 6 位数字：请写作 320585' },
    { name: 'a name for a code', text: 'code,name,parent\n太仓市,320585,320500\n', en: 'regions.csv:2: error: code "太仓市" is not 6 digits', zh: 'regions.csv:2: 错误: 代码 "太仓市" 不是 6 位数字' },
    { name: 'no code', text: 'code,name,parent\n,太仓市,320500\n', en: 'regions.csv:2: error: code "" is not 6 digits', zh: 'regions.csv:2: 错误: 代码 "" 不是 6 位数字' },
    { name: 'no name', text: 'code,name,parent\n320599,,320500\n', en: 'regions.csv:2: error: region 320599 has no name', zh: 'regions.csv:2: 错误: 地区 320599 没有名称' },
    {
      name: 'a parent that does not exist',
      text: 'code,name,parent\n320599,某区,329900\n',
      en: 'regions.csv:2: error: the parent of 320599 某区, 329900, is neither in the region table nor in this list',
      zh: 'regions.csv:2: 错误: 320599 某区 的上级 329900 既不在地区表中，也不在本表中',
    },
    {
      name: 'a parent that is not a code',
      text: 'code,name,parent\n320599,某区,苏州市\n',
      en: 'regions.csv:2: error: the parent of 320599 某区, "苏州市", is not a code of 6 digits',
      zh: 'regions.csv:2: 错误: 320599 某区 的上级 "苏州市" 不是 6 位数字代码',
    },
    {
      name: 'a duplicate code',
      text: 'code,name,parent\n320599,甲区,320500\n320598,乙区,320500\n320599,丙区,320500\n',
      en: 'regions.csv:4: error: code 320599 is listed twice: here (丙区) and on line 2 (甲区)',
      zh: 'regions.csv:4: 错误: 代码 320599 重复：此行（丙区）与第 2 行（甲区）',
    },
    {
      name: 'a duplicate code whose years overlap',
      text: 'code,name,parent,valid_from,valid_to\n320599,甲区,320500,,2024\n320599,乙区,320500,2023,\n',
      en: 'regions.csv:3: error: code 320599 is listed twice: here (乙区) and on line 2 (甲区)',
      zh: 'regions.csv:3: 错误: 代码 320599 重复：此行（乙区）与第 2 行（甲区）',
    },
    {
      name: 'a parent of the same level',
      text: 'code,name,parent\n320599,某区,320585\n',
      en: 'regions.csv:2: error: 320599 某区 is a county (by its code) and cannot lie in 320585, a county',
      zh: 'regions.csv:2: 错误: 320599 某区（按代码为县级）不能隶属于县级 320585',
    },
    {
      name: 'a province with a parent',
      text: 'code,name,parent\n990000,某省,320000\n',
      en: 'regions.csv:2: error: 990000 某省 is a province (its code ends in 0000) and lies in no other region, not in 320000',
      zh: 'regions.csv:2: 错误: 990000 某省 是省级（代码以 0000 结尾），不属于其他地区，不应有上级 320000',
    },
    {
      name: 'no parent, and none its code names',
      text: 'code,name\n999901,某县\n',
      en: 'regions.csv:2: error: 999901 某县 has no parent, and neither 999900 nor 990000 is in the region table or this list: give its parent',
      zh: 'regions.csv:2: 错误: 999901 某县 未写上级，而 999900 与 990000 均不在地区表或本表中：请写明上级',
    },
    {
      name: 'a date that is no date',
      text: 'code,name,parent,valid_from\n320599,某区,320500,2024年\n',
      en: 'regions.csv:2: error: 320599 某区: 2024年 is not a date (YYYY, YYYY-MM or YYYY-MM-DD)',
      zh: 'regions.csv:2: 错误: 320599 某区：2024年 不是日期（YYYY、YYYY-MM 或 YYYY-MM-DD）',
    },
    {
      name: 'a header without a code column',
      text: 'region,parent\n苏州高新区,320500\n',
      en: "regions.csv:1: error: the region list's header has no code or name column: expected code,name,parent[,short] (or 代码,名称,上级[,简称]); found region,parent",
      zh: 'regions.csv:1: 错误: 地区表的表头缺少 代码、名称 列：应为 代码,名称,上级[,简称]（或 code,name,parent[,short]）；实为 region,parent',
    },
  ])('$name', ({ text, en, zh }) => {
    expect(messages(text)).toEqual([en]);
    expect(messages(text, 'zh')).toEqual([zh]);
  });

  it('a quote left open is named at the row it opens on, and nothing is read past it', () => {
    const { errors, table } = apply('code,name,parent\n320599,苏州高新区,320500\n320598,"某区,320500\n320597,丁区,320500\n');
    expect(errors.map((e) => formatDiagnostic(e))).toEqual(['regions.csv:3: error: a quote (") opened in this row is not closed: the rows after it would be read as one cell']);
    expect(table.byCode('320599')).toBeUndefined();
    expect(apply('code,name,parent\n320599,"苏州"高新区,320500\n').errors.map((e) => `${e.line ?? ''} ${e.code}`)).toEqual(['2 REGION_LIST_QUOTES']);
  });

  it('every bad row is reported, not only the first, and the good rows are still read', () => {
    const { errors } = apply('code,name,parent\n32059,甲,320500\n320599,乙区,320500\n320598,,320500\n320597,丁区,999900\n');
    expect(errors.map((e) => e.line)).toEqual([2, 4, 5]);
  });

  it('warns of a parent whose code does not begin as the region’s, and of a column it does not read', () => {
    const { errors, warnings } = apply('code,name,parent,population\n320599,某区,330100,100\n');
    expect(errors).toEqual([]);
    expect(warnings.map((w) => formatDiagnostic(w))).toEqual([
      'regions.csv:1: warning: column population is not read (the columns read are code, name, parent, short, valid_from, valid_to)',
      "regions.csv:2: warning: 320599 某区 lies in 330100 by this list, but its code does not begin as 330100's: is one of them mistyped?",
    ]);
  });
});

describe('loadRegionList reads the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plancheck-regions-'));

  it('a GBK file, as Excel in China saves CSV', () => {
    const file = join(dir, 'gbk.csv');
    writeFileSync(file, iconv.encode('代码,名称,上级\r\n320599,苏州高新区,320500\r\n', 'gbk'));
    const { table } = loadRegionList(file, base);
    expect(table.lookup('苏州高新区').map((r) => r.code)).toEqual(['320599']);
  });

  it('bad rows throw one DataError listing them all, each at its file and line', () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'code,name,parent\n32059,甲,320500\n320599,乙区,999900\n');
    const e = thrown(() => loadRegionList(file, base));
    expect(e).toBeInstanceOf(DataError);
    expect((e as DataError).diagnostics.map((d) => `${d.file ?? ''}:${d.line ?? ''} ${d.code}`)).toEqual([`${file}:2 REGION_LIST_CODE`, `${file}:3 REGION_LIST_PARENT`]);
  });

  it('a file that does not exist', () => {
    const e = thrown(() => loadRegionList(join(dir, 'none.csv'), base));
    expect(e).toBeInstanceOf(DataError);
    expect((e as DataError).diagnostics[0]).toMatchObject({ code: 'REGION_LIST_READ', message: 'no such region list', zh: '找不到地区表文件' });
  });

  it('a binary file', () => {
    const file = join(dir, 'list.xlsx');
    writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    expect((thrown(() => loadRegionList(file, base)) as DataError).diagnostics[0]?.code).toBe('REGION_LIST_ENCODING');
  });
});
