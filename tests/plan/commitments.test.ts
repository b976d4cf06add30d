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
      // a date governs its sentence: from 2025年 across the comma to the first verb that completes something
      '6:2025年，认知症友好社区建成', '6:达到50', '6:50%', '6:达到80', '6:80%',
      '7:不少于1000', '8:2022年底前全市村（居）建成', '9:扶持十个', '18:100%',
    ]);
  });

  it('a quote covers the candidates inside it, and only those; a short quote covers nothing', () => {
    const open = (quotes: string[]): string[] => uncoveredCandidates(SOURCE, quotes).map((c) => c.phrase);
    // a dated candidate is accounted for by a quote holding its verb (建成…): the date need not be quoted
    expect(open(['认知症友好社区建成率达到50%'])).toEqual(['达到80', '80%', '不少于1000', '2022年底前全市村（居）建成', '扶持十个', '100%']);
    // whitespace in a quote does not matter: table cells are split over lines
    expect(open(['社区慈善基金覆盖率 % / 100%'])).not.toContain('100%');
    expect(open(['100%'])).toContain('100%');
    expect(open([])).toHaveLength(9);
  });
});

describe('the forms of commitment without a number (issue 23)', () => {
  const forms = (text: string): string[] => findCandidates(`二、指导思想\n${text}`).map((c) => `${c.form}:${c.phrase}`);

  it.each([
    ['应X尽X: everyone who qualifies', '实现应保尽保和应救尽救。', ['everyone:应保尽保', 'everyone:应救尽救']],
    ['逢X必Y', '全面实施收养评估，做到逢收必评。', ['everyone:逢收必评']],
    ['配齐 and 专人专岗', '推动村（居）委会设立专人专岗，配齐镇（街道）儿童督导员。', ['set_up:设立专人专岗', 'staffing:专人专岗', 'staffing:配齐']],
    ['a body set up by name', '市及各县级市（区）成立养老服务发展指导中心。', ['set_up:成立养老服务发展指导中心']],
    ['a document drawn up by name', '制定特困供养人员认定办法，修订《细则》。', ['document:制定特困供养人员认定办法', 'document:修订《']],
    ['a named project or platform', '建成“苏城数字殡葬公共服务平台”，建立易流浪走失人员信息库。', ['project:建成“', 'project:建立易流浪走失人员信息库']],
    ['done in full, and nothing left', '全面实现党建入章，隐患整改及时动态清零。', ['completion:全面实现', 'zero:清零']],
    ['a service radius', '构建城市社区“15分钟生活圈”、农村社区“半小时生活圈”。', ['radius:15分钟', 'radius:半小时']],
    ['one brand per place', '打造“一镇一品”特色帮扶项目。', ['one_each:一镇一品']],
    ['a rank kept, dated by the plan\'s end', '到“十四五”末，保持福彩销售总量处于全省领先水平。', ['dated:十四五”末，保持', 'rank:保持福彩销售总量处于全省领先']],
    ['a date across commas', '2021年底前，摸清辖区城乡社区基本情况，确定本地全口径社区治理分类标准。', ['dated:2021年底前，摸清辖区城乡社区基本情况，确定']],
    ['a policy switch (its age is the quantity)', '将未成年人年龄从16周岁延长至18周岁。', ['switch:延长至18周岁']],
    ['a facility by name', '新建市救助管理站并投入使用，加快市社会福利服务中心迁建。', ['facility:新建市救助管理站', 'facility:服务中心迁建']],
    ['every unit, in words', '各镇（街道）至少一个，全市各镇街均建有中心，全部达到标准。', ['every_unit:至少一', 'every_unit:均建有', 'every_unit:全部达到']],
  ])('%s', (_what, text, expected) => {
    expect(forms(text)).toEqual(expected);
  });

  it('the dated form is accounted for by a quote of its verb\'s clause; its other forms by quotes of their own', () => {
    const text = '二、指导思想\n2021年底前，摸清辖区城乡社区基本情况，确定本地全口径社区治理分类标准。';
    expect(uncoveredCandidates(text, ['确定本地全口径社区治理分类标准'])).toEqual([]);
    expect(uncoveredCandidates(text, ['摸清辖区城乡社区基本情况']).map((c) => c.form)).toEqual(['dated']);
  });
});
