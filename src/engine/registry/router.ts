// The registries the engine reaches, by host, as moby's registry service
// finds its endpoints: Docker Hub (through the configured mirrors first), and
// any `host[:port]` reached over the network — whatever listens there: a
// registry:2 container publishing the port, a service of the host, another
// machine of the page. A host that is not secure (127.0.0.0/8, ::1, or named
// in `insecure-registries`) is tried over HTTPS, then plain HTTP; a secure
// one over HTTPS only, which a plain registry:2 cannot answer.
import { DaemonError } from '../errors/errors.ts';
import type { Reference } from '../image/reference.ts';
import { HubRegistry, type Sha256 } from './hub.ts';
import { LocalRegistry } from './local.ts';
import type { Registry, RemoteImage, RepositoryWriter } from './registry.ts';
import { isAuthenticating, type Credentials } from './auth.ts';
import type { ConnectResult, Listener } from '../runtime/process.ts';
import { defaultDaemonConfig, type DaemonConfig, type DaemonLogEntry } from '../config.ts';
import { isLoopback } from '../net/network.ts';
import { goQuote } from '../goquote.ts';

/** A TCP connection from the daemon's host to host:port. */
export type Dial = (host: string, port: number) => ConnectResult;

export interface RouterOptions {
  /** The daemon's configuration (mirrors, insecure registries), read at each request. */
  config?: () => DaemonConfig;
  /** dockerd's log. */
  log?: (level: DaemonLogEntry['level'], msg: string) => void;
  /** An address a host name resolves to (the insecure-registries CIDRs are matched against it). */
  resolveAddress?: (host: string) => string | undefined;
}

/** Splits `host[:port]` (with `[v6]` literals); the port defaults to HTTPS's. */
export function splitHostPort(domain: string): { host: string; port: number; explicitPort: boolean } {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(domain);
  if (!m) return { host: domain, port: 443, explicitPort: false };
  return { host: m[1]!, port: m[2] !== undefined ? Number(m[2]) : 443, explicitPort: m[2] !== undefined };
}

/** Whether an IPv4 address lies in a CIDR block (`127.0.0.0/8`). */
function inCidr(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const toInt = (a: string) => a.split('.').reduce((n, o) => n * 256 + Number(o), 0);
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip) || !/^\d+\.\d+\.\d+\.\d+$/.test(base ?? '')) return false;
  const bits = Number(bitsText);
  if (!(bits >= 0 && bits <= 32)) return false;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return ((toInt(ip) & mask) >>> 0) === ((toInt(base!) & mask) >>> 0);
}

/** A registry endpoint found on the network, or why none answers. */
type Endpoint = { registry: Registry; url: string } | { error: DaemonError };

export class RegistryRouter implements Registry {
  /** The credentials the host's client holds for a registry host (the CLI's config file); a push sends them. */
  credentials: (domain: string) => Credentials | undefined = () => undefined;

  constructor(
    readonly hub: Registry,
    /** A TCP connection from the daemon's host (docker search pings a registry's v1 API through it). */
    readonly dial: Dial,
    private readonly opts: RouterOptions = {},
  ) {}

  private get config(): DaemonConfig {
    return this.opts.config?.() ?? defaultDaemonConfig();
  }

  /** The registry serving a host (Docker Hub for docker.io; the one listening there otherwise). */
  registryFor(domain: string): Registry | undefined {
    if (domain === 'docker.io') return this.hub;
    const { host, port } = splitHostPort(domain);
    const c = this.dial(host, port);
    return 'listener' in c ? c.listener.registry : undefined;
  }

  /**
   * moby's isSecureIndex: a registry named in insecure-registries, or whose
   * address lies in one of its CIDRs (127.0.0.0/8 and ::1/128 always), is not secure.
   */
  isSecure(domain: string): boolean {
    const cfg = this.config;
    if (cfg.insecureRegistries.includes(domain)) return false;
    const { host } = splitHostPort(domain);
    if (isLoopback(host)) return false;
    const address = /^\d+\.\d+\.\d+\.\d+$/.test(host) ? host : this.opts.resolveAddress?.(host);
    if (address === undefined) return true;
    return !cfg.insecureRegistries.some((c) => c.includes('/') && inCidr(address, c));
  }

  /** What answers for a registry host: the `/v2/` ping as moby's endpoints make it. */
  private async endpoint(domain: string): Promise<Endpoint> {
    const { host, port } = splitHostPort(domain);
    const secure = this.isSecure(domain);
    const https = `https://${domain}/v2/`;
    const http = `http://${domain}/v2/`;
    const c = this.dial(host, port);
    // an insecure registry is tried over HTTPS, then HTTP: the last error is the one reported
    const url = secure ? https : http;
    if ('error' in c) return { error: new DaemonError('system', `Get "${url}": ${c.error}`) };
    if (secure) return { error: new DaemonError('system', `Get "${https}": http: server gave HTTP response to HTTPS client`) };
    return answer(c.listener, domain, url);
  }

