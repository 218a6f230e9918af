// Layer archives, byte for byte as Docker 20.10 writes them (moby
// pkg/archive TarWithOptions over an overlay2 diff directory, Go's
// archive/tar underneath): the layer.tar of `docker save`, the blob whose
// sha256 is the layer's DiffID.
//
// What Docker writes, checked against layers the reference dockerd made:
//   * a lexical walk: pre-order, names in byte order, the root left out;
//     a whiteout sits where the name it hides sorts (overlayfs keeps it as
//     a 0:0 device under that name) and is written as `.wh.<name>`;
//   * headers are USTAR (long names split into prefix/name where they can
//     be) unless a field does not fit: then a PAX header
//     `<dir>/PaxHeaders.0/<base>` goes first, with sorted `path`, `linkpath`,
//     `uid`, `gid`, `uname`, `gname`, `size` or `mtime` records, and the
//     main header keeps ASCII-only, truncated copies;
//   * mode carries the file-type bits (0100644, 040755, 0120777); uid/gid
//     numeric; uname/gname as the daemon host's passwd/group name them;
//     mtime truncated to the second; devmajor/devminor "0000000";
//     directories end in '/';
//   * a whiteout: regular file, mode 0600, size 0. overlayfs hard-links all
//     the whiteouts of one mount to one inode, so from the second on
//     Docker's hard-link detection leaves the first one's original path in
//     the linkname field (typeflag stays '0');
//   * an opaque directory: right after the directory's header, a regular
//     file `<dir>/.wh..wh..opq`, mode = the directory's mode & 0777,
//     mtime 0 (the Unix epoch);
//   * hard links (one Entry under two names): the first in walk order holds
//     the data, later ones are typeflag '1' with size 0;
//   * the end: exactly two zero blocks, no padding to a record size.
import { concatBytes } from './bytes.ts';
import type { Hasher } from '../platform.ts';
import { Entry, LayerTree, contentChunks, splitPath, utf8 } from './tree.ts';
import { Sha256 } from './sha256.ts';

const BLOCK = 512;
const decoder = new TextDecoder('utf-8');

// ---------------------------------------------------------------- names of ids

/** Names Go's archive/tar fills in from the daemon host's /etc/passwd and /etc/group. */
export interface IdNames {
  user(uid: number): string;
  group(gid: number): string;
}

const DEBIAN_USERS: Record<number, string> = {
  0: 'root', 1: 'daemon', 2: 'bin', 3: 'sys', 4: 'sync', 5: 'games', 6: 'man', 7: 'lp', 8: 'mail', 9: 'news', 10: 'uucp', 13: 'proxy',
  33: 'www-data', 34: 'backup', 38: 'list', 39: 'irc', 42: '_apt', 65534: 'nobody',
};
const DEBIAN_GROUPS: Record<number, string> = {
  0: 'root', 1: 'daemon', 2: 'bin', 3: 'sys', 4: 'adm', 5: 'tty', 6: 'disk', 7: 'lp', 8: 'mail', 9: 'news', 10: 'uucp', 12: 'man', 13: 'proxy',
  15: 'kmem', 20: 'dialout', 21: 'fax', 22: 'voice', 24: 'cdrom', 25: 'floppy', 26: 'tape', 27: 'sudo', 29: 'audio', 30: 'dip', 33: 'www-data',
  34: 'backup', 37: 'operator', 38: 'list', 39: 'irc', 40: 'src', 42: 'shadow', 43: 'utmp', 44: 'video', 45: 'sasl', 46: 'plugdev', 50: 'staff',
  60: 'games', 100: 'users', 65534: 'nogroup',
};

/** The reference daemon's host (Debian 12): what Docker 20.10 writes. */
export const DEBIAN_HOST_NAMES: IdNames = {
  user: (uid) => DEBIAN_USERS[uid] ?? '',
  group: (gid) => DEBIAN_GROUPS[gid] ?? '',
};

/** No names at all: what Docker 23 and later write (moby stopped the look-ups). */
export const NO_NAMES: IdNames = { user: () => '', group: () => '' };

// ---------------------------------------------------------------- headers (Go's archive/tar writer)

interface Header {
  name: string;
  typeflag: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** Seconds; null for Go's zero time (written as 0). */
  mtime: number | null;
  linkname: string;
  uname: string;
  gname: string;
}

