// The schema 1 rewrite against Debian's docker-registry 2.8 on the recording
// machine: testdata/debian.* are its answers for library/debian:bookworm-slim
// (the schema 2 manifest with Accept, its config blob, and the manifest
// curl gets without Accept, with the digest the registry gave it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { b64url, generateTrustKey, keyId, toSchema1, type TrustKey } from './schema1.ts';

const data = (f: string) => readFileSync(new URL(`./testdata/${f}`, import.meta.url), 'utf8');
const REAL = data('debian.schema1.json');
const REAL_DIGEST = /Docker-Content-Digest: (\S+)/.exec(data('debian.schema1.headers'))![1]!;
const payloadOf = (s: string) => s.slice(0, s.indexOf(',\n   "signatures": '));
const fromB64url = (s: string) => JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Record<string, unknown>;

const fakeKey: TrustKey = {
  jwk: { crv: 'P-256', kid: 'AAAA:BBBB:CCCC:DDDD:EEEE:FFFF:GGGG:HHHH:IIII:JJJJ:KKKK:LLLL', kty: 'EC', x: 'x', y: 'y' },
  sign: async () => new Uint8Array(64),
};

describe('schema 1 rewrite', () => {
  it('gives the payload and digest Distribution 2.8 gives', async () => {
    const r = await toSchema1({ name: 'library/debian', tag: 'bookworm-slim', manifestJson: data('debian.schema2.json'), configJson: data('debian.config.json'), key: fakeKey, now: Date.UTC(2026, 11, 6, 13, 24, 41) });
    if ('error' in r) throw new Error(r.error);
    expect(payloadOf(r.body)).toBe(payloadOf(REAL));
    expect(r.digest).toBe(REAL_DIGEST);
    expect(r.usesEmptyTar).toBe(true);
    // the signature block's shape: the same protected header fields, the pretty layout
    const real = JSON.parse(REAL) as { signatures: Array<{ protected: string }> };
    const ours = JSON.parse(r.body) as { signatures: Array<{ header: unknown; protected: string }> };
    expect(fromB64url(ours.signatures[0]!.protected)).toEqual({ ...fromB64url(real.signatures[0]!.protected), time: '2026-12-06T13:24:41Z' });
    expect(r.body.slice(r.body.indexOf(',\n   "signatures": '))).toBe(
      `,\n   "signatures": [\n      {\n         "header": {\n            "jwk": {\n               "crv": "P-256",\n               "kid": "${fakeKey.jwk.kid}",\n               "kty": "EC",\n               "x": "x",\n               "y": "y"\n            },\n            "alg": "ES256"\n         },\n         "signature": "${'A'.repeat(86)}",\n         "protected": "${ours.signatures[0]!.protected}"\n      }\n   ]\n}`,
    );
  });

  it('signs with a P-256 key whose signature verifies over protected.payload', async () => {
    const key = await generateTrustKey();
    expect(key).not.toBeNull();
    expect(key!.jwk.kid).toMatch(/^([A-Z2-7]{4}:){11}[A-Z2-7]{4}$/);
    const r = await toSchema1({ name: 'library/debian', tag: 'bookworm-slim', manifestJson: data('debian.schema2.json'), configJson: data('debian.config.json'), key: key!, now: 0 });
    if ('error' in r) throw new Error(r.error);
    const sig = (JSON.parse(r.body) as { signatures: Array<{ signature: string; protected: string }> }).signatures[0]!;
    const pub = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: key!.jwk.x, y: key!.jwk.y }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const payload = new TextEncoder().encode(payloadOf(r.body) + '\n}');
    const ok = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, Buffer.from(sig.signature, 'base64url'), new TextEncoder().encode(`${sig.protected}.${b64url(payload)}`));
    expect(ok).toBe(true);
  });

  it("keyId is libtrust's fingerprint: base32 of 240 bits of the DER key's SHA-256", () => {
    expect(keyId(new Uint8Array([1, 2, 3]))).toBe('AOIF:RRXS:YDFU:SLCT:HMFE:2FHP:O7GA:66FL:ZTHN:KKD5:QSQ2:EAI4');
  });
});
