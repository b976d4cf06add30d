import { describe, expect, it } from 'vitest';
import { findCandidates, scannedLines, uncoveredCandidates } from '../../src/plan/commitments.js';

const SOURCE = [
  '测试市“十四五”民政事业发展规划',
  '一、发展基础',
  '“十三五”期间，低保标准提高到1045元，覆盖率达到100%。',
  '二、指导思想',
  '（一）总体目标',
  '到2025年，认知症友好社区建成率达到50%，互助小组覆盖率达到80%。',
  '每年实施困难老年人家庭无障碍改造不少于1000户。',
  '到2022年底前全市村（居）建成社会工作服务点。',
  '实施公益品牌“双十计划”（扶持十个项目）。',
  '对80周岁以上老年人开展评估，扶持培育一批品牌机构。',
  '第五章  构建全面覆盖的儿童福利体系',
  '附件1',
  '“十三五”测试市民政事业发展规划',
  '主要指标执行情况',
  '	1	覆盖率	%	≥90	95%',
  '附件2',
  '“十四五”测试市民政事业发展规划',
  '	1	社区慈善基金覆盖率	%	/	100%',
].join('\n');

describe('the completeness finder', () => {
  it('scans from the guiding principles on, and skips the last plan\'s results annex', () => {
    const on = scannedLines(SOURCE.split('\n'));
    expect(on.map((x, i) => (x ? i + 1 : 0)).filter((x) => x > 0)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 17, 18]);
  });

  it('finds shares, bounds, yearly counts, dated completions and counts in words; not ages, 一批 or headings', () => {
    const found = findCandidates(SOURCE).map((c) => `${c.line}:${c.phrase}`);
    expect(found).toEqual([
      '6:达到50', '6:50%', '6:达到80', '6:80%',
      '7:不少于1000', '8:2022年底前全市村（居）建成', '9:扶持十个', '18:100%',
    ]);
  });

  it('a quote covers the candidates inside it, and only those; a short quote covers nothing', () => {
    const open = (quotes: string[]): string[] => uncoveredCandidates(SOURCE, quotes).map((c) => c.phrase);
    expect(open(['认知症友好社区建成率达到50%'])).toEqual(['达到80', '80%', '不少于1000', '2022年底前全市村（居）建成', '扶持十个', '100%']);
    // whitespace in a quote does not matter: table cells are split over lines
    expect(open(['社区慈善基金覆盖率 % / 100%'])).not.toContain('100%');
    expect(open(['100%'])).toContain('100%');
    expect(open([])).toHaveLength(8);
  });
});
