// Binary archives over the CLI's streams. Files and redirections carry raw
// bytes (`writeBytes`/`readBytes`); a stream that carries only text (a pipe)
// gets one character per byte (Latin-1), which the reading side turns back
// into the same bytes.
import type { InputStream, OutputStream } from '../../runtime/process.ts';
import { concatBytes } from '../../layer/bytes.ts';
import { LostBytes } from '../../runtime/sh/io.ts';

export function writeBinary(out: OutputStream, chunks: Iterable<Uint8Array>): void {
  for (const c of chunks) {
    if (out.writeBytes) out.writeBytes(c);
    else {
      let s = '';
      for (let i = 0; i < c.length; i += 8192) s += String.fromCharCode(...c.subarray(i, i + 8192));
      out.write(s);
    }
  }
}

function textBytes(s: string): Uint8Array {
  let latin1 = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0xff) {
      latin1 = false;
      break;
    }
  }
  if (!latin1) return new TextEncoder().encode(s);
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** Everything the stream holds, as bytes. A pipe whose writer lost bytes throws LostBytes (runtime/sh/io.ts). */
export async function readBinary(input: InputStream): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for (;;) {
    if (input.readBytes) {
      const c = await input.readBytes();
      if (c === null) break;
      chunks.push(c);
    } else {
      const t = await input.read();
      if (t === null) break;
      chunks.push(textBytes(t));
    }
  }
  return concatBytes(chunks);
}

/** An archive coming on stdin, for the CLI: bytes a text-only writer lost are refused with a clear message. */
export async function readStdin(input: InputStream, refuse: (message: string) => Error): Promise<Uint8Array> {
  try {
    return await readBinary(input);
  } catch (e) {
    if (e instanceof LostBytes) throw refuse(e.message);
    throw e;
  }
}