function isASCII(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 || c === 0) return false;
  }
  return true;
}

function toASCII(s: string): string {
  if (isASCII(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80 && c !== 0) out += s[i];
  }
  return out;
}

function fitsInOctal(n: number, x: number): boolean {
  return x >= 0 && (n >= 22 || x < 2 ** ((n - 1) * 3));
}

/** Go's splitUSTARPath: [prefix, suffix] or null. */
function splitUSTARPath(name: string): [string, string] | null {
  let length = name.length;
  if (length <= 100 || !isASCII(name)) return null;
  if (length > 156) length = 156;
  else if (name[length - 1] === '/') length--;
  const i = name.lastIndexOf('/', length - 1);
  const nlen = name.length - i - 1;
  if (i <= 0 || nlen > 100 || nlen === 0 || i > 155) return null;
  return [name.slice(0, i), name.slice(i + 1)];
}

/** Go's formatter.formatString on ASCII input: copy, truncate, NUL-terminate if room. */
function putString(b: Uint8Array, off: number, size: number, s: string): void {
  const n = Math.min(s.length, size);
  for (let i = 0; i < n; i++) b[off + i] = s.charCodeAt(i);
  if (s.length < size) b[off + s.length] = 0;
  // Some readers take a trailing slash in a truncated name for a directory.
  if (s.length > size && b[off + size - 1] === 0x2f) {
    let k = size - 1;
    while (k > 0 && s.charCodeAt(k - 1) === 0x2f) k--;
    b[off + k] = 0;
  }
}

/** Go's formatOctal: zero-padded octal with a NUL; 0 when it does not fit. */
function putOctal(b: Uint8Array, off: number, size: number, x: number): void {
  if (!fitsInOctal(size, x)) x = 0;
  putString(b, off, size, x.toString(8).padStart(size - 1, '0'));
}

function setFormat(b: Uint8Array): void {
  // USTAR and PAX share the magic "ustar\0" and version "00".
  putString(b, 257, 6, 'ustar\0');
  b[263] = 0x30;
  b[264] = 0x30;
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : b[i]!;
  putOctal(b, 148, 7, sum);
  b[155] = 0x20;
}

/** templateV7Plus: the fields USTAR and PAX headers share. */
function template(h: Header, name: string, str: (s: string) => string): Uint8Array {
  const b = new Uint8Array(BLOCK);
  b[156] = h.typeflag.charCodeAt(0);
  putString(b, 0, 100, str(name));
  putString(b, 157, 100, str(h.linkname));
  putOctal(b, 100, 8, h.mode);
  putOctal(b, 108, 8, h.uid);
  putOctal(b, 116, 8, h.gid);
  putOctal(b, 124, 12, h.size);
  putOctal(b, 136, 12, h.mtime ?? 0);
  putString(b, 265, 32, str(h.uname));
  putString(b, 297, 32, str(h.gname));
  putOctal(b, 329, 8, 0);
  putOctal(b, 337, 8, 0);
  return b;
}

function byteLength(s: string): number {
  return isASCII(s) ? s.length : utf8(s).length;
}

/** Go's formatPAXRecord. */
function paxRecord(k: string, v: string): string {
  let size = byteLength(k) + byteLength(v) + 3;
  size += String(size).length;
  let rec = `${size} ${k}=${v}\n`;
  const n = byteLength(rec);
  if (n !== size) rec = `${n} ${k}=${v}\n`;
  return rec;
}

/** Go's path.Join(dir, "PaxHeaders.0", file) after path.Split(name), for clean names. */
function paxHeaderName(name: string): string {
  const slash = name.lastIndexOf('/');
  const dir = name.slice(0, slash + 1);
  const file = name.slice(slash + 1);
  const parts = [...dir.split('/').filter((p) => p !== ''), 'PaxHeaders.0'];
  if (file !== '') parts.push(file);
  return parts.join('/');
}

