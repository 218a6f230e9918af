import { describe, expect, it } from 'vitest';
import { LayerTree, readContent } from '../engine/layer/tree.ts';
import { layerTarBytes } from '../engine/layer/tar.ts';
import { gzipStored } from '../engine/layer/gzip.ts';
import { gunzip } from '../engine/runtime/programs/inflate.ts';
import { readLayerTarSync } from '../engine/layer/tar.ts';
import { STATE_FORMAT } from '../engine/state/index.ts';
import { decodeWorkspace, encodeWorkspace, WorkspaceFileError } from './workspaceFile.ts';

const meta = { format: STATE_FORMAT, now: 1_700_000_000_000 };

function sample(): Map<string, unknown> {
  return new Map<string, unknown>([
    ['meta', meta],
    ['rw/abc', { paths: ['', 'etc', 'etc/motd'], meta: [0, 493, 0, 0, 0, 0, 0], data: [null, new Uint8Array([0, 1, 2, 255]), 42] }],
    ['odd', { $bytes: 'not bytes', $$x: [1, -2.5, Number.NaN, Infinity, -Infinity, null, true, ''], nested: { deep: [new Uint8Array(0), { s: 'ü€𝄞' }] } }],
    ['empty', []],
  ]);
}

function concat(chunks: Iterable<Uint8Array>): Uint8Array {
  const parts = [...chunks];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** A gzipped tar holding the given files (to forge workspace files). */
function archive(files: Record<string, string | Uint8Array>): Uint8Array {
  const t = new LayerTree();
  for (const [path, body] of Object.entries(files)) t.addFile(path, body);
  return concat(gzipStored([layerTarBytes(t)]));
}

async function refusal(bytes: Uint8Array): Promise<string> {
  const err = await decodeWorkspace(bytes).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(WorkspaceFileError);
  return (err as Error).message;
}

describe('the workspace file', () => {
  it('gives back the records and the history it was given', async () => {
    const records = sample();
    const bytes = await encodeWorkspace({ records, history: ['docker ps', 'echo "hi"'] });
    const back = await decodeWorkspace(bytes);
    expect(back.history).toEqual(['docker ps', 'echo "hi"']);
    expect([...back.records.keys()]).toEqual([...records.keys()]);
    expect(back.records).toEqual(records);
    const rw = back.records.get('rw/abc') as { data: unknown[] };
    expect(rw.data[1]).toBeInstanceOf(Uint8Array);
  });

  it('is a real tar.gz: berth-workspace.json first, then the bytes as blobs/', async () => {
    const bytes = await encodeWorkspace({ records: sample(), history: [] });
    const { data, error } = gunzip(bytes);
    expect(error).toBeNull();
    const tree = readLayerTarSync(data);
    expect([...tree.walk()].map(([p]) => p)).toEqual(['berth-workspace.json', 'blobs', 'blobs/000000', 'blobs/000001']);
    // the first member, as `tar xzf` would extract it
    const manifest = JSON.parse(new TextDecoder().decode(readContent(tree.lookup('berth-workspace.json')!))) as Record<string, unknown>;
    expect(manifest.format).toBe('berth-workspace');
    expect(manifest.version).toBe(1);
    expect(data.subarray(0, 20)).toEqual(new TextEncoder().encode('berth-workspace.json'));
    expect([...readContent(tree.lookup('blobs/000000')!)]).toEqual([0, 1, 2, 255]);
  });

  it('compresses (the runtime compressor, or Berth\'s own without one)', async () => {
    const records = new Map<string, unknown>([['meta', meta], ['log', { text: 'tick\n'.repeat(20_000) }]]);
    const native = await encodeWorkspace({ records, history: [] });
    const g = globalThis as { CompressionStream?: unknown };
    const saved = g.CompressionStream;
    delete g.CompressionStream;
    try {
      const own = await encodeWorkspace({ records, history: [] });
      expect(own.length).toBeLessThan(20_000);
      expect((await decodeWorkspace(own)).records).toEqual(records);
    } finally {
      g.CompressionStream = saved;
    }
    expect(native.length).toBeLessThan(20_000);
    expect((await decodeWorkspace(native)).records).toEqual(records);
  });

  it('refuses anything else with a clear message', async () => {
    const good = await encodeWorkspace({ records: sample(), history: ['ls'] });
    expect(await refusal(new Uint8Array(0))).toMatch(/empty/);
    expect(await refusal(new TextEncoder().encode('PK\x03\x04 a zip file'))).toBe('This file is not a Berth workspace (berth-workspace.tar.gz).');
    expect(await refusal(good.subarray(0, good.length - 20))).toMatch(/^The workspace file is damaged or incomplete \(/);
    const flipped = good.slice();
    flipped[flipped.length - 6]! ^= 0xff;
    expect(await refusal(flipped)).toMatch(/damaged or incomplete .*length error|crc error/);
    expect(await refusal(concat(gzipStored([new TextEncoder().encode('just some text, not a tar')])))).toMatch(/damaged|not a Berth workspace/);
    expect(await refusal(archive({ 'notes.txt': 'hello' }))).toBe('This archive is not a Berth workspace: it has no berth-workspace.json.');
    expect(await refusal(archive({ 'berth-workspace.json': '{"format": "berth-work' }))).toBe('The workspace file is damaged: berth-workspace.json is not valid JSON.');
    expect(await refusal(archive({ 'berth-workspace.json': '{"format":"other","version":1}' }))).toMatch(/describes something else/);
    expect(await refusal(archive({ 'berth-workspace.json': '{"format":"berth-workspace","version":7,"history":[],"records":[]}' }))).toMatch(
      /^This workspace was saved by a newer Berth \(file version 7; this Berth reads version 1\)/,
    );
    const manifest = (records: unknown, history: unknown = []) => archive({ 'berth-workspace.json': JSON.stringify({ format: 'berth-workspace', version: 1, history, records }) });
    expect(await refusal(manifest([['meta', meta]], 'ls'))).toMatch(/history is unreadable/);
    expect(await refusal(manifest([['meta', meta], ['x', { $bytes: 3 }]]))).toMatch(/blobs\/000003 is missing/);
    expect(await refusal(manifest([['meta', meta], ['meta', meta]]))).toMatch(/the record meta appears twice/);
    const proto = await decodeWorkspace(manifest([['meta', meta], ['p', JSON.parse('{"__proto__": {"polluted": true}}')]]));
    expect(Object.getPrototypeOf(proto.records.get('p'))).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await refusal(manifest([['x', 1]]))).toMatch(/^The workspace file is damaged: its description record is missing/);
    expect(await refusal(manifest([['meta', { format: STATE_FORMAT + 1, now: 0 }]]))).toMatch(/^This workspace was saved by a newer Berth/);
  });
});
