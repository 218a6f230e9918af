// A container's standard input as moby keeps it (container/stream): one
// stream per start that any number of attached clients write into. With
// OpenStdin (-i) reads wait for a client's input; with a terminal but no -i
// they wait for ever (nobody can type into the pty); otherwise stdin is
// empty. A client attached with StdinOnce (`docker run -i`, `start -ai`)
// closes it when its own input ends; `docker attach` does not.
// The detach keys (Ctrl-P Ctrl-Q unless --detach-keys) are watched in the
// client's input, as moby's term.EscapeProxy does: the keys of a partial
// match are held back, and a full match ends the client's attachment.
import { DaemonError } from '../errors/errors.ts';
import type { InputStream, ReadCancel } from '../runtime/process.ts';
import type { ContainerRecord } from './container.ts';

export class ContainerStdin implements InputStream {
  private queue: string[] = [];
  private waiters: Array<(v: string | null) => void> = [];
  private closed = false;

  constructor(private readonly mode: 'open' | 'blocked' | 'empty') {}

  read(cancel?: ReadCancel): Promise<string | null> {
    const next = this.queue.shift();
    if (next !== undefined) return Promise.resolve(next);
    if (this.closed || this.mode === 'empty') return Promise.resolve(null);
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      cancel?.onCancel(() => {
        const i = this.waiters.indexOf(resolve);
        if (i >= 0) this.waiters.splice(i, 1);
      });
    });
  }

  /** Whether a client's input reaches the container (only with OpenStdin). */
  get open(): boolean {
    return this.mode === 'open' && !this.closed;
  }

  /**
   * The terminal's line discipline (ISIG) when the container has a TTY:
   * Ctrl-C typed into it is not input but SIGINT for its foreground processes.
   */
  interrupt: (() => void) | null = null;

  write(text: string): void {
    if (this.interrupt && text.includes('\x03')) {
      this.interrupt();
      text = text.replaceAll('\x03', '');
    }
    if (!this.open || text === '') return;
    const w = this.waiters.shift();
    if (w) w(text);
    else this.queue.push(text);
  }

  close(): void {
    this.closed = true;
    for (const w of this.waiters.splice(0)) w(null);
  }
}

const current = new WeakMap<ContainerRecord, ContainerStdin>();

/** A fresh stdin for a container that is starting (moby opens new pipes on each start). */
export function freshStdin(c: ContainerRecord): ContainerStdin {
  const mode = c.config.OpenStdin ? 'open' : c.config.Tty ? 'blocked' : 'empty';
  const s = new ContainerStdin(mode);
  current.set(c, s);
  return s;
}

/** The stdin of the container's current run (a fresh one if it never ran). */
export function stdinOf(c: ContainerRecord): ContainerStdin {
  return current.get(c) ?? freshStdin(c);
}

/** ctrl-p,ctrl-q: moby's term.ToBytes. */
export const DEFAULT_DETACH_KEYS = 'ctrl-p,ctrl-q';

export function parseDetachKeys(keys: string): string {
  let out = '';
  for (const key of keys.split(',')) {
    const k = key.trim().toLowerCase();
    if (k.length === 1) {
      out += key.trim();
      continue;
    }
    const m = /^ctrl-([a-z@[\\\]^_])$/.exec(k);
    if (!m) throw new DaemonError('invalid-parameter', `Invalid detach keys (${keys}) provided`);
    const ch = m[1]!;
    out += String.fromCharCode(ch >= 'a' && ch <= 'z' ? ch.charCodeAt(0) - 96 : '@[\\]^_'.indexOf(ch));
  }
  return out;
}

export interface StdinAttachment {
  /** Resolves when the client typed the detach keys. */
  detached: Promise<void>;
  /** Stops copying the client's input (the client went away). */
  stop(): void;
}

/**
 * Copies a client's input into the container's stdin until the client's
 * input ends, it detaches, or `stop` is called.
 */
export function attachStdin(c: ContainerRecord, source: InputStream, o: { once: boolean; detachKeys?: string }): StdinAttachment {
  const target = stdinOf(c);
  const keys = parseDetachKeys(o.detachKeys || DEFAULT_DETACH_KEYS);
  let stopped = false;
  let stop!: () => void;
  const stoppedP = new Promise<null>((resolve) => (stop = () => resolve(null)));
  let onDetach!: () => void;
  const detached = new Promise<void>((resolve) => (onDetach = resolve));
  void (async () => {
    let held = '';
    for (;;) {
      const chunk = await Promise.race([source.read(), stoppedP]);
      if (stopped) return;
      if (chunk === null) {
        if (o.once) target.close();
        return;
      }
      let pass = '';
      for (const ch of chunk) {
        if (ch === keys[held.length]) {
          held += ch;
          if (held === keys) {
            target.write(pass);
            onDetach();
            return;
          }
          continue;
        }
        pass += held;
        held = '';
        if (ch === keys[0]) held = ch;
        else pass += ch;
      }
      target.write(pass);
    }
  })();
  return {
    detached,
    stop() {
      stopped = true;
      stop();
    },
  };
}
