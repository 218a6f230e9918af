// What registry 2.8 answers a manifest GET by tag whose Accept header does
// not name schema 2 (curl without -H Accept): the schema 2 manifest rewritten
// as schema 1 (manifest/schema1/config_builder.go), signed with the
// registry's own ECDSA P-256 trust key as libtrust's "pretty" JWS
// (libtrust/jsonsign.go). The key is made at start, as registry does.
import { sha256Hex } from '../../layer/sha256.ts';

/** digestSHA256GzippedEmptyTar and its bytes: the blob schema 1 names for a history entry without a layer. */
export const EMPTY_TAR_DIGEST = 'sha256:a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4';
export const EMPTY_TAR_GZIP = new Uint8Array([
  31, 139, 8, 0, 0, 9, 110, 136, 0, 255, 98, 24, 5, 163, 96, 20, 140, 88, 0, 8, 0, 0, 255, 255, 46, 175, 181, 239, 0, 4, 0, 0,
]);

export interface TrustKey {
  /** The public key as libtrust's JWK: crv, kid, kty, x, y (sorted, as Go marshals a map). */
  jwk: { crv: string; kid: string; kty: string; x: string; y: string };
  /** ES256 over the bytes: r and s, 32 bytes each. */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

interface Subtle {
  generateKey(alg: unknown, extractable: boolean, usages: string[]): Promise<{ privateKey: unknown; publicKey: unknown }>;
  exportKey(format: string, key: unknown): Promise<ArrayBuffer | { x?: string; y?: string }>;
  sign(alg: unknown, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}

/** A fresh P-256 key from the platform's WebCrypto, or null when it has none. */
export async function generateTrustKey(): Promise<TrustKey | null> {
  const subtle = (globalThis as unknown as { crypto?: { subtle?: Subtle } }).crypto?.subtle;
  if (subtle === undefined) return null;
  const pair = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const jwk = (await subtle.exportKey('jwk', pair.publicKey)) as { x: string; y: string };
  const spki = new Uint8Array((await subtle.exportKey('spki', pair.publicKey)) as ArrayBuffer);
  return {
    jwk: { crv: 'P-256', kid: keyId(spki), kty: 'EC', x: jwk.x, y: jwk.y },
    sign: async (data) => new Uint8Array(await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, data)),
  };
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** libtrust keyIDFromCryptoKey: SHA-256 of the DER public key, 240 bits in base32, groups of four joined by ':'. */
export function keyId(spki: Uint8Array): string {
  const hex = sha256Hex(spki).slice(0, 60);
  let bits = '';
  for (let i = 0; i < hex.length; i++) bits += parseInt(hex[i]!, 16).toString(2).padStart(4, '0');
  let s = '';
  for (let i = 0; i < bits.length; i += 5) s += B32[parseInt(bits.slice(i, i + 5), 2)];
  return s.match(/.{4}/g)!.join(':');
}

/** encoding/json's string: HTML characters and U+2028/9 escaped, control characters as \u00XX. */
export function goString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** json.Marshal / MarshalIndent of a value whose objects keep their key order (struct fields). */
export function goJson(v: Json, indent = '', prefix = '', level = 0): string {
  const nl = indent ? '\n' + prefix + indent.repeat(level + 1) : '';
  const end = indent ? '\n' + prefix + indent.repeat(level) : '';
  if (v === null) return 'null';
  if (typeof v === 'string') return goString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? '[]' : '[' + v.map((x) => nl + goJson(x, indent, prefix, level + 1)).join(',') + end + ']';
  const keys = Object.keys(v);
  if (keys.length === 0) return '{}';
  return '{' + keys.map((k) => nl + goString(k) + (indent ? ': ' : ':') + goJson(v[k]!, indent, prefix, level + 1)).join(',') + end + '}';
}

/** json.Marshal of a map[string]*json.RawMessage: its keys sorted, the raw values as they were (compacted). */
function sortedKeys(v: { [k: string]: Json }): { [k: string]: Json } {
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]!]));
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** joseBase64UrlEncode: URL-safe base64 without padding. */
export function b64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += B64[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

const enc = new TextEncoder();

interface ConfigJson {
  architecture?: string;
  rootfs?: { diff_ids?: string[] };
  history?: Array<{ created?: string; author?: string; created_by?: string; comment?: string; empty_layer?: boolean }>;
}

/** The schema 1 manifest's bytes and digest (of the unsigned payload), or the builder's error. */
export async function toSchema1(o: {
  name: string;
  tag: string;
  manifestJson: string;
  configJson: string;
  key: TrustKey;
  now: number;
}): Promise<{ body: string; digest: string; usesEmptyTar: boolean } | { error: string }> {
  const manifest = JSON.parse(o.manifestJson) as { layers?: Array<{ digest: string }> };
  const layers = manifest.layers ?? [];
  const img = JSON.parse(o.configJson) as ConfigJson;
  const history = img.history ?? [];
  if (history.length === 0) return { error: 'empty history when trying to create schema1 manifest' };
  const diffIds = img.rootfs?.diff_ids ?? [];
  if (diffIds.length !== layers.length) return { error: 'number of descriptors and number of layers in rootfs must match' };
  const fsLayers: string[] = new Array(history.length);
  const v1: string[] = new Array(history.length);
  let parent = '';
  let counter = 0;
  let usesEmptyTar = false;
  const blobsum = (empty: boolean | undefined): string | null => {
    if (empty) {
      usesEmptyTar = true;
      return EMPTY_TAR_DIGEST;
    }
    if (diffIds.length <= counter) return null;
    return layers[counter++]!.digest;
  };
  for (let i = 0; i < history.length - 1; i++) {
    const h = history[i]!;
    const sum = blobsum(h.empty_layer);
    if (sum === null) return { error: 'too many non-empty layers in History section' };
    const id = sha256Hex(enc.encode(`${sum.slice(7)} ${parent}`));
    const compat: { [k: string]: Json } = { id };
    if (parent) compat.parent = parent;
    if (h.comment) compat.comment = h.comment;
    compat.created = h.created ?? '0001-01-01T00:00:00Z';
    compat.container_config = { Cmd: [h.created_by ?? ''] };
    if (h.author) compat.author = h.author;
    if (h.empty_layer) compat.throwaway = true;
    const r = history.length - i - 1;
    v1[r] = goJson(compat);
    fsLayers[r] = sum;
    parent = id;
  }
  const last = history[history.length - 1]!;
  const lastSum = last.empty_layer ? blobsum(true) : diffIds.length <= counter ? null : layers[counter]!.digest;
  if (lastSum === null) return { error: 'too many non-empty layers in History section' };
  fsLayers[0] = lastSum;
  const topId = sha256Hex(enc.encode(`${lastSum.slice(7)} ${parent} ${o.configJson}`));
  // MakeV1ConfigFromConfig: the config as a map without rootfs and history, with id, parent, throwaway
  const top = JSON.parse(o.configJson) as { [k: string]: Json };
  delete top.rootfs;
  delete top.history;
  top.id = topId;
  if (parent) top.parent = parent;
  if (last.empty_layer) top.throwaway = true;
  v1[0] = goJson(sortedKeys(top));

  const payloadText = goJson(
    {
      schemaVersion: 1,
      name: o.name,
      tag: o.tag,
      architecture: img.architecture ?? '',
      fsLayers: fsLayers.map((blobSum) => ({ blobSum })),
      history: v1.map((v1Compatibility) => ({ v1Compatibility })),
    },
    '   ',
  );
  const payload = enc.encode(payloadText);
  // NewJSONSignature: the payload up to its last value is kept, the rest ("\n}") goes in the protected header
  const formatLength = payload.length - 2;
  const protectedText = goJson({ formatLength, formatTail: b64url(payload.slice(formatLength)), time: new Date(o.now).toISOString().replace(/\.\d+Z$/, 'Z') });
  const protectedB64 = b64url(enc.encode(protectedText));
  const signature = await o.key.sign(enc.encode(`${protectedB64}.${b64url(payload)}`));
  const signatures = goJson(
    [{ header: { jwk: o.key.jwk, alg: 'ES256' }, signature: b64url(signature), protected: protectedB64 }],
    '   ',
    '   ',
  );
  const body = payloadText.slice(0, payloadText.length - 2) + ',\n   "signatures": ' + signatures + '\n}';
  return { body, digest: `sha256:${sha256Hex(payload)}`, usesEmptyTar };
}
