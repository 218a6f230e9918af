// The entries of a tar archive, in order, as Go's archive/tar reads them
// (ustar, PAX path/linkpath/size/uid/gid/mtime records, GNU long names,
// base-256 numbers): what ADD extracts. Unlike a layer tar, nothing is
// interpreted: `.wh.` names are plain files, and names are cleaned inside
// the destination as go-archive's Untar does in its chroot (`../x` is `x`).

export class TarError extends Error {}

export interface TarEntry {
  /** Components of the cleaned name; empty for the archive's root (`.`, `./`). */
  names: string[];
  /** '0' file, '1' hard link, '2' symlink, '5' directory, others as found. */
  type: string;
  mode: number;
  uid: number;
  gid: number;
  /** ms since the epoch. */
  mtime: number;
  linkname: string;
  data: Uint8Array;
}

const BLOCK = 512;
const EMPTY = new Uint8Array(0);
const utf8 = new TextDecoder();

function cstr(b: Uint8Array, off: number, len: number): string {
  let end = off;
  while (end < off + len && b[end] !== 0) end++;
  return utf8.decode(b.subarray(off, end));
}

/** An octal field, or a base-256 one (high bit set) as GNU tar writes big values. */
function num(b: Uint8Array, off: number, len: number): number {
  if (b[off]! & 0x80) {
    let v = b[off]! & 0x7f;
    for (let i = 1; i < len; i++) v = v * 256 + b[off + i]!;
    return v;
  }
  const s = cstr(b, off, len).replace(/ +$/, '').replace(/^ +/, '');
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new TarError('archive/tar: invalid tar header');
  return parseInt(s, 8);
}

/** Go's path.Clean of a name with its leading slashes dropped, kept inside the root. */
function clean(name: string): string[] {
  const out: string[] = [];
  for (const c of name.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') out.pop();
    else out.push(c);
  }
  return out;
}

/** Reads every entry; throws TarError (Go's messages) for a damaged archive. */
export function* tarEntries(tar: Uint8Array): Generator<TarEntry> {
  let p = 0;
  let longName: string | null = null;
  let longLink: string | null = null;
  let pax: Record<string, string> = {};
  while (p + BLOCK <= tar.length) {
    const h = tar.subarray(p, p + BLOCK);
    if (h.every((x) => x === 0)) return;
    let unsigned = 0;
    let signed = 0;
    for (let i = 0; i < BLOCK; i++) {
      const c = i >= 148 && i < 156 ? 0x20 : h[i]!;
      unsigned += c;
      signed += c >= 0x80 ? c - 256 : c;
    }
    const sum = num(h, 148, 8);
    if (sum !== unsigned && sum !== signed) throw new TarError('archive/tar: invalid tar header');
    let type = String.fromCharCode(h[156]!);
    let size = num(h, 124, 12);
    if ('123456'.includes(type)) size = 0;
    const start = p + BLOCK;
    const end = start + size;
    if (end > tar.length) throw new TarError('unexpected EOF');
    p = start + Math.ceil(size / BLOCK) * BLOCK;
    const body = tar.subarray(start, end);
    if (type === 'x' || type === 'g') {
      if (type === 'x') pax = { ...pax, ...paxRecords(body) };
      continue;
    }
    if (type === 'L') {
      longName = cstr(body, 0, body.length);
      continue;
    }
    if (type === 'K') {
      longLink = cstr(body, 0, body.length);
      continue;
    }
    let name = cstr(h, 0, 100);
    const magic = cstr(h, 257, 6);
    if (magic === 'ustar' && cstr(h, 263, 2) !== ' ') {
      const prefix = cstr(h, 345, 155);
      if (prefix !== '') name = prefix + '/' + name;
    }
    if (longName !== null) name = longName;
    if (pax.path !== undefined) name = pax.path;
    let linkname = longLink ?? cstr(h, 157, 100);
    if (pax.linkpath !== undefined) linkname = pax.linkpath;
    if (type === '\0') type = name.endsWith('/') ? '5' : '0';
    if (type === '7') type = '0';
    let data = body;
    if (pax.size !== undefined && type === '0') {
      const n = Number(pax.size);
      if (start + n > tar.length) throw new TarError('unexpected EOF');
      data = tar.subarray(start, start + n);
      p = start + Math.ceil(n / BLOCK) * BLOCK;
    }
    const entry: TarEntry = {
      names: clean(name),
      type,
      mode: num(h, 100, 8) & 0o7777,
      uid: pax.uid !== undefined ? Number(pax.uid) : num(h, 108, 8),
      gid: pax.gid !== undefined ? Number(pax.gid) : num(h, 116, 8),
      mtime: pax.mtime !== undefined ? Math.floor(Number(pax.mtime) * 1000) : num(h, 136, 12) * 1000,
      linkname,
      data: type === '0' ? data : EMPTY,
    };
    longName = longLink = null;
    pax = {};
    yield entry;
  }
  // The end without zero blocks is fine at an entry's boundary, not inside a header or its padding.
  if (p !== tar.length || longName !== null || longLink !== null || Object.keys(pax).length > 0) throw new TarError('unexpected EOF');
}

function paxRecords(b: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  let p = 0;
  while (p < b.length) {
    let sp = p;
    while (sp < b.length && b[sp] !== 0x20) sp++;
    const n = Number(utf8.decode(b.subarray(p, sp)));
    if (!Number.isInteger(n) || n < 5 || p + n > b.length) throw new TarError('archive/tar: invalid tar header');
    const rec = utf8.decode(b.subarray(sp + 1, p + n - 1));
    const eq = rec.indexOf('=');
    if (eq > 0) out[rec.slice(0, eq)] = rec.slice(eq + 1);
    p += n;
  }
  return out;
}
