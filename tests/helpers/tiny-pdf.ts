/**
 * Small PDFs written byte by byte, for what office output does not make:
 * a page that is only a picture (a scanned document), and Chinese text in a
 * font that is not embedded and has no Unicode map (STSong-Light, encoded
 * with Adobe's UniGB-UCS2-H CMap), which a reader can decode only with the
 * CMaps PDF.js ships.
 */
function pdf(objects: readonly string[]): Uint8Array {
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const stream = (content: string, extra = ''): string => `<< /Length ${Buffer.byteLength(content, 'latin1')}${extra} >>\nstream\n${content}\nendstream`;

/** One A4 page holding only an 8×8 grey picture, stretched over the page: a scan, no text. */
export function scannedPdf(): Uint8Array {
  const pixels = Buffer.alloc(64, 0x80).toString('latin1');
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
    stream('q 595 0 0 842 0 0 cm /Im1 Do Q'),
    stream(pixels, ' /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8'),
  ]);
}

/** Lines of Chinese text in STSong-Light, not embedded, codes in UCS-2 through UniGB-UCS2-H (no ToUnicode map). */
export function cidFontPdf(lines: readonly string[]): Uint8Array {
  const hex = (s: string): string => [...s].map((c) => (c.codePointAt(0) as number).toString(16).padStart(4, '0')).join('');
  const content = lines.map((l, i) => `BT /F1 14 Tf 72 ${760 - i * 24} Td <${hex(l)}> Tj ET`).join('\n');
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(content),
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}
