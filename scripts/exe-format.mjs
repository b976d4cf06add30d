// What the standalone executables' build (scripts/build-exe.mjs) and its test
// need to read in them, where they cannot be run:
// - of a PE file (Microsoft's "PE Format" specification): its headers and
//   sections, the Authenticode certificate table (data directory 4), the
//   checksum, and the resources, where Node's single-executable applications
//   keep their blob (RT_RCDATA "NODE_SEA_BLOB");
// - of that blob (Node's src/node_sea.cc, SeaSerializer): the main script,
//   the code cache and the assets.

import { Buffer } from 'node:buffer';

const RT_RCDATA = 10;

/**
 * @param {Buffer} buf
 * @returns {{ machine: number, magic: number, timestamp: number, characteristics: number, subsystem: number, checksumAt: number, checksum: number, certificates: { offset: number, size: number }, certificatesAt: number, sections: { name: string, rva: number, virtualSize: number, offset: number, size: number }[], resourceRva: number }}
 */
export function readPe(buf) {
  if (buf.length < 0x40 || buf.toString('latin1', 0, 2) !== 'MZ') throw new Error('not a PE file: no MZ header');
  const pe = buf.readUInt32LE(0x3c);
  if (buf.toString('latin1', pe, pe + 4) !== 'PE\0\0') throw new Error('not a PE file: no PE signature');
  const coff = pe + 4;
  const sectionCount = buf.readUInt16LE(coff + 2);
  const optionalSize = buf.readUInt16LE(coff + 16);
  const opt = coff + 20;
  const magic = buf.readUInt16LE(opt);
  if (magic !== 0x20b) throw new Error(`not a PE32+ (64-bit) image: optional header magic ${magic.toString(16)}`);
  const dirs = opt + 112;
  const sections = [];
  for (let i = 0; i < sectionCount; i++) {
    const s = opt + optionalSize + i * 40;
    sections.push({ name: buf.toString('latin1', s, s + 8).replace(/\0+$/, ''), virtualSize: buf.readUInt32LE(s + 8), rva: buf.readUInt32LE(s + 12), size: buf.readUInt32LE(s + 16), offset: buf.readUInt32LE(s + 20) });
  }
  return {
    machine: buf.readUInt16LE(coff),
    timestamp: buf.readUInt32LE(coff + 4),
    characteristics: buf.readUInt16LE(coff + 18),
    magic,
    subsystem: buf.readUInt16LE(opt + 68),
    checksumAt: opt + 64,
    checksum: buf.readUInt32LE(opt + 64),
    certificatesAt: dirs + 4 * 8,
    certificates: { offset: buf.readUInt32LE(dirs + 4 * 8), size: buf.readUInt32LE(dirs + 4 * 8 + 4) },
    resourceRva: buf.readUInt32LE(dirs + 2 * 8),
    sections,
  };
}

/** The file offset of a relative virtual address. */
function offsetOf(sections, rva) {
  const s = sections.find((x) => rva >= x.rva && rva < x.rva + Math.max(x.virtualSize, x.size));
  if (s === undefined) throw new Error(`RVA ${rva.toString(16)} is in no section`);
  return rva - s.rva + s.offset;
}

/**
 * Every resource: type, name (a number or a string), language, and where its
 * bytes are in the file.
 * @param {Buffer} buf
 * @returns {{ type: number | string, name: number | string, lang: number | string, offset: number, size: number }[]}
 */
export function readResources(buf) {
  const { sections, resourceRva } = readPe(buf);
  if (resourceRva === 0) return [];
  const base = offsetOf(sections, resourceRva);
  const idOrName = (v) => ((v & 0x80000000) !== 0 ? buf.toString('utf16le', base + (v & 0x7fffffff) + 2, base + (v & 0x7fffffff) + 2 + 2 * buf.readUInt16LE(base + (v & 0x7fffffff))) : v);
  const entries = (at) => {
    const n = buf.readUInt16LE(at + 12) + buf.readUInt16LE(at + 14);
    return Array.from({ length: n }, (_, i) => ({ id: idOrName(buf.readUInt32LE(at + 16 + i * 8)), to: buf.readUInt32LE(at + 16 + i * 8 + 4) }));
  };
  const out = [];
  for (const t of entries(base)) {
    for (const n of entries(base + (t.to & 0x7fffffff))) {
      for (const l of entries(base + (n.to & 0x7fffffff))) {
        const data = base + l.to;
        out.push({ type: t.id, name: n.id, lang: l.id, offset: offsetOf(sections, buf.readUInt32LE(data)), size: buf.readUInt32LE(data + 4) });
      }
    }
  }
  return out;
}