/** Encodes one entry's header block(s): a PAX extended header first when USTAR cannot hold it. */
export function encodeHeader(h: Header): Uint8Array[] {
  const pax = new Map<string, string>();
  let ustar = true;
  const str = (s: string, size: number, key: string, splittable = false) => {
    if (s.includes('\0')) throw new Error(`tar: NUL in ${key} ${JSON.stringify(s)}`);
    if (!isASCII(s) || byteLength(s) > size) {
      if (!(splittable && splitUSTARPath(s) !== null)) ustar = false;
      pax.set(key, s);
    }
  };
  const num = (n: number, size: number, key: string | null) => {
    if (!fitsInOctal(size, n)) {
      ustar = false;
      if (key === null) throw new Error(`tar: cannot encode ${n} in a ${size}-byte field`);
      pax.set(key, String(n));
    }
  };
  str(h.name, 100, 'path', true);
  str(h.linkname, 100, 'linkpath');
  str(h.uname, 32, 'uname');
  str(h.gname, 32, 'gname');
  num(h.mode, 8, null);
  num(h.uid, 8, 'uid');
  num(h.gid, 8, 'gid');
  num(h.size, 12, 'size');
  if (h.mtime !== null && !fitsInOctal(12, h.mtime)) {
    ustar = false;
    pax.set('mtime', String(h.mtime));
  }

  if (ustar) {
    const split = splitUSTARPath(h.name);
    const b = template(h, split ? split[1] : h.name, (s) => s);
    if (split) putString(b, 345, 155, split[0]);
    setFormat(b);
    return [b];
  }

  const out: Uint8Array[] = [];
  const keys = [...pax.keys()].sort();
  const data = utf8(keys.map((k) => paxRecord(k, pax.get(k)!)).join(''));
  if (data.length > 1 << 20) throw new Error('tar: PAX header too long');
  const x = new Uint8Array(BLOCK);
  let xname = toASCII(paxHeaderName(h.name));
  if (xname.length > 100) xname = xname.slice(0, 100);
  xname = xname.replace(/\/+$/, '');
  x[156] = 0x78; // 'x'
  putString(x, 0, 100, xname);
  putOctal(x, 100, 8, 0);
  putOctal(x, 108, 8, 0);
  putOctal(x, 116, 8, 0);
  putOctal(x, 124, 12, data.length);
  putOctal(x, 136, 12, 0);
  setFormat(x);
  out.push(x);
  const padded = new Uint8Array(Math.ceil(data.length / BLOCK) * BLOCK);
  padded.set(data);
  out.push(padded);
  const b = template(h, h.name, toASCII);
  setFormat(b);
  out.push(b);
  return out;
}

// ---------------------------------------------------------------- the walk

const S_IFREG = 0o100000;
const S_IFDIR = 0o40000;
const S_IFLNK = 0o120000;

export interface TarWriteOptions {
  /** uname/gname look-ups (default: the Debian 12 host of Docker 20.10). */
  names?: IdNames;
  /** Size of the chunks the stream yields (default 64 KiB). */
  chunkSize?: number;
}

type Item = { header: Header; entry: Entry | null };

/** The archive's entries in order: each header, and the file whose data follows it. */
function* items(tree: LayerTree, names: IdNames): Generator<Item> {
  const seen = new Map<Entry, string>();
  for (const [path, e] of tree.walk()) {
    const base = {
      uid: e.uid,
      gid: e.gid,
      mtime: Math.floor(e.mtime / 1000),
      uname: names.user(e.uid),
      gname: names.group(e.gid),
      linkname: '',
      size: 0,
    };
    switch (e.kind) {
      case 'dir': {
        const mode = S_IFDIR | e.mode;
        yield { header: { ...base, name: path + '/', typeflag: '5', mode }, entry: null };
        if (e.opaque) {
          yield { header: { ...base, name: path + '/.wh..wh..opq', typeflag: '0', mode: mode & 0o777, mtime: null }, entry: null };
        }
        break;
      }
      case 'whiteout': {
        const slash = path.lastIndexOf('/');
        const name = path.slice(0, slash + 1) + '.wh.' + path.slice(slash + 1);
        const first = seen.get(e);
        if (first === undefined) seen.set(e, path);
        yield { header: { ...base, name, typeflag: '0', mode: 0o600, linkname: first ?? '' }, entry: null };
        break;
      }
      case 'file':
      case 'symlink': {
        const mode = (e.kind === 'file' ? S_IFREG : S_IFLNK) | e.mode;
        const target = e.kind === 'symlink' ? e.target : '';
        const first = seen.get(e);
        if (first !== undefined) {
          yield { header: { ...base, name: path, typeflag: '1', mode, linkname: first }, entry: null };
          break;
        }
        seen.set(e, path);
        if (e.kind === 'symlink') yield { header: { ...base, name: path, typeflag: '2', mode, linkname: target }, entry: null };
        else yield { header: { ...base, name: path, typeflag: '0', mode, size: e.size }, entry: e.size > 0 ? e : null };
        break;
      }
    }
  }
}

