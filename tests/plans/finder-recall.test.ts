/**
 * The finder against a reviewer's list (issue 23): commitments without a
 * number that two audits read out of the five sources — the examples
 * and the ones found reading the sources again end to end. Each quote must
 * hold a candidate the finder catches (so `validate --ledger --strict` could
 * have found it), and every candidate inside it must be accounted for by the
 * plans read from that source (an indicator, a rule or a not_encoded entry).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planQuotes, uncoveredCandidates, type Candidate } from '../../src/plan/commitments.js';
import { bundledPlanIds } from '../../src/plan/load.js';
import type { Plan } from '../../src/plan/model.js';
import { SEEDS, bundled } from '../helpers/plans.js';

/** [source file, quote as printed, who found it] */
const REVIEWED: readonly (readonly [string, string, 'issue' | 'reread'])[] = [
  // the examples
  ['suzhou-14th.txt', '80周岁以上老年人生活能力评估应评尽评', 'issue'],
  ['suzhou-14th.txt', '市及各县级市（区）成立养老服务发展指导中心', 'issue'],
  ['suzhou-14th.txt', '配齐镇（街道）儿童督导员和村（社区）的儿童主任', 'issue'],
  ['taicang-14th.txt', '到“十四五”末，保持福彩销售总量处于全省领先水平', 'issue'],
  ['taicang-14th.txt', '2021年底前，摸清辖区城乡社区基本情况，确定本地全口径社区治理分类标准', 'issue'],
  ['suqian-14th.txt', '全面实现党建入章', 'issue'],
  ['suqian-14th.txt', '隐患整改及时动态清零', 'issue'],
  ['zhongshan-14th.txt', '将特困救助供养覆盖的未成年人年龄从16周岁延长至18周岁', 'issue'],
  ['zhongshan-14th.txt', '按照构建城市社区“15分钟生活圈”', 'issue'],
  ['zhongshan-14th.txt', '未成年人保护体系基本建成', 'issue'],
  ['chuxiong-14th.txt', '推进“15分钟”居家养老服务圈建设', 'issue'],
  ['chuxiong-14th.txt', '推动村（居）委会设立专人专岗', 'issue'],
  ['chuxiong-14th.txt', '实现应保尽保和应救尽救', 'issue'],
  // found reading the sources again
  ['suzhou-14th.txt', '特困人员救助供养覆盖的未成年人从16周岁年延长至18周岁', 'reread'],
  ['suzhou-14th.txt', '各县级市（区）成立国资养老产业公司', 'reread'],
  ['suzhou-14th.txt', '推动村（居）委会设立未成年人保护专人专岗', 'reread'],
  ['suzhou-14th.txt', '社区居民委员会下设环境和物业管理委员会', 'reread'],
  ['suzhou-14th.txt', '成立市社会组织纪委', 'reread'],
  ['suzhou-14th.txt', '成立慈善行业组织', 'reread'],
  ['suzhou-14th.txt', '另行编制《苏州市养老服务发展“十四五”规划》', 'reread'],
  ['suzhou-14th.txt', '建立监测预警平台', 'reread'],
  ['suzhou-14th.txt', '牢牢守住不发生重特大安全事故底线', 'reread'],
  ['suzhou-14th.txt', '试点建设婚俗文化体验馆', 'reread'],
  ['suzhou-14th.txt', '努力打造新时代“一村（居）一品”文化家园', 'reread'],
  ['taicang-14th.txt', '组建慈善公益联盟', 'reread'],
  ['taicang-14th.txt', '打造“一镇一品”特色帮扶项目', 'reread'],
  ['taicang-14th.txt', '汇编出版《太仓市互助养老经典案例》', 'reread'],
  ['taicang-14th.txt', '建立“长三角”养老服务职业经理人人才库', 'reread'],
  ['taicang-14th.txt', '成立“养老产业发展引导基金”', 'reread'],
  ['taicang-14th.txt', '建立易流浪走失人员信息库', 'reread'],
  ['taicang-14th.txt', '加快市社会福利服务中心迁建', 'reread'],
  ['suqian-14th.txt', '做到应保尽保、应救尽救', 'reread'],
  ['suqian-14th.txt', '对符合特困供养条件的老年人实现“应养尽养、应助尽助”', 'reread'],
  ['suqian-14th.txt', '做到逢收必评', 'reread'],
  ['suqian-14th.txt', '组建养老服务应急处置支援队伍和应急处置技术队伍', 'reread'],
  ['suqian-14th.txt', '编制养老服务信用责任清单', 'reread'],
  ['suqian-14th.txt', '进一步配齐配强未成年人工作保护站工作人员、乡镇儿童督导员和村(居)儿童主任', 'reread'],
  ['suqian-14th.txt', '加强地名人才队伍建设,建立专家库', 'reread'],
  ['suqian-14th.txt', '新建市救助管理站并投入使用', 'reread'],
  ['zhongshan-14th.txt', '制定普惠性养老服务机构扶持办法', 'reread'],
  ['zhongshan-14th.txt', '配齐配强镇（街）儿童督导员、村（居）儿童主任', 'reread'],
  ['zhongshan-14th.txt', '实现儿童主任专人专岗', 'reread'],
  ['zhongshan-14th.txt', '推动社区居民委员会设立环境和物业管理委员会', 'reread'],
  ['zhongshan-14th.txt', '出台我市加强基层治理体系和治理现代化建设的指导性文件', 'reread'],
  ['zhongshan-14th.txt', '逐步完善“一刻钟”居家养老服务圈', 'reread'],
  ['chuxiong-14th.txt', '推进已将孤儿转出的县级儿童福利机构设立儿童福利指导中心', 'reread'],
  ['chuxiong-14th.txt', '建设“智慧社区服务平台”', 'reread'],
  ['chuxiong-14th.txt', '建立基本养老服务清单', 'reread'],
  ['chuxiong-14th.txt', '在全州街道层面至少建成1个具备综合功能的社区养老服务机构', 'reread'],
];

const plans: Plan[] = await Promise.all(bundledPlanIds().map((id) => bundled(id)));
/** a candidate by place: two of the same form and phrase on one line differ in their sentence */
const key = (c: Candidate): string => `${c.line}|${c.form}|${c.phrase}|${c.sentence}`;

describe('every commitment a reviewer found is caught by the finder, and accounted for by the plans', () => {
  it.each(REVIEWED)('%s: %s (%s)', (file, quote) => {
    const text = readFileSync(join(SEEDS, file), 'utf8');
    expect(text.replace(/\s+/g, ''), 'the quote is in the source').toContain(quote);
    const all = uncoveredCandidates(text, []).map(key);
    const outside = new Set(uncoveredCandidates(text, [quote]).map(key));
    const inside = all.filter((k) => !outside.has(k));
    expect(inside.length, 'the finder catches a candidate inside the quote').toBeGreaterThan(0);
    const open = new Set(uncoveredCandidates(text, plans.filter((p) => p.source.file === file).flatMap(planQuotes)).map(key));
    expect(inside.filter((k) => open.has(k)), 'each is encoded or listed').toEqual([]);
  });
});
