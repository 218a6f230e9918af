// Compressed archives: `docker load` and `docker import` take gzip too
// (moby's DecompressStream), inflated by the runtime's DecompressionStream.
import { concatBytes } from '../../layer/bytes.ts';

export function isGzip(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0x1f && b[1] === 0x8b && b[2] === 0x08;
}

export async function gunzipIfNeeded(b: Uint8Array): Promise<Uint8Array> {
  if (!isGzip(b)) return b;
  const Ctor = (globalThis as unknown as { DecompressionStream?: new (format: 'gzip') => TransformLike }).DecompressionStream;
  if (!Ctor) throw new GzipError('gzip: this runtime cannot decompress');
  const ds = new Ctor('gzip');
  const writer = ds.writable.getWriter();
  void writer.write(b).catch(() => {});
  void writer.close().catch(() => {});
  const chunks: Uint8Array[] = [];
  const reader = ds.readable.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
  } catch {
    throw new GzipError('gzip: invalid compressed data');
  }
  return concatBytes(chunks);
}

export class GzipError extends Error {}

/** The parts of a web TransformStream used here (the engine is compiled without the DOM's types). */
interface TransformLike {
  writable: { getWriter(): { write(c: Uint8Array): Promise<void>; close(): Promise<void> } };
  readable: { getReader(): { read(): Promise<{ done: boolean; value: Uint8Array }> } };
}
