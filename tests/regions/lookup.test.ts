import { describe, expect, it } from 'vitest';
import { bundledRegions } from '../helpers/regions.js';

const table = bundledRegions();
const codes = (written: string, options?: { within?: string; year?: number }): string[] => table.lookup(written, options).map((r) => r.code);

describe('a written code', () => {
  it.each([
    { name: '6 digits', written: '320505', want: ['320505'] },
    { name: '9 digits extending a county code with zeros', written: '320505000', want: ['320505'] },
    { name: '12 digits extending a county code with zeros', written: '320505000000', want: ['320505'] },
    { name: '12 digits of a prefecture', written: '320500000000', want: ['320500'] },
    { name: 'a 2-digit province prefix', written: '32', want: ['320000'] },
    { name: 'a 4-digit prefecture prefix', written: '3205', want: ['320500'] },
    { name: 'with spaces inside', written: '320 505', want: ['320505'] },
    { name: 'full-width digits', written: '３２０５０５', want: ['320505'] },
    { name: 'with an ideographic space after it', written: '320505　', want: ['320505'] },
    { name: 'a prefecture with no counties listed once (东莞市 is its own county in the edition)', written: '441900', want: ['441900'] },
    { name: 'the second code of a prefecture (嘉峪关市 620201 in 统计用区划代码)', written: '620201', want: ['620200'] },
    { name: 'a province-administered county-level city', written: '429004', want: ['429004'] },
    { name: 'a township code is no region of the table', written: '320505001000', want: [] },
    { name: '9 digits that do not end in zeros', written: '320505001', want: [] },
    { name: 'a 市辖区 placeholder is no region (1101)', written: '1101', want: [] },
    { name: 'a 市辖区 placeholder is no region (110100)', written: '110100', want: [] },
    { name: 'a 县 placeholder is no region (500200)', written: '500200', want: [] },
    { name: 'a 省直辖县级行政区划 placeholder is no region', written: '429000', want: [] },
    { name: 'a code no region has', written: '329999', want: [] },
    { name: '5 digits', written: '32050', want: [] },
    { name: 'a code and its name together', written: '320506吴中区', want: ['320506'] },
    { name: 'a name and its code together', written: '吴中区 320506', want: ['320506'] },
    { name: 'a code and a name that disagree: never guessed', written: '320506太仓市', want: [] },
  ])('$name: $written', ({ written, want }) => {
    expect(codes(written)).toEqual(want);
  });

  it('each form of a code finds the same record', () => {
    const r = table.byCode('320505');
    for (const form of ['320505000', '320505000000', ' 320505 ', '３２０５０５']) expect(table.byCode(form)).toBe(r);
    expect(table.byCode('3205')?.name).toBe('苏州市');
    expect(table.byCode('110100')).toBeUndefined();
  });
});

describe('a written name', () => {
  it.each([
    { name: 'a full name', written: '苏州市', want: ['320500'] },
    { name: 'a short name', written: '苏州', want: ['320500'] },
    { name: 'an autonomous prefecture by its full name', written: '楚雄彝族自治州', want: ['532300'] },
    { name: 'an autonomous prefecture as 楚雄州', written: '楚雄州', want: ['532300'] },
    { name: 'an autonomous prefecture as 楚雄 (also 楚雄市: the prefecture first)', written: '楚雄', want: ['532300', '532301'] },
    { name: '恩施州', written: '恩施州', want: ['422800'] },
    { name: '恩施 (the prefecture first, then 恩施市)', written: '恩施', want: ['422800', '422801'] },
    { name: '恩施自治州', written: '恩施自治州', want: ['422800'] },
    { name: 'an autonomous region as 新疆', written: '新疆', want: ['650000'] },
    { name: 'an autonomous region by its full name', written: '新疆维吾尔自治区', want: ['650000'] },
    { name: '内蒙古 (内 alone is no name)', written: '内蒙古', want: ['150000'] },
    { name: '广西', written: '广西', want: ['450000'] },
    { name: 'a municipality as 北京', written: '北京', want: ['110000'] },
    { name: 'an autonomous county as 长阳县', written: '长阳县', want: ['420528'] },
    { name: 'an autonomous county as 长阳自治县', written: '长阳自治县', want: ['420528'] },
    { name: '东乡族自治县 as 东乡县 (the people is the place)', written: '东乡县', want: ['622926'] },
    { name: 'a banner as 鄂温克旗', written: '鄂温克旗', want: ['150724'] },
    { name: 'a 地区 by its stem', written: '阿里', want: ['542500'] },
    { name: 'a 盟 by its stem', written: '锡林郭勒', want: ['152500'] },
    { name: '神农架林区 as 神农架', written: '神农架', want: ['429021'] },
    { name: '六枝特区 as 六枝', written: '六枝', want: ['520203'] },
    { name: '浦东新区 as 浦东', written: '浦东', want: ['310115'] },
    { name: 'a county-level city as its stem', written: '太仓', want: ['320585'] },
    { name: 'a district as its stem', written: '吴中', want: ['320506'] },
    { name: 'a one-character stem is no name (城区 has only its full name)', written: '城', want: [] },
    { name: 'a prefecture-level city without counties', written: '中山市', want: ['442000'] },
    { name: '中山 (the city first, then 大连市中山区)', written: '中山', want: ['442000', '210202'] },
    { name: 'a Hong Kong SAR from GB/T 2260', written: '香港', want: ['810000'] },
    { name: 'no such region', written: '火星市', want: [] },
    { name: 'part of a name', written: '苏州工业', want: [] },
    { name: 'empty', written: '', want: [] },
    { name: 'spaces only', written: ' 　 ', want: [] },
  ])('$name: $written', ({ written, want }) => {
    expect(codes(written)).toEqual(want);
  });
});

