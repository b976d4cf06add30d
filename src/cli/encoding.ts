/**
 * Text meant for Excel (`template`, `--format csv`, `--output csv:…`): UTF-8
 * with a byte-order mark by default, which Excel on Chinese Windows needs to
 * read UTF-8 at all (without it, it reads the file as GBK); `--encoding utf8`
 * leaves the mark out, `--encoding gb18030` writes the Chinese national
 * encoding (iconv-lite, loaded only then).
 */
import { UsageError } from '../errors.js';

export type TextEncoding = 'utf8-bom' | 'utf8' | 'gb18030';
export const ENCODINGS: readonly TextEncoding[] = ['utf8-bom', 'utf8', 'gb18030'];

export function parseEncoding(value: string | undefined): TextEncoding {
  if (value === undefined) return 'utf8-bom';
  const v = value.toLowerCase().replace(/[-_]/g, '');
  if (v === 'utf8bom') return 'utf8-bom';
  if (v === 'utf8') return 'utf8';
  if (v === 'gb18030' || v === 'gbk' || v === 'gb2312') return 'gb18030';
  throw new UsageError({ en: `--encoding must be one of ${ENCODINGS.join(', ')}, not "${value}"`, zh: `--encoding 只能是 ${ENCODINGS.join('、')} 之一，不能是“${value}”` });
}

/** The text's bytes in the encoding (a string for UTF-8, so that a terminal gets text). */
export async function encodeText(text: string, encoding: TextEncoding): Promise<string | Uint8Array> {
  if (encoding === 'utf8') return text;
  if (encoding === 'utf8-bom') return `\uFEFF${text}`;
  const iconv = (await import('iconv-lite')).default;
  return iconv.encode(text, 'gb18030');
}
