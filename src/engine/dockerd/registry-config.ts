// The registry part of dockerd's configuration (moby 28 registry/config.go):
// mirrors checked by ValidateMirror, insecure registries split into names
// and CIDRs, and the ServiceConfig `docker info` shows.

export class RegistryConfigError extends Error {}

/** What loadMirrors and loadInsecureRegistries make of the configured lists. */
export interface ServiceConfig {
  /** Mirrors normalised (a trailing slash), duplicates dropped. */
  mirrors: string[];
  /** host[:port] names of insecure registries, as configured (an http:// prefix removed). */
  insecureNames: string[];
  /** Insecure CIDRs (network addresses), the configured ones, then ::1/128 and 127.0.0.0/8. */
  insecureCIDRs: string[];
  /** Warnings dockerd logs while loading them. */
  warnings: string[];
}

/** A reduced net/url Parse: the parts ValidateMirror looks at, or url.Parse's error. */
function parseUrl(raw: string): { scheme: string; user?: string; query: string; fragment: string; host: string } {
  const fail = (why: string): never => {
    throw new RegistryConfigError(`parse ${JSON.stringify(raw)}: ${why}`);
  };
  let rest = raw;
  let fragment = '';
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    fragment = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  let scheme = '';
  for (let k = 0; k < rest.length; k++) {
    const c = rest[k]!;
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+.-]/.test(c)) {
      if (k === 0) break;
      continue;
    }
    if (c === ':') {
      if (k === 0) fail('missing protocol scheme');
      scheme = rest.slice(0, k).toLowerCase();
      rest = rest.slice(k + 1);
    }
    break;
  }
  let query = '';
  const q = rest.indexOf('?');
  if (q >= 0) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  if (!scheme && !rest.startsWith('/')) {
    const seg = rest.split('/')[0]!;
    if (seg.includes(':')) fail('first path segment in URL cannot contain colon');
  }
  let host = '';
  let user: string | undefined;
  if (rest.startsWith('//')) {
    const auth = rest.slice(2).split('/')[0]!;
    const at = auth.lastIndexOf('@');
    if (at >= 0) user = auth.slice(0, at).split(':')[0]!;
    host = at >= 0 ? auth.slice(at + 1) : auth;
    const bad = /[^a-zA-Z0-9.\-_~!$&'()*+,;=:[\]%]/.exec(host);
    if (bad) fail(`invalid character ${JSON.stringify(bad[0])} in host name`);
    const port = /:([^:\]]*)$/.exec(host);
    if (port && !host.startsWith('[') && !/^\d*$/.test(port[1]!)) fail(`invalid port ${JSON.stringify(':' + port[1])} after host`);
  }
  return { scheme, ...(user !== undefined ? { user } : {}), query, fragment, host };
}

/** moby registry.ValidateMirror: the mirror with one trailing slash, or the error dockerd stops with. */
export function validateMirror(mirror: string): string {
  let u;
  try {
    u = parseUrl(mirror);
  } catch (e) {
    throw new RegistryConfigError(`invalid mirror: ${JSON.stringify(mirror)} is not a valid URI: ${(e as Error).message}`);
  }
  if (u.scheme !== 'http' && u.scheme !== 'https') throw new RegistryConfigError(`invalid mirror: unsupported scheme ${JSON.stringify(u.scheme)} in ${JSON.stringify(mirror)}`);
  if (u.query !== '' || u.fragment !== '') {
    throw new RegistryConfigError(`invalid mirror: query or fragment at end of the URI ${JSON.stringify(mirror)}`);
  }
  if (u.user !== undefined) {
    const shown = mirror.replace(/\/\/[^@/]*@/, `//${u.user}:xxxxx@`);
    throw new RegistryConfigError(`invalid mirror: username/password not allowed in URI ${JSON.stringify(shown)}`);
  }
  return mirror.replace(/\/$/, '') + '/';
}

// reference.DomainRegexp: dot-separated components, or a bracketed IPv6 address, and an optional port
const DOMAIN_HOST_PORT = /^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[(?:[a-fA-F0-9:]+)\])(?::[0-9]+)?$/;

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIP(s: string): boolean {
  return IPV4.test(s) || (s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s));
}

/** net.ParseCIDR for IPv4 (the network address and prefix length); IPv6 kept as written, lower case. */
function parseCIDR(s: string): string | undefined {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const bits = Number(m[2]);
  if (IPV4.test(m[1]!)) {
    if (bits > 32) return undefined;
    const n = m[1]!.split('.').reduce((a, p) => a * 256 + Number(p), 0);
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    const net = (n & mask) >>> 0;
    return `${[24, 16, 8, 0].map((sh) => (net >>> sh) & 255).join('.')}/${bits}`;
  }
  if (m[1]!.includes(':') && /^[0-9a-fA-F:]+$/.test(m[1]!) && bits <= 128) return `${m[1]!.toLowerCase()}/${bits}`;
  return undefined;
}

/** moby validateHostPort, as loadInsecureRegistries wraps its error. */
function validateHostPort(r: string): void {
  let host = r;
  let port = '';
  const v6 = /^\[([^\]]*)\]:(.*)$/.exec(r);
  const hp = /^([^:]*):([^:]*)$/.exec(r);
  if (v6) [host, port] = [v6[1]!, v6[2]!];
  else if (hp) [host, port] = [hp[1]!, hp[2]!];
  const wrap = (why: string) => new RegistryConfigError(`insecure registry ${r} is not valid: ${why}`);
  if (!DOMAIN_HOST_PORT.test(r) && !isIP(host)) throw wrap(`invalid host ${JSON.stringify(host)}`);
  if (port !== '') {
    if (!/^[+-]?\d+$/.test(port)) throw wrap(`strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax`);
    const v = Number(port);
    if (v < 0 || v > 65535) throw wrap(`invalid port ${JSON.stringify(port)}`);
  }
}

/** moby newServiceConfig: the registry configuration dockerd starts with, or the error that stops it. */
export function newServiceConfig(mirrors: readonly string[], insecure: readonly string[]): ServiceConfig {
  const unique: string[] = [];
  for (const m of mirrors) {
    const v = validateMirror(m);
    if (!unique.includes(v)) unique.push(v);
  }
  const names: string[] = [];
  const cidrs: string[] = [];
  const warnings: string[] = [];
  for (let r of [...insecure, '::1/128', '127.0.0.0/8']) {
    const name = r === 'index.docker.io' ? 'docker.io' : r;
    if (name.startsWith('-') || name.endsWith('-')) throw new RegistryConfigError(`invalid index name (${name}). Cannot begin or end with a hyphen`);
    const lower = r.toLowerCase();
    for (const scheme of ['http://', 'https://']) {
      if (lower.startsWith(scheme)) {
        warnings.push(`insecure registry ${r} should not contain '${scheme}' and '${scheme}' has been removed from the insecure registry config`);
        r = r.slice(scheme.length);
        break;
      }
    }
    if (r.includes('://')) throw new RegistryConfigError(`insecure registry ${r} should not contain '://'`);
    const cidr = parseCIDR(r);
    if (cidr !== undefined) {
      if (!cidrs.includes(cidr)) cidrs.push(cidr);
      continue;
    }
    validateHostPort(r);
    if (!names.includes(r)) names.push(r);
  }
  return { mirrors: unique, insecureNames: names, insecureCIDRs: cidrs, warnings };
}
