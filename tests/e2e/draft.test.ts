/**
 * `plancheck draft` as a bureau uses it (issue 20, item 6): a 15th-plan
 * document (tests/fixtures/draft/wuxi-15th.html: 2025年基数, 2027年中期目标,
 * 2030年目标), saved as .docx by LibreOffice, drafted; `validate --strict`
 * fails until a reviewer has confirmed every guess and dealt with every
 * unreviewed commitment, then passes with the quotes checked against the
 * .docx; the template for 2026 filled in and evaluated, each verdict as a
 * hand calculation gives it. And what draft refuses, in the user's language.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, runCliIn } from '../helpers/run-cli.js';
import { LIBREOFFICE } from '../helpers/seed-documents.js';

const PAGE = join(FIXTURES, 'draft/wuxi-15th.html');

/** What a reviewer does: each guess confirmed (its lines deleted), each unreviewed commitment given a reason. */
function review(yaml: string): string {
  const out: string[] = [];
  let indent: number | undefined;
  for (const line of yaml.split('\n')) {
    const m = /^(\s*)guess:\s*$/.exec(line);
    if (m) {
      indent = (m[1] as string).length;
      continue;
    }
    if (indent !== undefined && line.trim() !== '' && line.length - line.trimStart().length > indent) continue;
    indent = undefined;
    out.push(line);
  }
  return out.join('\n').replace(/reason: unreviewed\n(\s+)explanation: .*/g, 'reason: no_data\n$1explanation: no submission carries it yet');
}

