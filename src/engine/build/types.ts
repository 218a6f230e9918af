// The contract between `docker build`'s parts: the request the CLI sends the
// daemon, the events the daemon's builder reports while it works (the CLI's
// printers turn them into the legacy builder's or BuildKit's output), and the
// error a build ends with.

/** Which builder runs the build: `DOCKER_BUILDKIT=0` picks the legacy one. */
export type BuilderKind = 'legacy' | 'buildkit';

export interface BuildRequest {
  builder: BuilderKind;
  /** The build context as the CLI sent it: a tar archive, possibly compressed (a `docker build - < ctx.tar.gz`), possibly empty. */
  context: Uint8Array;
  /** The Dockerfile's path inside the context, forward slashes ("Dockerfile", "sub/Dockerfile.dev"). */
  dockerfile: string;
  /** `-t`, as typed (validated by the CLI). */
  tags: string[];
  /** `--build-arg`: `KEY=value`, or `KEY` alone (null: taken from the client's environment, unset when absent there). */
  buildArgs: Record<string, string | null>;
  /** `--label`. */
  labels: Record<string, string>;
  /** `--target`: the stage to stop at. */
  target?: string;
  noCache: boolean;
  /** `--cache-from`: the legacy builder then trusts only these images (and their parents) as cache. */
  cacheFrom?: string[];
  pull: boolean;
  /** `--rm` (default true) and `--force-rm`: the legacy builder's intermediate containers. */
  rm: boolean;
  forceRm: boolean;
  quiet: boolean;
  platform?: string;
}

/**
 * One thing the builder did, in order. Both printers read the same stream;
 * each prints what its builder prints for it.
 */
export type BuildEvent =
  /** The Dockerfile was read from the context (BuildKit: `[internal] load build definition from <name>`, `transferring dockerfile: 73B`). */
  | { type: 'definition'; name: string; bytes: number }
  /** The `.dockerignore` was read (BuildKit: `[internal] load .dockerignore`, `transferring context: 2B`); bytes 0 when there is none. */
  | { type: 'dockerignore'; bytes: number }
  /** The parser's and the linter's warnings. */
  | { type: 'warning'; short: string; detail?: string; url?: string; line?: number }
  /** BuildKit looks up a base image's config: `[internal] load metadata for docker.io/library/busybox:latest`. */
  | { type: 'metadata'; ref: string }
  /** The context files an instruction uses were transferred (BuildKit `[internal] load build context`, `transferring context: 2.1kB`). */
  | { type: 'context'; bytes: number }
  /**
   * An instruction begins. `n`/`total` count instructions of the whole
   * Dockerfile as the legacy builder does (`Step 2/5 : RUN echo hi`);
   * `stageStep`/`stageTotal` count in the stage as BuildKit does (`[2/3]`,
   * `[build 2/3]` when the stage has a name; FROM is step 1). BuildKit's
   * vertices are FROM, RUN, COPY, ADD and WORKDIR: the other instructions
   * only change the image config and come with `stageStep` 0 (BuildKit
   * prints nothing for them). `stage` is -1 for an ARG before the first FROM.
   */
  | {
      type: 'step';
      n: number;
      total: number;
      stage: number;
      stageName?: string;
      stageStep: number;
      stageTotal: number;
      /** The instruction as written, continuation lines joined (legacy `Step n/m : <text>`). */
      text: string;
      /** BuildKit's vertex name after the `[...]`: `RUN echo hi`, `FROM docker.io/library/busybox:latest@sha256:…`. */
      vertex: string;
      line: number;
    }
  /** The step's result came from the cache (` ---> Using cache`, `CACHED`). */
  | { type: 'cached' }
  /** A line of `docker pull` progress while FROM fetches its image. */
  | { type: 'pull'; line: string }
  /** The legacy builder made a container for the step (` ---> Running in <id12>`). */
  | { type: 'container'; id: string }
  /** Output of the step's process, as written (the legacy builder colours stderr when the step fails). */
  | { type: 'output'; stream: 'stdout' | 'stderr'; text: string }
  /** The legacy builder removed an intermediate container (` ---> Removed intermediate container <id12>`). */
  | { type: 'removed'; id: string }
  /** The step ended with this image (legacy ` ---> <id12>`; BuildKit `DONE`). */
  | { type: 'stepDone'; imageId: string }
  /** ONBUILD triggers of the base image run now (legacy `# Executing 2 build triggers`). */
  | { type: 'triggers'; count: number }
  /** The build made its image (legacy `Successfully built <id12>`; BuildKit `exporting to image`, `writing image sha256:…`). */
  | { type: 'built'; imageId: string; layers: number }
  /** A tag now points to it (legacy `Successfully tagged x:latest`; BuildKit `naming to docker.io/library/x:latest`). */
  | { type: 'tagged'; ref: string; canonical: string }
  /** `--build-arg`s no instruction used (legacy `[Warning] One or more build-args [X] were not consumed`). */
  | { type: 'unusedArgs'; names: string[] };

/**
 * How a build failed. `message` is the daemon's text for the legacy builder
 * (`The command '/bin/sh -c false' returned a non-zero code: 1`); `buildkit`
 * is BuildKit's (`process "/bin/sh -c false" did not complete successfully:
 * exit code: 1`), which its printer wraps in `failed to solve: ...`.
 */
export class BuildError extends Error {
  constructor(
    message: string,
    readonly opts: {
      buildkit?: string;
      /** The CLI's exit status (a failed RUN's legacy build exits with the command's code). */
      exitCode?: number;
      /** Where in the Dockerfile (BuildKit prints the lines around it). */
      line?: { start: number; end: number };
      /** The Dockerfile's text, for those lines. */
      source?: string;
      /** BuildKit's vertex of the failing step, e.g. `[2/2] RUN false`. */
      vertex?: string;
      /** Whether the failure happened before any step ran (parse errors, unknown stage...). */
      early?: boolean;
    } = {},
  ) {
    super(message);
  }
  get buildkit(): string {
    return this.opts.buildkit ?? this.message;
  }
  get exitCode(): number {
    return this.opts.exitCode ?? 1;
  }
}

export type BuildListener = (e: BuildEvent) => void;
