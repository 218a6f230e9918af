// What `docker build` prints while the daemon builds: one entry point, two
// printers. The legacy builder's (DOCKER_BUILDKIT=0) is the daemon's JSON
// stream as docker/cli shows it on stdout; BuildKit's is buildx's progress
// display on stderr (moby/buildkit util/progress/progressui): numbered plain
// records without a terminal, the live collapsing `[+] Building` view on one.
import type { BuildError, BuildEvent, BuilderKind } from '../../../../engine/build/types.ts';
import type { OutputStream } from '../../../../engine/runtime/process.ts';
import { BuildkitPrinter } from './buildkit.ts';
import { LegacyPrinter } from './legacy.ts';

export { legacyDeprecationNotice, sendingContextLine } from './legacy.ts';

/**
 * A BuildKit vertex status the contract's events do not carry yet: a
 * FROM's `resolve docker.io/library/busybox:latest@sha256:…`, a blob's
 * `sha256:… 2.15MB / 2.15MB`, `extracting sha256:…`. It belongs to the
 * running step. `done` false leaves it running (its timer keeps going on a
 * terminal) until the same id comes again with `done`. The legacy printer
 * ignores it (it shows the `pull` lines instead).
 */
export interface StatusEvent {
  type: 'status';
  id: string;
  current?: number;
  total?: number;
  done?: boolean;
}

export type PrinterEvent = BuildEvent | StatusEvent;

export interface BuildPrinter {
  /**
   * The CLI sent the build context: the legacy CLI prints `Sending build
   * context to Docker daemon  2.048kB`; BuildKit shows the transfer as the
   * `load build context` step instead (prints nothing here).
   */
  contextSent(bytes: number): void;
  event(e: PrinterEvent): void;
  /** The build failed: prints what the CLI prints and returns its exit status. */
  fail(err: BuildError): number;
  /** The build succeeded: the last lines (`-q`: the image ID on stdout), the timers stop. */
  finish(): void;
}

export interface PrinterOptions {
  builder: BuilderKind;
  out: OutputStream;
  err: OutputStream;
  /** Whether the output is a terminal (buildx looks at stderr, the legacy CLI at stdout). */
  tty: boolean;
  quiet: boolean;
  /** The engine's clock, ms: step times, log timestamps, the `[+] Building 1.2s` timer. */
  now: () => number;
  /** A repeating timer for the terminal view's redraws; returns its cancel. Absent: redrawn on events only. */
  every?: (ms: number, tick: () => void) => () => void;
  /** Terminal width (buildx: 80 when unknown). */
  columns?: number;
  /** Terminal height: how many rows the running view may use (buildx: 10 when unknown). */
  rows?: number;
  /** The Dockerfile's text: BuildKit prints the lines around a failing instruction. */
  dockerfileText?: string;
  /** `--progress`: 'plain' forces the numbered records on a terminal too; 'tty' the live view. */
  progress?: 'auto' | 'plain' | 'tty';
  /** buildx's builder description, `#0 building with "default" instance using docker driver`. */
  builderName?: string;
}

/**
 * The printer for one build. The CLI's dispatch (cli/docker.ts) has
 * printed `legacyDeprecationNotice()` on stderr for a legacy build, before
 * anything else, even for errors that stop the build early. Then `contextSent(bytes)`
 * once the context is packed, `event(e)` for each BuildEvent, and
 * `finish()` when the build succeeded or `fail(err)` (whose result is the
 * exit status) when it did not.
 */
export function createPrinter(o: PrinterOptions): BuildPrinter {
  return o.builder === 'legacy' ? new LegacyPrinter(o) : new BuildkitPrinter(o);
}