  private async route(ref: Reference): Promise<Registry> {
    if (ref.domain === 'docker.io') return this.hub;
    const e = await this.endpoint(ref.domain);
    if ('error' in e) throw e.error;
    return e.registry;
  }

  async resolve(ref: Reference): Promise<RemoteImage> {
    if (ref.domain === 'docker.io') return this.resolveHub(ref);
    return (await this.route(ref)).resolve(ref);
  }

  /** A Docker Hub image through the mirrors first, then the Hub itself (moby's pull endpoints). */
  private async resolveHub(ref: Reference): Promise<RemoteImage> {
    for (const mirror of this.config.registryMirrors) {
      const m = /^(https?):\/\/([^/]+)\/?$/.exec(mirror);
      if (!m) continue;
      const [, scheme, domain] = m as unknown as [string, string, string];
      const { host, port } = splitHostPort(scheme === 'http' && !/:\d+$/.test(domain) ? `${domain}:80` : domain);
      const c = this.dial(host, port);
      const ping = `${mirror.replace(/\/$/, '')}/v2/`;
      let failure: string;
      if ('error' in c) failure = `Get "${ping}": ${c.error}`;
      else if (scheme === 'https') failure = `Get "${ping}": http: server gave HTTP response to HTTPS client`;
      else if (!c.listener.registry) failure = `Get "${ping}": EOF`;
      else {
        try {
          return await c.listener.registry.resolve(ref);
        } catch (e) {
          failure = e instanceof Error ? e.message : String(e);
        }
      }
      this.opts.log?.('info', `Attempting next endpoint for pull after error: ${failure}`);
    }
    return this.hub.resolve(ref);
  }

  async tags(ref: Reference): Promise<string[]> {
    return (await this.route(ref)).tags(ref);
  }

  async openPush(ref: Reference): Promise<RepositoryWriter> {
    return (await this.route(ref)).openPush(ref, this.credentials(ref.domain));
  }

  /**
   * The daemon's /auth (`docker login`): checks credentials with the
   * registry of a host (docker.io for the Hub); the client stores them.
   */
  async login(domain: string, c: Credentials): Promise<void> {
    const r = await this.route({ domain, path: '' } as Reference);
    if (isAuthenticating(r)) await r.authenticate(c);
  }
}

/** What a listener answers to the registry ping: a registry, or the error moby reports for anything else. */
async function answer(l: Listener, domain: string, url: string): Promise<Endpoint> {
  if (l.registry) return { registry: l.registry, url };
  if (!l.serve) return { error: new DaemonError('system', `Get "${url}": EOF`) };
  // an HTTP server that is no registry answers /v2/ with its own page, which is no registry's JSON
  const response = await l.serve(`GET /v2/ HTTP/1.1\r\nHost: ${domain}\r\nUser-Agent: ${USER_AGENT}\r\nAccept-Encoding: gzip\r\n\r\n`);
  const split = response.indexOf('\r\n\r\n');
  const status = Number(/^HTTP\/\d\.\d (\d+)/.exec(response)?.[1] ?? 0);
  const body = split >= 0 ? response.slice(split + 4) : '';
  const first = body.trimStart()[0] ?? '';
  const what = first === '' ? 'unexpected end of JSON input' : `invalid character ${goQuoteChar(first)} looking for beginning of value`;
  return { error: new DaemonError('system', `error parsing HTTP ${status} response body: ${what}: ${goQuote(body)}`) };
}

/** The docker daemon's User-Agent (moby dockerversion.DockerUserAgent, without the client's part). */
const USER_AGENT = 'docker/28.2.2 go/go1.24.3 git-commit/e77ff99 kernel/6.8.0-berth os/linux arch/amd64';

/** encoding/json's quoteChar: `'<'`. */
const goQuoteChar = (ch: string): string => (ch === "'" ? "'\\''" : ch === '"' ? "'\"'" : `'${ch}'`);

/**
 * A standalone engine's registries (engine tests, no machine around it):
 * Docker Hub (the given one, or the catalogue's) and an empty private
 * registry listening on this machine's port 5000.
 */
export function defaultRegistries(sha256: Sha256, hub: Registry = new HubRegistry(sha256)): RegistryRouter {
  const local: Listener = { pid: 0, port: 5000, proto: 'tcp', registry: new LocalRegistry() };
  return new RegistryRouter(hub, (host, port) => {
    if (!isLoopback(host)) return { error: `dial tcp: lookup ${host}: no such host` };
    const address = host === 'localhost' ? '127.0.0.1' : host;
    return port === 5000 ? { listener: local, address } : { error: `dial tcp ${address}:${port}: connect: connection refused` };
  });
}
