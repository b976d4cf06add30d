import { describe, expect, it } from 'vitest';
import { errorDiagnostic, warningDiagnostic } from '../../src/errors.js';
import { formatGithubDiagnostics } from '../../src/report/github.js';
import { repoPath } from '../../src/report/locate.js';

describe('paths relative to the repository root', () => {
  it.each([
    { name: 'as given, in the root', cwd: '/repo', root: '/repo', file: 'data/2024-06.csv', want: 'data/2024-06.csv' },
    { name: 'from a subfolder', cwd: '/repo/ci', root: '/repo', file: '../data/a.csv', want: 'data/a.csv' },
    { name: 'absolute inside', cwd: '/tmp', root: '/repo', file: '/repo/plans/我们的.yaml', want: 'plans/我们的.yaml' },
    { name: 'outside the repository', cwd: '/repo', root: '/repo', file: '/home/x/a.csv', want: undefined },
    { name: 'a sibling whose name starts like the root', cwd: '/repo', root: '/repo', file: '/repo-2/a.csv', want: undefined },
    { name: 'a file named ..x in the root', cwd: '/repo', root: '/repo', file: '..x.csv', want: '..x.csv' },
  ])('$name', ({ cwd, root, file, want }) => {
    expect(repoPath(file, { cwd, root })).toBe(want);
  });
});

describe('diagnostics as workflow commands', () => {
  const o = { color: false, lang: 'zh' as const, paths: { cwd: '/repo', root: '/repo' } };

  it('an error at a line, a warning without one, escaped', () => {
    const out = formatGithubDiagnostics(
      [
        errorDiagnostic('CSV_FIELDS', { en: '3 fields, 100% wrong', zh: '3 个字段，\n100% 不对' }, { file: 'data/a,b:c.csv', line: 7 }),
        warningDiagnostic('UNKNOWN', { en: 'x', zh: '未知指标' }),
      ],
      o,
    );
    expect(out).toBe('::error file=data/a%2Cb%3Ac.csv,line=7,title=CSV_FIELDS::3 个字段，%0A100%25 不对\n::warning title=UNKNOWN::未知指标\n');
  });

  it('a workbook cell: the file and its row, the sheet and cell in the title', () => {
    const out = formatGithubDiagnostics([errorDiagnostic('VALUE', { en: 'not a number', zh: '不是数值' }, { file: 'data/报表.xlsx', line: 7, sheet: '表1', cell: 'C7' })], { ...o, lang: 'en' });
    expect(out).toBe('::error file=data/报表.xlsx,line=7,title=VALUE data/报表.xlsx[表1]!C7::not a number\n');
  });

  it('a file outside the repository is annotated without a location', () => {
    expect(formatGithubDiagnostics([errorDiagnostic('READ', 'cannot read', { file: '/elsewhere/a.csv', line: 1 })], o)).toBe('::error title=READ::cannot read\n');
  });
});
