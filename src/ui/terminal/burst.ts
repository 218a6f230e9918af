// Holds the terminal writes of one burst of typing (a key's echo, the
// command it ran, the next prompt) and hands them to xterm as one write.
// xterm parses at once only the first write after user input and defers
// every later one to a timer that usually runs after the next frame: the
// Enter's echo alone would take that slot and the command's answer would
// show a frame late. A burst ends when the caller says so (the session is
// back at a prompt), or at the next task whatever happens, so a long
// command's output is never held back longer than that.

export interface BurstOptions {
  /** Where the writes go (xterm's write). */
  write(data: string): void;
  /** Runs `flush` in a later task (a MessageChannel message in the page). */
  nextTask(flush: () => void): void;
}

export class BurstWriter {
  private held: string[] | null = null;
  /** Bumped by each burst, so a deadline left over from an ended burst does nothing. */
  private generation = 0;

  constructor(private readonly options: BurstOptions) {}

  /** Writes are being held. */
  get holding(): boolean {
    return this.held !== null;
  }

  /** Holds the writes from now until `end`, or the next task at the latest. */
  begin(): void {
    if (this.held) return;
    this.held = [];
    const generation = ++this.generation;
    this.options.nextTask(() => {
      if (this.generation === generation) this.end();
    });
  }

  write(data: string): void {
    if (this.held) this.held.push(data);
    else this.options.write(data);
  }

  /** Writes what was held, as one write. */
  end(): void {
    const held = this.held;
    if (!held) return;
    this.held = null;
    this.generation++;
    if (held.length > 0) this.options.write(held.join(''));
  }
}

/** A later task, without setTimeout's clamping: a message to ourselves. */
export function messageTask(): (run: () => void) => void {
  if (typeof MessageChannel === 'undefined') return (run) => void setTimeout(run, 0);
  const channel = new MessageChannel();
  const queue: Array<() => void> = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return (run) => {
    queue.push(run);
    channel.port2.postMessage(0);
  };
}
