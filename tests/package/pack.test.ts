/**
 * The package as people install it: `npm pack`, then install the tarball
 * into an empty project without the network (from npm's cache, which `npm ci`
 * has filled), and run both the CLI and a script importing the API.
 * Needs the build (`npm test` builds first).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';
import { assertValidJson } from '../helpers/schemas.js';
import { cidFontPdf } from '../helpers/tiny-pdf.js';
import { HOMEPAGE } from '../../src/report/sarif.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; homepage: string; engines: { node: string }; dependencies: Record<string, string>; devDependencies: Record<string, string> };

let project = '';
let files: string[] = [];

function run(cmd: string, args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

type LockEntry = { version: string; resolved?: string; integrity?: string; dependencies?: Record<string, string>; dev?: boolean; [k: string]: unknown };

/**
 * A lock file for a project that depends on the tarball alone: the tarball's
 * dependencies are pinned to what plancheck's own lock resolved, so that
 * `npm ci --offline` takes every package from npm's cache (which `npm ci`
 * filled with their tarballs, though not with registry metadata that a plain
 * `npm install --offline` would ask for).
 */
/** The npm registry's address of a package's tarball (`@scope/name` → `@scope/name/-/name-1.0.0.tgz`). */
function tarballUrl(name: string, version: string): string {
  return `https://registry.npmjs.org/${name}/-/${name.replace(/^@[^/]+\//, '')}-${version}.tgz`;
}

function lockFor(tarballName: string, integrity: string): object {
  const own = (JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> }).packages;
  const packages: Record<string, LockEntry> = {
    '': { name: 'uses-plancheck', version: '1.0.0', dependencies: { plancheck: `file:${tarballName}` } },
    'node_modules/plancheck': { version: pkg.version, resolved: `file:${tarballName}`, integrity, license: 'MIT', dependencies: pkg.dependencies, bin: { plancheck: 'bin/plancheck.js' }, engines: pkg.engines },
  };
  // Node's lookup: the requiring package's own node_modules, then its parents', then the top
  const find = (from: string, name: string): string => {
    for (let dir = from; ; dir = dir.replace(/\/?node_modules\/(@[^/]+\/)?[^/]+$/, '')) {
      const at = `${dir === '' ? '' : `${dir}/`}node_modules/${name}`;
      if (own[at]) return at;
      if (dir === '') throw new Error(`${name} (needed by ${from}) is not in package-lock.json`);
    }
  };
  // each package keeps the place our own lock gives it (nested copies stay
  // nested: docx's @types/node wants another undici-types than ours), so
  // Node's lookup finds the same versions in the new project
  const visit = (from: string, deps: Record<string, string> | undefined): void => {
    for (const name of Object.keys(deps ?? {})) {
      const path = find(from, name);
      if (packages[path]) continue;
      const entry = { ...(own[path] as LockEntry) };
      // our lock records no download addresses; with the registry's tarball address and the
      // integrity, npm takes the tarball from its cache without asking for the package's metadata
      entry.resolved ??= tarballUrl(path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length), entry.version);
      delete entry.dev;
      delete entry.devOptional;
      packages[path] = entry;
      visit(path, entry.dependencies);
      // optional ones too (pdfjs-dist's @napi-rs/canvas, one package per platform): npm ci wants them in the lock, and installs the one for this machine
      visit(path, entry.optionalDependencies as Record<string, string> | undefined);
    }
  };
  visit('', pkg.dependencies);
  return { name: 'uses-plancheck', version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'plancheck-user-'));
  // the build is done: pack what is there, without running `prepare` again
  const packed = JSON.parse(execFileSync(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', project], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { filename: string; integrity: string; files: { path: string }[] }[];
  const tarball = packed[0] as { filename: string; integrity: string; files: { path: string }[] };
  files = tarball.files.map((f) => f.path).sort();
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-plancheck', version: '1.0.0', private: true, type: 'module', dependencies: { plancheck: `file:${tarball.filename}` } }));
  writeFileSync(join(project, 'package-lock.json'), JSON.stringify(lockFor(tarball.filename, tarball.integrity), null, 2));
  const r = run(NPM, ['ci', '--offline', '--no-audit', '--no-fund'], project);
  if (r.status !== 0) throw new Error(`npm ci --offline failed:\n${r.stderr}`);
  // on every supported Node (tests/package/node-versions.test.ts): nothing installed refuses this one
  if (/EBADENGINE/.test(r.stderr)) throw new Error(`npm ci --offline warned of an engine:\n${r.stderr}`);
}, 180_000);

