/**
 * `plancheck draft <document> [-o plan.yaml]`: a plan document → a draft plan
 * YAML for a person to review. The YAML goes to stdout, or to the -o file
 * (written atomically, never over an existing file: it may hold a review in
 * progress, nor over the document itself); what was read and what is left to
 * review go to stderr. The draft is validated before it is written: a draft
 * that is no valid plan is a bug (exit 3), never a file left to fail later.
 */
import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { DataError, errorDiagnostic, UsageError } from '../errors.js';
import { readPlanDocument } from '../document/read.js';
import { draftPlan } from '../draft/draft.js';
import { countGuesses, emitDraft } from '../draft/emit.js';
import { planSchemaValidator } from '../plan/schema.js';
import { validatePlan } from '../plan/validate.js';
import type { Io } from './io.js';
import { resolveLang } from './options.js';
import { checkOutputFile, writeOutput } from './outputs.js';

export interface DraftFlags {
  output?: string;
  id?: string;
  region?: string;
  force?: boolean;
  lang?: string;
}

const PLAN_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export async function runDraft(io: Io, document: string, flags: DraftFlags): Promise<number> {
  const lang = resolveLang(io.env, flags.lang);
  if (flags.id !== undefined && !PLAN_ID.test(flags.id)) throw new UsageError({ en: `--id ${flags.id}: a plan id is lower-case ASCII letters and digits, dashes between (e.g. wuxi, wuxi-15th)`, zh: `--id ${flags.id}：规划编号由小写英文字母和数字组成，可用连字符（如 wuxi、wuxi-15th）` });
  if (flags.region !== undefined && !/^\d{6}$/.test(flags.region)) throw new UsageError({ en: `--region ${flags.region}: the region's GB/T 2260 code has six digits (e.g. 320200)`, zh: `--region ${flags.region}：地区的 GB/T 2260 代码为六位数字（如 320200）` });
  if (flags.output !== undefined) {
    checkOutputFile(flags.output, [document]);
    if (existsSync(flags.output) && flags.force !== true) {
      throw new UsageError({ en: `${flags.output} exists: a draft never replaces a file (it may hold a review in progress); write to another file, or add --force`, zh: `${flags.output} 已存在：起草结果不会覆盖已有文件（其中可能有进行中的审核）；请写到其他文件，或加 --force` });
    }
  }
  const doc = await readPlanDocument(document);
  const outName = flags.output === undefined ? undefined : basename(flags.output, extname(flags.output));
  const id = flags.id ?? (outName !== undefined && PLAN_ID.test(outName) ? outName : undefined);
  const report = draftPlan(doc, { sourceFile: basename(document), ...(id === undefined ? {} : { id }), ...(flags.region === undefined ? {} : { regionCode: flags.region }) });
  if (report.plan.indicators.length === 0) {
    const looked = report.tables.length === 0 ? { en: 'it has no table', zh: '文中没有表格' } : { en: `tables looked at: ${report.tables.map((t) => `${t.label} (${t.why})`).join('; ')}`, zh: `已查看的表格：${report.tables.map((t) => `${t.label}（${t.why}）`).join('；')}` };
    throw new DataError('no indicator table', [errorDiagnostic('NO_INDICATOR_TABLE', { en: `no indicator table of the plan was found (a header with 指标名称 and a target column such as 2025年目标值): ${looked.en}`, zh: `未找到规划的指标表（表头含“指标名称”和目标列，如“2025年目标值”）：${looked.zh}` }, { file: document })]);
  }
  const yaml = emitDraft(report, basename(document));
  // the draft must be a valid plan: parsed back and validated as `validate` would
  const { parseYaml } = await import('../plan/parse-yaml.js');
  const parsed = parseYaml(yaml, flags.output ?? '<draft>');
  const checked = parsed.ok ? validatePlan(parsed.document, planSchemaValidator(), doc.text) : undefined;
  if (!parsed.ok || !checked?.ok) {
    const errors = !parsed.ok ? parsed.errors : checked && !checked.ok ? checked.errors : [];
    throw new Error(`the draft is not a valid plan: ${errors.map((e) => `${e.path ?? ''} ${e.message}`).join('; ')}`);
  }
  const stray = checked.warnings.filter((w) => w.code === 'QUOTE_NOT_IN_SEED');
  if (stray.length > 0) throw new Error(`the draft quotes text that is not in the document: ${stray.map((w) => w.path).join(', ')}`);
  if (flags.output !== undefined) writeOutput(flags.output, yaml);
  else io.out(yaml);
  const n = { indicators: report.plan.indicators.length, rules: report.plan.rules.length, unreviewed: report.plan.not_encoded.length, guesses: countGuesses(report) };
  const where = flags.output ?? (lang === 'zh' ? '标准输出' : 'stdout');
  const used = report.tables.filter((t) => t.used).map((t) => t.label).join(lang === 'zh' ? '、' : ', ');
  io.err(
    lang === 'zh'
      ? `${document}：从${used}起草 ${n.indicators} 个指标、${n.rules} 条规则，正文中 ${n.unreviewed} 条承诺待审核，${n.guesses} 处推断待确认 → ${where}\n审核后运行：plancheck validate ${flags.output ?? '<规划文件>'} --strict --seeds=<原文所在文件夹>\n`
      : `${document}: drafted ${n.indicators} indicators from ${used}, ${n.rules} rules; ${n.unreviewed} commitments of the text to review, ${n.guesses} guesses to confirm → ${where}\nwhen reviewed: plancheck validate ${flags.output ?? '<plan file>'} --strict --seeds=<folder of the document>\n`,
  );
  return 0;
}
