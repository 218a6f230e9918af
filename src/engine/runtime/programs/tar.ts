// tar as GNU tar 1.34 (Debian, Ubuntu, the host) and busybox tar behave:
// -c, -x, -t (and GNU's -r, -u) over files of the simulated file system,
// -f, -C, -v/-vv, -z (gzip written with stored blocks, read with a real
// inflate), -O, -P, -h, -k, -m, --strip-components, --exclude, -T/-X,
// old-style bundled options (`tar cvf x.tar dir`), and each flavour's
// messages and exit statuses. Also gzip, gunzip and zcat (below).
//
// What both write, checked byte for byte against the real tools: GNU-format
// headers (magic "ustar  \0", mode without file-type bits, octal fields with
// a NUL, empty device numbers), names over 100 bytes in a `././@LongLink`
// entry before the header, directories ending in '/', two zero blocks at the
// end; GNU pads the archive to its 10240-byte record, busybox does not.
// Directories are walked in byte order (GNU's --sort=name). What they read:
// V7, GNU (long names and links), POSIX ustar (prefix) and PAX (path,
// linkpath, size, ids, names, mtime) archives: what `docker save` and
// `docker export` write.
//
// Standard input and output are text streams in the simulator: an archive
// passes through them (`tar cf - dir | tar xf - -C /dst`) only while its
// bytes are valid UTF-8, i.e. uncompressed archives of text files. Anything
// else (gzip, binary files) must go through a file (-f FILE); tar says so.
// The Fs has no owners to set nor hard links: extraction leaves files to
// the extracting user, a hard link becomes a copy of its target, and a
// symlink's own time is not restored.
import { concatBytes } from '../../layer/bytes.ts';
import { FsError, type Stat } from '../../fs/types.ts';
import { crc32Update, gzipStored } from '../../layer/gzip.ts';
import type { Program } from '../process.ts';
import { LostBytes, decodeText, encodeText, lineReader } from '../sh/io.ts';
import { dirname, resolvePath } from '../sh/path.ts';
import { hasGlob, matchPattern } from '../sh/pattern.ts';
import { Exit, type Flavour, type Tool, program, ticker, why } from './common.ts';
import { type InflateError, deflateRaw, gunzip, isGzip } from './inflate.ts';

const BLOCK = 512;
const RECORD = 20 * BLOCK;
const encoder = new TextEncoder();

// ---------------------------------------------------------------- headers

/** One archive member as both tools write and read it. */
export interface TarHeader {
  name: string;
  /** '0' file, '1' hard link, '2' symlink, '3'/'4' devices, '5' directory, '6' FIFO ... */
  typeflag: string;
  /** Permission bits (07777). */
  mode: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  size: number;
  /** Seconds since the epoch. */
  mtime: number;
  linkname: string;
}

export interface TarMember extends TarHeader {
  data: Uint8Array;
}

function putBytes(b: Uint8Array, off: number, size: number, s: Uint8Array): void {
  b.set(s.subarray(0, size), off);
}

/** GNU's octal field: zero-padded digits and a NUL; base-256 (GNU extension) when too big. */
function putNumber(b: Uint8Array, off: number, size: number, x: number): void {
  const digits = x.toString(8);
  if (x >= 0 && digits.length <= size - 1) {
    putBytes(b, off, size, encoder.encode(digits.padStart(size - 1, '0')));
    b[off + size - 1] = 0;
    return;
  }
  let v = x;
  for (let i = off + size - 1; i > off; i--) {
    b[i] = v % 256;
    v = Math.floor(v / 256);
  }
  b[off] = 0x80;
}

function checksum(b: Uint8Array): void {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : b[i]!;
  putBytes(b, 148, 6, encoder.encode(sum.toString(8).padStart(6, '0')));
  b[154] = 0;
  b[155] = 0x20;
}

function rawHeader(name: Uint8Array, h: TarHeader, size: number, linkname: Uint8Array, uname: string, gname: string): Uint8Array {
  const b = new Uint8Array(BLOCK);
  putBytes(b, 0, 100, name);
  putNumber(b, 100, 8, h.mode);
  putNumber(b, 108, 8, h.uid);
  putNumber(b, 116, 8, h.gid);
  putNumber(b, 124, 12, size);
  putNumber(b, 136, 12, h.mtime);
  b[156] = h.typeflag.charCodeAt(0);
  putBytes(b, 157, 100, linkname);
  putBytes(b, 257, 8, encoder.encode('ustar  \0'));
  putBytes(b, 265, 32, encoder.encode(uname));
  putBytes(b, 297, 32, encoder.encode(gname));
  checksum(b);
  return b;
}

function padded(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(data.length / BLOCK) * BLOCK);
  out.set(data);
  return out;
}

/** A member's header blocks in GNU format, as GNU tar (or, `busybox`, busybox tar) writes them. */
export function encodeHeader(h: TarHeader, flavour: Flavour = 'gnu'): Uint8Array[] {
  const out: Uint8Array[] = [];
  const name = encoder.encode(h.name);
  const link = encoder.encode(h.linkname);
  const long = (type: 'K' | 'L', bytes: Uint8Array) => {
    const data = new Uint8Array(bytes.length + 1);
    data.set(bytes);
    const gnu = flavour === 'gnu';
    const lh: TarHeader = { name: '', typeflag: type, mode: gnu ? 0o644 : 0, uid: 0, gid: 0, uname: '', gname: '', size: 0, mtime: 0, linkname: '' };
    out.push(rawHeader(encoder.encode('././@LongLink'), lh, data.length, new Uint8Array(0), gnu ? 'root' : '', gnu ? 'root' : ''));
    out.push(padded(data));
  };
  if (link.length > 100) long('K', link);
  if (name.length > 100) long('L', name);
  out.push(rawHeader(name, h, h.size, link, h.uname, h.gname));
  return out;
}

/**
 * A whole archive: headers and data of each member, two zero blocks, and
 * (GNU) padding to the 10240-byte record. `head`: members already written
 * (tar -r, -u), without their end-of-archive blocks.
 */
export function encodeArchive(members: Iterable<TarMember>, flavour: Flavour = 'gnu', head?: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let n = 0;
  const push = (c: Uint8Array) => {
    chunks.push(c);
    n += c.length;
  };
  if (head && head.length) push(head);
  for (const m of members) {
    for (const b of encodeHeader(m, flavour)) push(b);
    if (m.size > 0) push(padded(m.data));
  }
  push(new Uint8Array(2 * BLOCK));
  if (flavour === 'gnu' && n % RECORD) push(new Uint8Array(RECORD - (n % RECORD)));
  return concatBytes(chunks, n);
}

// ---------------------------------------------------------------- reading

export type ReadEvent =
  /** A member; `truncated` when the archive ends inside its data (`data` holds what there is). */
  | { kind: 'member'; member: TarMember; truncated: boolean }
  /** A block that is no header: the first one (not a tar archive), or later ones (skipped). */
  | { kind: 'bad'; first: boolean; reason: 'checksum' | 'magic' }
  /** The end: zero blocks, the end of the data, or (busybox) a partial block. */
  | { kind: 'end'; how: 'zero' | 'eof' | 'partial' | 'truncated'; offset: number };

function cString(b: Uint8Array, off: number, size: number): string {
  let end = off;
  while (end < off + size && end < b.length && b[end] !== 0) end++;
  return decodeText(b.subarray(off, end));
}

/** An octal (space/NUL padded) or base-256 field; null when it is neither. */
function parseNumber(b: Uint8Array, off: number, size: number): number | null {
  if (b[off]! & 0x80) {
    let x = b[off]! & 0x7f;
    if (b[off]! & 0x40) return null;
    for (let i = 1; i < size; i++) x = x * 256 + b[off + i]!;
    return x;
  }
  let s = '';
  for (let i = off; i < off + size; i++) {
    const c = b[i]!;
    if (c === 0) break;
    s += String.fromCharCode(c);
  }
  s = s.trim();
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) return null;
  return parseInt(s, 8);
}

function headerChecksumOk(b: Uint8Array): boolean {
  const want = parseNumber(b, 148, 8);
  if (want === null) return false;
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const c = i >= 148 && i < 156 ? 0x20 : b[i]!;
    unsigned += c;
    signed += c >= 0x80 ? c - 256 : c;
  }
  return want === unsigned || want === signed;
}

function isZero(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) return false;
  return true;
}

/** Types whose size says nothing about data following the header. */
const NO_DATA = '123456';

/**
 * The events of reading an archive. GNU reads whole blocks only (a partial
 * last block is not there); busybox reads exact sizes and calls a partial
 * header a short read, and it refuses headers without the "ustar" magic.
 */
