/**
 * `--help` in Chinese, for `--lang zh` and Chinese locales: commander's help
 * is assembled from the English descriptions main.ts gives and commander's
 * own words (Usage:, Options:, choices, default, "display help for
 * command"); each piece is looked up here when the help is formatted
 * (commander's Help hooks), so a description without its Chinese is found
 * by a test that walks every command, option and argument.
 */
import { Help, type Argument, type Command, type HelpConfiguration, type Option } from 'commander';
import { eastAsianWidth } from 'get-east-asian-width';

/** Each description main.ts writes, in Chinese. */
export const HELP_ZH: ReadonlyMap<string, string> = new Map([
  ['Check indicator targets and rules of five-year civil-affairs plans (民政事业发展规划) against measured data.', '用实际数据检查民政事业发展五年规划的指标目标和量化规则。'],
  ['show stack traces for errors', '出错时显示调用栈'],
  ['output the version number', '显示版本号'],
  ['display help for command', '显示命令帮助'],
  ['read only this sheet of a workbook (.xlsx); repeat for several (default: every sheet with a table)', '只读取工作簿（.xlsx）中的这一张工作表；可重复给出多张（默认：凡有表格的工作表都读取）'],
  ['long: one value column and a period column; wide: one column per period (default: told by the header)', 'long：一列数值、一列期间（长表）；wide：每个期间一列（宽表）（默认：按表头判断）'],
  ['evaluate every target and rule of a plan on data files (CSV or .xlsx workbooks, long or wide tables)', '用数据文件（CSV 或 .xlsx 工作簿，长表或宽表）评估规划的每项目标和规则'],
  ['CSV files or .xlsx workbooks of measurements; several are merged', '数据的 CSV 文件或 .xlsx 工作簿；多个文件合并读取'],
  ['a bundled plan id (e.g. suzhou), a plan YAML file, or a folder of them; repeat for several', '内置规划编号（如 suzhou）、规划 YAML 文件或其所在文件夹；可重复给出多个'],
  ['the evaluation year (default: the latest period in the data)', '评估年份（默认：数据中最新的期间）'],
  ['evaluate as of a month or quarter: 2024-06, 2024-Q2', '按月或按季度评估：2024-06、2024-Q2'],
  ['complete: every measurement due and absent fails the run', 'complete：凡应报未报的数据都判为不通过'],
  ['output format', '输出格式'],
  ['which failures make the exit code 1', '哪些未达标使退出码为 1'],
  ['how missing data counts', '缺数据如何计'],
  ['language of messages (default: from the locale)', '提示信息的语言（默认：按系统区域设置）'],
  ['no colours (also: NO_COLOR=1)', '不用颜色（也可设 NO_COLOR=1）'],
  ['also write a format to a file, e.g. junit:results.xml; repeat for several', '另将某种格式写入文件，例如 junit:results.xml；可重复给出多个'],
  ['the repository root that github and sarif locations are relative to (default: $GITHUB_WORKSPACE, else the working directory)', 'github 和 sarif 输出中的位置相对于此仓库根目录（默认：$GITHUB_WORKSPACE，否则为当前目录）'],
  ['CSV output (meant for Excel): utf8-bom (default), utf8, gb18030', 'CSV 输出（供 Excel 打开）的编码：utf8-bom（默认）、utf8、gb18030'],
  ['language (default: from the locale)', '语言（默认：按系统区域设置）'],
  ['list the bundled plans: id, title, region, period, numbers of indicators and rules', '列出内置规划：编号、名称、地区、规划期、指标数和规则数'],
  ['show a plan as tables: indicators with unit, attribute, baseline, targets and source; rules with expression and quote', '以表格显示规划：指标及其单位、属性、基期值、目标和出处；规则及其表达式和原文'],
  ['a bundled plan id or a plan YAML file', '内置规划编号或规划 YAML 文件'],
  ['check plan files: schema, units, expressions, and lint warnings; exit 2 on errors', '检查规划文件：格式、单位、表达式及提示性警告；有错误时退出码为 2'],
  ['plan YAML files, folders of them, or bundled plan ids', '规划 YAML 文件、其所在文件夹或内置规划编号'],
  ['warnings fail too', '警告也判为不通过'],
  ["check that every quote appears in the plan's source document, found in this folder (default: the bundled sources/)", '核对每条引文确实出现在规划原文中，原文在此文件夹（默认：内置的 sources/）'],
  ['also check the commitments ledger: every candidate commitment of each source is quoted by one of the plans given (implies --seeds)', '同时核对承诺台账：每份原文中的每项候选承诺都被所给规划之一引用（隐含 --seeds）'],
  ["mid-term / final evaluation (中期评估): each indicator's progress over every year in the data, with a verdict", '中期评估、终期评估：每项指标在数据各年度的进展及评价'],
  ['CSV files or .xlsx workbooks with several years of measurements', '含多个年度数据的 CSV 文件或 .xlsx 工作簿'],
  ['a bundled plan id or a plan YAML file (one plan per report)', '内置规划编号或规划 YAML 文件（每份报告一个规划）'],
  ['the evaluation year (default: the latest in the data)', '评估年份（默认：数据中最新的年份）'],
  ['evaluate as of a month or quarter (2024-06, 2024-Q2): the part year as `evaluate --period`', '按月或按季度评估（2024-06、2024-Q2）：不满一年的部分与 `evaluate --period` 相同'],
  ['the issuing unit printed under the title', '标题下印出的编制单位'],
  ['the date printed on the report (none by default: the output stays deterministic)', '报告上印出的日期（默认不印，输出保持确定）'],
  ['write the report to this file (required for docx)', '将报告写入此文件（docx 格式必须给出）'],
  ['compare two evaluations: status transitions, value changes, plan changes', '比较两次评估：状态变化、数值变化、规划变化'],
  ['two saved JSON results, or with --plan the old data files (the new ones after --)', '两个保存的 JSON 结果；或给出 --plan 时为旧数据文件（新数据文件写在 -- 之后）'],
  ['evaluate data files with this plan first (repeatable)', '先用此规划评估数据文件（可重复给出）'],
  ['exit 1 when a binding check went from pass to fail', '约束性检查由达标变为未达标时退出码为 1'],
  ['no colours', '不用颜色'],
  ['write the table a data submitter fills in: every measurement the plans need in a year (CSV, or an .xlsx workbook)', '生成报送人填写的表格：规划某年度所需的全部数据项（CSV 或 .xlsx 工作簿）'],
  ['bundled plan ids or plan YAML files', '内置规划编号或规划 YAML 文件'],
  ['the year to fill in (default: the plan period’s last year)', '要填报的年份（默认：规划期末年）'],
  ['a month or quarter to fill in (2024-06, 2024-Q2); repeat for several (one sheet each in a workbook)', '要填报的月份或季度（2024-06、2024-Q2）；可重复给出多个（工作簿中每个一张表）'],
  ['csv, or xlsx: a workbook with locked names, validated values and instructions', 'csv，或 xlsx：名称锁定、数值有校验并附填表说明的工作簿'],
  ['write to this file instead of stdout', '写入此文件，而不是标准输出'],
  ['CSV: utf8-bom (default: Excel reads it), utf8, gb18030', 'CSV 编码：utf8-bom（默认，Excel 可直接打开）、utf8、gb18030'],
  ['draft a plan YAML from a plan document (.docx, .pdf, .html/.htm, .txt): indicators from its tables, rules and unreviewed commitments from its text, every guess marked for review', '由规划文本（.docx、.pdf、.html/.htm、.txt）起草规划 YAML：从表格取指标，从正文取规则和待审核的承诺，每处推测都标出待审'],
  ['the plan document (Word .docx as Word or WPS saves it, a text PDF, a web page, or text)', '规划文本（Word 或 WPS 保存的 .docx、文字版 PDF、网页或纯文本）'],
  ['write the draft to this file (never over an existing one) instead of stdout; its name is the plan id (wuxi.yaml → wuxi)', '将草稿写入此文件（不覆盖已有文件），而不是标准输出；文件名即规划编号（wuxi.yaml → wuxi）'],
  ['the plan id (lower-case ASCII, e.g. wuxi)', '规划编号（小写英文字母，如 wuxi）'],
  ["the region's six-digit GB/T 2260 code, which plan documents do not print", '地区的六位 GB/T 2260 行政区划代码（规划文本中通常不印）'],
  ['replace the --output file if it exists', '--output 文件已存在时将其替换'],
]);