/** The bytes of Node's single-executable blob in a PE file, or undefined. */
export function seaBlob(buf) {
  const r = readResources(buf).find((x) => x.type === RT_RCDATA && x.name === 'NODE_SEA_BLOB');
  return r === undefined ? undefined : buf.subarray(r.offset, r.offset + r.size);
}

/** The PE checksum (the image-help algorithm: 16-bit one's-complement sum with the checksum field left out, plus the length). */
export function peChecksum(buf) {
  const { checksumAt } = readPe(buf);
  let sum = 0;
  const words = Math.floor(buf.length / 2);
  for (let i = 0; i < words; i++) {
    const at = i * 2;
    if (at === checksumAt || at === checksumAt + 2) continue;
    sum += buf.readUInt16LE(at);
    sum = (sum & 0xffff) + (sum >>> 16);
  }
  if (buf.length % 2 === 1) {
    sum += buf[buf.length - 1];
    sum = (sum & 0xffff) + (sum >>> 16);
  }
  sum = (sum & 0xffff) + (sum >>> 16);
  return (sum + buf.length) >>> 0;
}

/** Write the correct checksum into the headers (in place). */
export function fixPeChecksum(buf) {
  buf.writeUInt32LE(peChecksum(buf), readPe(buf).checksumAt);
  return buf;
}

/**
 * The file without its Authenticode signature, as `signtool remove /s` leaves
 * it: the certificate table (always at the end of the file) cut off and its
 * directory entry zeroed. Adding the single-executable blob would otherwise
 * leave the entry pointing at bytes that are no longer a signature.
 */
export function stripSignature(buf) {
  const { certificates, certificatesAt } = readPe(buf);
  if (certificates.size === 0) return buf;
  if (certificates.offset + certificates.size !== buf.length) throw new Error('the certificate table is not at the end of the file');
  const out = Buffer.from(buf.subarray(0, certificates.offset));
  out.writeUInt32LE(0, certificatesAt);
  out.writeUInt32LE(0, certificatesAt + 4);
  return fixPeChecksum(out);
}

/** The blob's first four bytes (node_sea.h kMagic). */
export const SEA_MAGIC = 0x0143da20;
/** SeaFlags (node_sea.h). */
export const SEA_FLAGS = { disableExperimentalSeaWarning: 1, useSnapshot: 2, useCodeCache: 4, includeAssets: 8, includeExecArgv: 16 };

/**
 * A single-executable blob as Node 26 writes it: magic and flags (uint32),
 * how NODE_OPTIONS may extend the arguments (uint8: 0 none, 1 env, 2 cli),
 * the main script's format (uint8: 0 CommonJS, 1 ES module), then
 * length-prefixed (uint64) strings: the main script's path and code, the code
 * cache (if flagged), the assets as key and content (if flagged), the exec
 * arguments (if flagged). `end` is where the reading stopped: the blob's
 * length when the layout is as read.
 * @param {Buffer} blob
 */
export function parseSeaBlob(blob) {
  let at = 0;
  const u8 = () => blob[at++];
  const u32 = () => ((at += 4), blob.readUInt32LE(at - 4));
  const u64 = () => ((at += 8), Number(blob.readBigUInt64LE(at - 8)));
  const bytes = () => {
    const n = u64();
    at += n;
    if (at > blob.length) throw new Error('the blob ends inside a string');
    return blob.subarray(at - n, at);
  };
  const magic = u32();
  if (magic !== SEA_MAGIC) throw new Error(`not a single-executable blob: magic ${magic.toString(16)}`);
  const flags = u32();
  const execArgvExtension = ['none', 'env', 'cli'][u8()];
  const mainFormat = ['commonjs', 'module'][u8()];
  const codePath = bytes().toString('utf8');
  const main = bytes();
  const codeCache = flags & SEA_FLAGS.useCodeCache ? bytes() : undefined;
  const assets = new Map();
  if (flags & SEA_FLAGS.includeAssets) for (let n = u64(); n > 0; n--) assets.set(bytes().toString('utf8'), bytes());
  const execArgv = [];
  if (flags & SEA_FLAGS.includeExecArgv) for (let n = u64(); n > 0; n--) execArgv.push(bytes().toString('utf8'));
  return { flags, execArgvExtension, mainFormat, codePath, main, codeCache, assets, execArgv, end: at };
}
