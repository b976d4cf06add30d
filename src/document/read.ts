/**
 * Reading a plan document from a file: what it is is told by its bytes
 * (a zip is Word's .docx, `%PDF` a PDF, an OLE file an old .doc/.wps, markup
 * a web page) and its name; each format's reader is loaded only when such a
 * file is read, so only `draft` (and `validate --seeds` of a draft made from
 * such a document) pays for the libraries. The old binary formats and
 * scanned PDFs are refused with what to do, in both languages.
 */
import { extname } from 'node:path';
import { decodeBytes } from '../data/decode.js';
import { DataError, errorDiagnostic } from '../errors.js';
import { readFile } from '../package-files.js';
import { SEA } from '../paths.js';
import type { PlanDocument } from './model.js';
import { readTxt } from './read-txt.js';

/** The extensions `draft` reads, and those it refuses with advice. */
export const DOCUMENT_EXTENSIONS = ['.docx', '.pdf', '.html', '.htm', '.txt'];

function refuse(file: string, code: string, en: string, zh: string): never {
  throw new DataError(en, [errorDiagnostic(code, { en, zh }, { file })]);
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

export type DocumentKind = 'docx' | 'pdf' | 'html' | 'txt';

/** What a file is, by its first bytes and its name; throws DataError for what `draft` cannot read. */
export function documentKind(file: string, bytes: Uint8Array): DocumentKind {
  const ext = extname(file).toLowerCase();
  if (startsWith(bytes, OLE) || ext === '.doc' || ext === '.wps' || ext === '.dot' || ext === '.rtf') {
    refuse(
      file,
      'DOCUMENT_FORMAT',
      `${file} is a Word 97–2003 or WPS document (.doc/.wps), which plancheck does not read: open it in Word or WPS and save it as .docx (File → Save As → Word Document), then draft the .docx`,
      `${file} 是 Word 97–2003 或 WPS 文档（.doc/.wps），plancheck 无法读取：请在 Word 或 WPS 中打开，另存为 .docx（文件 → 另存为 → Word 文档），再对 .docx 起草`,
    );
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext === '.xlsx' || ext === '.xls' || ext === '.et' || ext === '.pptx') {
      refuse(file, 'DOCUMENT_FORMAT', `${file} is a workbook or a presentation, not a plan document: draft the plan's .docx, .pdf, .html or .txt`, `${file} 是工作簿或演示文稿，不是规划文本：请对规划的 .docx、.pdf、.html 或 .txt 文件起草`);
    }
    return 'docx';
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    refuse(file, 'DOCUMENT_FORMAT', `${file} is not a document plancheck reads (.docx, .pdf, .html, .htm, .txt)`, `${file} 不是 plancheck 能读取的文件（.docx、.pdf、.html、.htm、.txt）`);
  }
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml' || ext === '.mht') return 'html';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml') && head.includes('<html')) return 'html';
  return 'txt';
}

/** Read a plan document. Throws DataError (exit 2) for a file that cannot be read or is not a document. */
export async function readPlanDocument(file: string): Promise<PlanDocument> {
  let bytes: Uint8Array;
  try {
    // a bundled plan's source document may be inside a standalone executable
    bytes = readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? { en: 'no such file', zh: '文件不存在' } : code === 'EISDIR' ? { en: 'it is a folder', zh: '这是一个文件夹' } : code === 'EACCES' ? { en: 'permission denied', zh: '没有读取权限' } : { en: String((e as Error).message), zh: String((e as Error).message) };
    return refuse(file, 'READ', `cannot read ${file}: ${why.en}`, `无法读取 ${file}：${why.zh}`);
  }
  const kind = documentKind(file, bytes);
  switch (kind) {
    case 'docx': {
      const { readDocx } = await import('./read-docx.js');
      return readDocx(bytes, file);
    }
    case 'pdf': {
      // PDF.js needs a native canvas module (@napi-rs/canvas) under Node, which a standalone executable cannot load from inside itself
      if (SEA !== undefined) {
        return refuse(
          file,
          'DOCUMENT_FORMAT',
          `${file} is a PDF, which the standalone executable does not read (PDF.js needs a native module): draft the plan's .docx or web page instead, or this PDF with the npm package (npx plancheck draft)`,
          `${file} 是 PDF，独立可执行文件无法读取（PDF.js 需要原生模块）：请改用规划的 .docx 或网页起草，或用 npm 包（npx plancheck draft）读取该 PDF`,
        );
      }
      const { readPdf } = await import('./read-pdf.js');
      return readPdf(bytes, file);
    }
    case 'html': {
      const { readHtml } = await import('./read-html.js');
      return readHtml(bytes);
    }
    case 'txt': {
      let text: string;
      try {
        text = decodeBytes(bytes).text;
      } catch {
        return refuse(file, 'ENCODING', `${file} is neither UTF-8 nor GB18030/GBK text`, `${file} 既不是 UTF-8 也不是 GB18030/GBK 文本`);
      }
      return readTxt(text);
    }
  }
}

/** The text quotes are checked against (validate --seeds): a document's text, as `draft` read it. */
export async function readSourceText(file: string): Promise<string> {
  return (await readPlanDocument(file)).text;
}
