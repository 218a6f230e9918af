// The legacy builder's output (DOCKER_BUILDKIT=0) as the docker 28 CLI shows
// it: the daemon's stream (moby builder/dockerfile, api/server/backend/build)
// printed on stdout, the CLI's own lines (cli/command/image/build.go).
// Recorded on a real engine: testdata/legacy/README.md.
import type { BuildError, BuildEvent } from '../../../../engine/build/types.ts';
import type { OutputStream } from '../../../../engine/runtime/process.ts';
import { progressPrinter } from '../../../progress.ts';
import { humanSizeWithPrecision } from '../../../format/units.ts';
import type { BuildPrinter, PrinterEvent, PrinterOptions } from './printer.ts';

/**
 * What docker/cli prints on stderr before a legacy build (cmd/docker/builder.go,
 * then a blank line): `disabled` when DOCKER_BUILDKIT=0 chose it
 * (buildkitDisabledWarning), `buildx-missing` when the buildx plugin could
 * not be found (buildxMissingWarning).
 */
export function legacyDeprecationNotice(reason: 'disabled' | 'buildx-missing' = 'disabled'): string {
  const first = 'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n';
  if (reason === 'buildx-missing') {
    return first + '            Install the buildx component to build images with BuildKit:\n            https://docs.docker.com/go/buildx/\n\n';
  }
  return (
    first +
    '            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n' +
    '            environment-variable.\n\n'
  );
}

const SENDING = 'Sending build context to Docker daemon';

/**
 * The context upload's progress as the CLI writes it (moby
 * pkg/streamformatter rawProgressFormatter, pkg/progress progressreader):
 * the size as go-units HumanSize padded to 8 (`%8v`), a CR, and on the
 * last update the CR LF of an empty status. A progress with no bytes is
 * empty and ends with CR LF itself. (A context over 512kB also gets
 * rate-limited intermediate updates, which a terminal overwrites; only the
 * last one is written here.)
 */
export function sendingContextLine(bytes: number): string {
  if (bytes <= 0) return `${SENDING} \r\n\r\n`;
  return `${SENDING} ${humanSizeWithPrecision(bytes, 4).padStart(8)}\r\r\n`;
}

const short = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);
const full = (id: string): string => (id.startsWith('sha256:') ? id : `sha256:${id}`);

// The daemon's stderr writer (streamformatter.NewStderrWriter) wraps each write in bright red.
const red = (text: string): string => `\x1b[91m${text}\x1b[0m`;

// Parser warnings are the only ones the legacy builder prints (moby
// builder/dockerfile/builder.go calls the parser's PrintWarnings; it runs no linter).
const PARSER_WARNING = /^Empty continuation line/;

class Buffer implements OutputStream {
  text = '';
  write(t: string): void {
    this.text += t;
  }
}

export class LegacyPrinter implements BuildPrinter {
  private readonly o: PrinterOptions;
  /** `-q`: the CLI keeps the upload progress and the daemon's stream, printing them only if the build fails. */
  private readonly progress: OutputStream;
  private readonly stream: OutputStream;
  private pull: ((line: string) => void) | undefined;
  private warned = false;
  private imageId = '';
  private done = false;

  constructor(o: PrinterOptions) {
    this.o = o;
    this.progress = o.quiet ? new Buffer() : o.out;
    this.stream = o.quiet ? new Buffer() : o.out;
  }

  contextSent(bytes: number): void {
    this.progress.write(sendingContextLine(bytes));
  }

  event(e: PrinterEvent): void {
    if (this.done) return;
    if (e.type !== 'warning') this.endWarnings();
    if (e.type !== 'pull') this.pull = undefined;
    const w = (text: string): void => this.stream.write(text);
    switch (e.type) {
      case 'warning':
        if (PARSER_WARNING.test(e.short)) {
          w(red(`[WARNING]: ${e.short}\n`));
          this.warned = true;
        }
        break;
      case 'step':
        w(`Step ${e.n}/${e.total} : ${e.text}\n`);
        break;
      case 'triggers':
        w(`# Executing ${e.count} build trigger${e.count > 1 ? 's' : ''}\n`);
        break;
      case 'pull':
        // jsonmessage: on a terminal each layer keeps its line
        this.pull ??= progressPrinter(this.stream, this.o.tty && !this.o.quiet);
        this.pull(e.line);
        break;
      case 'cached':
        w(' ---> Using cache\n');
        break;
      case 'container':
        w(` ---> Running in ${short(e.id)}\n`);
        break;
      case 'output':
        w(e.stream === 'stderr' ? red(e.text) : e.text);
        break;
      case 'removed':
        w(` ---> Removed intermediate container ${short(e.id)}\n`);
        break;
      case 'stepDone':
        w(` ---> ${short(e.imageId)}\n`);
        break;
      case 'unusedArgs':
        if (e.names.length > 0) w(`[Warning] One or more build-args [${[...e.names].sort().join(' ')}] were not consumed\n`);
        break;
      case 'built':
        this.imageId = full(e.imageId);
        w(`Successfully built ${short(e.imageId)}\n`);
        break;
      case 'tagged':
        w(`Successfully tagged ${e.ref}\n`);
        break;
      // BuildKit's records: the legacy builder prints nothing for them
      case 'definition':
      case 'dockerignore':
      case 'metadata':
      case 'context':
      case 'status':
        break;
    }
  }

  fail(err: BuildError): number {
    if (this.done) return err.exitCode;
    this.done = true;
    this.endWarnings();
    // An error before the daemon streamed anything is the API call's own
    // ("Error response from daemon: ..."), and the CLI exits 1; a later one
    // is a JSON error in the stream, printed as is, exiting with its code.
    const early = err.opts.early === true;
    if (this.o.quiet) {
      this.o.err.write((this.progress as Buffer).text + (early ? '' : (this.stream as Buffer).text));
    }
    this.o.err.write((early ? `Error response from daemon: ${err.message}` : err.message) + '\n');
    return early ? 1 : err.exitCode;
  }

  finish(): void {
    if (this.done) return;
    this.done = true;
    this.endWarnings();
    // -q: the daemon sends only the image ID, which the CLI prints
    if (this.o.quiet && this.imageId) this.o.out.write(this.imageId + '\n');
  }

  private endWarnings(): void {
    if (!this.warned) return;
    this.warned = false;
    this.stream.write(red('[WARNING]: Empty continuation lines will become errors in a future release.\n'));
  }
}
