// The command history the page's terminals share: ↑/↓ recall from it, the
// workspace saves it with the engine after each command.

export interface HistoryStore {
  /** Oldest first. */
  readonly lines: readonly string[];
  /** Records a line run at a prompt (blank lines and repeats of the last line are not kept, as bash's ignoreboth). */
  add(line: string): void;
}

/** bash's default HISTSIZE. */
export const HISTORY_SIZE = 500;

export class MemoryHistory implements HistoryStore {
  private list: string[];

  constructor(lines: readonly string[] = []) {
    this.list = lines.slice(-HISTORY_SIZE);
  }

  get lines(): readonly string[] {
    return this.list;
  }

  add(line: string): void {
    if (line.trim() === '' || line.startsWith(' ') || this.list.at(-1) === line) return;
    this.list.push(line);
    if (this.list.length > HISTORY_SIZE) this.list.splice(0, this.list.length - HISTORY_SIZE);
  }

  /** Replaces everything (a restored or imported workspace). */
  replace(lines: readonly string[]): void {
    this.list = lines.slice(-HISTORY_SIZE);
  }
}
