// Streams between the shell, its builtins and its children: pipes, string
// sinks, files, and a line reader that lets `read` take one line while the
// rest stays for the next reader.
import type { Fs } from '../../fs/types.ts';
import { concatBytes } from '../../layer/bytes.ts';
import type { InputStream, OutputStream, ReadCancel } from '../process.ts';

/** Thrown by a write to a pipe nobody reads any more (SIGPIPE: status 141). */
export class BrokenPipe extends Error {
  constructor() {
    super('Broken pipe');
  }
}

/** Bytes a text writer already lost (it decoded them as UTF-8: U+FFFD in its text). */
export class LostBytes extends Error {
  constructor() {
    super("binary data cannot pass through the simulator's text streams");
  }
}

/**
 * An in-memory pipe: writes queue up, reads wait for data or the writer's
 * close. It carries text and raw bytes alike: a text reader gets bytes
 * decoded as UTF-8 (what is not UTF-8 shows as U+FFFD), a binary reader
 * (`readBytes`) gets text encoded as UTF-8 and bytes untouched.
 */
export class Pipe implements InputStream, OutputStream {
  readonly terminal = false;
  private chunks: Array<string | Uint8Array> = [];
  private wake: (() => void) | null = null;
  private writerClosed = false;
  private readerClosed = false;

  write(text: string): void {
    if (this.readerClosed) throw new BrokenPipe();
    if (!text) return;
    this.chunks.push(text);
    this.notify();
  }

  writeBytes(data: Uint8Array): void {
    if (this.readerClosed) throw new BrokenPipe();
    if (data.length === 0) return;
    this.chunks.push(data.slice());
    this.notify();
  }

  private async next(cancel?: ReadCancel): Promise<Array<string | Uint8Array> | null> {
    while (!this.chunks.length) {
      if (this.writerClosed) return null;
      await new Promise<void>((r) => {
        this.wake = r;
        cancel?.onCancel(() => {
          if (this.wake === r) this.wake = null;
        });
      });
    }
    const c = this.chunks;
    this.chunks = [];
    return c;
  }

  async read(cancel?: ReadCancel): Promise<string | null> {
    const c = await this.next(cancel);
    if (c === null) return null;
    if (c.every((x) => typeof x === 'string')) return c.length === 1 ? (c[0] as string) : c.join('');
    return decodeText(concatBytes(c.map((x) => (typeof x === 'string' ? encodeText(x) : x))));
  }

  /** Throws LostBytes when a text writer sent what it had already lost (U+FFFD). */
  async readBytes(cancel?: ReadCancel): Promise<Uint8Array | null> {
    const c = await this.next(cancel);
    if (c === null) return null;
    if (c.some((x) => typeof x === 'string' && x.includes('\uFFFD'))) throw new LostBytes();
    return concatBytes(c.map((x) => (typeof x === 'string' ? encodeText(x) : x)));
  }

  /** The writing end is done: the reader gets end of input after the queued data. */
  close(): void {
    this.writerClosed = true;
    this.notify();
  }

  /** The reading end is gone: further writes fail with BrokenPipe. */
  closeRead(): void {
    this.readerClosed = true;
    this.chunks = [];
  }

  get readClosed(): boolean {
    return this.readerClosed;
  }

  private notify(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }
}

/** Collects output (command substitution). */
export class StringSink implements OutputStream {
  text = '';
  write(text: string): void {
    this.text += text;
  }
}

export const nullOutput: OutputStream = { write() {} };

export const emptyInput: InputStream = {
  read: async () => null,
};