export function* readArchive(input: Uint8Array, flavour: Flavour, opts: { ignoreZeros?: boolean } = {}): Generator<ReadEvent> {
  const gnu = flavour === 'gnu';
  const b = gnu ? input.subarray(0, input.length - (input.length % BLOCK)) : input;
  let off = 0;
  let first = true;
  let longName: string | null = null;
  let longLink: string | null = null;
  let pax: Partial<TarHeader> = {};
  let skipping = false;
  for (;;) {
    if (off >= b.length) {
      yield { kind: 'end', how: 'eof', offset: off };
      return;
    }
    if (off + BLOCK > b.length) {
      yield { kind: 'end', how: 'partial', offset: off };
      return;
    }
    const h = b.subarray(off, off + BLOCK);
    if (isZero(h)) {
      if (opts.ignoreZeros || skipping) {
        off += BLOCK;
        continue;
      }
      yield { kind: 'end', how: 'zero', offset: off };
      return;
    }
    if (!gnu) {
      const magic = cString(h, 257, 6);
      if (!magic.startsWith('ustar') && !isZero(h.subarray(257, 262))) {
        yield { kind: 'bad', first, reason: 'magic' };
        return;
      }
    }
    if (!headerChecksumOk(h)) {
      if (!skipping) yield { kind: 'bad', first, reason: 'checksum' };
      if (first || !gnu) return;
      skipping = true;
      off += BLOCK;
      continue;
    }
    skipping = false;
    first = false;
    let typeflag = String.fromCharCode(h[156]!);
    let name = cString(h, 0, 100);
    if (cString(h, 257, 6) === 'ustar' && h[263] === 0x30 && h[264] === 0x30) {
      const prefix = cString(h, 345, 155);
      if (prefix) name = `${prefix}/${name}`;
    }
    const size = parseNumber(h, 124, 12) ?? 0;
    const dataStart = off + BLOCK;
    const special = 'xgLK'.includes(typeflag);
    const hasData = special || !NO_DATA.includes(typeflag);
    const dataSize = hasData ? (special ? size : (pax.size ?? size)) : 0;
    const blocks = Math.ceil(dataSize / BLOCK) * BLOCK;
    const avail = Math.max(0, Math.min(dataSize, b.length - dataStart));
    const truncated = gnu ? dataStart + blocks > b.length : avail < dataSize;
    const data = b.subarray(dataStart, dataStart + avail);
    if (special) {
      if (truncated) {
        yield { kind: 'end', how: 'truncated', offset: off };
        return;
      }
      if (typeflag === 'L') longName = cString(data, 0, data.length);
      else if (typeflag === 'K') longLink = cString(data, 0, data.length);
      else if (typeflag === 'x') pax = { ...pax, ...paxRecords(data) };
      off = dataStart + blocks;
      continue;
    }
    if (longName !== null) name = longName;
    let linkname = longLink ?? cString(h, 157, 100);
    if (pax.name !== undefined) name = pax.name;
    if (pax.linkname !== undefined) linkname = pax.linkname;
    if (typeflag === '\0' || typeflag === '7') typeflag = '0';
    if (typeflag === '0' && name.endsWith('/')) typeflag = '5';
    const member: TarMember = {
      name,
      typeflag,
      mode: (parseNumber(h, 100, 8) ?? 0) & 0o7777,
      uid: pax.uid ?? parseNumber(h, 108, 8) ?? 0,
      gid: pax.gid ?? parseNumber(h, 116, 8) ?? 0,
      uname: pax.uname ?? cString(h, 265, 32),
      gname: pax.gname ?? cString(h, 297, 32),
      size: hasData ? dataSize : size,
      mtime: pax.mtime ?? parseNumber(h, 136, 12) ?? 0,
      linkname,
      data,
    };
    longName = longLink = null;
    pax = {};
    yield { kind: 'member', member, truncated };
    if (truncated) {
      yield { kind: 'end', how: 'truncated', offset: off };
      return;
    }
    off = dataStart + (hasData ? blocks : 0);
  }
}

function paxRecords(data: Uint8Array): Partial<TarHeader> {
  const out: Partial<TarHeader> = {};
  let pos = 0;
  while (pos < data.length) {
    let sp = pos;
    while (sp < data.length && data[sp] !== 0x20) sp++;
    const n = Number(decodeText(data.subarray(pos, sp)));
    if (!Number.isInteger(n) || n <= 0 || pos + n > data.length) break;
    const rec = decodeText(data.subarray(sp + 1, pos + n - 1));
    pos += n;
    const eq = rec.indexOf('=');
    if (eq < 0) continue;
    const k = rec.slice(0, eq);
    const v = rec.slice(eq + 1);
    const num = Number(v);
    switch (k) {
      case 'path':
        out.name = v;
        break;
      case 'linkpath':
        out.linkname = v;
        break;
      case 'uname':
        out.uname = v;
        break;
      case 'gname':
        out.gname = v;
        break;
      case 'size':
      case 'uid':
      case 'gid':
        if (Number.isFinite(num)) out[k] = num;
        break;
      case 'mtime':
        if (Number.isFinite(num)) out.mtime = Math.floor(num);
        break;
    }
  }
  return out;
}

// ---------------------------------------------------------------- names

/** GNU's safer_name_suffix: [the prefix it removes (up to a last `..` and leading slashes), the rest]. */
export function gnuUnsafePrefix(name: string): [string, string] {
  let prefixLen = 0;
  let p = 0;
  while (p < name.length) {
    if (name[p] === '.' && name[p + 1] === '.' && (name[p + 2] === '/' || p + 2 === name.length)) prefixLen = p + 2;
    do {
      const c = name[p++];
      if (c === '/') break;
    } while (p < name.length);
  }
  let q = prefixLen;
  while (name[q] === '/') q++;
  const rest = name.slice(q);
  return [name.slice(0, q), rest === '' && q > 0 ? '.' : rest];
}

/** busybox's strip_unsafe_prefix: leading slashes, leading `../`, and everything up to a last `/../`. */
export function busyboxUnsafePrefix(name: string): [string, string] {
  let cp = 0;
  for (;;) {
    if (name[cp] === '/') {
      cp++;
      continue;
    }
    if (name.startsWith('../', cp)) {
      cp += 3;
      continue;
    }
    const i = name.indexOf('/../', cp);
    if (i < 0) break;
    cp = i + 4;
  }
  return [name.slice(0, cp), name.slice(cp)];
}

function hasDotDot(name: string): boolean {
  return name.split('/').includes('..');
}

/** GNU's quotearg "escape" style in the C locale, for names in listings. */
function gnuQuote(name: string): string {
  let out = '';
  for (const byte of encoder.encode(name)) {
    if (byte === 0x5c) out += '\\\\';
    else if (byte === 0x0a) out += '\\n';
    else if (byte === 0x09) out += '\\t';
    else if (byte === 0x0d) out += '\\r';
    else if (byte === 0x0b) out += '\\v';
    else if (byte === 0x0c) out += '\\f';
    else if (byte === 0x08) out += '\\b';
    else if (byte === 0x07) out += '\\a';
    else if (byte < 0x20 || byte >= 0x7f) out += '\\' + byte.toString(8).padStart(3, '0');
    else out += String.fromCharCode(byte);
  }
  return out;
}

/** Whether bytes are valid UTF-8 (then text streams carry them unchanged). */
export function isUtf8(b: Uint8Array): boolean {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if ((c & 0xe0) === 0xc0) [n, min] = [1, 0x80];
    else if ((c & 0xf0) === 0xe0) [n, min] = [2, 0x800];
    else if ((c & 0xf8) === 0xf0) [n, min] = [3, 0x10000];
    else return false;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += n + 1;
  }
  return true;
}

// ---------------------------------------------------------------- listing