describe('a name with its province and city before it', () => {
  it.each([
    { written: '江苏省苏州市', want: ['320500'] },
    { written: '广东省中山市', want: ['442000'] },
    { written: '云南省楚雄彝族自治州楚雄市', want: ['532301'] },
    { written: '云南省楚雄彝族自治州', want: ['532300'] },
    { written: '云南楚雄州楚雄市', want: ['532301'] },
    { written: '苏州市吴中区', want: ['320506'] },
    { written: '江苏省苏州市吴中区', want: ['320506'] },
    { written: '江苏苏州', want: ['320500'] },
    { written: '江苏省太仓市', want: ['320585'] },
    { written: '北京市朝阳区', want: ['110105'] },
    { written: '北京市市辖区东城区', want: ['110101'] },
    { written: '吉林省长春市朝阳区', want: ['220104'] },
    { written: '长春朝阳', want: ['220104'] },
    { written: '吉林市船营区', want: ['220204'] },
    { written: '湖北省仙桃市', want: ['429004'] },
    { written: '新疆维吾尔自治区伊犁哈萨克自治州', want: ['654000'] },
    { written: '江苏省 苏州市', want: ['320500'] },
    { written: '江苏省/苏州市', want: ['320500'] },
    { written: '江苏省-苏州市-吴中区', want: ['320506'] },
    { written: '江苏省朝阳区', want: [] },
    { written: '苏州市朝阳区', want: [] },
    { written: '苏州市苏州市', want: [] },
    { written: '广东省苏州市', want: [] },
  ])('$written', ({ written, want }) => {
    expect(codes(written)).toEqual(want);
  });

  it('is matched as a path, after names that match whole', () => {
    expect(table.match('江苏省苏州市')[0]?.by).toBe('path');
    expect(table.match('苏州市')[0]?.by).toBe('name');
    expect(table.match('苏州')[0]?.by).toBe('short');
    expect(table.match('3205')[0]?.by).toBe('code');
  });
});

describe('full-width characters and spaces', () => {
  it.each([' 苏州市 ', '苏州市　', '　苏州市', '苏 州 市', '苏州市\t', '苏州市\u00a0', '\ufeff苏州市', '苏州市\u200b', '苏州 '])('%j is 苏州市', (written) => {
    expect(codes(written)).toEqual(['320500']);
  });

  it('full-width brackets around a qualifier', () => {
    expect(codes('朝阳区（北京市）')).toEqual(['110105']);
    expect(codes('朝阳区(长春)')).toEqual(['220104']);
    expect(codes('朝阳区（苏州）')).toEqual([]);
  });
});

describe('ambiguous names give every candidate; within narrows them', () => {
  it.each([
    { written: '朝阳区', within: undefined, want: ['110105', '220104'] },
    { written: '朝阳区', within: '110000', want: ['110105'] },
    { written: '朝阳区', within: '22', want: ['220104'] },
    { written: '朝阳区', within: '2201', want: ['220104'] },
    { written: '朝阳区', within: '320000', want: [] },
    { written: '朝阳', within: undefined, want: ['211300', '110105', '211321', '220104'] },
    { written: '朝阳', within: '21', want: ['211300', '211321'] },
    { written: '鼓楼区', within: undefined, want: ['320106', '320302', '350102', '410204'] },
    { written: '鼓楼区', within: '320100', want: ['320106'] },
    { written: '通州区', within: undefined, want: ['110112', '320612'] },
    { written: '吉林', within: undefined, want: ['220000', '220200'] },
    { written: '吉林', within: '220200', want: ['220200'] },
    { written: '和田', within: undefined, want: ['653200', '653201', '653221'] },
    { written: '海南', within: undefined, want: ['460000', '632500', '150303'] },
    { written: '海南', within: '46', want: ['460000'] },
    { written: '苏州', within: '320000', want: ['320500'] },
    { written: '苏州', within: '330000', want: [] },
    { written: '苏州', within: 'not a code', want: [] },
  ])('$written within $within', ({ written, within, want }) => {
    expect(codes(written, within === undefined ? {} : { within })).toEqual(want);
  });

  it('within a region includes the region itself', () => {
    expect(codes('江苏', { within: '320000' })).toEqual(['320000']);
  });
});