/** The layer tar as a stream of chunks (synchronous; fresh buffers, safe to keep). */
export function* layerTarChunks(tree: LayerTree, options: TarWriteOptions = {}): Generator<Uint8Array> {
  const names = options.names ?? DEBIAN_HOST_NAMES;
  const chunk = Math.max(BLOCK, options.chunkSize ?? 1 << 16);
  let buf = new Uint8Array(chunk);
  let fill = 0;
  function* put(bytes: Uint8Array): Generator<Uint8Array> {
    let off = 0;
    while (off < bytes.length) {
      const n = Math.min(chunk - fill, bytes.length - off);
      buf.set(bytes.subarray(off, off + n), fill);
      fill += n;
      off += n;
      if (fill === chunk) {
        yield buf;
        buf = new Uint8Array(chunk);
        fill = 0;
      }
    }
  }
  for (const { header, entry } of items(tree, names)) {
    for (const b of encodeHeader(header)) yield* put(b);
    if (entry !== null) {
      for (const c of contentChunks(entry, chunk)) yield* put(c);
      const pad = -entry.size & (BLOCK - 1);
      if (pad > 0) yield* put(new Uint8Array(pad));
    }
  }
  yield* put(new Uint8Array(2 * BLOCK));
  if (fill > 0) yield buf.subarray(0, fill);
}

/**
 * The layer tar as an async stream: a 70 MB generated layer never sits in
 * memory whole. `yieldTask` (if given) runs about every MiB so that a long
 * archive does not hold up the page.
 */
export async function* writeLayerTar(
  tree: LayerTree,
  options: TarWriteOptions & { yieldTask?: () => Promise<void> } = {},
): AsyncGenerator<Uint8Array> {
  let since = 0;
  for (const c of layerTarChunks(tree, options)) {
    yield c;
    since += c.length;
    if (options.yieldTask && since >= 1 << 20) {
      since = 0;
      await options.yieldTask();
    }
  }
}

/** The whole layer tar in one array (small layers, tests). */
export function layerTarBytes(tree: LayerTree, options: TarWriteOptions = {}): Uint8Array {
  return concatBytes([...layerTarChunks(tree, options)]);
}

/** The layer tar's size in bytes, without producing it. */
export function layerTarSize(tree: LayerTree, options: TarWriteOptions = {}): number {
  let n = 2 * BLOCK;
  for (const { header, entry } of items(tree, options.names ?? DEBIAN_HOST_NAMES)) {
    for (const b of encodeHeader(header)) n += b.length;
    if (entry !== null) n += Math.ceil(entry.size / BLOCK) * BLOCK;
  }
  return n;
}

// ---------------------------------------------------------------- digests

export interface DiffIdOptions extends TarWriteOptions {
  /** Archives up to this size go to the (one-shot) Hasher whole; bigger ones stream through Sha256. Default 32 MiB. */
  oneShotLimit?: number;
  yieldTask?: () => Promise<void>;
}

/** The layer's DiffID: "sha256:" + the sha256 of its uncompressed tar. */
export async function diffId(tree: LayerTree, hasher: Hasher, options: DiffIdOptions = {}): Promise<string> {
  const limit = options.oneShotLimit ?? 32 << 20;
  if (layerTarSize(tree, options) <= limit) return 'sha256:' + (await hasher.sha256(layerTarBytes(tree, options)));
  const h = new Sha256();
  for await (const c of writeLayerTar(tree, options)) h.update(c);
  return 'sha256:' + h.hex();
}

/**
 * ChainIDs per the OCI image spec: ChainID(L0) = DiffID(L0),
 * ChainID(Ln) = sha256(ChainID(Ln-1) + " " + DiffID(Ln)). Returns one per layer.
 */
export async function chainIds(diffIds: readonly string[], hasher: Hasher): Promise<string[]> {
  const out: string[] = [];
  for (const d of diffIds) {
    const prev = out[out.length - 1];
    out.push(prev === undefined ? d : 'sha256:' + (await hasher.sha256(utf8(`${prev} ${d}`))));
  }
  return out;
}