describe('the packed tarball', () => {
  it('holds only what the CLI and the API need', () => {
    const allowed = [/^LICENSE$/, /^README\.md$/, /^package\.json$/, /^bin\/plancheck\.js$/, /^dist\/plancheck\.cjs$/, /^dist\/docx\.cjs$/, /^dist\/api\.js$/, /^dist\/types\/.+\.d\.ts$/, /^dist\/plan-cache\/[\w-]+\.json$/, /^dist\/regions\.tsv$/, /^dist\/schema\/plan-validate\.cjs$/, /^plans\/[\w-]+\.yaml$/, /^schemas\/[\w-]+\.schema\.json$/, /^sources\/([\w-]+\.txt|README\.md)$/, /^docs\/plan-format\.md$/];
    expect(files.filter((f) => !allowed.some((a) => a.test(f)))).toEqual([]);
    for (const must of ['LICENSE', 'dist/plancheck.cjs', 'dist/docx.cjs', 'dist/api.js', 'dist/types/index.d.ts', 'plans/suzhou.yaml', 'dist/plan-cache/suzhou.json', 'dist/regions.tsv', 'schemas/result.schema.json', 'schemas/diff.schema.json']) expect(files).toContain(must);
    expect(files.some((f) => f.endsWith('.map'))).toBe(false);
  });

  it('declares as runtime dependencies exactly what the bundle leaves outside (yaml, ajv, and the libraries loaded on demand)', () => {
    const bundle = readFileSync(join(ROOT, 'dist/plancheck.cjs'), 'utf8');
    const required = new Set([...bundle.matchAll(/(?:require|import)\("([^".][^"]*)"\)/g)].map((m) => (m[1] as string).replace(/^(@[^/]+\/[^/]+|[^/]+).*$/, '$1')).filter((n) => !n.startsWith('node:') && !['fs', 'path', 'url', 'os', 'module', 'crypto', 'stream', 'util', 'events', 'child_process', 'tty', 'process', 'string_decoder', 'buffer', 'assert', 'zlib'].includes(n)));
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...required].sort());
    expect(required).toContain('yaml');
    expect(required).toContain('ajv');
    // the Word writer beside it holds docx and fflate whole: nothing to install for it
    expect(bundle).toContain('require("./docx.cjs")');
    const docx = readFileSync(join(ROOT, 'dist/docx.cjs'), 'utf8');
    expect([...docx.matchAll(/(?:require|import)\("([^"]+)"\)/g)].map((m) => (m[1] as string).replace(/^node:/, '')).filter((n) => !builtinModules.includes(n))).toEqual([]);
    expect(Object.keys(pkg.dependencies)).not.toContain('docx');
  });

  it('the SARIF help links and the package agree on the homepage', () => {
    expect(HOMEPAGE).toBe(pkg.homepage);
  });

  it('installs offline and runs `npx plancheck evaluate` in an empty project', () => {
    const r = run(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--no-install', 'plancheck', 'evaluate', '--plan', 'suzhou', join(ROOT, 'examples/suzhou-2023.csv'), '--format', 'json'], project);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.status).toBe(1); // some 2023 checks fail: the README's first example
    const doc = JSON.parse(r.stdout) as { plan: { id: string }; plancheck_version: string };
    assertValidJson('result', doc);
    expect(doc.plan.id).toBe('suzhou');
    expect(doc.plancheck_version).toBe(pkg.version);
    expect(run('npx', ['--no-install', 'plancheck', '--version'], project).stdout.trim()).toBe(pkg.version);
  });

  it('reads and writes workbooks with the installed dependencies (saxes, yauzl, exceljs)', () => {
    const out = join(project, 'results.xlsx');
    const r = run('npx', ['--no-install', 'plancheck', 'evaluate', '--plan', join(ROOT, 'tests/fixtures/basic/plan.yaml'), join(ROOT, 'tests/fixtures/workbook/bureau.xlsx'), '--format', 'json', '--output', `xlsx:${out}`], project);
    expect(r.stderr).not.toMatch(/internal error|Cannot find module/);
    expect(r.status).toBe(1);
    assertValidJson('result', JSON.parse(r.stdout) as unknown);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('writes a Word report with the Word writer beside the CLI (dist/docx.cjs)', () => {
    const out = join(project, 'report.docx');
    const r = run('npx', ['--no-install', 'plancheck', 'report', '--plan', 'suzhou', ...[2021, 2022, 2023, 2024, 2025].map((y) => join(ROOT, `examples/suzhou-${y}.csv`)), '--format', 'docx', '--output', out], project);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(existsSync(join(project, 'node_modules/docx'))).toBe(false);
    expect(existsSync(join(project, 'node_modules/nanoid'))).toBe(false);
  });

  it('reads a plan file of the user\'s own with the installed dependencies (yaml, ajv)', () => {
    const r = run('npx', ['--no-install', 'plancheck', 'evaluate', '--plan', join(ROOT, 'tests/fixtures/basic/plan.yaml'), join(ROOT, 'tests/fixtures/basic/data.csv'), '--format', 'json'], project);
    expect(r.stderr).not.toMatch(/internal error|Cannot find module/);
    expect(r.status).toBe(1);
    assertValidJson('result', JSON.parse(r.stdout) as unknown);
    const bad = run('npx', ['--no-install', 'plancheck', 'validate', join(ROOT, 'tests/fixtures/bad-plans/expr-syntax.yaml')], project);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/expr-syntax.yaml:\d+:\d+: error/);
  });

  it('drafts a plan from a web page and reads a PDF with the installed readers (htmlparser2, pdfjs-dist and its CMaps)', () => {
    const html = run('npx', ['--no-install', 'plancheck', 'draft', join(ROOT, 'tests/fixtures/draft/wuxi-15th.html'), '-o', join(project, 'wuxi.yaml')], project);
    expect(html.stderr).not.toMatch(/internal error|Cannot find module/);
    expect(html.status).toBe(0);
    expect(run('npx', ['--no-install', 'plancheck', 'validate', join(project, 'wuxi.yaml')], project).status).toBe(0);
    // Chinese in a font with no Unicode map: read only with the CMaps pdfjs-dist ships; the page holds no table
    writeFileSync(join(project, 'cid.pdf'), cidFontPdf(['无锡市“十五五”民政事业发展规划', '到2030年，养老服务设施覆盖率达到100%']));
    const pdf = run('npx', ['--no-install', 'plancheck', 'draft', join(project, 'cid.pdf')], project);
    expect(pdf.stderr).not.toMatch(/internal error|Cannot find module|scanned/);
    expect(pdf.status).toBe(2);
    expect(pdf.stderr).toMatch(/no indicator table of the plan was found/);
  });

  it('a script imports the API: evaluate, loadPlan, bundledPlanIds', () => {
    const script = join(project, 'check.mjs');
    writeFileSync(
      script,
      [
        "import { evaluate, loadPlan, bundledPlanIds } from 'plancheck';",
        "const plan = await loadPlan('suzhou');",
        `const run = await evaluate({ plans: ['suzhou'], data: [${JSON.stringify(join(ROOT, 'examples/suzhou-2023.csv'))}], policy: { failOn: 'binding', missing: 'warn' } });`,
        'const r = run.reports[0];',
        'console.log(JSON.stringify({ ids: bundledPlanIds(), plan: plan.plan.id, year: r.year, results: r.evaluation.results.length, failing: run.failing, first: r.evaluation.results[0].status }));',
      ].join('\n'),
    );
    const r = run(process.execPath, [script], project);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { ids: string[]; plan: string; year: number; results: number; failing: number; first: string };
    expect(out.ids).toContain('suzhou');
    expect(out).toMatchObject({ plan: 'suzhou', year: 2023 });
    expect(out.results).toBeGreaterThan(20);
    expect(out.failing).toBeGreaterThan(0);
  });

  it('the API is typed: a TypeScript consumer type-checks against the shipped declarations', () => {
    writeFileSync(
      join(project, 'check.ts'),
      [
        "import { evaluate, type CheckResult, type RunReport, type Status } from 'plancheck';",
        "const run: RunReport = await evaluate({ plans: ['suzhou'], data: ['x.csv'], policy: { failOn: 'any', missing: 'fail' } });",
        'const statuses: Status[] = run.reports.flatMap((r) => r.evaluation.results.map((x: CheckResult) => x.status));',
        'export const n: number = statuses.length + run.failing;',
        '// @ts-expect-error: failOn is one of binding, any, never',
        "export const bad = evaluate({ plans: [], data: [], policy: { failOn: 'sometimes', missing: 'warn' } });",
      ].join('\n'),
    );
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')] }, files: ['check.ts'] }));
    const r = run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.'], project);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