describe('draft → validate → template → fill → evaluate, a 15th plan' + (LIBREOFFICE ? ' (from the .docx LibreOffice saves)' : process.env['CI'] ? '' : ' (from the page: no soffice for the .docx)'), () => {
  const dir = mkdtempSync(join(tmpdir(), 'plancheck-draft-'));
  let document = '';
  beforeAll(() => {
    copyFileSync(PAGE, join(dir, 'wuxi-15th.html'));
    document = 'wuxi-15th.html';
    if (LIBREOFFICE || process.env['CI']) {
      execFileSync(LIBREOFFICE ?? 'soffice', [`-env:UserInstallation=file://${join(dir, 'lo')}`, '--headless', '--norestore', '--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, join(dir, 'wuxi-15th.html')], { stdio: 'ignore', timeout: 120_000 });
      document = 'wuxi-15th.docx';
    }
  }, 180_000);

  it('drafts the table: baseline 2025, the 2027 interim and 2030 targets, units and attributes as printed; the text\'s rules; its commitments unreviewed', () => {
    const r = runCliIn(dir, ['draft', document, '-o', 'wuxi.yaml', '--region', '320200']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/drafted 9 indicators from 表2, 2 rules; 2 commitments of the text to review/);
    const plan = parse(readFileSync(join(dir, 'wuxi.yaml'), 'utf8')) as { id: string; region: { code: string; name: string }; period: object; indicators: { id: string; unit: string; baseline: unknown; targets: unknown[]; attribute: string; printed_unit?: string; printed_as?: object; source: { table: string; row: string } }[]; rules: { expression: string }[]; not_encoded: { reason: string; quote: string }[] };
    expect(plan.id).toBe('wuxi');
    expect(plan.region).toEqual({ code: '320200', name: '无锡市' });
    expect(plan.period).toEqual({ baseline_year: 2025, first_year: 2026, last_year: 2030 });
    const nursing = plan.indicators.find((i) => i.source.row === '3');
    expect(nursing).toMatchObject({ unit: '%', attribute: 'binding', baseline: { year: 2025, value: 65 }, targets: [{ year: 2027, comparison: '>=', value: 70, text: '≥70' }, { year: 2030, comparison: '>=', value: 75, text: '75以上' }] });
    expect(plan.indicators.find((i) => i.source.row === '6')).toMatchObject({ unit: '平方米/百户', printed_unit: '平方米' });
    expect(plan.indicators.filter((i) => i.source.row === '5').map((i) => i.printed_as)).toEqual([{ name: '城市、农村老年助餐服务覆盖率', part: 1 }, { name: '城市、农村老年助餐服务覆盖率', part: 2 }]);
    expect(plan.rules.map((x) => x.expression)).toEqual(['indicator_02 >= 30% * measure_01[-1]', 'measure_02 >= 1.3 * indicator_02']);
    expect(plan.not_encoded.every((n) => n.reason === 'unreviewed')).toBe(true);
    expect(plan.not_encoded.map((n) => n.quote)).toContain('探索社区治理新模式，实现“应办尽办”');
    // the last plan's results table is told apart
    expect(readFileSync(join(dir, 'wuxi.yaml'), 'utf8')).toMatch(/表1（第 \d+ 行 \/ line \d+）: 未采用 \/ set aside — the last plan's results/);
  });

  it('validate passes with warnings; --strict fails until every guess and unreviewed entry is dealt with, then passes against the document', () => {
    const before = runCliIn(dir, ['validate', 'wuxi.yaml', `--seeds=${dir}`]);
    expect(before.status).toBe(0);
    expect(before.stderr).toMatch(/wuxi\.yaml:\d+:\d+: warning: .*direction is the drafter's guess/);
    expect(before.stderr).toMatch(/wuxi\.yaml:\d+:\d+: warning: not_encoded: a commitment the drafter found and no one has reviewed/);
    expect(before.stderr).not.toMatch(/QUOTE_NOT_IN_SEED|not in the seed|not in the source/);
    const zh = runCliIn(dir, ['validate', 'wuxi.yaml', '--strict', `--seeds=${dir}`, '--lang', 'zh']);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toMatch(/是起草程序的推断.*删除这一行/);
    writeFileSync(join(dir, 'wuxi.yaml'), review(readFileSync(join(dir, 'wuxi.yaml'), 'utf8')));
    const after = runCliIn(dir, ['validate', 'wuxi.yaml', '--strict', `--seeds=${dir}`]);
    expect(after.stderr).toBe('');
    expect(after.status).toBe(0);
    expect(after.stdout).toMatch(/✓ wuxi\.yaml: 9 indicators, 2 rules, 0 warnings/);
  });

  it('the 2026 template, filled in, evaluates as a hand calculation says (milestones on the line from 2025 to the 2027 targets)', () => {
    const t = runCliIn(dir, ['template', 'wuxi.yaml', '--year', '2026', '-o', 'template-2026.csv']);
    expect(t.status).toBe(0);
    const values: Record<string, string> = {
      困难群众主动发现机制覆盖率: '93', // 90 → 95: 92.5 in 2026, met
      低保标准: '1200', // 1150 → 1250: 1200, met exactly
      护理型床位占养老机构床位比例: '66', // 65 → 70: 67.5, behind (binding: exit 1)
      家庭养老床位数: '800', // no baseline: no milestone yet
      '城市、农村老年助餐服务覆盖率（城市）': '93', // 90 → 95: 92.5, met
      '城市、农村老年助餐服务覆盖率（农村）': '74', // 70 → 80: 75, behind
      每百户居民拥有的城乡社区综合服务设施面积: '36.5', // 35 → 38: 36.5, met exactly
      社区工作者持证率: '47', // 45 → 50: 47.5, behind
      '婚姻登记“跨省通办”实施率': '100', // the 2030 target already met
      全体居民人均消费支出: '46000', // 2025: 30% of it is 1150 a month, under 1200
      特困人员基本生活标准: '1600', // 1.3 × 1200 = 1560, met
    };
    const rows = readFileSync(join(dir, 'template-2026.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\n');
    const filled = [rows[0], ...rows.slice(1).map((line) => {
      const cells = line.split(',');
      const v = values[cells[0] as string];
      expect(v, `a value for ${cells[0]}`).toBeDefined();
      cells[2] = v as string;
      return cells.join(',');
    })].join('\n');
    writeFileSync(join(dir, '2026.csv'), `${filled}\n`);
    const r = runCliIn(dir, ['evaluate', '--plan', 'wuxi.yaml', '2026.csv', '--year', '2026', '--format', 'json']);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as { results: { id: string; status: string; code: string }[] };
    expect(Object.fromEntries(doc.results.map((x) => [x.id, `${x.status} ${x.code}`]))).toEqual({
      indicator_01: 'pass MILESTONE_MET',
      indicator_02: 'pass MILESTONE_MET',
      indicator_03: 'fail BEHIND_MILESTONE',
      indicator_04: 'pending NO_MILESTONE',
      indicator_05_1: 'pass MILESTONE_MET',
      indicator_05_2: 'fail BEHIND_MILESTONE',
      indicator_06: 'pass MILESTONE_MET',
      indicator_07: 'fail BEHIND_MILESTONE',
      indicator_08: 'pass TARGET_ALREADY_MET',
      rule_01: 'pass RULE_HOLDS',
      rule_02: 'pass RULE_HOLDS',
    });
  });
});

describe('draft refuses, in the user\'s language', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plancheck-draft-refuse-'));

  it('an old Word or WPS file: save it as .docx (exit 2)', () => {
    writeFileSync(join(dir, '规划.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const zh = runCliIn(dir, ['draft', '规划.doc', '--lang', 'zh']);
    expect(zh.status).toBe(2);
    expect(zh.stdout).toBe('');
    expect(zh.stderr).toMatch(/^规划\.doc: 错误: 规划\.doc 是 Word 97–2003 或 WPS 文档.*另存为 \.docx/);
    expect(runCliIn(dir, ['draft', '规划.doc']).stderr).toMatch(/save it as \.docx/);
  });

  it('a document without an indicator table (exit 2, the tables it looked at named)', () => {
    writeFileSync(join(dir, 'notes.txt'), '某市民政工作要点\n\n一、总体要求\n到2027年，养老服务设施覆盖率达到90%。\n');
    const r = runCliIn(dir, ['draft', 'notes.txt']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/notes\.txt: error: no indicator table of the plan was found/);
  });

  it('never over an existing file (it may hold a review), nor over the document; --force replaces', () => {
    copyFileSync(PAGE, join(dir, 'plan.html'));
    writeFileSync(join(dir, 'kept.yaml'), 'reviewed: true\n');
    const r = runCliIn(dir, ['draft', 'plan.html', '-o', 'kept.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/kept\.yaml exists: a draft never replaces a file/);
    expect(readFileSync(join(dir, 'kept.yaml'), 'utf8')).toBe('reviewed: true\n');
    expect(runCliIn(dir, ['draft', 'plan.html', '-o', 'plan.html']).status).toBe(2);
    expect(readFileSync(join(dir, 'plan.html'), 'utf8')).toBe(readFileSync(PAGE, 'utf8'));
    const forced = runCliIn(dir, ['draft', 'plan.html', '-o', 'kept.yaml', '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(join(dir, 'kept.yaml'), 'utf8')).toMatch(/^# 由 plancheck draft 从 plan\.html 起草/);
  });

  it.each([
    ['a .docx that is no zip', 'bad.docx', Buffer.from('PK\u0003\u0004 not a zip at all')],
    ['a zip without word/document.xml', 'empty.docx', Buffer.from('504b0506000000000000000000000000000000000000', 'hex')],
    ['a PDF cut short', 'cut.pdf', Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog')],
    ['an empty file', 'empty.txt', Buffer.alloc(0)],
    ['bytes that are no text', 'noise.txt', Buffer.from([0, 1, 2, 3, 0, 255])],
  ])('%s: exit 2, the file named, no stack trace', (_, name, bytes) => {
    writeFileSync(join(dir, name), bytes);
    const r = runCliIn(dir, ['draft', name]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^${name.replace('.', '\\.')}: error: `));
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  });

  it('a folder or a missing file: exit 2', () => {
    expect(runCliIn(dir, ['draft', '.']).stderr).toMatch(/cannot read \.: it is a folder/);
    expect(runCliIn(dir, ['draft', 'missing.docx', '--lang', 'zh']).stderr).toMatch(/无法读取 missing\.docx：文件不存在/);
  });

  it('to stdout: the YAML alone, the summary on stderr', () => {
    const r = runCli(['draft', PAGE, '--lang', 'zh']);
    expect(r.status).toBe(0);
    expect(() => parse(r.stdout) as unknown).not.toThrow();
    expect(r.stdout).toMatch(/^# 由 plancheck draft 从 wuxi-15th\.html 起草/);
    expect(r.stderr).toMatch(/从表2起草 9 个指标、2 条规则/);
  });
});
