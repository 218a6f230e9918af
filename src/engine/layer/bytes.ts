// Byte-array helpers shared by the tar writers, gzip and the workspace file.

/** The chunks joined into one array; `total` skips the sum when the caller already counted it. */
export function concatBytes(chunks: readonly Uint8Array[], total?: number): Uint8Array {
  let n = total ?? 0;
  if (total === undefined) for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}
