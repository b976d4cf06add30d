/**
 * Bytes → text, detecting the encoding without a flag: a BOM decides
 * (UTF-8, UTF-16LE/BE); otherwise strict UTF-8, and if that fails GB18030
 * (a superset of GBK/GB2312, as Excel in China saves CSV). Node's own
 * TextDecoder (ICU) does the decoding.
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  readonly text: string;
  readonly encoding: Encoding;
  readonly bom: boolean;
}

export class BinaryFileError extends Error {}

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