describe('市辖区 and other placeholders are not regions', () => {
  it('no record is a placeholder', () => {
    const placeholders = table.records.filter((r) => ['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'].includes(r.name));
    expect(placeholders).toEqual([]);
    expect(codes('市辖区')).toEqual([]);
  });

  it('a municipality’s districts lie in the municipality, a province-administered city in the province', () => {
    expect(table.byCode('110101')?.parent).toBe('110000');
    expect(table.byCode('500229')?.parent).toBe('500000');
    expect(table.byCode('429004')?.parent).toBe('420000');
    expect(table.byCode('659001')?.parent).toBe('650000');
    expect(table.byCode('320506')?.parent).toBe('320500');
  });
});

describe('children and ancestors', () => {
  it('the 21 prefecture-level cities of Guangdong', () => {
    const cities = table.children('440000', 'prefecture');
    expect(cities).toHaveLength(21);
    expect(cities.map((r) => r.name)).toContain('中山市');
    expect(cities.map((r) => r.name)).toContain('东莞市');
  });

  it('the county-level regions of Jiangsu, through its prefectures, without its 开发区 unless asked', () => {
    const counties = table.children('320000', 'county');
    expect(counties).toHaveLength(95);
    expect(counties.some((r) => r.statistical === true)).toBe(false);
    const withStatistical = table.children('320000', 'county', { statistical: true });
    expect(withStatistical.map((r) => r.code)).toContain('320576');
    expect(withStatistical.length).toBeGreaterThan(95);
  });

  it('direct children of Hubei: 13 prefecture-level regions and 4 province-administered county-level ones', () => {
    const kids = table.children('420000');
    expect(kids.filter((r) => r.level === 'prefecture')).toHaveLength(13);
    expect(kids.filter((r) => r.level === 'county').map((r) => r.name)).toEqual(['仙桃市', '潜江市', '天门市', '神农架林区']);
  });

  it('Beijing’s districts are its direct children', () => {
    expect(table.children('110000')).toHaveLength(16);
    expect(table.children('110000', 'county')).toHaveLength(16);
  });

  it('the children of a year', () => {
    const in2022 = table.children('540400', 'county', { year: 2022 }).map((r) => r.name);
    const in2024 = table.children('540400', 'county', { year: 2024 }).map((r) => r.name);
    expect(in2022).toContain('米林县');
    expect(in2022).not.toContain('米林市');
    expect(in2024).toContain('米林市');
    expect(in2024).not.toContain('米林县');
    expect(table.children('653200', 'county').map((r) => r.name)).toEqual(expect.arrayContaining(['和康县', '和安县']));
    expect(table.children('653200', 'county', { year: 2023 }).map((r) => r.name)).not.toContain('和康县');
  });

  it('ancestors, nearest first', () => {
    expect(table.ancestors('320506').map((r) => r.code)).toEqual(['320500', '320000']);
    expect(table.ancestors('532301').map((r) => r.name)).toEqual(['楚雄彝族自治州', '云南省']);
    expect(table.ancestors('429004').map((r) => r.code)).toEqual(['420000']);
    expect(table.ancestors('110105').map((r) => r.code)).toEqual(['110000']);
    expect(table.ancestors('320000')).toEqual([]);
    expect(table.ancestors('999999')).toEqual([]);
  });
});

describe('the whole country', () => {
  it('34 provinces, 333 prefectures and 2,846 counties in use, as the 民政部 lists them at the end of 2024', () => {
    const inUse = table.records.filter((r) => r.validTo === undefined && r.statistical !== true);
    expect(inUse.filter((r) => r.level === 'province')).toHaveLength(34);
    expect(inUse.filter((r) => r.level === 'prefecture')).toHaveLength(333);
    expect(inUse.filter((r) => r.level === 'county')).toHaveLength(2846);
  });

  it('every record but a province has a parent of a higher level, and one name in use per code', () => {
    const rank = { province: 0, prefecture: 1, county: 2 } as const;
    for (const r of table.records) {
      if (r.level === 'province') {
        expect(r.parent).toBeUndefined();
        continue;
      }
      const p = table.byCode(r.parent ?? '');
      expect(p, `${r.code} ${r.name}`).toBeDefined();
      expect(rank[p?.level ?? 'county']).toBeLessThan(rank[r.level]);
    }
    const inUse = new Map<string, number>();
    for (const r of table.records) if (r.validTo === undefined) inUse.set(r.code, (inUse.get(r.code) ?? 0) + 1);
    expect([...inUse].filter(([, n]) => n > 1)).toEqual([]);
  });

  it('every full name, in use or not, finds its region', () => {
    for (const r of table.records) {
      const found = table.lookup(r.name).map((x) => x.code);
      expect(found, r.name).toContain(r.code);
    }
  });
});
