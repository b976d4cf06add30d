/**
 * Building the table from editions and amendments, on small made-up editions:
 * how an edition is read, what changes between editions, what amendments do,
 * and that a source contradicting itself fails the build. Then the packed
 * form, and the build's own output.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileTable, parseAmendmentsCsv, parseEditionCsv, type Amendment, type Edition } from '../../src/regions/compile.js';
import { loadRegionTable, REGION_TABLE_FILE } from '../../src/regions/load.js';
import { packTable, unpackTable } from '../../src/regions/packed.js';
import { RegionTable } from '../../src/regions/table.js';
import { compiledRegions } from '../helpers/regions.js';
import { thrown } from '../helpers/thrown.js';

function edition(year: number, lines: string): Edition {
  return parseEditionCsv(`code,name,list\n${lines.trim().replace(/^ +/gm, '')}\n`, `nbs-${year}`, year);
}

function amendments(lines: string): Amendment[] {
  return parseAmendmentsCsv(`date,amendment,code,name,parent,from,former_name,source\n${lines.trim().replace(/^ +/gm, '')}\n`);
}

const E2022 = edition(
  2022,
  `110000,北京市,provinces
   110100,市辖区,cities
   110101,东城区,areas
   320000,江苏省,provinces
   320500,苏州市,cities
   320505,虎丘区,areas
   320571,苏州工业园区,areas
   320581,常熟县,areas
   320599,旧区,areas
   420000,湖北省,provinces
   429000,省直辖县级行政区划,cities
   429004,仙桃市,areas
   440000,广东省,provinces
   441900,东莞市,cities
   441900,东莞市,areas
   620000,甘肃省,provinces
   620200,嘉峪关市,cities
   620201,嘉峪关市,areas`,
);
const E2023 = edition(
  2023,
  `110000,北京市,provinces
   110100,市辖区,cities
   110101,东城区,areas
   320000,江苏省,provinces
   320500,苏州市,cities
   320505,虎丘新区,areas
   320576,苏州工业园区,areas
   320581,常熟县,areas
   320598,新设区,areas
   420000,湖北省,provinces
   429000,省直辖县级行政区划,cities
   429004,仙桃市,areas
   440000,广东省,provinces
   441900,东莞市,cities
   441900,东莞市,areas
   620000,甘肃省,provinces
   620200,嘉峪关市,cities
   620201,嘉峪关市,areas`,
);

describe('reading an edition', () => {
  const t = new RegionTable(compileTable([E2023], []));

  it('placeholders are no regions, and what lies under them lies in the province', () => {
    expect(t.byCode('110100')).toBeUndefined();
    expect(t.byCode('429000')).toBeUndefined();
    expect(t.byCode('110101')).toMatchObject({ level: 'county', parent: '110000' });
    expect(t.byCode('429004')).toMatchObject({ level: 'county', parent: '420000' });
  });

  it('a county that is its prefecture is the prefecture, listed once', () => {
    expect(t.recordsOf('441900')).toEqual([expect.objectContaining({ name: '东莞市', level: 'prefecture', parent: '440000' })]);
  });

  it('a prefecture’s only county of the same name is a second code for it', () => {
    expect(t.lookup('620201').map((r) => r.code)).toEqual(['620200']);
    expect(t.lookup('嘉峪关市').map((r) => r.code)).toEqual(['620200']);
    expect(t.children('620200')).toEqual([]);
  });

  it('a code x71–x79 is a statistical unit, with no short names of its own', () => {
    expect(t.byCode('320576')).toMatchObject({ statistical: true, short: [] });
    expect(t.byCode('320505')?.statistical).toBeUndefined();
  });

  it('a table of one edition has no years of use', () => {
    expect(t.records.every((r) => r.validFrom === undefined && r.validTo === undefined)).toBe(true);
  });
});

describe('between editions', () => {
  const c = compileTable([E2023, E2022], []);
  const t = new RegionTable(c);

  it('a code kept with its name is one record, valid throughout', () => {
    expect(t.recordsOf('320581')).toEqual([expect.objectContaining({ name: '常熟县' })]);
    expect(t.byCode('320581')?.validFrom).toBeUndefined();
  });

  it('a name changed under a code: renamed, one record per name', () => {
    expect(t.recordsOf('320505').map((r) => [r.name, r.validFrom, r.validTo])).toEqual([
      ['虎丘新区', '2023', undefined],
      ['虎丘区', undefined, '2022'],
    ]);
    expect(t.changes('320505')).toEqual([{ date: '2023', kind: 'renamed', code: '320505', name: '虎丘新区', from: ['320505'], fromName: '虎丘区', source: expect.stringContaining('2023 edition') as unknown }]);
  });

  it('a code giving way to a new code of the same name under the same parent: recoded, each naming the other', () => {
    expect(t.byCode('320571')).toMatchObject({ validTo: '2022', successors: ['320576'] });
    expect(t.byCode('320576')).toMatchObject({ validFrom: '2023', predecessors: ['320571'] });
    expect(t.changes('320571').map((x) => x.kind)).toEqual(['recoded']);
  });

  it('a code that goes or comes: removed, listed', () => {
    expect(t.byCode('320599')).toMatchObject({ validTo: '2022' });
    expect(t.byCode('320599')?.successors).toBeUndefined();
    expect(t.byCode('320598')).toMatchObject({ validFrom: '2023' });
    expect(t.changes('320599').map((x) => x.kind)).toEqual(['removed']);
    expect(t.changes('320598').map((x) => x.kind)).toEqual(['listed']);
  });

  it('the editions are read in order of their years, whatever order they are given in', () => {
    expect(c.editions).toEqual(['nbs-2022', 'nbs-2023']);
  });
});

describe('amendments', () => {
  it('date a change to the day, replacing what the editions say of it', () => {
    const t = new RegionTable(
      compileTable(
        [E2022, E2023],
        amendments(`2023-03-01,replaced,320598,新设区,320500,320599,,某公告
                    2023-05-02,established,320576,苏州工业园区,320500,,,某公告`),
      ),
    );
    expect(t.byCode('320599')).toMatchObject({ validTo: '2023-03-01', successors: ['320598'] });
    expect(t.byCode('320598')).toMatchObject({ validFrom: '2023-03-01', predecessors: ['320599'] });
    expect(t.changes('320598')).toEqual([{ date: '2023-03-01', kind: 'replaced', code: '320598', name: '新设区', from: ['320599'], source: '某公告' }]);
    expect(t.byCode('320576')?.validFrom).toBe('2023-05-02');
    expect(t.lookup('旧区', { year: 2023 }).map((r) => r.code)).toEqual(['320599']);
    expect(t.lookup('旧区', { year: 2024 })).toEqual([]);
  });

  it('add a region after the last edition, and rename one', () => {
    const t = new RegionTable(
      compileTable(
        [E2022, E2023],
        amendments(`2024-12-27,established,320597,新县,320500,320581,,某公告
                    2024-06-01,renamed,320581,常熟市,,,常熟县,某公告`),
      ),
    );
    expect(t.byCode('320597')).toMatchObject({ name: '新县', parent: '320500', level: 'county', validFrom: '2024-12-27', source: 'amendment' });
    expect(t.lookup('常熟县', { year: 2024 }).map((r) => r.code)).toEqual(['320581']);
    expect(t.lookup('常熟县', { year: 2025 })).toEqual([]);
    expect(t.lookup('常熟市', { year: 2025 }).map((r) => r.code)).toEqual(['320581']);
    expect(t.lookup('常熟', { year: 2025 }).map((r) => r.name)).toEqual(['常熟市']);
    expect(t.changes('320581').map((x) => `${x.kind} ${x.fromName ?? ''}→${x.name}`)).toEqual(['renamed 常熟县→常熟市', 'established →新县']);
  });

  it('list a region the editions lack, and mark an edition’s unit statistical', () => {
    const t = new RegionTable(
      compileTable(
        [E2023],
        amendments(`,listed,810000,香港特别行政区,,,,GB/T 2260
                    ,statistical,320598,新设区,,,,统计用`),
      ),
    );
    expect(t.lookup('香港').map((r) => r.code)).toEqual(['810000']);
    expect(t.byCode('320598')?.statistical).toBe(true);
  });

  it.each([
    { name: 'a code in no edition as from', text: '2023-01-01,replaced,320598,新设区,320500,329999,,x', error: /329999 \(from\) is in no edition/ },
    { name: 'a parent not in the table', text: '2023-01-01,established,330101,某区,330100,,,x', error: /parent 330100 is not in the table/ },
    { name: 'a name the editions contradict', text: '2023-01-01,established,320598,另一区,320500,,,x', error: /320598 is 新设区 in the editions, not 另一区/ },
    { name: 'listing a code already there', text: ',listed,320505,虎丘新区,320500,,,x', error: /320505 is in the editions already/ },
    { name: 'a new county without a parent', text: '2024-01-01,established,320597,新县,,,,x', error: /a new county needs its parent/ },
    { name: 'renaming from a name never used', text: '2024-01-01,renamed,320581,常熟市,,,太仓县,x', error: /was never named 太仓县/ },
    { name: 'statistical for a code not there', text: ',statistical,320577,某园区,,,,x', error: /320577 某园区 is in no edition/ },
  ])('fail the build on $name', ({ text, error }) => {
    expect(() => compileTable([E2022, E2023], amendments(text))).toThrow(error);
  });

  it.each([
    { name: 'no source', text: '2023-01-01,established,320598,新设区,320500,,,', error: /every amendment names its source/ },
    { name: 'an unknown amendment', text: '2023-01-01,merged,320598,新设区,320500,,,x', error: /unknown amendment "merged"/ },
    { name: 'a change without a date', text: ',established,320598,新设区,320500,,,x', error: /a change needs its date/ },
    { name: 'a date not YYYY-MM-DD', text: '2023-1-1,established,320598,新设区,320500,,,x', error: /the date is not YYYY-MM-DD/ },
    { name: 'a replacement of nothing', text: '2023-01-01,replaced,320598,新设区,320500,,,x', error: /replaced what\?/ },
    { name: 'a rename without the former name', text: '2023-01-01,renamed,320581,常熟市,,,,x', error: /renamed from what\?/ },
  ])('refuse an amendments file with $name', ({ text, error }) => {
    expect(() => amendments(text)).toThrow(error);
  });

  it('refuse an edition that is not code,name,list', () => {
    expect(thrown(() => parseEditionCsv('code,name\n110000,北京市\n', 'nbs-2024', 2024))).toBeInstanceOf(Error);
    expect(() => parseEditionCsv('code,name,list\n11,北京市,provinces\n', 'nbs-2024', 2024)).toThrow(/nbs-2024:2: not a row/);
    expect(() => compileTable([edition(2024, '320500,苏州市,cities')], [])).toThrow(/lies in no province/);
  });
});

describe('the packed form', () => {
  it('unpacks to what was packed', () => {
    const c = compiledRegions();
    const again = unpackTable(packTable(c));
    expect(again).toEqual(c);
  });

  it('refuses a file that is not a region table', () => {
    expect(() => unpackTable('code,name\n')).toThrow(/not a region table/);
  });

  it('the build’s dist/regions.tsv is the table of data/regions as it is now (run `npm run build` after changing it)', () => {
    expect(existsSync(REGION_TABLE_FILE)).toBe(true);
    expect(readFileSync(REGION_TABLE_FILE, 'utf8')).toBe(packTable(compiledRegions()));
    const loaded = loadRegionTable();
    expect(loaded).toBe(loadRegionTable()); // read once
    expect(loaded.lookup('江苏省苏州市').map((r) => r.code)).toEqual(['320500']);
  });
});