/** The ChainID of the top layer of `diffIds` (bottom first). */
export async function chainId(diffIds: readonly string[], hasher: Hasher): Promise<string> {
  if (diffIds.length === 0) throw new Error('chainId of no layers');
  return (await chainIds(diffIds, hasher))[diffIds.length - 1]!;
}

// ---------------------------------------------------------------- reading

/** A refused or broken archive. */
export class LayerTarError extends Error {
  override name = 'LayerTarError';
}

export interface TarReadOptions {
  /** Largest file accepted (default 256 MiB). */
  maxFileSize?: number;
  /** Largest total of file data accepted (default 1 GiB). */
  maxTotalSize?: number;
  /** Most entries accepted (default 1,000,000). */
  maxEntries?: number;
  /** mtime (ms) for directories the archive implies without listing them (default 0). */
  now?: number;
  /** Told each entry's header owner names (uname/gname), by cleaned path. */
  onNames?: (path: string, uname: string, gname: string) => void;
}

const EMPTY = new Uint8Array(0);
const MAX_SPECIAL = 1 << 20;

/** Reads a layer tar into a tree (an archive as `docker load` / `docker import` get it). */
export async function readLayerTar(
  input: Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: TarReadOptions = {},
): Promise<LayerTree> {
  const p = new TarParser(options);
  if (input instanceof Uint8Array) p.push(input);
  else if (Symbol.asyncIterator in input) for await (const c of input as AsyncIterable<Uint8Array>) p.push(c);
  else for (const c of input as Iterable<Uint8Array>) p.push(c);
  return p.end();
}

export function readLayerTarSync(input: Uint8Array | Iterable<Uint8Array>, options: TarReadOptions = {}): LayerTree {
  const p = new TarParser(options);
  if (input instanceof Uint8Array) p.push(input);
  else for (const c of input) p.push(c);
  return p.end();
}

interface Pending {
  path?: string;
  linkpath?: string;
  size?: number;
  uid?: number;
  gid?: number;
  mtime?: number;
}

interface Current {
  typeflag: string;
  /** Raw name (before cleaning), for messages. */
  name: string;
  names: string[];
  linkname: string;
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  size: number;
}

/** A push parser: feed chunks in any sizes, then end(). */
class TarParser {
  private readonly tree = new LayerTree();
  private readonly opts: Required<Omit<TarReadOptions, 'onNames'>>;
  private readonly onNames: TarReadOptions['onNames'];
  private readonly hdr = new Uint8Array(BLOCK);
  private hdrFill = 0;
  private offset = 0; // of the next byte pushed
  private state: 'header' | 'data' | 'skip' | 'zero' | 'done' = 'header';
  /** The entry whose data is being read, and where its bytes go. */
  private cur: Current | null = null;
  private data: Uint8Array = EMPTY;
  private dataFill = 0;
  private skip = 0;
  private special: 'x' | 'g' | 'L' | 'K' | null = null;
  private pending: Pending = {};
  private longName: string | null = null;
  private longLink: string | null = null;
  private entries = 0;
  private total = 0;
  /** Whiteouts by the path they hide, to rebuild overlayfs' shared whiteout inode. */
  private whiteouts = new Map<string, Entry>();

  constructor(o: TarReadOptions) {
    this.opts = {
      maxFileSize: o.maxFileSize ?? 256 << 20,
      maxTotalSize: o.maxTotalSize ?? 1 << 30,
      maxEntries: o.maxEntries ?? 1_000_000,
      now: o.now ?? 0,
    };
    this.onNames = o.onNames;
  }

