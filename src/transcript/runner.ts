// Replays a transcript on a fresh Host: runs each command as the recorder
// does (no terminal, empty stdin), captures stdout and stderr merged in the
// order they were written, and builds the actual transcript: the same header,
// comments and commands, with the new output and exit status.
import type { Host, HostIO } from '../shell/host.ts';
import { outputLines } from './format.ts';
import type { Transcript, TranscriptCommand } from './format.ts';

/** The status recorded for a command that threw (a Berth bug). */
export const INTERNAL_ERROR_STATUS = 255;
/** The status recorded for a command still running at the timeout. */
export const TIMEOUT_STATUS = 124;
/** Real time a command may take before it fails, ms. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Real-time timers (the host's own; the virtual clock is the Host's business). */
export interface RealTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ReplayOptions {
  /** Makes the fresh host a file runs on (fresh engine, empty working directory). */
  newHost: () => Promise<Host>;
  /** Per-command real-time limit, ms (default 10 s). */
  timeoutMs?: number;
  /** Defaults to the global setTimeout/clearTimeout. */
  timers?: RealTimers;
  /** Called after each command with its recorded result. */
  onCommand?: (command: TranscriptCommand, index: number) => void;
}

export function internalErrorLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return `berth: internal error: ${message.split('\n')[0]}`;
}

export function timeoutLine(ms: number): string {
  return `berth: timeout: the command was still running after ${ms / 1000} s`;
}

const globalTimers = globalThis as unknown as RealTimers;

/** Merged stdout+stderr of one command; writes after it is closed are dropped. */
class Capture {
  private chunks: string[] = [];
  private closed = false;
  readonly io: HostIO;

  constructor() {
    const write = (text: string) => {
      if (!this.closed) this.chunks.push(text);
    };
    this.io = { stdout: { write }, stderr: { write }, tty: false };
  }

  close(extraLine?: string): string[] {
    this.closed = true;
    let text = this.chunks.join('');
    if (extraLine !== undefined) {
      if (text !== '' && !text.endsWith('\n')) text += '\n';
      text += extraLine + '\n';
    }
    return outputLines(text);
  }
}

type Outcome = { kind: 'status'; status: number } | { kind: 'error'; error: unknown } | { kind: 'timeout' };

async function runOne(host: Host, command: string, timeoutMs: number, timers: RealTimers): Promise<{ output: string[]; status: number }> {
  const capture = new Capture();
  let handle: unknown;
  const timeout = new Promise<Outcome>((resolve) => {
    handle = timers.setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs);
  });
  let run: Promise<Outcome>;
  try {
    run = host.run(command, capture.io).then(
      (status): Outcome => ({ kind: 'status', status }),
      (error: unknown): Outcome => ({ kind: 'error', error }),
    );
  } catch (error) {
    run = Promise.resolve({ kind: 'error', error });
  }
  const outcome = await Promise.race([run, timeout]);
  timers.clearTimeout(handle);
  switch (outcome.kind) {
    case 'status':
      return { output: capture.close(), status: outcome.status };
    case 'error':
      return { output: capture.close(internalErrorLine(outcome.error)), status: INTERNAL_ERROR_STATUS };
    case 'timeout':
      return { output: capture.close(timeoutLine(timeoutMs)), status: TIMEOUT_STATUS };
  }
}

/** Replays `expected` on a fresh host; resolves to the actual transcript. */
export async function replayTranscript(expected: Transcript, options: ReplayOptions): Promise<Transcript> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timers = options.timers ?? globalTimers;
  let host: Host | null = null;
  let hostError: unknown = null;
  try {
    host = await options.newHost();
  } catch (err) {
    hostError = err;
  }
  const commands: TranscriptCommand[] = [];
  for (const [i, c] of expected.commands.entries()) {
    const result = host
      ? await runOne(host, c.command, timeoutMs, timers)
      : { output: [internalErrorLine(hostError)], status: INTERNAL_ERROR_STATUS };
    const recorded: TranscriptCommand = { comments: [...c.comments], command: c.command, line: c.line, ...result };
    commands.push(recorded);
    options.onCommand?.(recorded, i);
  }
  return { header: [...expected.header], commands, trailer: [...expected.trailer] };
}
