/**
 * A file name as a SARIF `artifactLocation.uri`: a URI reference (RFC 3986),
 * so every byte outside the unreserved set is percent-encoded — Chinese
 * characters, spaces, `#`, `%`, `?` — and Windows separators become `/`.
 * Absolute paths become `file:` URIs (`C:\a b.csv` → `file:///C:/a%20b.csv`).
 */
const encodeSegment = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function fileUri(file: string): string {
  const drive = /^([A-Za-z]):[\\/]/.exec(file);
  if (drive) return `file:///${drive[1] as string}:/${file.slice(3).split(/[\\/]/).map(encodeSegment).join('/')}`;
  if (/^[\\/]{2}[^\\/]/.test(file)) {
    // UNC: \\server\share\x.csv → file://server/share/x.csv
    const [host, ...rest] = file.slice(2).split(/[\\/]/);
    return `file://${encodeSegment(host as string)}/${rest.map(encodeSegment).join('/')}`;
  }
  const parts = file.split(/[\\/]/);
  if (file.startsWith('/') || file.startsWith('\\')) return `file://${parts.map(encodeSegment).join('/')}`;
  return parts.map(encodeSegment).join('/');
}