  push(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length) {
      switch (this.state) {
        case 'done':
          return;
        case 'header':
        case 'zero': {
          const n = Math.min(BLOCK - this.hdrFill, chunk.length - i);
          this.hdr.set(chunk.subarray(i, i + n), this.hdrFill);
          this.hdrFill += n;
          i += n;
          if (this.hdrFill === BLOCK) {
            this.hdrFill = 0;
            this.header(this.offset + i - BLOCK);
          }
          break;
        }
        case 'data': {
          const n = Math.min(this.data.length - this.dataFill, chunk.length - i);
          this.data.set(chunk.subarray(i, i + n), this.dataFill);
          this.dataFill += n;
          i += n;
          if (this.dataFill === this.data.length) this.finishData();
          break;
        }
        case 'skip': {
          const n = Math.min(this.skip, chunk.length - i);
          this.skip -= n;
          i += n;
          if (this.skip === 0) this.state = 'header';
          break;
        }
      }
    }
    this.offset += chunk.length;
  }

  end(): LayerTree {
    if (this.state === 'done' || this.state === 'zero') return this.tree;
    if (this.state === 'header' && this.hdrFill === 0 && this.special === null && !this.hasPending()) return this.tree;
    throw new LayerTarError('unexpected end of archive');
  }

  private hasPending(): boolean {
    return this.longName !== null || this.longLink !== null || Object.keys(this.pending).length > 0;
  }

  private header(at: number): void {
    const b = this.hdr;
    if (b.every((x) => x === 0)) {
      if (this.state === 'zero') this.state = 'done';
      else this.state = 'zero';
      return;
    }
    if (this.state === 'zero') throw new LayerTarError(`invalid tar header at offset ${at} (data after a zero block)`);
    if (++this.entries > this.opts.maxEntries) throw new LayerTarError(`archive has more than ${this.opts.maxEntries} entries`);
    const sum = parseNumeric(b, 148, 8, at);
    let unsigned = 0;
    let signed = 0;
    for (let i = 0; i < BLOCK; i++) {
      const c = i >= 148 && i < 156 ? 0x20 : b[i]!;
      unsigned += c;
      signed += c >= 0x80 ? c - 256 : c;
    }
    if (sum !== unsigned && sum !== signed) throw new LayerTarError(`invalid tar header at offset ${at} (bad checksum)`);

    let typeflag = String.fromCharCode(b[156]!);
    const magic = cString(b, 257, 6);
    const version = cString(b, 263, 2);
    let name = cString(b, 0, 100);
    if (magic === 'ustar' && version !== ' ') {
      const prefix = cString(b, 345, 155);
      if (prefix !== '') name = prefix + '/' + name;
    }
    let size = parseNumeric(b, 124, 12, at);

    if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K') {
      if (size > MAX_SPECIAL) throw new LayerTarError(`tar: ${typeflag} header of ${size} bytes at offset ${at} is too big`);
      this.special = typeflag;
      this.beginData(null, size);
      return;
    }

    const p = this.pending;
    this.pending = {};
    if (this.longName !== null) name = this.longName;
    if (p.path !== undefined) name = p.path;
    let linkname = this.longLink ?? cString(b, 157, 100);
    if (p.linkpath !== undefined) linkname = p.linkpath;
    this.longName = this.longLink = null;
    if (p.size !== undefined) size = p.size;
    if (typeflag === '\0') typeflag = name.endsWith('/') ? '5' : '0';
    // Go's reader: header-only types carry no data, whatever size says.
    if ('123456'.includes(typeflag)) size = 0;

    const cur: Current = {
      typeflag,
      name,
      names: this.clean(name),
      linkname,
      mode: parseNumeric(b, 100, 8, at) & 0o7777,
      uid: p.uid ?? parseNumeric(b, 108, 8, at),
      gid: p.gid ?? parseNumeric(b, 116, 8, at),
      mtime: p.mtime ?? parseNumeric(b, 136, 12, at) * 1000,
      size,
    };
    if (this.onNames && cur.names.length > 0) this.onNames(cur.names.join('/'), cString(b, 265, 32), cString(b, 297, 32));
    if (typeflag === '0') {
      if (size > this.opts.maxFileSize) throw new LayerTarError(`${q(name)} is ${size} bytes, over the limit of ${this.opts.maxFileSize}`);
      this.total += size;
      if (this.total > this.opts.maxTotalSize) throw new LayerTarError(`archive holds more than ${this.opts.maxTotalSize} bytes of files`);
      this.beginData(cur, size);
      return;
    }
    this.entry(cur, null);
  }

  private beginData(cur: Current | null, size: number): void {
    this.cur = cur;
    this.data = size === 0 ? EMPTY : new Uint8Array(size);
    this.dataFill = 0;
    this.skip = -size & (BLOCK - 1);
    if (size === 0) this.finishData();
    else this.state = 'data';
  }

  private finishData(): void {
    const data = this.data;
    this.data = EMPTY;
    this.state = this.skip > 0 ? 'skip' : 'header';
    if (this.special !== null) {
      const kind = this.special;
      this.special = null;
      if (kind === 'x') this.pax(data);
      else if (kind === 'L') this.longName = cString(data, 0, data.length);
      else if (kind === 'K') this.longLink = cString(data, 0, data.length);
      return; // 'g': global headers are ignored, as Docker does
    }
    const cur = this.cur!;
    this.cur = null;
    this.entry(cur, data);
  }

  private pax(data: Uint8Array): void {
    let pos = 0;
    while (pos < data.length) {
      // "<length> <key>=<value>\n", the length counting the whole record in bytes.
      let sp = pos;
      while (sp < data.length && data[sp] !== 0x20) sp++;
      const digits = decoder.decode(data.subarray(pos, sp));
      const n = Number(digits);
      if (!/^\d+$/.test(digits) || n < 5 || pos + n > data.length || data[pos + n - 1] !== 0x0a) throw new LayerTarError('invalid PAX record');
      const rec = decoder.decode(data.subarray(sp + 1, pos + n - 1));
      pos += n;
      const eq = rec.indexOf('=');
      if (eq < 0) throw new LayerTarError('invalid PAX record');
      this.paxRecord(rec.slice(0, eq), rec.slice(eq + 1));
    }
  }

  private paxRecord(k: string, v: string): void {
    const int = (): number => {
      if (!/^\d+$/.test(v) || Number(v) > Number.MAX_SAFE_INTEGER) throw new LayerTarError(`invalid PAX ${k} ${q(v)}`);
      return Number(v);
    };
    switch (k) {
      case 'path':
        this.pending.path = v;
        break;
      case 'linkpath':
        this.pending.linkpath = v;
        break;
      case 'size':
        this.pending.size = int();
        break;
      case 'uid':
        this.pending.uid = int();
        break;
      case 'gid':
        this.pending.gid = int();
        break;
      case 'mtime': {
        const t = Number(v);
        if (!/^-?\d+(\.\d+)?$/.test(v) || !Number.isFinite(t)) throw new LayerTarError(`invalid PAX mtime ${q(v)}`);
        this.pending.mtime = Math.floor(t * 1000);
        break;
      }
      // atime, ctime, SCHILY.xattr.*, charset, ...: not kept.
    }
  }

  /** A member path, cleaned as filepath.Clean would; refuses anything outside the root. */
  private clean(name: string): string[] {
    const out: string[] = [];
    for (const c of name.split('/')) {
      if (c === '' || c === '.') continue;
      if (c === '..') {
        if (out.length === 0) throw new LayerTarError(`${q(name)} is outside of the layer root`);
        out.pop();
      } else out.push(c);
    }
    return out;
  }

  private entry(cur: Current, data: Uint8Array | null): void {
    const { typeflag, names, name } = cur;
    const meta = { mode: cur.mode, uid: cur.uid, gid: cur.gid, mtime: cur.mtime };
    if (typeflag === '3' || typeflag === '4') throw new LayerTarError(`${q(name)} is a device file: not supported`);
    if (typeflag === '6') throw new LayerTarError(`${q(name)} is a FIFO: not supported`);
    if (typeflag === 'S') throw new LayerTarError(`${q(name)} is a sparse file: not supported`);
    if (!'0125'.includes(typeflag)) throw new LayerTarError(`${q(name)} has unsupported entry type ${q(typeflag)}`);
    if (names.length === 0) {
      if (typeflag !== '5') throw new LayerTarError(`${q(name)} names the root but is not a directory`);
      this.tree.addDir('/', meta);
      return;
    }
    const base = names[names.length - 1]!;
    const dirNames = names.slice(0, -1);
    // AUFS metadata (.wh..wh.plnk, .wh..wh.aufs, ...) is not part of the tree.
    if (dirNames.some((n) => n.startsWith('.wh..wh.'))) return;
    if (base.startsWith('.wh..wh.') && base !== '.wh..wh..opq') return;
    const parent = this.parentDir(dirNames, name);

    if (base.startsWith('.wh.')) {
      if (base === '.wh..wh..opq') {
        parent.opaque = true;
        return;
      }
      const hidden = base.slice(4);
      if (hidden === '' || hidden === '.' || hidden === '..') throw new LayerTarError(`${q(name)} is not a valid whiteout`);
      const hiddenPath = [...dirNames, hidden].join('/');
      // Docker's own layers: later whiteouts of one overlay mount name the first in linkname.
      const first = cur.linkname !== '' ? this.whiteouts.get(cur.linkname) : undefined;
      let e: Entry;
      if (first !== undefined && first.uid === cur.uid && first.gid === cur.gid && first.mtime === cur.mtime) e = first;
      else e = Entry.whiteout({ mode: 0, uid: cur.uid, gid: cur.gid, mtime: cur.mtime });
      if (!this.whiteouts.has(hiddenPath)) this.whiteouts.set(hiddenPath, e);
      parent.children().set(hidden, e);
      return;
    }

    switch (typeflag) {
      case '0':
        parent.children().set(base, Entry.file(data ?? EMPTY, meta));
        return;
      case '5': {
        const old = parent.childMap()?.get(base);
        if (old !== undefined && old.kind === 'dir') {
          old.mode = meta.mode;
          old.uid = meta.uid;
          old.gid = meta.gid;
          old.mtime = meta.mtime;
        } else parent.children().set(base, Entry.dir(meta));
        return;
      }
      case '2': {
        const t = cur.linkname;
        if (t === '') throw new LayerTarError(`${q(name)} is a symlink with an empty target`);
        if (!t.startsWith('/')) {
          try {
            this.clean([...dirNames, t].join('/'));
          } catch {
            throw new LayerTarError(`${q(name)} is a symlink to ${q(t)}, outside of the layer root`);
          }
        }
        parent.children().set(base, Entry.symlink(t, meta));
        return;
      }
      case '1': {
        let target: string[];
        try {
          target = this.clean(cur.linkname);
        } catch {
          throw new LayerTarError(`${q(name)} is a hard link to ${q(cur.linkname)}, outside of the layer root`);
        }
        const e = this.tree.lookup(target.join('/'));
        if (e === undefined || (e.kind !== 'file' && e.kind !== 'symlink'))
          throw new LayerTarError(`${q(name)} is a hard link to ${q(cur.linkname)}, which the archive does not hold before it`);
        parent.children().set(base, e);
        return;
      }
    }
  }

  /** The directory `names` leads to, created as Docker's MkdirAll would; refuses paths through non-directories. */
  private parentDir(names: string[], full: string): Entry {
    let dir = this.tree.root;
    for (let i = 0; i < names.length; i++) {
      const kids = dir.children();
      let next = kids.get(names[i]!);
      if (next === undefined || next.kind === 'whiteout') {
        next = Entry.dir({ mode: 0o755, mtime: this.opts.now });
        kids.set(names[i]!, next);
      } else if (next.kind !== 'dir') {
        throw new LayerTarError(`${q(full)}: ${q(names.slice(0, i + 1).join('/'))} is not a directory`);
      }
      dir = next;
    }
    return dir;
  }
}

