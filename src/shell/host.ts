// The simulated host: a shell prompt with `docker` and everyday commands,
// over the host's own file system, talking to one virtual engine.
import type { InputStream, OutputStream } from '../engine/runtime/process.ts';
import type { Platform } from '../engine/platform.ts';

export interface HostIO {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Standard input; end of input at once when absent (as `</dev/null`). */
  stdin?: InputStream;
  /** Whether the command runs on a terminal (the browser) or not (transcripts). */
  tty?: boolean;
}

export interface Host {
  /** Runs one command line (here-documents included); resolves to its exit status. */
  run(command: string, io: HostIO): Promise<number>;
  /** The prompt's working directory. */
  cwd(): string;
}

export interface HostOptions {
  platform: Platform;
  /**
   * true: the virtual clock follows real time (the browser);
   * false: it jumps whenever everything waits (tests and transcripts).
   */
  realtime?: boolean;
}

export async function createHost(options: HostOptions): Promise<Host> {
  void options;
  // Placeholder until the engine and the shell land: echoes the command.
  return {
    async run(command, io) {
      io.stdout.write(`${command}\n`);
      return 0;
    },
    cwd: () => '/root',
  };
}
