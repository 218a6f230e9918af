// Engine errors are values: a kind (as moby's errdefs) and Docker's exact
// message. The CLI adds "Error response from daemon: " and picks the exit
// code; the engine never formats for a terminal.

export type ErrorKind =
  | 'not-found'
  | 'conflict'
  | 'invalid-parameter'
  | 'unauthorized'
  | 'forbidden'
  | 'unavailable'
  | 'not-implemented'
  | 'system';

export class DaemonError {
  constructor(
    readonly kind: ErrorKind,
    readonly message: string,
    /** Exit status the CLI uses for `docker run`/`start -a` failures of this error (125 by default). */
    readonly exitCode?: number,
  ) {}
  toString(): string {
    return this.message;
  }
}

export function isDaemonError(e: unknown): e is DaemonError {
  return e instanceof DaemonError;
}
