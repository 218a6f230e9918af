// An upload's `_state` query parameter (registry/handlers/hmac.go): the
// JSON of {Name, UUID, Offset, StartedAt} after its HMAC-SHA256 under the
// registry's HTTP secret, in base64 URL encoding with padding. A state that
// does not verify is BLOB_UPLOAD_INVALID.
import { Sha256 } from '../../layer/sha256.ts';

export interface UploadState {
  Name: string;
  UUID: string;
  Offset: number;
  StartedAt: string;
}

const enc = new TextEncoder();

export function hmacSha256(key: Uint8Array, msg: Uint8Array): Uint8Array {
  const k = new Uint8Array(64);
  k.set(key.length > 64 ? new Sha256().update(key).digest() : key);
  const ipad = k.map((b) => b ^ 0x36);
  const opad = k.map((b) => b ^ 0x5c);
  const inner = new Sha256().update(ipad).update(msg).digest();
  return new Sha256().update(opad).update(inner).digest();
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function b64urlPadded(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += B64[(n >> (18 - 6 * k)) & 63];
    out += '='.repeat(4 - chars);
  }
  return out;
}

function fromB64url(s: string): Uint8Array | null {
  const clean = s.replace(/=+$/, '');
  if (!/^[A-Za-z0-9_-]*$/.test(clean)) return null;
  const out: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const c of clean) {
    acc = (acc << 6) | B64.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return new Uint8Array(out);
}

/** Go's json.Marshal of the state: fields in declaration order. */
export function packState(secret: Uint8Array, s: UploadState): string {
  const json = enc.encode(JSON.stringify({ Name: s.Name, UUID: s.UUID, Offset: s.Offset, StartedAt: s.StartedAt }));
  const mac = hmacSha256(secret, json);
  const all = new Uint8Array(mac.length + json.length);
  all.set(mac);
  all.set(json, mac.length);
  return b64urlPadded(all);
}

/** The state a token carries, or the error unpackUploadState gives. */
export function unpackState(secret: Uint8Array, token: string): UploadState | { error: string } {
  const bytes = fromB64url(token);
  if (bytes === null) return { error: 'illegal base64 data' };
  if (bytes.length < 32) return { error: 'invalid token' };
  const mac = bytes.slice(0, 32);
  const json = bytes.slice(32);
  const want = hmacSha256(secret, json);
  if (!mac.every((b, i) => b === want[i])) return { error: 'invalid token' };
  try {
    return JSON.parse(new TextDecoder().decode(json)) as UploadState;
  } catch {
    return { error: 'invalid token' };
  }
}