function modeLetters(typeflag: string, mode: number, gnu: boolean): string {
  const t =
    { '5': 'd', '2': 'l', '1': gnu ? 'h' : '-', '3': 'c', '4': 'b', '6': 'p' }[typeflag] ??
    '-';
  const rwx = (bits: number, special: boolean, ch: string) =>
    (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + (special ? (bits & 1 ? ch : ch.toUpperCase()) : bits & 1 ? 'x' : '-');
  return t + rwx(mode >> 6, !!(mode & 0o4000), 's') + rwx(mode >> 3, !!(mode & 0o2000), 's') + rwx(mode, !!(mode & 0o1000), 't');
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** GNU's long listing; its user/group/size column only ever widens (ugswidth). */
class GnuLister {
  private ugswidth = 19;
  constructor(private readonly numeric: boolean) {}
  line(h: TarHeader, name: string): string {
    const user = !this.numeric && h.uname ? h.uname : String(h.uid);
    const group = !this.numeric && h.gname ? h.gname : String(h.gid);
    const size = String(h.typeflag === '3' || h.typeflag === '4' ? 0 : h.size);
    const pad = user.length + 1 + group.length + 1 + size.length;
    if (pad > this.ugswidth) this.ugswidth = pad;
    const d = new Date(h.mtime * 1000);
    const date = `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
    let s = `${modeLetters(h.typeflag, h.mode, true)} ${user}/${group} ${size.padStart(this.ugswidth - pad + size.length)} ${date} ${gnuQuote(name)}`;
    if (h.typeflag === '2') s += ` -> ${gnuQuote(h.linkname)}`;
    else if (h.typeflag === '1') s += ` link to ${gnuQuote(h.linkname)}`;
    return s;
  }
  /** -xvv: a parent directory tar had to create (print_for_mkdir). */
  mkdirLine(name: string): string {
    return `drwxr-xr-x ${'Creating directory:'.padStart(this.ugswidth + 1 + 16)} ${gnuQuote(name)}`;
  }
}

function busyboxLine(h: TarHeader, name: string): string {
  const d = new Date(h.mtime * 1000);
  const date = `${String(d.getUTCFullYear()).padStart(4)}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  const user = h.uname || String(h.uid);
  const group = h.gname || String(h.gid);
  let s = `${modeLetters(h.typeflag, h.mode, false)} ${user}/${group} ${String(h.size).padStart(9)} ${date} ${name}`;
  if (h.linkname && (h.typeflag === '1' || h.typeflag === '2')) s += ` -> ${h.linkname}`;
  return s;
}

// ---------------------------------------------------------------- options

interface Options {
  /** Create, extract, list, append (-r), update (-u). */
  mode: 'c' | 'x' | 't' | 'r' | 'u' | null;
  archive: string | null;
  /** Operands in order, with the -C changes between them. */
  items: ({ dir: string } | { name: string })[];
  verbose: number;
  compress: 'gzip' | 'bzip2' | 'xz' | 'lzip' | 'lzma' | 'lzop' | 'zstd' | 'compress' | null;
  auto: boolean;
  toStdout: boolean;
  absolute: boolean;
  dereference: boolean;
  keepOld: boolean;
  touch: boolean;
  strip: number;
  excludes: string[];
  excludeFrom: string[];
  filesFrom: string[];
  wildcards: boolean;
  numericOwner: boolean;
  owner: string | null;
  group: string | null;
  recursion: boolean;
  ignoreZeros: boolean;
}

// GNU tar 1.34's long options, in the order its ambiguity messages list
// them (recorded letter by letter from the real tar); '=' takes a value,
// '?' an optional one.
const GNU_LONG =
  'append atime-preserve? acls auto-compress absolute-names after-date= add-file= anchored blocking-factor= bzip2 backup? block-number create compare catenate concatenate check-device clamp-mtime compress checkpoint? checkpoint-action= check-links confirmation diff delete delay-directory-restore dereference directory= extract exclude= exclude-from= exclude-caches exclude-caches-under exclude-caches-all exclude-tag= exclude-ignore= exclude-ignore-recursive= exclude-tag-under= exclude-tag-all= exclude-vcs exclude-vcs-ignores exclude-backups file= force-local format= full-time files-from= get group= group-map= gzip gunzip hole-detection= hard-dereference help incremental ignore-failed-read ignore-command-error info-script= ignore-zeros index-file= interactive ignore-case keep-old-files keep-newer-files keep-directory-symlink list listed-incremental= level= label= lzip lzma lzop mtime= mode= multi-volume no-seek no-check-device no-overwrite-dir no-ignore-command-error no-same-owner numeric-owner no-same-permissions no-delay-directory-restore no-xattrs no-selinux no-acls new-volume-script= no-auto-compress newer= newer-mtime= no-quote-chars= null no-null no-unquote no-verbatim-files-from no-recursion no-anchored no-ignore-case no-wildcards no-wildcards-match-slash occurrence? overwrite overwrite-dir one-top-level? owner= owner-map= old-archive one-file-system preserve-permissions preserve-order portability posix pax-option= program-name= quoting-style= quote-chars= remove-files recursive-unlink rmt-command= rsh-command= record-size= read-full-records restrict recursion sparse sparse-version= seek skip-old-files same-owner same-permissions same-order sort= selinux starting-file= suffix= strip-components= show-defaults show-snapshot-field-ranges show-omitted-dirs show-transformed-names show-stored-names test-label to-stdout to-command= touch tape-length= transform= totals? update unlink-first use-compress-program= ungzip uncompress utc unquote usage verify volno-file= verbose verbatim-files-from version warning= wildcards wildcards-match-slash xattrs xattrs-include= xattrs-exclude= xz xform= zstd'.split(
    ' ',
  );

/** Long options that stand for a short one (aliases share a key: no ambiguity between them). */
const GNU_ALIAS: Record<string, string> = {
  create: 'c', extract: 'x', get: 'x', list: 't', catenate: 'A', concatenate: 'A', diff: 'd', compare: 'd', append: 'r', update: 'u',
  file: 'f', directory: 'C', verbose: 'v', gzip: 'z', gunzip: 'z', ungzip: 'z', bzip2: 'j', xz: 'J', compress: 'Z', uncompress: 'Z',
  'to-stdout': 'O', 'absolute-names': 'P', dereference: 'h', 'keep-old-files': 'k', touch: 'm', 'preserve-permissions': 'p',
  'same-permissions': 'p', 'auto-compress': 'a', 'files-from': 'T', 'exclude-from': 'X', 'ignore-zeros': 'i', 'preserve-order': 's',
  'same-order': 's', 'read-full-records': 'B', 'blocking-factor': 'b', format: 'H',
};

/** Options accepted and ignored (they change nothing the simulator models). */
const GNU_IGNORED = new Set([
  'p', 's', 'B', 'overwrite', 'overwrite-dir', 'no-overwrite-dir', 'unlink-first', 'U', 'recursive-unlink', 'same-owner', 'no-same-owner', 'o',
  'no-same-permissions', 'one-file-system', 'acls', 'no-acls', 'selinux', 'no-selinux', 'xattrs', 'no-xattrs', 'sort', 'H', 'b', 'full-time',
  'utc', 'no-auto-compress', 'force-local', 'delay-directory-restore', 'no-delay-directory-restore', 'anchored', 'no-anchored', 'S', 'n',
  'seek', 'no-seek', 'check-device', 'no-check-device', 'null', 'no-null', 'unquote', 'no-unquote', 'verbatim-files-from',
  'no-verbatim-files-from', 'atime-preserve', 'hard-dereference', 'no-ignore-case', 'wildcards-match-slash', 'no-wildcards-match-slash',
  'show-defaults', 'posix', 'old-archive', 'portability', 'format',
]);

const GNU_SHORT_FLAGS = 'AcdrtuxGnSkUWOmpsMBiajJzZhPlRvwo';
const GNU_SHORT_VALUES = 'gCTXfFLbHVIKN';
const BB_USAGE = 'tar c|x|t [-ZzJjahmvokO] [-f TARFILE] [-C DIR] [-T FILE] [-X FILE] [LONGOPT]... [FILE]...';
const BB_SHORT_FLAGS = 'cxtvzZjJahmokOp';
const BB_SHORT_VALUES = 'fCTX';
const BB_LONG: Record<string, string> = {
  list: 't', extract: 'x', create: 'c', directory: 'C=', file: 'f=', 'to-stdout': 'O', 'same-permissions': 'p', 'no-same-owner': 'o',
  'same-owner': 'same-owner', verbose: 'v', gzip: 'z', bzip2: 'j', xz: 'J', dereference: 'h', touch: 'm', 'keep-old': 'k',
  'files-from': 'T=', 'exclude-from': 'X=', exclude: 'exclude=', 'numeric-owner': 'numeric-owner', 'no-recursion': 'no-recursion',
  'strip-components': 'strip-components=', overwrite: 'overwrite', 'no-same-permissions': 'no-same-permissions', 'to-command': 'to-command=',
  'auto-compress': 'a',
};

const GNU_HELP = `Usage: tar [OPTION...] [FILE]...
GNU 'tar' saves many files together into a single tape or disk archive, and can
restore individual files from the archive.

Examples:
  tar -cf archive.tar foo bar  # Create archive.tar from files foo and bar.
  tar -tvf archive.tar         # List all files in archive.tar verbosely.
  tar -xf archive.tar          # Extract all files from archive.tar.

 Main operation mode:
  -c, --create               create a new archive
  -t, --list                 list the contents of an archive
  -x, --extract, --get       extract files from an archive
`;

const GNU_VERSION = `tar (GNU tar) 1.34
Copyright (C) 2021 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by John Gilmore and Jay Fenlason.
`;

class Tar {
  readonly gnu: boolean;
  private failed = false;
  private warned = new Set<string>();
  private lister: GnuLister;
  readonly o: Options = {
    mode: null,
    archive: null,
    items: [],
    verbose: 0,
    compress: null,
    auto: false,
    toStdout: false,
    absolute: false,
    dereference: false,
    keepOld: false,
    touch: false,
    strip: 0,
    excludes: [],
    excludeFrom: [],
    filesFrom: [],
    wildcards: false,
    numericOwner: false,
    owner: null,
    group: null,
    recursion: true,
    ignoreZeros: false,
  };
  private tick: () => Promise<void>;

  constructor(readonly t: Tool) {
    this.gnu = t.gnu;
    this.lister = new GnuLister(false);
    this.tick = ticker(t.ctx, 64);
  }

  // ------------------------------------------------------------ messages

  /** A usage error: GNU's "Try" line (status 64 for getopt's own, 2 for tar's), busybox's usage text. */
  usage(msg: string, status = 2): never {
    const t = this.t;
    if (msg) t.err(msg);
    if (this.gnu) {
      t.ctx.stderr.write(`Try '${t.name} --help' or '${t.name} --usage' for more information.\n`);
      throw new Exit(status);
    }
    t.usageError('', { usage: BB_USAGE });
    throw new Exit(1);
  }

  /** A fatal error: GNU adds "Error is not recoverable" and exits 2, busybox exits 1. */
  fatal(...msgs: string[]): never {
    for (const m of msgs) this.t.err(m);
    if (this.gnu) this.t.err('Error is not recoverable: exiting now');
    throw new Exit(this.gnu ? 2 : 1);
  }

  /** An error that lets tar go on, and fail at the end. */
  error(msg: string): void {
    this.t.err(msg);
    this.failed = true;
  }

  finish(): number {
    if (!this.failed) return 0;
    if (this.gnu) {
      this.t.err('Exiting with failure status due to previous errors');
      return 2;
    }
    this.t.err('error exit delayed from previous errors');
    return 1;
  }

  /** The name with its unsafe prefix removed, warning once per prefix (GNU) or once (busybox). */
  safeName(name: string, link = false): string {
    if (this.o.absolute) return name;
    const [prefix, rest] = this.gnu ? gnuUnsafePrefix(name) : busyboxUnsafePrefix(name);
    if (prefix) {
      const key = this.gnu ? `${link ? 'l' : 'm'}${prefix}` : 'once';
      if (!this.warned.has(key)) {
        this.warned.add(key);
        if (this.gnu) this.t.err(`Removing leading \`${prefix}' from ${link ? 'hard link targets' : 'member names'}`);
        else this.t.err(`removing leading '${prefix}' from member names`);
      }
    }
    return rest;
  }

  // ------------------------------------------------------------ options

  parse(argv: string[]): void {
    let args = argv;
    // Old-style options: a first word without '-' is a bundle of letters,
    // those that take a value taking the next words in turn (`tar cfC x.tar dir`).
    if (args.length && !args[0]!.startsWith('-')) {
      const letters = args[0]!;
      const rest = args.slice(1);
      const values = this.gnu ? GNU_SHORT_VALUES : BB_SHORT_VALUES;
      const out: string[] = [];
      for (const c of letters) {
        if (values.includes(c)) {
          if (!rest.length) {
            if (this.gnu) this.usage(`Old option '${c}' requires an argument.`);
            this.usage(`option requires an argument -- '${c}'`);
          }
          out.push(`-${c}`, rest.shift()!);
        } else out.push(`-${c}`);
      }
      args = [...out, ...rest];
    }
    if (!this.gnu && args.length === 1 && args[0] === '--help') {
      // busybox: the usage text on standard error, status 0
      this.t.ctx.stderr.write(`BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: ${BB_USAGE}\n`);
      throw new Exit(0);
    }
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') {
        for (const x of args.slice(i + 1)) this.o.items.push({ name: x });
        break;
      }
      if (a.startsWith('--')) {
        const eq = a.indexOf('=');
        const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
        const inline = eq < 0 ? null : a.slice(eq + 1);
        const [key, takes] = this.long(name, a);
        let value: string | null = inline;
        if (takes === 'none' && inline !== null) this.usage(`option '--${this.fullLong(name)}' doesn't allow an argument`, this.gnu ? 64 : 1);
        if (takes === 'required' && value === null) {
          if (i + 1 >= args.length) this.usage(`option '--${this.fullLong(name)}' requires an argument`, this.gnu ? 64 : 1);
          value = args[++i]!;
        }
        this.option(key, value ?? '', `--${this.fullLong(name)}`);
        continue;
      }
      if (a.startsWith('-') && a.length > 1) {
        const flags = this.gnu ? GNU_SHORT_FLAGS : BB_SHORT_FLAGS;
        const values = this.gnu ? GNU_SHORT_VALUES : BB_SHORT_VALUES;
        for (let k = 1; k < a.length; k++) {
          const c = a[k]!;
          if (values.includes(c)) {
            const v = k + 1 < a.length ? a.slice(k + 1) : args[++i];
            if (v === undefined) this.usage(`option requires an argument -- '${c}'`, this.gnu ? 64 : 1);
            this.option(c, v!, `-${c}`);
            break;
          }
          if (!flags.includes(c)) this.usage(`invalid option -- '${c}'`, this.gnu ? 64 : 1);
          this.option(c, '', `-${c}`);
        }
        continue;
      }
      this.o.items.push({ name: a });
    }
  }

  private longNames(): string[] {
    return this.gnu ? GNU_LONG : Object.keys(BB_LONG).map((k) => (BB_LONG[k]!.endsWith('=') ? k + '=' : k));
  }

  private fullLong(name: string): string {
    const names = this.longNames().map((n) => n.replace(/[=?]$/, ''));
    if (names.includes(name)) return name;
    return names.find((n) => n.startsWith(name)) ?? name;
  }

  /** Resolves a (possibly abbreviated) long option: [key, argument kind]. */
  private long(name: string, arg: string): [string, 'none' | 'required' | 'optional'] {
    const all = this.longNames();
    const bare = (n: string) => n.replace(/[=?]$/, '');
    const keyOf = (n: string) => {
      const b = bare(n);
      if (this.gnu) return GNU_ALIAS[b] ?? b;
      return BB_LONG[b]!.replace(/=$/, '');
    };
    const kind = (n: string) => (n.endsWith('=') ? 'required' : n.endsWith('?') ? 'optional' : 'none') as 'none' | 'required' | 'optional';
    const exact = all.find((n) => bare(n) === name);
    if (exact) return [keyOf(exact), kind(exact)];
    const matches = name === '' ? [] : all.filter((n) => bare(n).startsWith(name));
    if (!matches.length) this.usage(`unrecognized option '${arg}'`, this.gnu ? 64 : 1);
    if (new Set(matches.map(keyOf)).size > 1) {
      this.usage(
        `option '--${name}' is ambiguous; possibilities:${matches.map((m) => ` '--${bare(m)}'`).join('')}`,
        this.gnu ? 64 : 1,
      );
    }
    return [keyOf(matches[0]!), kind(matches[0]!)];
  }

  /** One operation mode per run ('other': one the simulator does not have, after another). */
  private setMode(m: 'c' | 'x' | 't' | 'r' | 'u' | 'other'): void {
    if (this.o.mode !== null && this.o.mode !== m) {
      if (this.gnu) this.usage(`You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option`);
      this.usage('');
    }
    if (m !== 'other') this.o.mode = m;
  }

  private option(key: string, value: string, spelled: string): void {
    const o = this.o;
    switch (key) {
      case 'c':
      case 'x':
      case 't':
      case 'r':
      case 'u':
        this.setMode(key);
        return;
      case 'A':
      case 'd':
      case 'delete':
      case 'test-label':
        if (o.mode !== null) this.setMode('other');
        this.unsupported(spelled);
        return;
      case 'f':
        if (o.archive !== null && this.gnu) this.usage(`Multiple archive files require '-M' option`);
        o.archive = value;
        return;
      case 'C':
        o.items.push({ dir: value });
        return;
      case 'v':
        o.verbose++;
        return;
      case 'z':
        o.compress = 'gzip';
        return;
      case 'j':
        o.compress = 'bzip2';
        return;
      case 'J':
        o.compress = 'xz';
        return;
      case 'Z':
        o.compress = 'compress';
        return;
      case 'lzip':
      case 'lzma':
      case 'lzop':
      case 'zstd':
        o.compress = key;
        return;
      case 'a':
        o.auto = true;
        return;
      case 'O':
        o.toStdout = true;
        return;
      case 'P':
        o.absolute = true;
        return;
      case 'h':
        o.dereference = true;
        return;
      case 'k':
      case 'skip-old-files':
        o.keepOld = true;
        return;
      case 'm':
        o.touch = true;
        return;
      case 'i':
        o.ignoreZeros = true;
        return;
      case 'T':
        o.filesFrom.push(value);
        return;
      case 'X':
        o.excludeFrom.push(value);
        return;
      case 'exclude':
        o.excludes.push(value);
        return;
      case 'wildcards':
        o.wildcards = true;
        return;
      case 'no-wildcards':
        o.wildcards = false;
        return;
      case 'numeric-owner':
        o.numericOwner = true;
        this.lister = new GnuLister(true);
        return;
      case 'owner':
        o.owner = value;
        return;
      case 'group':
        o.group = value;
        return;
      case 'recursion':
        o.recursion = true;
        return;
      case 'no-recursion':
        o.recursion = false;
        return;
      case 'strip-components': {
        if (!/^\d+$/.test(value)) {
          if (this.gnu) this.usage(`${value}: Invalid number of elements`);
          this.t.err(`invalid number '${value}'`);
          throw new Exit(1);
        }
        o.strip = Number(value);
        return;
      }
      case 'help':
        this.t.out(GNU_HELP);
        throw new Exit(0);
      case 'usage':
        this.t.out(
          'Usage: tar [-AcdrtuxGnSkUWOmpsMBiajJzZhPlRvwo?] [-g FILE] [-C DIR] [-T FILE]\n            [-X FILE] [-f ARCHIVE] [-F NAME] [-L NUMBER] [-b BLOCKS]\n            [-H FORMAT] [-V TEXT] [-I PROG] [-K MEMBER-NAME] [-N DATE-OR-FILE]\n            [FILE]...\n',
        );
        throw new Exit(0);
      case 'version':
        this.t.out(GNU_VERSION);
        throw new Exit(0);
    }
    if (GNU_IGNORED.has(key) || (!this.gnu && ['p', 'o', 'same-owner', 'overwrite', 'no-same-permissions'].includes(key))) return;
    this.unsupported(spelled);
  }

  private unsupported(spelled: string): never {
    this.t.err(`${spelled}: this option is not supported by the simulator's tar`);
    throw new Exit(2);
  }

  // ------------------------------------------------------------ running

  async run(): Promise<number> {
    const o = this.o;
    if (o.mode === null) {
      if (this.gnu) this.usage(`You must specify one of the '-Acdtrux', '--delete' or '--test-label' options`);
      this.usage('');
    }
    for (const f of o.excludeFrom) {
      const text = await this.readListFile(f);
      o.excludes.push(...text.split('\n').filter((l) => l !== ''));
    }
    if (o.mode === 'c' || o.mode === 'r' || o.mode === 'u') return this.create();
    return this.read();
  }

  private async readListFile(f: string): Promise<string> {
    try {
      return await this.t.readText(f);
    } catch (e) {
      if (this.gnu) this.fatal(`${f}: Cannot open: ${why(e)}`);
      this.fatal(`can't open '${f}': ${why(e)}`);
    }
  }

  private excluded(name: string): boolean {
    const n = name.replace(/\/+$/, '');
    for (const pat of this.o.excludes) {
      const p = pat.replace(/\/+$/, '');
      // GNU: unanchored, so the pattern may match any trailing run of components
      let rest = n;
      for (;;) {
        if (matchPattern(rest, p)) return true;
        const i = rest.indexOf('/');
        if (i < 0) break;
        rest = rest.slice(i + 1);
      }
    }
    return false;
  }

  /** Where verbose output goes: standard error when the archive itself goes to standard output. */
  private verboseOut(text: string): void {
    if ((this.o.mode === 'c' && this.archiveIsStdio()) || (this.o.mode === 'x' && this.o.toStdout && this.gnu)) this.t.ctx.stderr.write(text);
    else this.t.out(text);
  }

  private archiveIsStdio(): boolean {
    return this.o.archive === null || this.o.archive === '-';
  }

  private compressorFor(): Options['compress'] {
    const o = this.o;
    if (o.compress || !o.auto || o.archive === null) return o.compress;
    const a = o.archive;
    if (/\.(tgz|taz|gz)$/.test(a)) return 'gzip';
    if (/\.(tbz2?|tz2|tbz|bz2)$/.test(a)) return 'bzip2';
    if (/\.(txz|xz)$/.test(a)) return 'xz';
    if (/\.(tzst|tzstd|zst)$/.test(a)) return 'zstd';
    if (/\.(lz)$/.test(a)) return 'lzip';
    if (/\.(lzma|tlz)$/.test(a)) return 'lzma';
    if (/\.(Z|taZ)$/.test(a)) return 'compress';
    return null;
  }

  /** A compressor the simulator does not have: what tar prints when the program is missing. */
  private noCompressor(name: string): never {
    if (this.gnu) {
      const prog = name === 'compress' ? 'compress' : name;
      this.t.ctx.stderr.write(`${this.t.name} (child): ${prog}: Cannot exec: No such file or directory\n${this.t.name} (child): Error is not recoverable: exiting now\n`);
      this.fatal('Child returned status 2');
    }
    this.fatal(`can't execute '${name}': No such file or directory`);
  }

  // ------------------------------------------------------------ create

  private unames = new Map<string, Map<number, string>>();

  private idName(file: '/etc/passwd' | '/etc/group', id: number): string {
    let m = this.unames.get(file);
    if (!m) {
      m = new Map();
      try {
        for (const line of decodeText(this.t.ctx.fs.readFile(file)).split('\n')) {
          const f = line.split(':');
          if (f.length > 2 && /^\d+$/.test(f[2]!) && !m.has(Number(f[2]))) m.set(Number(f[2]), f[0]!);
        }
      } catch {
        // no such file: names stay empty (root excepted)
      }
      this.unames.set(file, m);
    }
    return m.get(id) ?? (id === 0 ? 'root' : '');
  }

  private ownerOverride(spec: string | null, file: '/etc/passwd' | '/etc/group'): { id: number; name: string } | null {
    if (spec === null) return null;
    const [name, num] = spec.split(':');
    if (num !== undefined && /^\d+$/.test(num)) return { id: Number(num), name: name! };
    const s = name!.replace(/^\+/, '');
    if (/^\d+$/.test(s)) return { id: Number(s), name: this.idName(file, Number(s)) };
    let m = this.unames.get(file);
    if (!m) {
      this.idName(file, -1);
      m = this.unames.get(file)!;
    }
    for (const [id, n] of m) if (n === s) return { id, name: s };
    if (s === 'root') return { id: 0, name: 'root' };
    this.usage(`${s}: Invalid ${file === '/etc/passwd' ? 'owner' : 'group'}`);
  }

  private async create(): Promise<number> {
    const o = this.o;
    const t = this.t;
    for (const f of o.filesFrom) {
      const text = f === '-' ? await lineReader(t.ctx.stdin).readAll() : await this.readListFile(f);
      for (const line of text.split('\n')) if (line !== '') o.items.push({ name: line });
    }
    const appending = o.mode === 'r' || o.mode === 'u';
    if (!o.items.some((i) => 'name' in i) && !appending) {
      if (this.gnu) this.usage('Cowardly refusing to create an empty archive');
      this.fatal('empty archive');
    }
    const compress = this.compressorFor();
    const toStdout = this.archiveIsStdio();
    if (appending) {
      if (compress !== null) this.usage('Cannot update compressed archives');
      if (toStdout) this.usage(`Options '-Aru' are incompatible with '-f -'`);
    }
    if (compress !== null && compress !== 'gzip') this.noCompressor(compress);
    if (toStdout && (t.ctx.stdout.terminal ?? t.ctx.tty) && this.gnu) this.fatal('Refusing to write archive contents to terminal (missing -f option?)');
    let archiveAbs: string | null = null;
    // -r/-u: the archive so far, up to its end-of-archive blocks, and (-u) the times of its members
    let head: Uint8Array = new Uint8Array(0);
    const archived = new Map<string, number>();
    if (!toStdout) {
      archiveAbs = t.abs(o.archive!);
      try {
        let old: Uint8Array | null = null;
        if (appending && t.ctx.fs.exists(archiveAbs)) old = t.ctx.fs.readFile(archiveAbs);
        if (old !== null && old.length > 0) {
          if (detectCompression(old) !== null) this.fatal('Cannot update compressed archives');
          let end = 0;
          for (const ev of readArchive(old, 'gnu')) {
            if (ev.kind === 'member') {
              const n = ev.member.name.replace(/\/+$/, '');
              archived.set(n, Math.max(archived.get(n) ?? -Infinity, ev.member.mtime));
            } else if (ev.kind === 'end') end = ev.offset;
            else {
              if (ev.first) this.fatal('This does not look like a tar archive');
              this.error('Skipping to next header');
            }
          }
          head = old.subarray(0, end);
        } else t.ctx.fs.writeFile(archiveAbs, new Uint8Array(0));
      } catch (e) {
        if (e instanceof Exit || !(e instanceof FsError)) throw e;
        if (this.gnu) this.fatal(`${o.archive}: Cannot open: ${why(e)}`);
        this.fatal(`can't open '${o.archive}': ${why(e)}`);
      }
    }

    const owner = this.ownerOverride(o.owner, '/etc/passwd');
    const group = this.ownerOverride(o.group, '/etc/group');
    const members: TarMember[] = [];
    let cwd = t.ctx.cwd;
    const walk = async (name: string, abs: string): Promise<void> => {
      await this.tick();
      let st: Stat;
      try {
        st = o.dereference ? t.ctx.fs.stat(abs) : t.ctx.fs.lstat(abs);
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        this.error(this.gnu ? `${name}: Cannot stat: ${why(e)}` : `${name}: ${why(e)}`);
        return;
      }
      if (abs === archiveAbs) {
        t.err(this.gnu ? `${name}: file is the archive; not dumped` : `${name}: file is the archive; skipping`);
        return;
      }
      if (o.excludes.length && this.excluded(name)) return;
      const stored = this.safeName(name);
      const skip = o.mode === 'u' && (archived.get(stored.replace(/\/+$/, '')) ?? -Infinity) >= Math.floor(st.mtime / 1000);
      const h: TarMember = {
        name: stored,
        typeflag: '0',
        mode: st.mode & 0o7777,
        uid: owner?.id ?? st.uid,
        gid: group?.id ?? st.gid,
        uname: '',
        gname: '',
        size: 0,
        mtime: Math.floor(st.mtime / 1000),
        linkname: '',
        data: new Uint8Array(0),
      };
      if (!o.numericOwner) {
        h.uname = owner?.name ?? this.idName('/etc/passwd', h.uid);
        h.gname = group?.name ?? this.idName('/etc/group', h.gid);
      }
      let children: string[] = [];
      try {
        if (st.type === 'dir') {
          h.typeflag = '5';
          if (!h.name.endsWith('/')) h.name += '/';
          if (o.recursion) children = t.ctx.fs.readdir(abs);
        } else if (st.type === 'symlink') {
          h.typeflag = '2';
          h.linkname = t.ctx.fs.readlink(abs);
        } else {
          h.data = t.ctx.fs.readFile(abs);
          h.size = h.data.length;
        }
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        this.error(this.gnu ? `${name}: Cannot open: ${why(e)}` : `${name}: ${why(e)}`);
        return;
      }
      if (!skip) members.push(h);
      // GNU shows the name as given, busybox as stored
      const given = this.gnu ? name : stored;
      const shown = st.type === 'dir' && !given.endsWith('/') ? `${given}/` : given;
      if (skip) {
        // unchanged since archived: not written again
      } else if (o.verbose > 1) this.verboseOut((this.gnu ? this.lister.line(h, shown) : busyboxLine(h, shown)) + '\n');
      else if (o.verbose) this.verboseOut(`${this.gnu ? gnuQuote(shown) : shown}\n`);
      for (const c of children) await walk(`${name.endsWith('/') ? name : name + '/'}${c}`, abs === '/' ? `/${c}` : `${abs}/${c}`);
    };
    for (const item of o.items) {
      if ('dir' in item) {
        const next = resolvePath(cwd, item.dir);
        let st: Stat | null = null;
        try {
          st = t.ctx.fs.stat(next);
        } catch (e) {
          if (!(e instanceof FsError)) throw e;
          if (this.gnu) this.fatal(`${item.dir}: Cannot open: ${why(e)}`);
          this.fatal(`can't change directory to '${item.dir}': ${why(e)}`);
        }
        if (st.type !== 'dir') {
          if (this.gnu) this.fatal(`${item.dir}: Cannot open: Not a directory`);
          this.fatal(`can't change directory to '${item.dir}': Not a directory`);
        }
        cwd = next;
        continue;
      }
      const name = item.name === '' ? item.name : item.name.replace(/(.)\/+$/, '$1');
      await walk(name, resolvePath(cwd, name));
    }

    let bytes = encodeArchive(members, this.gnu ? 'gnu' : 'busybox', head);
    if (compress === 'gzip') bytes = concatBytes([...gzipStored([bytes])]);
    if (archiveAbs !== null) t.ctx.fs.writeFile(archiveAbs, bytes);
    else this.writeStdout(bytes);
    return this.finish();
  }

  private writeStdout(bytes: Uint8Array): void {
    // a stream that carries bytes (a pipe, a file) takes the archive as it is
    if (this.t.ctx.stdout.writeBytes) return this.t.ctx.stdout.writeBytes(bytes);
    if (!isUtf8(bytes)) {
      if (this.gnu) this.fatal(`-: Cannot write: binary data cannot pass through the simulator's text streams (use -f FILE)`);
      this.fatal(`short write: binary data cannot pass through the simulator's text streams (use -f FILE)`);
    }
    this.t.out(decodeText(bytes));
  }

  // ------------------------------------------------------------ list and extract

  private async read(): Promise<number> {
    const o = this.o;
    const t = this.t;
    const fromStdin = this.archiveIsStdio();
    let bytes: Uint8Array;
    if (fromStdin) {
      if ((t.ctx.stdin.terminal ?? t.ctx.tty) && this.gnu) this.fatal('Refusing to read archive contents from terminal (missing -f option?)');
      // a stream that holds bytes (a pipe, a redirected file) gives them as they are
      let raw: Uint8Array | null = null;
      let lost = false;
      try {
        raw = t.ctx.stdin.readBytes ? await readAllBytes(t.ctx.stdin) : null;
      } catch (e) {
        if (!(e instanceof LostBytes)) throw e;
        lost = true;
      }
      const text = raw || lost ? '' : await lineReader(t.ctx.stdin).readAll();
      // U+FFFD: bytes that were not UTF-8 (gzip, binary files) were lost on the way
      if (lost || text.includes('\uFFFD')) {
        if (this.gnu) this.fatal(`-: Cannot read: binary data cannot pass through the simulator's text streams (use -f FILE)`);
        this.fatal(`short read: binary data cannot pass through the simulator's text streams (use -f FILE)`);
      }
      bytes = raw ?? encodeText(text);
    } else {
      const name = o.archive!;
      try {
        const abs = t.abs(name);
        const st = t.ctx.fs.stat(abs);
        if (st.type === 'dir') {
          if (this.gnu) this.fatal(`${name}: Cannot read: Is a directory`, 'At beginning of tape, quitting now');
          this.fatal('short read');
        }
        bytes = t.ctx.fs.readFile(abs);
      } catch (e) {
        if (e instanceof Exit || !(e instanceof FsError)) throw e;
        if (this.gnu) this.fatal(`${name}: Cannot open: ${why(e)}`);
        this.fatal(`can't open '${name}': ${why(e)}`);
      }
    }

    // Where to extract: the -C directories, one relative to the other.
    let base = t.ctx.cwd;
    const operands: string[] = [];
    for (const item of o.items) {
      if ('name' in item) {
        operands.push(item.name);
        continue;
      }
      const next = resolvePath(base, item.dir);
      let ok = false;
      let err = 'No such file or directory';
      try {
        ok = t.ctx.fs.stat(next).type === 'dir';
        if (!ok) err = 'Not a directory';
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        err = e.description;
      }
      if (!ok) {
        if (this.gnu) this.fatal(`${item.dir}: Cannot open: ${err}`);
        this.fatal(`can't change directory to '${item.dir}': ${err}`);
      }
      base = next;
    }
    for (const f of o.filesFrom) {
      const text = f === '-' ? await lineReader(t.ctx.stdin).readAll() : await this.readListFile(f);
      for (const line of text.split('\n')) if (line !== '') operands.push(line);
    }

    // Decompression: -z, or (GNU from a file, busybox always) the gzip magic.
    let compress = o.compress;
    const magic = detectCompression(bytes);
    if (compress === null && magic !== null) {
      if (this.gnu && fromStdin) this.fatal('Archive is compressed. Use -z option');
      compress = magic;
    }
    let gzipError: InflateError | null = null;
    let trailingGarbage = false;
    if (compress !== null && compress !== 'gzip') this.noCompressor(compress);
    if (compress === 'gzip') {
      if (!isGzip(bytes)) {
        if (this.gnu) {
          t.ctx.stderr.write('\ngzip: stdin: not in gzip format\n');
          this.fatal('Child returned status 1');
        }
        this.fatal('invalid magic', 'short read');
      }
      const r = gunzip(bytes);
      bytes = r.data;
      gzipError = r.error;
      trailingGarbage = r.trailingGarbage && this.gnu;
      if (gzipError) {
        if (this.gnu) t.ctx.stderr.write(`\ngzip: stdin: ${gzipError.message}\n`);
        else t.err(bbGzipMessage(gzipError));
      }
    }

    const matched = new Set<string>();
    const match = (m: TarMember, stripped: string): boolean => {
      if (!operands.length) return true;
      let any = false;
      const names = this.gnu ? [m.name] : [stripped];
      for (const op of operands) {
        const p = op.length > 1 ? op.replace(/\/+$/, '') : op;
        for (const n of names) {
          const nn = n.replace(/\/+$/, '');
          const hit =
            nn === p ||
            nn.startsWith(p + '/') ||
            ((this.o.wildcards || !this.gnu) && hasGlob(p) && globLeadingDir(nn, p));
          if (hit) {
            matched.add(op);
            any = true;
          }
        }
      }
      return any;
    };

    const dirTimes: [string, number][] = [];
    let unexpectedEof = false;
    let headers = 0;
    for (const ev of readArchive(bytes, this.gnu ? 'gnu' : 'busybox', { ignoreZeros: o.ignoreZeros })) {
      await this.tick();
      if (ev.kind === 'bad') {
        if (this.gnu) {
          if (ev.first) {
            this.error('This does not look like a tar archive');
            break;
          }
          this.error('Skipping to next header');
          continue;
        }
        if (gzipError) break;
        this.fatal(ev.reason === 'magic' ? 'invalid tar magic' : 'invalid tar header checksum');
      }
      if (ev.kind === 'end') {
        if (gzipError) break;
        if ((ev.how === 'eof' || ev.how === 'partial') && headers === 0) {
          if (this.gnu) this.error('This does not look like a tar archive');
          else this.fatal('short read');
        } else if (ev.how === 'truncated') unexpectedEof = true;
        else if (ev.how === 'partial' && !this.gnu) this.fatal('short read');
        break;
      }
      headers++;
      const m = ev.member;
      const [, strippedName] = o.absolute ? ['', m.name] : this.gnu ? gnuUnsafePrefix(m.name) : busyboxUnsafePrefix(m.name);
      if (!this.gnu) this.safeName(m.name);
      if (!match(m, strippedName)) continue;
      if (o.excludes.length && this.excluded(this.gnu ? m.name : strippedName)) continue;
      if (this.gnu) this.safeName(m.name);
      const shown = this.gnu ? m.name : strippedName;
      if (o.mode === 't') {
        if (o.verbose) t.out((this.gnu ? this.lister.line(m, shown) : busyboxLine(m, shown)) + '\n');
        else t.out(`${this.gnu ? gnuQuote(shown) : shown}\n`);
        continue;
      }
      // extract
      if (this.gnu && !o.absolute && hasDotDot(m.name)) {
        this.error(`${m.name}: Member name contains '..'`);
        continue;
      }
      let name = strippedName;
      if (o.strip) {
        const parts = name.split('/').filter((p) => p !== '');
        if (parts.length <= o.strip) continue;
        name = parts.slice(o.strip).join('/') + (name.endsWith('/') ? '/' : '');
      }
      if (o.verbose > 1) this.verboseOut((this.gnu ? this.lister.line(m, shown) : busyboxLine(m, shown)) + '\n');
      else if (o.verbose) this.verboseOut(`${this.gnu ? gnuQuote(shown) : shown}\n`);
      if (o.toStdout) {
        if (m.typeflag === '0' || !'123456'.includes(m.typeflag)) t.out(decodeText(m.data));
        continue;
      }
      this.extract(m, name, resolvePath(base, name), base, dirTimes);
      if (ev.truncated) break;
    }
    for (const [path, mtime] of dirTimes.reverse()) {
      try {
        t.ctx.fs.utimes(path, mtime);
      } catch {
        // gone meanwhile
      }
    }
    if (gzipError) {
      if (this.gnu) this.fatal('Child returned status 1');
      if (gzipError.kind === 'format' || gzipError.kind === 'eof') this.fatal('short read');
      throw new Exit(1);
    }
    if (unexpectedEof) {
      if (this.gnu) {
        if (o.mode === 'x' && !o.toStdout) t.err('Unexpected EOF in archive');
        this.fatal('Unexpected EOF in archive');
      }
      this.fatal('short read');
    }
    if (trailingGarbage) {
      t.ctx.stderr.write('\ngzip: stdin: decompression OK, trailing garbage ignored\n');
      this.fatal('Child returned status 2');
    }
    for (const op of operands) {
      if (matched.has(op)) continue;
      if (this.gnu) {
        if (hasGlob(op) && !o.wildcards && !this.warned.has('glob')) {
          this.warned.add('glob');
          t.err('Pattern matching characters used in file names');
          t.err('Use --wildcards to enable pattern matching, or --no-wildcards to suppress this warning');
        }
        this.error(`${op}: Not found in archive`);
      } else {
        t.err(`${op}: not found in archive`);
        this.failed = true;
      }
    }
    if (!this.gnu && this.failed) return 1;
    return this.finish();
  }

  private extract(m: TarMember, name: string, path: string, base: string, dirTimes: [string, number][]): void {
    const fs = this.t.ctx.fs;
    const o = this.o;
    const mtime = o.touch ? this.t.ctx.now() : m.mtime * 1000;
    const fail = (what: string, e: unknown) => {
      if (!(e instanceof FsError)) throw e;
      if (this.gnu) this.error(`${name}: ${what}: ${e.description}`);
      else this.fatal(`can't ${what === 'Cannot mkdir' ? 'make directory' : 'open'} '${name}': ${e.description}`);
    };
    const existing = (): Stat | null => {
      try {
        return fs.lstat(path);
      } catch {
        return null;
      }
    };
    try {
      // missing parents, as make_directories creates them (mode 0755)
      const parts = name.split('/').filter((p) => p !== '' && p !== '.');
      for (let i = 1; i < parts.length; i++) {
        const dir = resolvePath(base, parts.slice(0, i).join('/'));
        if (fs.exists(dir)) continue;
        fs.mkdir(dir, { mode: 0o755 });
        if (o.verbose > 1 && this.gnu) this.verboseOut(this.lister.mkdirLine(parts.slice(0, i).join('/')) + '\n');
      }
      const parent = dirname(path);
      if (!fs.exists(parent)) fs.mkdir(parent, { recursive: true });
    } catch (e) {
      fail(m.typeflag === '5' ? 'Cannot mkdir' : 'Cannot open', e);
      return;
    }
    if (path === base && m.typeflag !== '5') return;
    const old = existing();
    if (old && o.keepOld && m.typeflag !== '5') {
      const symlink = m.typeflag === '2';
      if (this.gnu) this.error(symlink ? `${name}: Cannot create symlink to '${m.linkname}': File exists` : `${name}: Cannot open: File exists`);
      else if (symlink) this.t.err(`can't create symlink '${name}' to '${m.linkname}': File exists`);
      else this.fatal(`can't open '${name}': File exists`);
      return;
    }
    switch (m.typeflag) {
      case '5': {
        try {
          if (old && old.type !== 'dir') fs.rm(path);
          if (!old || old.type !== 'dir') fs.mkdir(path, { mode: m.mode });
          fs.chmod(path, m.mode);
        } catch (e) {
          fail('Cannot mkdir', e);
          return;
        }
        // GNU sets directory times at the end; busybox at once (what is extracted into it then moves it on)
        if (this.gnu) dirTimes.push([path, mtime]);
        else fs.utimes(path, mtime);
        return;
      }
      case '2': {
        try {
          if (old) fs.rm(path);
          fs.symlink(m.linkname, path);
        } catch (e) {
          if (!(e instanceof FsError)) throw e;
          if (this.gnu) this.error(`${name}: Cannot create symlink to '${m.linkname}': ${e.description}`);
          else this.fatal(`can't create symlink '${name}' to '${m.linkname}': ${e.description}`);
        }
        return;
      }
      case '1': {
        // The Fs has no hard links: the link becomes a copy of its target.
        const target = this.safeName(m.linkname, true);
        let to = target;
        if (o.strip) to = target.split('/').filter((p) => p !== '').slice(o.strip).join('/');
        const from = resolvePath(base, to);
        try {
          const st = fs.stat(from);
          const data = fs.readFile(from);
          if (old) fs.rm(path);
          fs.writeFile(path, data, { mode: st.mode });
          fs.chmod(path, st.mode);
          fs.utimes(path, st.mtime);
        } catch (e) {
          if (!(e instanceof FsError)) throw e;
          if (this.gnu) this.error(`${name}: Cannot hard link to '${target}': ${e.description}`);
          else this.fatal(`can't create hardlink '${name}' to '${target}': ${e.description}`);
        }
        return;
      }
      case '3':
      case '4':
      case '6':
        if (this.gnu) this.error(`${name}: Cannot mknod: Operation not permitted`);
        else this.fatal(`can't create node '${name}': Operation not permitted`);
        return;
      default: {
        if (m.typeflag !== '0' && this.gnu) this.t.err(`${name}: Unknown file type '${m.typeflag}', extracted as normal file`);
        try {
          if (old) {
            if (old.type === 'dir') throw new FsError('EISDIR', path);
            fs.rm(path);
          }
          fs.writeFile(path, m.data, { mode: m.mode });
          fs.chmod(path, m.mode);
          fs.utimes(path, mtime);
        } catch (e) {
          fail('Cannot open', e);
        }
      }
    }
  }
}

function detectCompression(b: Uint8Array): Options['compress'] {
  if (isGzip(b)) return 'gzip';
  if (b[0] === 0x42 && b[1] === 0x5a && b[2] === 0x68) return 'bzip2';
  if (b[0] === 0xfd && b[1] === 0x37 && b[2] === 0x7a && b[3] === 0x58 && b[4] === 0x5a && b[5] === 0) return 'xz';
  if (b[0] === 0x28 && b[1] === 0xb5 && b[2] === 0x2f && b[3] === 0xfd) return 'zstd';
  if (b[0] === 0x1f && b[1] === 0x9d) return 'compress';
  return null;
}

function bbGzipMessage(e: InflateError): string {
  switch (e.kind) {
    case 'crc':
      return 'crc error';
    case 'length':
      return 'incorrect length';
    case 'eof':
      return 'unexpected end of file';
    default:
      return 'corrupted data';
  }
}

/** fnmatch with FNM_LEADING_DIR: the pattern matches the name or a leading run of its directories. */
function globLeadingDir(name: string, pat: string): boolean {
  if (matchPattern(name, pat)) return true;
  let i = name.indexOf('/');
  while (i >= 0) {
    if (matchPattern(name.slice(0, i), pat)) return true;
    i = name.indexOf('/', i + 1);
  }
  return false;
}

/** tar, GNU tar 1.34 or busybox tar by flavour. */
export function tar(f: Flavour): Program {
  return program(f, async (t, args) => {
    const run = new Tar(t);
    run.parse(args);
    return run.run();
  });
}

// ---------------------------------------------------------------- gzip, gunzip, zcat

const GZIP_HELP = `Usage: gzip [OPTION]... [FILE]...
Compress or uncompress FILEs (by default, compress FILES in-place).

Mandatory arguments to long options are mandatory for short options too.

  -c, --stdout      write on standard output, keep original files unchanged
  -d, --decompress  decompress
  -f, --force       force overwrite of output file and compress links
  -h, --help        give this help
  -k, --keep        keep (don't delete) input files
  -l, --list        list compressed file contents
  -n, --no-name     do not save or restore the original name and timestamp
  -N, --name        save or restore the original name and timestamp
  -q, --quiet       suppress all warnings
  -S, --suffix=SUF  use suffix SUF on compressed files
  -t, --test        test compressed file integrity
  -v, --verbose     verbose mode
  -V, --version     display version number
  -1, --fast        compress faster
  -9, --best        compress better

With no FILE, or when FILE is -, read standard input.

Report bugs to <bug-gzip@gnu.org>.
`;

const GZIP_LONG: Record<string, string> = {
  stdout: 'c', 'to-stdout': 'c', decompress: 'd', uncompress: 'd', force: 'f', help: 'h', keep: 'k', list: 'l', 'no-name': 'n', name: 'N',
  quiet: 'q', suffix: 'S', test: 't', verbose: 'v', version: 'V', fast: '1', best: '9', recursive: 'r', license: 'L', rsyncable: 'R',
  synchronous: 'Y',
};

/** A gzip file as gzip writes one: GNU's header names the file and its time, busybox's does not. */
function gzipFile(data: Uint8Array, name: string | null, mtime: number, level: number): Uint8Array {
  const body = deflateRaw(data);
  const nameBytes = name === null ? new Uint8Array(0) : encoder.encode(name + '\0');
  const h = new Uint8Array(10);
  h.set([0x1f, 0x8b, 8, name === null ? 0 : 8]);
  new DataView(h.buffer).setUint32(4, name === null ? 0 : mtime >>> 0, true);
  h[8] = level === 9 ? 2 : level === 1 ? 4 : 0;
  h[9] = 3;
  const trailer = new Uint8Array(8);
  new DataView(trailer.buffer).setUint32(0, crc32Update(0, data), true);
  new DataView(trailer.buffer).setUint32(4, data.length >>> 0, true);
  return concatBytes([h, nameBytes, body, trailer]);
}

/** The bytes of a gzip header (with its name) and trailer: what gzip -l and -v leave out of the ratio. */
function gzipOverhead(b: Uint8Array): number {
  let n = 10;
  const flg = b[3] ?? 0;
  if (flg & 4) n += 2 + ((b[10] ?? 0) | ((b[11] ?? 0) << 8));
  const str = () => {
    while (n < b.length && b[n] !== 0) n++;
    n++;
  };
  if (flg & 8) str();
  if (flg & 16) str();
  if (flg & 2) n += 2;
  return n + 8;
}

function ratio(unc: number, comp: number): string {
  return `${(unc === 0 ? 0 : (100 * (unc - comp)) / unc).toFixed(1).padStart(5)}%`;
}

/** gzip, gunzip and zcat (GNU gzip 1.12 or busybox): files in place, or to standard output when it can carry the result (text). */
export function gzipProgram(f: Flavour, as: 'gzip' | 'gunzip' | 'zcat'): Program {
  return program(f, async (t, args) => {
    const gnu = t.gnu;
    // GNU's gunzip and zcat are scripts that run gzip: its name is in every message
    const say = (msg: string) => t.ctx.stderr.write(`${gnu ? 'gzip' : t.name}: ${msg}\n`);
    const o = { d: as !== 'gzip', c: as === 'zcat', f: false, k: false, l: false, t: false, v: false, q: false, level: 6, suffix: '.gz' };
    const files: string[] = [];
    const bbUsage = `${as === 'gzip' ? 'gzip [-cfkdt123456789] [FILE]...' : as === 'gunzip' ? 'gunzip [-cfkt] [FILE]...' : 'zcat [FILE]...'}`;
    const usage = (msg: string): never => {
      say(msg);
      if (gnu) {
        t.ctx.stderr.write(`Try \`${t.name} --help' for more information.\n`);
        throw new Exit(1);
      }
      t.usageError('', { usage: bbUsage });
      throw new Exit(1);
    };
    const set = (c: string, v = ''): void => {
      if (/^[1-9]$/.test(c)) o.level = Number(c);
      else if (c === 'c') o.c = true;
      else if (c === 'd') o.d = true;
      else if (c === 'f') o.f = true;
      else if (c === 'k') o.k = true;
      else if (c === 'l' && gnu) o.l = true;
      else if (c === 't') o.t = true;
      else if (c === 'v') o.v = true;
      else if (c === 'q' && gnu) o.q = true;
      else if (c === 'S' && gnu) o.suffix = v;
      else if ((c === 'n' || c === 'N' || c === 'Y' || c === 'R') && gnu) return;
      else if (c === 'n' && !gnu) return;
      else if (c === 'h' && gnu) {
        t.out(GZIP_HELP);
        throw new Exit(0);
      } else if (c === 'V' && gnu) {
        t.out('gzip 1.12\nCopyright (C) 2018 Free Software Foundation, Inc.\nCopyright (C) 1993 Jean-loup Gailly.\nThis is free software.  You may redistribute copies of it under the terms of\nthe GNU General Public License <https://www.gnu.org/licenses/gpl.html>.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Jean-loup Gailly.\n');
        throw new Exit(0);
      } else if (c === 'r' || c === 'L') {
        say(`-${c}: this option is not supported by the simulator's gzip`);
        throw new Exit(1);
      } else usage(`invalid option -- '${c}'`);
    };
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') {
        files.push(...args.slice(i + 1));
        break;
      }
      if (a.startsWith('--') && gnu) {
        const eq = a.indexOf('=');
        const name = a.slice(2, eq < 0 ? undefined : eq);
        const hits = Object.keys(GZIP_LONG).filter((k) => k.startsWith(name));
        const key = name in GZIP_LONG ? name : hits.length === 1 || new Set(hits.map((h) => GZIP_LONG[h])).size === 1 ? hits[0] : undefined;
        if (key === undefined) usage(hits.length ? `option '${a}' is ambiguous` : `unrecognized option '${a}'`);
        const c = GZIP_LONG[key!]!;
        if (c === 'S') {
          const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
          if (v === undefined) usage(`option '--suffix' requires an argument`);
          set(c, v);
        } else set(c);
        continue;
      }
      if (a.startsWith('-') && a.length > 1) {
        for (let k = 1; k < a.length; k++) {
          const c = a[k]!;
          if (c === 'S' && gnu) {
            const v = k + 1 < a.length ? a.slice(k + 1) : args[++i];
            if (v === undefined) usage(`option requires an argument -- 'S'`);
            set(c, v);
            break;
          }
          set(c);
        }
        continue;
      }
      files.push(a);
    }
    if (!files.length) files.push('-');

    let status = 0;
    const error = (msg: string) => {
      say(msg);
      status = 1;
    };
    const warn = (msg: string) => {
      if (!o.q) say(msg);
      if (status === 0) status = gnu ? 2 : 1;
    };
    const tool = gnu ? 'gzip' : t.name;
    const binaryToStdout = () => {
      error(`stdout: binary data cannot pass through the simulator's text streams (use a file)`);
    };
    let listedHeader = false;
    const totals = { comp: 0, unc: 0, overhead: 0, n: 0 };
    const stderrMsg = (msg: string) => t.ctx.stderr.write(gnu ? `\n${tool}: ${msg}\n` : `${tool}: ${msg}\n`);

    for (const file of files) {
      await t.ctx.yield();
      const stdin = file === '-';
      // ---- decompress (gunzip, zcat, -d, -l, -t)
      if (o.d || o.l || o.t) {
        let path = file;
        let bytes: Uint8Array;
        if (stdin) {
          if ((t.ctx.stdin.terminal ?? t.ctx.tty) && gnu && !o.f) {
            say('compressed data not read from a terminal. Use -f to force decompression.');
            t.ctx.stderr.write('For help, type: gzip -h\n');
            return 1;
          }
          const raw = await readStdinBytes(t.ctx.stdin);
          const text = raw === null ? await lineReader(t.ctx.stdin).readAll() : '';
          if (raw === LOST || text.includes('\uFFFD')) {
            error(`stdin: binary data cannot pass through the simulator's text streams (use a file)`);
            continue;
          }
          bytes = raw ?? encodeText(text);
          if (!o.c && !o.l && !o.t) o.c = true;
        } else {
          let st: Stat | null = null;
          const tryStat = (p: string) => {
            try {
              return t.ctx.fs.stat(t.abs(p));
            } catch {
              return null;
            }
          };
          st = tryStat(path);
          if (st === null && gnu && !path.endsWith(o.suffix)) {
            const alt = tryStat(path + o.suffix);
            if (alt !== null) {
              path += o.suffix;
              st = alt;
            }
          }
          if (st === null) {
            const shown = gnu && !path.endsWith(o.suffix) ? path + o.suffix : path;
            error(`${shown}: No such file or directory`);
            continue;
          }
          if (st.type === 'dir') {
            warn(gnu ? `${path} is a directory -- ignored` : `${path}: Is a directory`);
            continue;
          }
          bytes = t.ctx.fs.readFile(t.abs(path));
        }
        const shownIn = stdin ? 'stdin' : path;
        let outName = '';
        if (!o.c && !o.l && !o.t && !stdin) {
          const m = [o.suffix, '.gz', '-gz', '.z', '-z', '_z'].find((s) => path.endsWith(s) && path.length > s.length);
          if (m) outName = path.slice(0, -m.length);
          else if (/\.t[ag]z$/.test(path)) outName = path.slice(0, -4) + '.tar';
          else {
            warn(gnu ? `${path}: unknown suffix -- ignored` : `${path}: unknown suffix - ignored`);
            continue;
          }
          // GNU looks at the data first, busybox at the output's name
          if (t.tryStat(outName, false) !== null && !o.f && (!gnu || isGzip(bytes))) {
            if (gnu) warn(`${outName} already exists;\tnot overwritten`);
            else error(`can't open '${outName}': File exists`);
            continue;
          }
        }
        if (!isGzip(bytes)) {
          if (o.c && o.f && gnu) {
            t.out(decodeText(bytes)); // zcat -f: not compressed, copied as is
            continue;
          }
          if (gnu) {
            stderrMsg(`${shownIn}: not in gzip format`);
            status = 1;
          } else error(as === 'zcat' ? 'no gzip/bzip2/xz magic' : 'invalid magic');
          continue;
        }
        const r = gunzip(bytes);
        if (r.error) {
          if (o.c && !o.t && !o.l) t.out(decodeText(r.data));
          if (gnu) stderrMsg(`${shownIn}: ${r.error.message}`);
          else say(bbGzipMessage(r.error));
          status = 1;
          continue;
        }
        if (r.trailingGarbage && gnu) {
          stderrMsg(`${shownIn}: decompression OK, trailing garbage ignored`);
          if (status === 0) status = 2;
        }
        const overhead = gzipOverhead(bytes);
        if (o.l) {
          if (!listedHeader) t.out('         compressed        uncompressed  ratio uncompressed_name\n');
          listedHeader = true;
          const name = stdin ? '' : path.replace(/(\.gz|-gz|\.z|-z|_z)$/, '').replace(/\.t[ag]z$/, '.tar');
          t.out(`${String(bytes.length).padStart(19)} ${String(r.data.length).padStart(19)} ${ratio(r.data.length, bytes.length - overhead)} ${name}\n`);
          totals.comp += bytes.length;
          totals.unc += r.data.length;
          totals.overhead = overhead;
          totals.n++;
          continue;
        }
        if (o.t) continue;
        if (o.c) {
          if (t.ctx.stdout.writeBytes) t.ctx.stdout.writeBytes(r.data);
          else t.out(decodeText(r.data));
          continue;
        }
        const st = t.ctx.fs.stat(t.abs(path));
        try {
          const abs = t.abs(outName);
          if (t.tryStat(outName, false) !== null) t.ctx.fs.rm(abs);
          t.ctx.fs.writeFile(abs, r.data, { mode: st.mode });
          t.ctx.fs.chmod(abs, st.mode);
          t.ctx.fs.utimes(abs, st.mtime);
          if (!o.k) t.ctx.fs.rm(t.abs(path));
        } catch (e) {
          error(`${outName}: ${why(e)}`);
          continue;
        }
        if (o.v && gnu) t.ctx.stderr.write(`${path}:\t${ratio(r.data.length, bytes.length - overhead)} -- replaced with ${outName}\n`);
        continue;
      }
      // ---- compress
      if (stdin) {
        if ((t.ctx.stdout.terminal ?? t.ctx.tty) && gnu && !o.f) {
          say('compressed data not written to a terminal. Use -f to force compression.');
          t.ctx.stderr.write('For help, type: gzip -h\n');
          return 1;
        }
        const out = t.ctx.stdout.writeBytes?.bind(t.ctx.stdout);
        const raw = out ? await readStdinBytes(t.ctx.stdin) : LOST;
        if (!out || raw === LOST) {
          binaryToStdout();
          continue;
        }
        // from a pipe: no name, no time stamp
        out(gzipFile(raw ?? encodeText(await lineReader(t.ctx.stdin).readAll()), null, 0, o.level));
        continue;
      }
      let st: Stat;
      try {
        st = t.stat(file);
      } catch (e) {
        error(`${file}: ${why(e)}`);
        continue;
      }
      if (st.type === 'dir') {
        if (gnu) warn(`${file} is a directory -- ignored`);
        else error(`can't remove file '${file}': Is a directory`);
        continue;
      }
      if (gnu && file.endsWith(o.suffix)) {
        if (!o.q) say(`${file} already has ${o.suffix} suffix -- unchanged`);
        continue;
      }
      if (o.c) {
        if (!t.ctx.stdout.writeBytes) {
          binaryToStdout();
          continue;
        }
        const data = t.ctx.fs.readFile(t.abs(file));
        t.ctx.stdout.writeBytes(gzipFile(data, gnu ? file.slice(file.lastIndexOf('/') + 1) : null, Math.floor(st.mtime / 1000), o.level));
        continue;
      }
      const outName = file + o.suffix;
      if (t.tryStat(outName, false) !== null && !o.f) {
        if (gnu) warn(`${outName} already exists;\tnot overwritten`);
        else error(`can't open '${outName}': File exists`);
        continue;
      }
      const data = t.ctx.fs.readFile(t.abs(file));
      const base = file.slice(file.lastIndexOf('/') + 1);
      const gz = gzipFile(data, gnu ? base : null, Math.floor(st.mtime / 1000), o.level);
      try {
        const abs = t.abs(outName);
        if (t.tryStat(outName, false) !== null) t.ctx.fs.rm(abs);
        t.ctx.fs.writeFile(abs, gz, { mode: st.mode });
        t.ctx.fs.chmod(abs, st.mode);
        t.ctx.fs.utimes(abs, st.mtime);
        if (!o.k) t.ctx.fs.rm(t.abs(file));
      } catch (e) {
        error(`${outName}: ${why(e)}`);
        continue;
      }
      if (o.v && gnu) t.ctx.stderr.write(`${file}:\t${ratio(data.length, gz.length - gzipOverhead(gz))} -- replaced with ${outName}\n`);
    }
    if (o.l && totals.n > 1) {
      t.out(`${String(totals.comp).padStart(19)} ${String(totals.unc).padStart(19)} ${ratio(totals.unc, totals.comp - totals.overhead)} (totals)\n`);
    }
    return status;
  });
}

/** Everything a byte-carrying stream holds. */
async function readAllBytes(input: { readBytes?: () => Promise<Uint8Array | null> }): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for (let c = await input.readBytes!(); c !== null; c = await input.readBytes!()) chunks.push(c);
  return concatBytes(chunks);
}

const LOST = Symbol('lost');

/** stdin as bytes where the stream carries them (null: a text-only stream); LOST: a text writer already lost some. */
async function readStdinBytes(input: { readBytes?: () => Promise<Uint8Array | null> }): Promise<Uint8Array | null | typeof LOST> {
  if (!input.readBytes) return null;
  try {
    return await readAllBytes(input);
  } catch (e) {
    if (e instanceof LostBytes) return LOST;
    throw e;
  }
}
