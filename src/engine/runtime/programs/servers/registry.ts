// registry (CNCF Distribution 2.8.3, the registry:2 image's /bin/registry):
// `registry serve CONFIG` reads the YAML configuration, logs its start as
// logrus does, stores what is pushed under storage.filesystem.rootdirectory
// in the container's own file system (distribution/fs-registry.ts), answers
// the Registry API over HTTP (curl) and to the daemon (typed calls), and
// logs every request. Go's runtime ends it on SIGTERM or SIGINT with status
// 2: it installs no handler, and as PID 1 the re-raised signal is ignored,
// so the runtime exits 2 itself (`docker stop` shows Exited (2)).
import { BlobStore } from '../../../registry/blobs.ts';
import { readConfig } from '../../../registry/distribution/config.ts';
import { FsRegistry, type Exchange } from '../../../registry/distribution/fs-registry.ts';
import { garbageCollect } from '../../../registry/distribution/gc.ts';
import { serveHttp } from '../../../registry/distribution/http.ts';
import { logLine, requestLines, shows, uuid4 } from '../../../registry/distribution/log.ts';
import type { Program } from '../../process.ts';
import { Signals } from '../../process.ts';
import { readText, waitForSignal } from './common.ts';

export const REGISTRY_VERSION = 'v2.8.3';
const GO_VERSION = 'go1.20.8';
/** What moby sends as User-Agent to registries (dockerversion.DockerUserAgent with the client's part). */
const DAEMON_USER_AGENT = 'docker/28.2.2 go/go1.24.3 git-commit/e77ff99 kernel/6.8.0-berth os/linux arch/amd64 UpstreamClient(Docker-Client/28.2.2 \\(linux\\))';

export interface RegistryServices {
  /** The host's store of layer blobs (the integrator passes the daemon's). */
  blobs: () => BlobStore;
}

/** The root command's usage (the vendored 2016 cobra's template); help puts the Long text above it. */
const ROOT_USAGE = `
Usage: 
  registry [flags]
  registry [command]

Available Commands: 
  serve           \`serve\` stores and distributes Docker images
  garbage-collect \`garbage-collect\` deletes layers not referenced by any manifests
  help            Help about any command

Flags:
  -h, --help=false: help for registry
  -v, --version=false: show the version and exit


Use "registry help [command]" for more information about a command.
`;
const ROOT_HELP = '`registry`\n' + ROOT_USAGE + '\n';

/** cobra's usage of `serve` (the vendored 2016 cobra's template). */
const SERVE_USAGE = `
Usage: 
  registry serve <config> [flags]

Flags:
  -h, --help=false: help for serve


Additional help topics:

`;

/** The program, with the host's blob store. */
export function registryProgram(services: RegistryServices = { blobs: () => new BlobStore() }): Program {
  return async (ctx) => {
    const args = ctx.argv.slice(1);
    const [cmd, ...rest] = args;
    if (cmd === undefined) {
      ctx.stderr.write(ROOT_USAGE);
      return 0;
    }
    if (cmd === '-v' || cmd === '--version') {
      ctx.stdout.write(`${ctx.argv[0]} github.com/docker/distribution ${REGISTRY_VERSION}\n`);
      return 0;
    }
    if (cmd === 'help' || cmd === '-h' || cmd === '--help') {
      if (rest[0] === 'serve') ctx.stdout.write('`serve` stores and distributes Docker images.\n' + SERVE_USAGE);
      else ctx.stdout.write(ROOT_HELP);
      return 0;
    }
    if (cmd === 'garbage-collect') return collect(ctx, rest);
    if (cmd !== 'serve') {
      // main ignores Execute's error: the status stays 0
      ctx.stderr.write(`Error: unknown command "${cmd}"\nRun 'registry help' for usage.\n`);
      return 0;
    }
    if (rest.includes('-h') || rest.includes('--help')) {
      ctx.stdout.write('`serve` stores and distributes Docker images.\n' + SERVE_USAGE);
      return 0;
    }
    return serve(ctx, rest, services);
  };
}

/** cobra's usage of `garbage-collect`: its flags sorted by name. */
const GC_USAGE = `
Usage: 
  registry garbage-collect <config> [flags]

Flags:
  -m, --delete-untagged=false: delete manifests that are not currently referenced via tag
  -d, --dry-run=false: do everything except remove the blobs
  -h, --help=false: help for garbage-collect


Additional help topics:

`;

/** `registry garbage-collect [-d] [-m] CONFIG`: mark and sweep over the storage directory. */
async function collect(ctx: Parameters<Program>[0], args: string[]): Promise<number> {
  let dryRun = false;
  let removeUntagged = false;
  const rest: string[] = [];
  for (const a of args) {
    if (a === '-d' || a === '--dry-run' || a === '--dry-run=true') dryRun = true;
    else if (a === '-m' || a === '--delete-untagged' || a === '--delete-untagged=true') removeUntagged = true;
    else if (a === '-h' || a === '--help') {
      ctx.stdout.write('`garbage-collect` deletes layers not referenced by any manifests\n' + GC_USAGE);
      return 0;
    } else if (a.startsWith('-') && a !== '-') {
      ctx.stderr.write(`Error: unknown shorthand flag: '${a.replace(/^-+/, '')[0]}' in ${a}\nRun 'registry help' for usage.\n`);
      return 0;
    } else rest.push(a);
  }
  const configError = (msg: string) => {
    ctx.stderr.write(`configuration error: ${msg}\n${GC_USAGE}`);
    return 1;
  };
  const file = rest[0] ?? ctx.env.get('REGISTRY_CONFIGURATION_PATH');
  if (file === undefined || file === '') return configError('configuration path unspecified');
  const text = readText(ctx.fs, file.startsWith('/') ? file : `${ctx.cwd.replace(/\/$/, '')}/${file}`);
  if (text === null) return configError(`open ${file}: no such file or directory`);
  const config = readConfig(text, ctx.env);
  if (typeof config === 'string') return configError(config);
  const r = garbageCollect(ctx.fs, config.root, { dryRun, removeUntagged });
  const fields: Array<[string, string]> = [['go.version', GO_VERSION], ...config.fields];
  for (const e of r.events) {
    if ('stdout' in e) ctx.stdout.write(e.stdout);
    else if (shows('info', config.level)) ctx.stderr.write(logLine(ctx.now(), 'info', e.info, fields));
  }
  if (r.error !== undefined) {
    ctx.stderr.write(`failed to garbage collect: ${r.error}`);
    return 1;
  }
  return 0;
}

