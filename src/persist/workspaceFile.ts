// The one-file workspace a learner downloads and imports back:
// berth-workspace.tar.gz.
//
// Why a tar.gz: it is the archive every learner of Docker meets (docker
// save, docker export, layers), any machine opens it (`tar tzvf
// berth-workspace.tar.gz`), and Berth already writes and reads real tar and
// gzip. Inside, in this order:
//
//   berth-workspace.json   {"format":"berth-workspace","version":1,
//                           "history":[...command lines, oldest first...],
//                           "records":[[key, value], ...]}
//   blobs/000000 ...       raw bytes (file contents), one member each
//
// Record values are JSON, except that a Uint8Array is written as
// {"$bytes": n} (the bytes are blobs/<n>), a non-finite number as
// {"$number": "NaN" | "Infinity" | "-Infinity"}, and an object key starting
// with "$" gets one more "$" in front. `undefined` fields are left out, as
// JSON leaves them. The version says what the reader must understand; a
// newer one is refused with a clear message instead of being misread.
// Decoding checks everything (gzip CRC and length, tar, JSON, every blob
// reference, the engine state's format) before returning anything.
import { concatBytes } from '../engine/layer/bytes.ts';
import { crc32Update } from '../engine/layer/gzip.ts';
import { LayerTree } from '../engine/layer/tree.ts';
import { layerTarChunks, readLayerTarSync } from '../engine/layer/tar.ts';
import { readContent } from '../engine/layer/tree.ts';
import { deflateRaw, gunzip } from '../engine/runtime/programs/inflate.ts';
import { readMeta, StateError } from '../engine/state/index.ts';

export const WORKSPACE_FORMAT = 'berth-workspace';
export const WORKSPACE_VERSION = 1;
export const WORKSPACE_FILE_NAME = 'berth-workspace.tar.gz';
const MANIFEST = 'berth-workspace.json';
/** The largest archive (unpacked) a workspace file may hold. */
const MAX_ARCHIVE_BYTES = 1 << 30;

export class WorkspaceFileError extends Error {
  override readonly name = 'WorkspaceFileError';
}

export interface Workspace {
  records: Map<string, unknown>;
  history: string[];
}

export async function encodeWorkspace(w: { records: Map<string, unknown>; history: readonly string[] }): Promise<Uint8Array> {
  const blobs: Uint8Array[] = [];
  const records: Array<[string, unknown]> = [];
  for (const [key, value] of w.records) records.push([key, toJson(value, blobs, key)]);
  const manifest = { format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, history: [...w.history], records };
  const tree = new LayerTree();
  const mtime = Date.now();
  tree.addFile(MANIFEST, new TextEncoder().encode(JSON.stringify(manifest)), { mtime });
  if (blobs.length > 0) tree.addDir('blobs', { mtime });
  blobs.forEach((b, i) => tree.addFile(`blobs/${blobName(i)}`, b, { mtime }));
  const tar = concatBytes([...layerTarChunks(tree)]);
  return gzip(tar);
}

