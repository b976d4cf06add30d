/**
 * The 2023–2024 changes at county level and above: a retired code or an old
 * name still resolves for data of its years, and the change is recorded.
 */
import { describe, expect, it } from 'vitest';
import { bundledRegions } from '../helpers/regions.js';

const table = bundledRegions();
const codes = (written: string, year?: number): string[] => table.lookup(written, year === undefined ? {} : { year }).map((r) => r.code);

describe('the 2023–2024 changes resolve for data of their years', () => {
  it.each([
    // 西藏: 撤销米林县设立县级米林市, 撤销错那县设立县级错那市 (2023-04-03)
    { written: '米林县', year: 2022, want: ['540422'] },
    { written: '米林县', year: 2023, want: ['540422'] },
    { written: '米林县', year: 2024, want: [] },
    { written: '540422', year: 2023, want: ['540422'] },
    { written: '540422', year: 2024, want: [] },
    { written: '米林市', year: 2022, want: [] },
    { written: '米林市', year: 2023, want: ['540481'] },
    { written: '米林市', year: 2024, want: ['540481'] },
    { written: '米林', year: 2022, want: ['540422'] },
    { written: '米林', year: 2023, want: ['540481', '540422'] },
    { written: '米林', year: 2024, want: ['540481'] },
    { written: '错那县', year: 2023, want: ['540530'] },
    { written: '错那市', year: 2024, want: ['540581'] },
    { written: '西藏林芝市米林县', year: 2022, want: ['540422'] },
    // 新疆: 设立县级白杨市 (2023-01-20)
    { written: '白杨市', year: 2022, want: [] },
    { written: '白杨市', year: 2023, want: ['659012'] },
    { written: '新疆白杨市', year: 2024, want: ['659012'] },
    // 新疆: 设立和康县、和安县 (2024-12-27), after the last edition of 统计用区划代码
    { written: '和康县', year: 2023, want: [] },
    { written: '和康县', year: 2024, want: ['653228'] },
    { written: '和安县', year: 2025, want: ['653229'] },
    { written: '和田地区和安县', year: 2024, want: ['653229'] },
    { written: '653228', year: 2024, want: ['653228'] },
    // 统计用区划代码 2023: 苏州工业园区 320571 → 320576, 周口 411671 renamed
    { written: '苏州工业园区', year: 2022, want: ['320571'] },
    { written: '苏州工业园区', year: 2023, want: ['320576'] },
    { written: '320571', year: 2022, want: ['320571'] },
    { written: '320571', year: 2023, want: [] },
    { written: '河南周口经济开发区', year: 2022, want: ['411671'] },
    { written: '河南周口经济开发区', year: 2023, want: [] },
    { written: '周口临港开发区', year: 2023, want: ['411671'] },
  ])('$written in $year', ({ written, year, want }) => {
    expect(codes(written, year)).toEqual(want);
  });

  it('without a year, the region in use comes first and the retired one after it', () => {
    expect(codes('米林')).toEqual(['540481', '540422']);
    expect(codes('苏州工业园区')).toEqual(['320576', '320571']);
    expect(codes('米林县')).toEqual(['540422']);
  });

  it('a retired region out of its years is still matched, marked as not in use, with its successor', () => {
    const [m] = table.match('米林县', { year: 2024 });
    expect(m).toMatchObject({ by: 'name', inYear: false, record: { code: '540422', validTo: '2023-04-03', successors: ['540481'] } });
    expect(table.byCode('540481')).toMatchObject({ name: '米林市', validFrom: '2023-04-03', predecessors: ['540422'], parent: '540400' });
  });

  it('byCode gives the record of a year: a renamed code has one record per name', () => {
    expect(table.byCode('411671')?.name).toBe('周口临港开发区');
    expect(table.byCode('411671', 2022)?.name).toBe('河南周口经济开发区');
    expect(table.byCode('411671', 2023)?.name).toBe('周口临港开发区');
    expect(table.recordsOf('411671').map((r) => r.name)).toEqual(['周口临港开发区', '河南周口经济开发区']);
    expect(table.byCode('540422', 2024)).toBeUndefined();
    expect(table.byCode('540422')?.name).toBe('米林县');
  });

  it('the changes are recorded with their dates and sources', () => {
    expect(table.changes('540422')).toEqual([
      { date: '2023-04-03', kind: 'replaced', code: '540481', name: '米林市', from: ['540422'], source: expect.stringContaining('撤销米林县设立县级米林市') as unknown },
    ]);
    expect(table.changes('653228')).toEqual([{ date: '2024-12-27', kind: 'established', code: '653228', name: '和康县', from: ['653223'], source: expect.stringContaining('设立和康县') as unknown }]);
    expect(table.changes('320576')).toEqual([{ date: '2023', kind: 'recoded', code: '320576', name: '苏州工业园区', from: ['320571'], source: expect.stringContaining('2023 edition') as unknown }]);
    expect(table.changes('411671')).toEqual([expect.objectContaining({ kind: 'renamed', name: '周口临港开发区', fromName: '河南周口经济开发区' })]);
    const administrative = table.changes().filter((c) => /^20(23|24)/.test(c.date) && !table.recordsOf(c.code).some((r) => r.statistical === true));
    expect(administrative.map((c) => `${c.date} ${c.kind} ${c.name}`)).toEqual([
      '2023-01-20 established 白杨市',
      '2023-04-03 replaced 米林市',
      '2023-04-03 replaced 错那市',
      '2024-12-27 established 和康县',
      '2024-12-27 established 和安县',
    ]);
  });

  it('the table says how recent it is', () => {
    expect(table.editions).toEqual(['nbs-2022', 'nbs-2023']);
    expect(table.amendedTo).toBe('2024-12-27');
  });
});