/** commander's own headings. */
const TITLES: ReadonlyMap<string, string> = new Map([
  ['Usage:', '用法：'],
  ['Options:', '选项：'],
  ['Commands:', '命令：'],
  ['Arguments:', '参数：'],
  ['Global Options:', '全局选项：'],
]);

/** A description in Chinese (unchanged where none is written: the test lists those). */
export function helpZh(text: string): string {
  return HELP_ZH.get(text) ?? text;
}

/** `(choices: "a", "b", default: "x")` as commander writes it → `（可选值："a"、"b"；默认："x"）`. */
function extraZh(extra: string): string {
  return `（${extra
    .replace(/^choices: /, '可选值：')
    .replace(/, default: /, '；默认：')
    .replace(/^default: /, '默认：')
    .replace(/", "/g, '"、"')}）`;
}

/** Split commander's description into ours and the `(choices…, default…)` it appends. */
function translated(full: string, own: string): string {
  if (own !== '' && full.startsWith(own)) {
    const rest = full.slice(own.length).trim();
    return `${helpZh(own)}${rest.startsWith('(') && rest.endsWith(')') ? extraZh(rest.slice(1, -1)) : rest}`;
  }
  return full.startsWith('(') && full.endsWith(')') ? extraZh(full.slice(1, -1)) : helpZh(full);
}

/** Help hooks that write commander's help in Chinese (inherited by every command made after it is set). */
export function chineseHelp(): HelpConfiguration {
  const base = new Help();
  return {
    styleTitle: (s: string) => TITLES.get(s) ?? s,
    // a Chinese character takes two columns: the descriptions line up and wrap by what the terminal shows
    displayWidth: (s: string) => {
      let w = 0;
      // eslint-disable-next-line no-control-regex
      for (const ch of s.replace(/\u001b\[[0-9;]*m/g, '')) w += eastAsianWidth(ch.codePointAt(0) as number);
      return w;
    },
    commandDescription: (cmd: Command) => helpZh(base.commandDescription(cmd)),
    subcommandDescription: (cmd: Command) => helpZh(base.subcommandDescription(cmd)),
    optionDescription: (o: Option) => translated(base.optionDescription(o), o.description),
    argumentDescription: (a: Argument) => translated(base.argumentDescription(a), a.description),
  };
}
