/**
 * Plan authors' help in the editor: the plan schema has a stable `$id` on
 * the project's address, and a plan file that starts with the README's
 * modeline (`# yaml-language-server: $schema=…`) is checked by the YAML
 * language server (the `yaml-language-server` package VS Code's YAML
 * extension runs) against schemas/plan.schema.json. Every bundled plan
 * passes, and a typo is flagged at its line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

const SCHEMA_FILE = join(ROOT, 'schemas/plan.schema.json');
const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { $id: string };
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** A diagnostic's message, plain or Markdown. */
const messageText = (m: string | { value: string }): string => (typeof m === 'string' ? m : m.value);

/** The modelines the README shows, as written. */
const MODELINES = [...README.matchAll(/^# yaml-language-server: \$schema=(\S+)$/gm)].map((m) => m[1] as string);

/** The language server, asking for schemas as the editor would: by URL, served here from the files. */
function languageService(requested: string[]): ReturnType<typeof getLanguageService> {
  const ls = getLanguageService({
    schemaRequestService: (uri: string) => {
      requested.push(uri);
      // the project's address (what the editor downloads) and the installed package's file are the same file
      if (uri === schema.$id || uri === pathToFileURL(SCHEMA_FILE).href || uri.endsWith('/node_modules/plancheck/schemas/plan.schema.json')) return Promise.resolve(readFileSync(SCHEMA_FILE, 'utf8'));
      return Promise.reject(new Error(`no schema at ${uri}`));
    },
    workspaceContext: { resolveRelativePath: (relative: string, resource: string) => new URL(relative, resource).href },
  });
  ls.configure({ validate: true, completion: true, hover: true, yamlVersion: '1.2' });
  return ls;
}

describe('the plan schema in the editor (yaml-language-server)', () => {
  it('has a stable $id on the project\'s address, and the README shows the modeline with it', () => {
    expect(schema.$id).toBe('https://raw.githubusercontent.com/plancheck/plancheck/main/schemas/plan.schema.json');
    expect(MODELINES).toContain(schema.$id);
  });

  it.each(readdirSync(join(ROOT, 'plans')).filter((f) => f.endsWith('.yaml')))('bundled plan %s validates, with each modeline the README shows', async (name) => {
    const text = readFileSync(join(ROOT, 'plans', name), 'utf8');
    for (const modeline of MODELINES) {
      const requested: string[] = [];
      const ls = languageService(requested);
      // a plan in a bureau's repository, next to node_modules (for the relative modeline)
      const uri = pathToFileURL(join(ROOT, 'tests/fixtures/editor', name)).href;
      const doc = TextDocument.create(uri, 'yaml', 1, `# yaml-language-server: $schema=${modeline}\n${text}`);
      const problems = await ls.doValidation(doc, false);
      expect(requested.length, `${modeline}: the schema was asked for`).toBeGreaterThan(0);
      expect(problems.map((p) => `${p.range.start.line + 1}: ${messageText(p.message)}`)).toEqual([]);
    }
  });

  it('a misspelt key is flagged at its line, and completion offers the schema\'s keys', async () => {
    const ls = languageService([]);
    const text = readFileSync(join(ROOT, 'plans/suzhou.yaml'), 'utf8').replace(/^period:/m, 'perod:');
    const doc = TextDocument.create(pathToFileURL(join(ROOT, 'x.yaml')).href, 'yaml', 1, `# yaml-language-server: $schema=${schema.$id}\n${text}`);
    const problems = await ls.doValidation(doc, false);
    const line = text.split('\n').findIndex((l) => l.startsWith('perod:')) + 2;
    expect(problems.some((p) => p.range.start.line + 1 === line && /not allowed|perod/i.test(messageText(p.message)))).toBe(true);
    const empty = TextDocument.create(pathToFileURL(join(ROOT, 'y.yaml')).href, 'yaml', 1, `# yaml-language-server: $schema=${schema.$id}\n`);
    const items = await ls.doComplete(empty, { line: 1, character: 0 }, false);
    expect(items.items.map((i) => i.label)).toEqual(expect.arrayContaining(['id', 'title', 'region', 'period', 'indicators']));
  });
});
