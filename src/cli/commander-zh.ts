/**
 * commander's usage errors in Chinese, for `--lang zh` and Chinese locales:
 * commander writes them in English only, so each of its message shapes is
 * matched and rewritten; anything else passes unchanged.
 */
const RULES: ReadonlyArray<readonly [RegExp, (...m: string[]) => string]> = [
  [/^error: unknown option '(.+?)'/, (o) => `错误：未知选项 '${o}'`],
  [/^error: unknown command '(.+?)'/, (c) => `错误：未知命令 '${c}'`],
  [/^error: required option '(.+?)' not specified/, (o) => `错误：缺少必需的选项 '${o}'`],
  [/^error: missing required argument '(.+?)'/, (a) => `错误：缺少必需的参数 '${a}'`],
  [/^error: option '(.+?)' argument missing/, (o) => `错误：选项 '${o}' 缺少值`],
  [/^error: option '(.+?)' argument '(.*?)' is invalid\. Allowed choices are (.+)\./, (o, v, c) => `错误：选项 '${o}' 的值 '${v}' 无效，可选值：${c}`],
  [/^error: too many arguments for '(.+?)'\. Expected (\d+) arguments? but got (\d+)\./, (c, e, g) => `错误：'${c}' 的参数过多：应为 ${e} 个，实际 ${g} 个`],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./, (e, g) => `错误：参数过多：应为 ${e} 个，实际 ${g} 个`],
  [/^\(Did you mean (.+)\?\)/, (s) => `（是否应为 ${s}？）`],
  [/^\(run plancheck --help for usage\)/, () => '（用法见 plancheck --help）'],
];

export function commanderMessageZh(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      for (const [re, zh] of RULES) {
        const m = re.exec(line);
        if (m) return zh(...m.slice(1).map((x) => x ?? '')) + line.slice(m[0].length);
      }
      return line;
    })
    .join('\n');
}