export function stringInput(text: string): InputStream {
  let done = false;
  return {
    async read() {
      if (done || !text) return null;
      done = true;
      return text;
    },
  };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeText(s: string): Uint8Array {
  return encoder.encode(s);
}

export function decodeText(b: Uint8Array): string {
  return decoder.decode(b);
}

/** Appends each write to a file (after `>` truncated it): output reaches the file as produced. */
export class FileOutput implements OutputStream {
  readonly terminal = false;
  constructor(
    private readonly fs: Fs,
    readonly path: string,
  ) {}
  write(text: string): void {
    if (text) this.fs.writeFile(this.path, encodeText(text), { append: true });
  }
  writeBytes(data: Uint8Array): void {
    if (data.length > 0) this.fs.writeFile(this.path, data, { append: true });
  }
}

/** A file's contents as input (`< file`): text for text readers, the bytes themselves for binary ones. */
export function bytesInput(data: Uint8Array): InputStream {
  let done = false;
  return {
    terminal: false,
    async read() {
      if (done || data.length === 0) return null;
      done = true;
      return decodeText(data);
    },
    async readBytes() {
      if (done || data.length === 0) return null;
      done = true;
      return data;
    },
  };
}

/**
 * Buffered input over any stream. `readLine` takes one line and leaves the
 * rest for the next reader (the shell's `read`, then `cat`...), so every
 * consumer of one stream must share one LineReader: use `lineReader()`.
 */
export class LineReader implements InputStream {
  private buf = '';
  private eof = false;
  get terminal(): boolean | undefined {
    return this.src.terminal;
  }

  constructor(private readonly src: InputStream) {
    const raw = src.readBytes?.bind(src);
    if (raw) {
      this.readBytes = async (cancel) => {
        if (this.buf) {
          const t = encodeText(this.buf);
          this.buf = '';
          return t;
        }
        if (this.eof) return null;
        const c = await raw(cancel);
        if (c === null) this.eof = true;
        return c;
      };
    }
  }

  /** Bytes straight from the source while nothing was read as text (binary readers). */
  readBytes?: (cancel?: ReadCancel) => Promise<Uint8Array | null>;

  async read(cancel?: ReadCancel): Promise<string | null> {
    if (this.buf) {
      const t = this.buf;
      this.buf = '';
      return t;
    }
    if (this.eof) return null;
    const c = await this.src.read(cancel);
    if (c === null) this.eof = true;
    return c;
  }

  /** The next line with its newline (none on a last unterminated line), or null at the end. */
  async readLine(): Promise<string | null> {
    for (;;) {
      const i = this.buf.indexOf('\n');
      if (i >= 0) {
        const line = this.buf.slice(0, i + 1);
        this.buf = this.buf.slice(i + 1);
        return line;
      }
      if (this.eof) {
        if (!this.buf) return null;
        const t = this.buf;
        this.buf = '';
        return t;
      }
      const c = await this.src.read();
      if (c === null) this.eof = true;
      else this.buf += c;
    }
  }

  /** Up to `n` characters (read -n). */
  async readChars(n: number): Promise<string | null> {
    while (this.buf.length < n && !this.eof) {
      const c = await this.src.read();
      if (c === null) this.eof = true;
      else this.buf += c;
    }
    if (!this.buf) return null;
    const t = this.buf.slice(0, n);
    this.buf = this.buf.slice(n);
    return t;
  }

  /** Everything to the end. */
  async readAll(): Promise<string> {
    let out = this.buf;
    this.buf = '';
    while (!this.eof) {
      const c = await this.src.read();
      if (c === null) this.eof = true;
      else out += c;
    }
    return out;
  }
}

const readers = new WeakMap<InputStream, LineReader>();

/** The one LineReader for a stream. */
export function lineReader(s: InputStream): LineReader {
  if (s instanceof LineReader) return s;
  let r = readers.get(s);
  if (!r) {
    r = new LineReader(s);
    readers.set(s, r);
  }
  return r;
}

/** Reads a whole stream as text. */
export async function readAll(s: InputStream): Promise<string> {
  return lineReader(s).readAll();
}

/** One open file descriptor: readable, writable, or both. */
export interface Fd {
  r?: LineReader;
  w?: OutputStream;
}

/** A command's file descriptors, by number (0, 1, 2, and any others opened). */
export type Io = (Fd | undefined)[];

const emptyReader = new LineReader(emptyInput);

export function inOf(io: Io): LineReader {
  return io[0]?.r ?? emptyReader;
}

export function outOf(io: Io): OutputStream {
  return io[1]?.w ?? nullOutput;
}

export function errOf(io: Io): OutputStream {
  return io[2]?.w ?? nullOutput;
}