async function serve(ctx: Parameters<Program>[0], args: string[], services: RegistryServices): Promise<number> {
  const configError = (msg: string) => {
    ctx.stderr.write(`configuration error: ${msg}\n${SERVE_USAGE}`);
    return 1;
  };
  const file = args[0] ?? ctx.env.get('REGISTRY_CONFIGURATION_PATH');
  if (file === undefined || file === '') return configError('configuration path unspecified');
  const path = file.startsWith('/') ? file : `${ctx.cwd.replace(/\/$/, '')}/${file}`;
  const text = readText(ctx.fs, path);
  if (text === null) return configError(`open ${file}: no such file or directory`);
  const config = readConfig(text, ctx.env);
  if (typeof config === 'string') return configError(config);

  // ids: the instance's and each request's, from a state seeded by the start time
  let state = (ctx.now() ^ Math.imul(ctx.pid, 0x9e3779b1)) >>> 0;
  const nextId = () => {
    const [id, s] = uuid4(state);
    state = s;
    return id;
  };
  const instanceId = nextId();
  const appFields: Array<[string, string]> = [['go.version', GO_VERSION], ['instance.id', instanceId], ...config.fields, ['version', REGISTRY_VERSION]];
  const log = (level: string, msg: string) => {
    if (shows(level, config.level)) ctx.stderr.write(logLine(ctx.now(), level, msg, appFields));
  };

  if (config.secret === '') {
    log('warning', 'No HTTP secret provided - generated random secret. This may cause problems with uploads if multiple registries are behind a load-balancer. To provide a shared secret, fill in http.secret in the configuration file or set the REGISTRY_HTTP_SECRET environment variable.');
  }
  log('info', 'redis not configured');
  // the purger's first run waits a random whole number of minutes under an hour (Go's Duration: 0s, 1m0s ... 59m0s)
  const jitter = parseInt(instanceId.slice(0, 8), 16) % 60;
  log('info', `Starting upload purge in ${jitter === 0 ? '0s' : `${jitter}m0s`}`);
  if (config.blobDescriptorCache === 'inmemory') log('info', 'using inmemory blob descriptor cache');
  else if (config.blobDescriptorCache !== null && config.blobDescriptorCache !== 'redis') log('warning', `unknown cache type "${config.blobDescriptorCache}", caching disabled`);

  const addr = /^(.*):(\d+)$/.exec(config.addr);
  const port = addr ? Number(addr[2]) : NaN;
  if (!addr || !(port >= 0 && port <= 65535)) {
    if (shows('fatal', config.level)) ctx.stderr.write(logLine(ctx.now(), 'fatal', `listen tcp ${config.addr}: address ${config.addr}: missing port in address`, []));
    return 1;
  }

  // each exchange: a request id, a remote port, a duration in µs
  let remotePort = 40000 + (state % 20000);
  const logExchange = (e: Exchange, host: string, userAgent: string, referer: string) => {
    const requestId = nextId();
    const micros = 300 + (state % 2700) + (state % 1000) / 1000;
    remotePort = remotePort >= 60999 ? 32768 : remotePort + 1;
    const lines = requestLines(ctx.now(), GO_VERSION, e, { host, remoteAddr: `172.17.0.1:${remotePort}`, userAgent, referer, requestId, micros });
    if (lines.stderr && shows(e.error ? 'error' : 'info', config.level)) ctx.stderr.write(lines.stderr);
    if (!config.accessLogDisabled) ctx.stdout.write(lines.stdout);
  };
  const registry = new FsRegistry({
    fs: ctx.fs,
    root: config.root,
    blobs: services.blobs(),
    deleteEnabled: config.deleteEnabled,
    now: () => ctx.now(),
    uploadId: nextId,
    onExchange: (e) => logExchange(e, e.host ?? `localhost:${port}`, DAEMON_USER_AGENT, ''),
  });
  // configureSecret: the configured secret, else 32 random bytes (uploads' _state is signed with it)
  const random = (nextId() + nextId()).replace(/-/g, '');
  const secret = config.secret !== '' ? new TextEncoder().encode(config.secret) : new Uint8Array(32).map((_, i) => parseInt(random.slice(i * 2, i * 2 + 2), 16));
  const close = ctx.listen(port, 'tcp', {
    serve: async (request) => {
      const a = await serveHttp(registry, request, { headers: config.headers, now: () => ctx.now(), secret });
      logExchange(a.exchange, a.host, a.userAgent, a.referer);
      return a.response;
    },
    registry,
  });
  if (!close) {
    if (shows('fatal', config.level)) ctx.stderr.write(logLine(ctx.now(), 'fatal', `listen tcp ${config.addr}: bind: address already in use`, []));
    return 1;
  }
  log('info', `listening on ${addr[1] === '' ? '[::]' : addr[1]}:${port}`);
  await waitForSignal(ctx, [Signals.SIGTERM, Signals.SIGINT]);
  close();
  return 2;
}

export const registry: Program = registryProgram();
