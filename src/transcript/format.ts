// The transcript format (.t files): a shell session with each command's
// expected output under it, as cram/prysk write it. The same file is replayed
// on Berth and re-recorded on a real Docker engine.

/** One `  $ ` command, its continuation lines, and what it printed. */
export interface TranscriptCommand {
  /** Comment lines standing just above the command (without their text changed). */
  comments: string[];
  /** The command text; continuation lines joined with "\n". */
  command: string;
  /** Output lines, stdout and stderr merged, without the two-space indent. */
  output: string[];
  /** Exit status (0 when no `[N]` line closes the output). */
  status: number;
  /** 1-based line of the `  $ ` line in the file. */
  line: number;
}

export interface Transcript {
  /** Comment lines before the first command (title, topic, seed ...). */
  header: string[];
  commands: TranscriptCommand[];
  /** Comment lines after the last command's output. */
  trailer: string[];
}

const STATUS_LINE = /^\[(\d+)\]$/;

export function parseTranscript(text: string): Transcript {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const header: string[] = [];
  const commands: TranscriptCommand[] = [];
  let pending: string[] = [];
  let current: TranscriptCommand | undefined;
  let inCommand = false;
  lines.forEach((line, i) => {
    if (line.startsWith('  $ ')) {
      if (current) finishStatus(current);
      current = { comments: pending, command: line.slice(4), output: [], status: 0, line: i + 1 };
      pending = [];
      commands.push(current);
      inCommand = true;
    } else if (current && inCommand && (line.startsWith('  > ') || line === '  >')) {
      current.command += '\n' + line.slice(4);
    } else if (line.startsWith('  ') && current) {
      inCommand = false;
      if (pending.length > 0) {
        // comments inside an output block are ignored when comparing
        pending = [];
      }
      current.output.push(line.slice(2));
    } else {
      inCommand = false;
      if (!current) header.push(line);
      else pending.push(line);
    }
  });
  if (current) finishStatus(current);
  return { header, commands, trailer: pending };
}

function finishStatus(c: TranscriptCommand): void {
  const last = c.output[c.output.length - 1];
  const m = last === undefined ? null : STATUS_LINE.exec(last);
  if (m) {
    c.status = Number(m[1]);
    c.output.pop();
  }
}

export function serializeTranscript(t: Transcript): string {
  const out: string[] = [...t.header];
  for (const c of t.commands) {
    out.push(...c.comments);
    const [first, ...rest] = c.command.split('\n');
    out.push('  $ ' + first);
    for (const r of rest) out.push(r === '' ? '  >' : '  > ' + r);
    for (const o of c.output) out.push(o === '' ? '  ' : '  ' + o);
    if (c.status !== 0) out.push(`  [${c.status}]`);
  }
  out.push(...t.trailer);
  return out.join('\n') + '\n';
}

/** Splits captured output text into lines as a transcript stores them. */
export function outputLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.replace(/\r$/, ''));
}
