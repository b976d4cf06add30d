/**
 * Bytes → text, detecting the encoding without a flag: a BOM decides
 * (UTF-8, UTF-16LE/BE); otherwise strict UTF-8, and if that fails GB18030
 * (a superset of GBK/GB2312, as Excel in China saves CSV). Node's own
 * TextDecoder (ICU) does the decoding.
 */
import { TextDecoder } from 'node:util';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  readonly text: string;
  readonly encoding: Encoding;
  readonly bom: boolean;
}

export class BinaryFileError extends Error {}

/** The Chinese of a BinaryFileError's message. */
export function encodingProblemZh(message: string): string {
  if (message.startsWith('this looks like a binary')) return '这看起来是二进制文件（含有 NUL 字节），不是 CSV';
  if (message.startsWith('the file is neither')) return '文件既不是 UTF-8 也不是 GB18030/GBK 文本';
  return message;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) throw new BinaryFileError('this looks like a binary file (it contains NUL bytes), not a CSV');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    // not UTF-8: GB18030 decodes every byte sequence GBK and GB2312 produce
  }
  const text = new TextDecoder('gb18030').decode(bytes);
  if (text.includes('\uFFFD')) {
    throw new BinaryFileError('the file is neither UTF-8 nor GB18030/GBK text');
  }
  return { text, encoding: 'gb18030', bom: false };
}

/**
 * Decoding a file chunk by chunk, reading it once. A BOM decides; otherwise
 * UTF-8 while the bytes are valid UTF-8. GB18030 is chosen at the first
 * byte sequence that is not UTF-8 — possible without going back only while
 * everything before it was ASCII, which both encodings read alike; after
 * non-ASCII UTF-8, invalid bytes are an error.
 */
export class StreamDecoder {
  private decoder: TextDecoder | undefined;
  private chosen: Encoding | undefined;
  private bom = false;
  private asciiSoFar = true;
  private first = true;

  get encoding(): Encoding {
    return this.chosen ?? 'utf-8';
  }

  get hadBom(): boolean {
    return this.bom;
  }

  push(chunk: Uint8Array): string {
    let bytes = chunk;
    if (this.first) {
      this.first = false;
      if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        this.start('utf-8', true);
        bytes = bytes.subarray(3);
      } else if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
        this.start('utf-16le', true);
        bytes = bytes.subarray(2);
      } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
        this.start('utf-16be', true);
        bytes = bytes.subarray(2);
      } else if (bytes.subarray(0, 8192).includes(0)) {
        throw new BinaryFileError('this looks like a binary file (it contains NUL bytes), not a CSV');
      }
    }
    if (this.chosen !== undefined && this.chosen !== 'utf-8') return this.decodeChecked(bytes);
    this.decoder ??= new TextDecoder('utf-8', { fatal: true });
    try {
      const text = this.decoder.decode(bytes, { stream: true });
      if (this.asciiSoFar && !isAscii(bytes)) this.asciiSoFar = false;
      return text;
    } catch {
      if (this.chosen === 'utf-8' || !this.asciiSoFar) throw new BinaryFileError('the file is not valid UTF-8 throughout (it starts as UTF-8, then has bytes that are not)');
      this.start('gb18030', false);
      return this.decodeChecked(bytes);
    }
  }

  end(): string {
    if (!this.decoder) return '';
    try {
      return this.decoder.decode();
    } catch {
      throw new BinaryFileError('the file ends in the middle of a character');
    }
  }

  private start(encoding: Encoding, bom: boolean): void {
    this.chosen = encoding;
    this.bom = bom;
    this.decoder = new TextDecoder(encoding, encoding === 'utf-8' ? { fatal: true } : {});
  }

  private decodeChecked(bytes: Uint8Array): string {
    const text = (this.decoder as TextDecoder).decode(bytes, { stream: true });
    if (this.chosen === 'gb18030' && text.includes('\uFFFD')) throw new BinaryFileError('the file is neither UTF-8 nor GB18030/GBK text');
    return text;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) return false;
  return true;
}
