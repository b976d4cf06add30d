/**
 * What every Word document plancheck writes shares: fonts and language that
 * Word, WPS and LibreOffice read as a Chinese document, and bytes that do not
 * change from run to run.
 */
import { unzipSync, zipSync } from 'fflate';

/**
 * East Asian text in SimSun (宋体) and SimHei (黑体), by their English names,
 * which Word and WPS match on every Windows; with the language zh-CN (w:lang
 * eastAsia) LibreOffice substitutes a Simplified Chinese face where they are
 * absent (Noto Serif/Sans CJK SC on Debian), never a Japanese one.
 */
export const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' };
export const HEAD_FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'SimHei', cs: 'Arial' };
const FONT_TABLE =
  '<w:font w:name="SimSun"><w:altName w:val="宋体"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>' +
  '<w:font w:name="SimHei"><w:altName w:val="黑体"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>' +
  '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>' +
  '<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>';
export const DOCX_LANGUAGE = { zh: { value: 'zh-CN', eastAsia: 'zh-CN' }, en: { value: 'en-GB', eastAsia: 'zh-CN' } } as const;

export const MM = 56.6929; // twips per millimetre
export const A4 = { w: Math.round(210 * MM), h: Math.round(297 * MM) };

/** The same document gives the same bytes: the creation time is the report's date, or none; zip entries get a fixed time; the font table names SimSun and SimHei as Word writes them for a Chinese document. */
export function deterministicDocx(bytes: Uint8Array, date: string | undefined): Uint8Array {
  const files = unzipSync(bytes);
  const core = files['docProps/core.xml'];
  if (core) {
    const xml = new TextDecoder().decode(core);
    const stamp = date === undefined ? '' : `${date}T00:00:00Z`;
    const fixed = xml.replace(/<dcterms:(created|modified)([^>]*)>[^<]*<\/dcterms:\1>/g, (_, tag: string, attrs: string) => (stamp ? `<dcterms:${tag}${attrs}>${stamp}</dcterms:${tag}>` : ''));
    files['docProps/core.xml'] = new TextEncoder().encode(fixed);
  }
  const table = files['word/fontTable.xml'];
  if (table) files['word/fontTable.xml'] = new TextEncoder().encode(new TextDecoder().decode(table).replace(/<w:fonts([^>]*?)\/>$|<w:fonts([^>]*?)>/, (_all, a?: string, b?: string) => `<w:fonts${a ?? b ?? ''}>${FONT_TABLE}${a !== undefined ? '</w:fonts>' : ''}`));
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { mtime }]])), { level: 6 });
}
