/**
 * `draft` measured on the five seed documents (issue 20, item 5): each
 * seed's main indicator table drafted from the text and from the .docx,
 * .pdf and web pages LibreOffice makes of it, and compared with the bundled
 * hand-encoded plan cell by cell (tests/helpers/draft-accuracy.ts). The
 * figures are computed here and must be the README's; the goal is ≥ 95% of
 * the table cells right in every format, and no silent error: every cell the
 * draft reads otherwise than the hand plan is marked as a guess.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPlanDocument } from '../../src/document/read.js';
import { draftPlan } from '../../src/draft/draft.js';
import { loadPlan } from '../../src/plan/load.js';
import { compareDraft, type Accuracy } from '../helpers/draft-accuracy.js';
import { ROOT } from '../helpers/run-cli.js';
import { LIBREOFFICE, seedDocuments, type SeedDocuments } from '../helpers/seed-documents.js';

/** The seeds, their bundled plan, and the table it reads its indicators from. */
const SEEDS = [
  { seed: 'suzhou-14th.txt', plan: 'suzhou', table: '表2' },
  { seed: 'taicang-14th.txt', plan: 'taicang', table: '附件2' },
  { seed: 'suqian-14th.txt', plan: 'suqian', table: '表2' },
  { seed: 'zhongshan-14th.txt', plan: 'zhongshan', table: '专栏1' },
  { seed: 'chuxiong-14th.txt', plan: 'chuxiong', table: '表2' },
] as const;

type Format = 'txt' | 'docx' | 'pdf' | 'html' | 'html (GB2312)';
const FORMATS: readonly Format[] = ['txt', 'docx', 'pdf', 'html', 'html (GB2312)'];

function fileOf(seed: string, format: Format, docs: Map<string, SeedDocuments> | undefined): string {
  if (format === 'txt') return join(ROOT, 'sources', seed);
  const d = docs?.get(seed);
  if (!d) throw new Error(`no ${format} made of ${seed}`);
  return format === 'docx' ? d.docx : format === 'pdf' ? d.pdf : format === 'html' ? d.html : d.gbk;
}

async function measure(format: Format, docs: Map<string, SeedDocuments> | undefined): Promise<{ per: Map<string, Accuracy>; total: Accuracy }> {
  const per = new Map<string, Accuracy>();
  for (const s of SEEDS) {
    const file = fileOf(s.seed, format, docs);
    const draft = draftPlan(await readPlanDocument(file), { sourceFile: basename(file) });
    const { plan } = await loadPlan(s.plan);
    // the table's target columns: the years its drafted rows target
    const years = [...new Set(draft.plan.indicators.filter((i) => i.source?.table === s.table).flatMap((i) => i.targets.map((t) => t.year)))];
    per.set(s.plan, compareDraft(draft.plan, plan, s.table, years));
  }
  const all = [...per.values()];
  const sum = (k: 'indicators' | 'found' | 'extra' | 'cells' | 'right' | 'marked' | 'silent'): number => all.reduce((n, a) => n + a[k], 0);
  const total: Accuracy = { indicators: sum('indicators'), found: sum('found'), extra: sum('extra'), cells: sum('cells'), right: sum('right'), marked: sum('marked'), silent: sum('silent'), byField: all[0]?.byField as Accuracy['byField'], wrong: all.flatMap((a) => a.wrong), outside: all.flatMap((a) => a.outside) };
  return { per, total };
}

/** The README's row for a format: | format | found | right (share) | marked | silent | outside | */
export function readmeRow(format: Format, a: Accuracy): string {
  const pct = ((100 * a.right) / a.cells).toFixed(1);
  return `| ${format} | ${a.found} of ${a.indicators} | ${a.right} of ${a.cells} (${pct}%) | ${a.marked} | ${a.silent} | ${a.outside.length} |`;
}

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const office = LIBREOFFICE !== undefined || process.env['CI'] !== undefined;

describe('draft, measured on the five seed documents' + (office ? '' : ' (office formats skipped: no soffice; install Debian’s libreoffice-writer-nogui)'), () => {
  let docs: Map<string, SeedDocuments> | undefined;
  beforeAll(() => {
    if (office) docs = seedDocuments(SEEDS.map((s) => s.seed));
  }, 600_000);

  it.each(FORMATS)('%s: ≥ 95% of the main tables\' cells right, no silent error, the README\'s figures', async (format) => {
    if (format !== 'txt' && !office) return;
    const { per, total } = await measure(format, docs);
    expect(total.silent, `silent errors:\n${total.wrong.filter((w) => w.includes('SILENT')).join('\n')}`).toBe(0);
    expect(total.right / total.cells).toBeGreaterThanOrEqual(0.95);
    for (const [plan, a] of per) expect(a.found, `${plan}: every indicator of the table found`).toBe(a.indicators);
    const row = readmeRow(format, total);
    expect(readme.split('\n'), `the README's accuracy table should have the row\n${row}`).toContain(row);
  }, 120_000);
});
