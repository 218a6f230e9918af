// Pull and push progress as docker/cli's jsonmessage shows it. Without a
// terminal every status is a line of its own; on a terminal each layer keeps
// one line, rewritten in place as its status changes.
import type { OutputStream } from '../engine/runtime/process.ts';

const LAYER_LINE = /^([0-9a-f]{12}): (.*)$/;

export function progressPrinter(out: OutputStream, tty: boolean): (line: string) => void {
  if (!tty) return (line) => out.write(line + '\n');
  const rows = new Map<string, number>();
  let lines = 0;
  return (line) => {
    const m = LAYER_LINE.exec(line);
    if (!m) {
      out.write(line + '\n');
      lines++;
      return;
    }
    const row = rows.get(m[1]!);
    if (row === undefined) {
      rows.set(m[1]!, lines);
      out.write(line + '\n');
      lines++;
      return;
    }
    const up = lines - row;
    // up to the layer's line, clear it, rewrite it, and come back down
    out.write(`\x1b[${up}A\x1b[2K\r${line}\x1b[${up}B\r`);
  };
}