function q(s: string): string {
  return JSON.stringify(s);
}

function cString(b: Uint8Array, off: number, size: number): string {
  let end = off;
  const max = Math.min(off + size, b.length);
  while (end < max && b[end] !== 0) end++;
  return decoder.decode(b.subarray(off, end));
}

/** Go's parseNumeric: base-256 when the high bit is set, else octal padded with spaces/NULs. */
function parseNumeric(b: Uint8Array, off: number, size: number, at: number): number {
  if (b[off]! & 0x80) {
    if (b[off]! & 0x40) throw new LayerTarError(`negative number in tar header at offset ${at}`);
    let x = b[off]! & 0x7f;
    for (let i = 1; i < size; i++) {
      x = x * 256 + b[off + i]!;
      if (x > Number.MAX_SAFE_INTEGER) throw new LayerTarError(`number too large in tar header at offset ${at}`);
    }
    return x;
  }
  let s = '';
  for (let i = off; i < off + size; i++) s += String.fromCharCode(b[i]!);
  s = s.replace(/^[ \0]+|[ \0]+$/g, '');
  const nul = s.indexOf('\0');
  if (nul >= 0) s = s.slice(0, nul);
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new LayerTarError(`invalid number ${q(s)} in tar header at offset ${at}`);
  const x = parseInt(s, 8);
  if (x > Number.MAX_SAFE_INTEGER) throw new LayerTarError(`number too large in tar header at offset ${at}`);
  return x;
}