export async function decodeWorkspace(bytes: Uint8Array): Promise<Workspace> {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) throw new WorkspaceFileError('The file is empty: it is not a Berth workspace.');
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw new WorkspaceFileError('This file is not a Berth workspace (berth-workspace.tar.gz).');
  const unzipped = gunzip(bytes);
  if (unzipped.data.length > MAX_ARCHIVE_BYTES) throw new WorkspaceFileError('The workspace file is too big to open here.');
  if (unzipped.error) throw new WorkspaceFileError(`The workspace file is damaged or incomplete (${unzipped.error.message}).`);
  let tree: LayerTree;
  try {
    tree = readLayerTarSync(unzipped.data);
  } catch (e) {
    throw new WorkspaceFileError(`The workspace file is damaged: its archive is unreadable (${e instanceof Error ? e.message : String(e)}).`);
  }
  const manifestEntry = tree.lookup(MANIFEST);
  if (!manifestEntry || manifestEntry.kind !== 'file') throw new WorkspaceFileError('This archive is not a Berth workspace: it has no berth-workspace.json.');
  let manifest: unknown;
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(readContent(manifestEntry)));
  } catch {
    throw new WorkspaceFileError('The workspace file is damaged: berth-workspace.json is not valid JSON.');
  }
  if (!isPlainObject(manifest) || manifest.format !== WORKSPACE_FORMAT) {
    throw new WorkspaceFileError('This archive is not a Berth workspace: berth-workspace.json describes something else.');
  }
  const version = manifest.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new WorkspaceFileError('The workspace file is damaged: its version is unreadable.');
  }
  if (version > WORKSPACE_VERSION) {
    throw new WorkspaceFileError(`This workspace was saved by a newer Berth (file version ${version}; this Berth reads version ${WORKSPACE_VERSION}). Reload the page to get the newer Berth, then import it again.`);
  }
  const { history, records } = manifest;
  if (!Array.isArray(history) || !history.every((h) => typeof h === 'string')) {
    throw new WorkspaceFileError('The workspace file is damaged: its command history is unreadable.');
  }
  if (!Array.isArray(records)) throw new WorkspaceFileError('The workspace file is damaged: it holds no records.');
  const blob = (n: unknown): Uint8Array => {
    const e = typeof n === 'number' && Number.isInteger(n) && n >= 0 ? tree.lookup(`blobs/${blobName(n)}`) : undefined;
    if (!e || e.kind !== 'file') throw new WorkspaceFileError(`The workspace file is damaged: blobs/${typeof n === 'number' ? blobName(n) : '?'} is missing.`);
    return readContent(e);
  };
  const out = new Map<string, unknown>();
  for (const pair of records) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') {
      throw new WorkspaceFileError('The workspace file is damaged: a record is unreadable.');
    }
    if (out.has(pair[0])) throw new WorkspaceFileError(`The workspace file is damaged: the record ${pair[0]} appears twice.`);
    out.set(pair[0], fromJson(pair[1], blob));
  }
  try {
    readMeta(out);
  } catch (e) {
    if (e instanceof StateError) throw new WorkspaceFileError(e.kind === 'newer' ? `This workspace was saved by a newer Berth: ${e.message}.` : `The workspace file is damaged: ${e.message.replace(/^the saved workspace is damaged: /, '')}.`);
    throw e;
  }
  return { records: out, history: history as string[] };
}

function blobName(n: number): string {
  return String(n).padStart(6, '0');
}

function toJson(v: unknown, blobs: Uint8Array[], where: string): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { $number: String(v) };
  if (v instanceof Uint8Array) {
    blobs.push(v);
    return { $bytes: blobs.length - 1 };
  }
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : toJson(x, blobs, where)));
  if (isPlainObject(v)) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined) continue;
      o[k.startsWith('$') ? `$${k}` : k] = toJson(x, blobs, where);
    }
    return o;
  }
  throw new WorkspaceFileError(`Cannot save the record ${where}: it holds a ${typeof v === 'object' ? (v as object).constructor?.name ?? 'object' : typeof v}.`);
}

function fromJson(v: unknown, blob: (n: unknown) => Uint8Array): unknown {
  if (Array.isArray(v)) return v.map((x) => fromJson(x, blob));
  if (!isPlainObject(v)) return v;
  if ('$bytes' in v) return blob(v.$bytes);
  if ('$number' in v) {
    const n = Number(v.$number);
    if (!Number.isNaN(n) || v.$number === 'NaN') return n;
    throw new WorkspaceFileError('The workspace file is damaged: a number is unreadable.');
  }
  const o: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    // defined, not assigned: a "__proto__" key stays a plain key
    Object.defineProperty(o, k.startsWith('$') ? k.slice(1) : k, { value: fromJson(x, blob), enumerable: true, writable: true, configurable: true });
  }
  return o;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

type StreamCtor = new (format: 'gzip') => { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> };

/** gzip: the runtime's own compressor when it has one (browsers, Node 18+), else Berth's small DEFLATE. */
async function gzip(data: Uint8Array): Promise<Uint8Array> {
  const Compression = (globalThis as { CompressionStream?: StreamCtor }).CompressionStream;
  if (Compression !== undefined) {
    const stream = new Blob([data as BlobPart]).stream().pipeThrough(new Compression('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }
  const body = deflateRaw(data);
  const out = new Uint8Array(10 + body.length + 8);
  out.set([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  out.set(body, 10);
  const view = new DataView(out.buffer, 10 + body.length, 8);
  view.setUint32(0, crc32Update(0, data), true);
  view.setUint32(4, data.length >>> 0, true);
  return out;
}
