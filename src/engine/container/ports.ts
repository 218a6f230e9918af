// Published ports. The CLI's side: port specs parsed as docker/cli parses
// `-p`/`--expose` (go-connections/nat ParsePortSpecs, opts.go). The
// daemon's side: moby's port allocator (libnetwork/portallocator) and the
// bridge driver's host-port bindings (drivers/bridge/port_mapping_linux.go),
// kept per daemon in a PortTable from a container's start to its stop.
import { goQuote } from '../goquote.ts';

/** One binding of a container port: `{"HostIp": "", "HostPort": "5000"}` (nat.PortBinding). */
export interface PortBinding {
  HostIp: string;
  HostPort: string;
}

/** nat.PortMap: "80/tcp" → its bindings, or null for a port only exposed. */
export type PortMap = Record<string, PortBinding[] | null>;

/** A port as docker ps lists it (moby's container.Port). */
export interface SummaryPort {
  privatePort: number;
  type: string;
  publicPort?: number;
  ip?: string;
}

/** A port spec the CLI refuses; `message` is docker/cli's error text. */
export class PortSpecError extends Error {}

/** strconv.ParseUint(s, 10, 16). */
function parseUint16(s: string): number {
  if (!/^\d+$/.test(s)) throw new PortSpecError(`strconv.ParseUint: parsing ${goQuote(s)}: invalid syntax`);
  const n = Number(s);
  if (n > 65535) throw new PortSpecError(`strconv.ParseUint: parsing ${goQuote(s)}: value out of range`);
  return n;
}

/** nat.ParsePortRange: `8000` or `8000-9000`. */
export function parsePortRange(ports: string): [number, number] {
  if (ports === '') throw new PortSpecError('empty string specified for ports');
  if (!ports.includes('-')) {
    const n = parseUint16(ports);
    return [n, n];
  }
  const parts = ports.split('-');
  const start = parseUint16(parts[0]!);
  const end = parseUint16(parts[1]!);
  if (end < start) throw new PortSpecError(`invalid range specified for port: ${ports}`);
  return [start, end];
}

/** nat.SplitProtoPort: `80/udp` → ["udp", "80"]; no protocol is tcp. */
export function splitProtoPort(raw: string): [string, string] {
  const parts = raw.split('/');
  if (raw === '' || parts[0] === '') return ['', ''];
  if (parts.length === 1) return ['tcp', raw];
  if (parts[1] === '') return ['tcp', parts[0]!];
  return [parts[1]!, parts[0]!];
}

/** nat.NewPort: "80/tcp", or "80-81/tcp" for a range. */
export function newPort(proto: string, port: string): string {
  const [start, end] = port === '' ? [0, 0] : parsePortRange(port);
  return start === end ? `${start}/${proto}` : `${start}-${end}/${proto}`;
}

/** A "80/tcp" key's number and protocol. */
export function portKey(key: string): { port: number; proto: string } {
  const [proto, port] = splitProtoPort(key);
  return { port: port === '' ? 0 : Number(port.split('-')[0]), proto };
}

function splitParts(raw: string): [string, string, string] {
  const parts = raw.split(':');
  const n = parts.length;
  const containerPort = parts[n - 1]!;
  switch (n) {
    case 1:
      return ['', '', containerPort];
    case 2:
      return ['', parts[0]!, containerPort];
    case 3:
      return [parts[0]!, parts[1]!, containerPort];
    default:
      return [parts.slice(0, n - 2).join(':'), parts[n - 2]!, containerPort];
  }
}

/** nat.ParsePortSpec: `[ip:][hostPort:]containerPort[/proto]`, ranges allowed. */
export function parsePortSpec(raw: string): Array<{ port: string; binding: PortBinding }> {
  let [ip, hostPort, containerPort] = splitParts(raw);
  let proto: string;
  [proto, containerPort] = splitProtoPort(containerPort);
  if (ip !== '' && ip[0] === '[') {
    // net.SplitHostPort(ip + ":") strips the brackets of an IPv6 address
    const close = ip.indexOf(']');
    if (close < 0) throw new PortSpecError(`invalid IP address ${ip}: address ${ip}:: missing ']' in address`);
    if (close !== ip.length - 1) throw new PortSpecError(`invalid IP address ${ip}: address ${ip}:: too many colons in address`);
    ip = ip.slice(1, close);
  }
  if (ip !== '' && parseIP(ip) === null) throw new PortSpecError(`invalid IP address: ${ip}`);
  if (containerPort === '') throw new PortSpecError(`no port specified: ${raw}<empty>`);
  let start: number, end: number;
  try {
    [start, end] = parsePortRange(containerPort);
  } catch {
    throw new PortSpecError(`invalid containerPort: ${containerPort}`);
  }
  let hostStart = 0;
  let hostEnd = 0;
  if (hostPort !== '') {
    try {
      [hostStart, hostEnd] = parsePortRange(hostPort);
    } catch {
      throw new PortSpecError(`invalid hostPort: ${hostPort}`);
    }
  }
  // a host range with one container port is the range to pick a host port from
  if (hostPort !== '' && end - start !== hostEnd - hostStart && end !== start) {
    throw new PortSpecError(`invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`);
  }
  const lower = proto.toLowerCase();
  if (!['tcp', 'udp', 'sctp'].includes(lower)) throw new PortSpecError(`invalid proto: ${proto}`);
  const out: Array<{ port: string; binding: PortBinding }> = [];
  for (let i = 0; i <= end - start; i++) {
    let host = hostPort === '' ? '' : String(hostStart + i);
    if (start === end && hostStart !== hostEnd) host = `${host}-${hostEnd}`;
    out.push({ port: newPort(lower, String(start + i)), binding: { HostIp: ip, HostPort: host } });
  }
  return out;
}

/** docker/cli's convertToStandardNotation: `published=8080,target=80[,protocol=udp]` as `8080:80/udp`. */
export function convertToStandardNotation(specs: string[]): string[] {
  return specs.map((spec) => {
    if (!spec.includes('=')) return spec;
    const params: Record<string, string> = { protocol: 'tcp' };
    for (const param of spec.split(',')) {
      const eq = param.indexOf('=');
      if (eq <= 0) throw new PortSpecError(`invalid publish opts format (should be name=value but got '${param}')`);
      params[param.slice(0, eq)] = param.slice(eq + 1);
    }
    return `${params.published ?? ''}:${params.target ?? ''}/${params.protocol}`;
  });
}

/**
 * What docker/cli sends for `-p` and `--expose` (opts.go parse): the
 * exposed ports (the published ones and the --expose ones, in first-seen
 * order) and the bindings by container port.
 */
export function parsePublishFlags(publish: string[], expose: string[]): { exposed: string[]; bindings: Record<string, PortBinding[]> } {
  const exposed: string[] = [];
  const bindings: Record<string, PortBinding[]> = {};
  for (const raw of convertToStandardNotation(publish)) {
    for (const m of parsePortSpec(raw)) {
      if (!exposed.includes(m.port)) exposed.push(m.port);
      (bindings[m.port] ??= []).push(m.binding);
    }
  }
  for (const e of expose) {
    if (e.includes(':')) throw new PortSpecError(`invalid port format for --expose: ${e}`);
    const [proto, port] = splitProtoPort(e);
    let start: number, end: number;
    try {
      [start, end] = parsePortRange(port);
    } catch (err) {
      throw new PortSpecError(`invalid range format for --expose: ${e}, error: ${(err as Error).message}`);
    }
    for (let i = start; i <= end; i++) {
      const p = newPort(proto, String(i));
      if (!exposed.includes(p)) exposed.push(p);
    }
  }
  return { exposed, bindings };
}

/** Go's net.ParseIP then String(): the address in its canonical form, or null when it is none. */
export function parseIP(s: string): string | null {
  if (isIPv4(s)) return s;
  const v6 = parseIPv6(s);
  if (!v6) return null;
  // an IPv4-mapped address prints as IPv4
  if (v6.slice(0, 5).every((g) => g === 0) && v6[5] === 0xffff) return `${v6[6]! >> 8}.${v6[6]! & 255}.${v6[7]! >> 8}.${v6[7]! & 255}`;
  // the longest run of zero groups (two or more) becomes ::
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (v6[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && v6[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j;
  }
  const hex = (gs: number[]) => gs.map((g) => g.toString(16)).join(':');
  return best < 0 ? hex(v6) : `${hex(v6.slice(0, best))}::${hex(v6.slice(best + bestLen))}`;
}

function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255 && !(p.length > 1 && p[0] === '0'));
}

function parseIPv6(s: string): number[] | null {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || !s.includes(':')) return null;
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (x: string): number[] | null => {
    if (x === '') return [];
    const out: number[] = [];
    const parts = x.split(':');
    for (let i = 0; i < parts.length; i++) {
      const g = parts[i]!;
      if (i === parts.length - 1 && g.includes('.')) {
        if (!isIPv4(g)) return null;
        const [a, b, c, d] = g.split('.').map(Number) as [number, number, number, number];
        out.push((a << 8) | b, (c << 8) | d);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) out.push(parseInt(g, 16));
      else return null;
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return null;
  // an embedded IPv4 address only ends the address
  if (halves.length === 2 && halves[0]!.includes('.')) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

const isV6 = (ip: string) => ip.includes(':');

/** The Linux default of /proc/sys/net/ipv4/ip_local_port_range: where ephemeral host ports come from. */
export const EPHEMERAL_PORTS = { begin: 32768, end: 60999 } as const;

/** moby's bridge driver tries this many ports before it gives up on a range (maxAllocatePortAttempts). */
const MAX_ALLOCATE_ATTEMPTS = 10;

/** The address a container has on the default bridge, as its /etc/hosts says. */
const CONTAINER_IP = '172.17.0.2';

interface PortRange {
  begin: number;
  end: number;
  last: number;
}

interface ProtoPorts {
  used: Set<number>;
  ranges: Map<string, PortRange>;
}

/** One host port bound for a running container: what answers on hostIp:hostPort. */
export interface ActiveBinding {
  containerId: string;
  proto: string;
  containerPort: number;
  hostIp: string;
  hostPort: number;
}

/** What a container asks for at start: its exposed ports, its bindings, and -P. */
export interface PortRequest {
  exposed: Iterable<string>;
  bindings: Record<string, PortBinding[]>;
  publishAll: boolean;
}

/** A binding request as the bridge driver sorts them (types.PortBinding). */
interface BindReq {
  proto: string;
  port: number;
  hostIp: string;
  hostPort: number;
  hostPortEnd: number;
}

const PROTO_ORDER: Record<string, number> = { tcp: 6, udp: 17, sctp: 132 };

/**
 * The daemon's host ports: moby's port allocator (per address and
 * protocol, a range handing out the port after the last one it gave) and
 * the bindings of each running container.
 */
export class PortTable {
  private readonly allocated = new Map<string, Map<string, ProtoPorts>>();
  private readonly active = new Map<string, { bindings: ActiveBinding[]; map: PortMap }>();

  /**
   * Binds a starting container's ports (moby's addPortMappings). Returns
   * the port map inspect shows, or the driver's error (`Bind for
   * 0.0.0.0:5000 failed: port is already allocated`) with nothing bound.
   * `hostBusy` says whether something outside the table (a host service)
   * holds a TCP port, so binding it fails as bind(2) does.
   */
  bind(containerId: string, req: PortRequest, hostBusy: (port: number) => boolean = () => false): { map: PortMap } | { error: string } {
    this.release(containerId);
    const keys = new Set<string>([...req.exposed, ...Object.keys(req.bindings)]);
    const wanted: BindReq[] = [];
    for (const key of keys) {
      const { port, proto } = portKey(key);
      // a saved record read back may hold anything: what is not a binding binds nothing
      const raw: unknown = req.bindings[key];
      const list = Array.isArray(raw) ? raw.filter((b): b is PortBinding => typeof b?.HostIp === 'string' && typeof b?.HostPort === 'string') : [];
      for (const b of list) {
        let hostPort = 0;
        let hostPortEnd = 0;
        if (b.HostPort !== '') {
          try {
            [hostPort, hostPortEnd] = parsePortRange(splitProtoPort(b.HostPort)[1]);
          } catch (e) {
            return { error: `error parsing HostPort value (${b.HostPort}): ${(e as Error).message}` };
          }
        }
        wanted.push({ proto, port, hostIp: b.HostIp === '' ? '' : (parseIP(b.HostIp.replace(/^\[(.*)\]$/, '$1')) ?? b.HostIp), hostPort, hostPortEnd });
      }
      if (req.publishAll && list.length === 0) wanted.push({ proto, port, hostIp: '', hostPort: 0, hostPortEnd: 0 });
    }
    for (const w of wanted) if (w.hostPortEnd === 0) w.hostPortEnd = w.hostPort;
    wanted.sort(compareBindReq);
    const bound: ActiveBinding[] = [];
    const undo = () => {
      for (const b of bound) this.allocatedFor(b.hostIp, b.proto).used.delete(b.hostPort);
    };
    // bindings that differ only in host address (0.0.0.0 and ::) get the same host port
    for (let i = 0; i < wanted.length; ) {
      let j = i + 1;
      while (j < wanted.length && sameHostPort(wanted[i]!, wanted[j]!)) j++;
      const group = wanted.slice(i, j).flatMap((w) => expandAddresses(w));
      i = j;
      if (group.length === 0) continue;
      const result = this.bindGroup(containerId, group, bound, hostBusy);
      if (typeof result === 'string') {
        undo();
        return { error: result };
      }
      bound.push(...result);
    }
    const map: PortMap = {};
    for (const b of bound) {
      const k = `${b.containerPort}/${b.proto}`;
      (map[k] ??= []).push({ HostIp: b.hostIp, HostPort: String(b.hostPort) });
    }
    for (const key of keys) {
      const { port, proto } = portKey(key);
      const k = `${port}/${proto}`;
      if (!(k in map)) map[k] = null;
    }
    const sorted = sortedMap(map);
    this.active.set(containerId, { bindings: bound, map: sorted });
    return { map: sorted };
  }

  /** Frees a container's host ports (its stop, death or removal). */
  release(containerId: string): void {
    const entry = this.active.get(containerId);
    if (!entry) return;
    for (const b of entry.bindings) this.allocatedFor(b.hostIp, b.proto).used.delete(b.hostPort);
    this.active.delete(containerId);
  }

  /** A running container's NetworkSettings.Ports; undefined when it holds none (not running). */
  portMap(containerId: string): PortMap | undefined {
    return this.active.get(containerId)?.map;
  }

  /** The running container's ports as docker ps lists them (moby's Summary.Ports). */
  summary(containerId: string): SummaryPort[] {
    const map = this.portMap(containerId);
    if (!map) return [];
    const out: SummaryPort[] = [];
    for (const [key, list] of Object.entries(map)) {
      const { port, proto } = portKey(key);
      if (!list || list.length === 0) out.push({ privatePort: port, type: proto });
      else for (const b of list) out.push({ privatePort: port, type: proto, publicPort: Number(b.HostPort), ip: b.HostIp });
    }
    return out;
  }

  /** The TCP binding on a host port (any address), if a running container holds one. */
  find(hostPort: number): ActiveBinding | undefined {
    for (const { bindings } of this.active.values()) {
      const b = bindings.find((x) => x.hostPort === hostPort && x.proto === 'tcp');
      if (b) return b;
    }
    return undefined;
  }

  /** Every TCP host port held, once each (0.0.0.0 and :: are one port), lowest first. */
  published(): ActiveBinding[] {
    const seen = new Map<number, ActiveBinding>();
    for (const { bindings } of this.active.values()) {
      for (const b of bindings) if (b.proto === 'tcp' && !seen.has(b.hostPort)) seen.set(b.hostPort, b);
    }
    return [...seen.values()].sort((a, b) => a.hostPort - b.hostPort);
  }

  private allocatedFor(ip: string, proto: string): ProtoPorts {
    let byProto = this.allocated.get(ip);
    if (!byProto) this.allocated.set(ip, (byProto = new Map()));
    let p = byProto.get(proto);
    if (!p) {
      const key = `${EPHEMERAL_PORTS.begin}-${EPHEMERAL_PORTS.end}`;
      byProto.set(proto, (p = { used: new Set(), ranges: new Map([[key, { ...EPHEMERAL_PORTS, last: EPHEMERAL_PORTS.end }]]) }));
    }
    return p;
  }

  /**
   * moby's bindHostPorts: the allocator's port for every address of the
   * group, then a bind(2) of each; an explicit port is tried once, a range
   * up to ten times.
   */
  private bindGroup(containerId: string, group: BindReq[], earlier: ActiveBinding[], hostBusy: (port: number) => boolean): ActiveBinding[] | string {
    const { proto, port: containerPort, hostPort, hostPortEnd } = group[0]!;
    let err = '';
    for (let attempt = 0; attempt < MAX_ALLOCATE_ATTEMPTS; attempt++) {
      const got = this.requestPorts(group.map((g) => g.hostIp), proto, hostPort, hostPortEnd);
      if (typeof got === 'string') return got;
      const clash = group.find((g) => this.bindFails(g.hostIp, proto, got, earlier, hostBusy));
      if (!clash) return group.map((g) => ({ containerId, proto, containerPort, hostIp: g.hostIp, hostPort: got }));
      for (const g of group) this.allocatedFor(g.hostIp, proto).used.delete(got);
      const where = describeBinding(clash, CONTAINER_IP);
      err = hostPort === hostPortEnd ? `failed to bind host port for ${where}: address already in use` : `failed to bind host port ${got} for ${where}: address already in use`;
      if (hostPort !== 0 && hostPort === hostPortEnd) break;
    }
    return err;
  }

  /** Whether bind(2) of ip:port fails: a listening socket on an overlapping address (IPv6 sockets are V6ONLY). */
  private bindFails(ip: string, proto: string, port: number, earlier: ActiveBinding[], hostBusy: (port: number) => boolean): boolean {
    if (proto === 'tcp' && hostBusy(port)) return true;
    const overlaps = (other: string) => isV6(other) === isV6(ip) && (other === ip || other === '0.0.0.0' || other === '::' || ip === '0.0.0.0' || ip === '::');
    const holders = [...earlier, ...[...this.active.values()].flatMap((e) => e.bindings)];
    return holders.some((b) => b.proto === proto && b.hostPort === port && b.hostIp !== ip && overlaps(b.hostIp));
  }

  /** moby's RequestPortsInRange: one port free for every address, marked used for all. */
  private requestPorts(ips: string[], proto: string, start: number, end: number): number | string {
    const maps = ips.map((ip) => this.allocatedFor(ip, proto));
    if (start > 0 && start === end) {
      for (let i = 0; i < maps.length; i++) {
        if (maps[i]!.used.has(start)) return `Bind for ${ips[i]}:${start} failed: port is already allocated`;
      }
      for (const m of maps) m.used.add(start);
      return start;
    }
    const key = start === 0 && end === 0 ? `${EPHEMERAL_PORTS.begin}-${EPHEMERAL_PORTS.end}` : `${start}-${end}`;
    const ranges = maps.map((m) => {
      let r = m.ranges.get(key);
      if (!r) m.ranges.set(key, (r = { begin: start, end, last: end }));
      return r;
    });
    const first = ranges[0]!;
    let port = first.last;
    for (let i = first.begin; i <= first.end; i++) {
      port++;
      if (port > first.end) port = first.begin;
      if (!maps.some((m) => m.used.has(port))) {
        maps.forEach((m, k) => {
          m.used.add(port);
          ranges[k]!.last = port;
        });
        return port;
      }
    }
    return 'all ports are allocated';
  }
}

/** A binding with no host address binds 0.0.0.0 and :: (Docker 28 on a host with IPv6). */
function expandAddresses(w: BindReq): BindReq[] {
  if (w.hostIp !== '') return [w];
  return [
    { ...w, hostIp: '0.0.0.0' },
    { ...w, hostIp: '::' },
  ];
}

/** moby's cmpPortBinding: exact host ports before ranges, then container port, protocol, host ports, host address. */
function compareBindReq(a: BindReq, b: BindReq): number {
  const aRange = a.hostPort === 0 || a.hostPort !== a.hostPortEnd;
  const bRange = b.hostPort === 0 || b.hostPort !== b.hostPortEnd;
  if (aRange !== bRange) return aRange ? 1 : -1;
  return (
    a.port - b.port ||
    (PROTO_ORDER[a.proto] ?? 0) - (PROTO_ORDER[b.proto] ?? 0) ||
    a.hostPort - b.hostPort ||
    a.hostPortEnd - b.hostPortEnd ||
    compareAddr(a.hostIp, b.hostIp)
  );
}

/** netip.Addr's order: no address, then IPv4, then IPv6. */
function compareAddr(a: string, b: string): number {
  const rank = (x: string) => (x === '' ? 0 : isV6(x) ? 2 : 1);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function sameHostPort(a: BindReq, b: BindReq): boolean {
  return a.port === b.port && a.proto === b.proto && a.hostPort === b.hostPort && a.hostPortEnd === b.hostPortEnd;
}

/** types.PortBinding.String(): `0.0.0.0:5000:172.17.0.2:5000/tcp`. */
function describeBinding(b: BindReq, containerIp: string): string {
  const host = isV6(b.hostIp) ? `[${b.hostIp}]` : b.hostIp;
  const ports = b.hostPort === 0 ? '' : b.hostPortEnd !== 0 && b.hostPortEnd !== b.hostPort ? `${b.hostPort}-${b.hostPortEnd}` : String(b.hostPort);
  return `${host}:${ports}:${containerIp}:${b.port}/${b.proto}`;
}

/** Go marshals a map with its keys sorted. */
function sortedMap(map: PortMap): PortMap {
  const out: PortMap = {};
  for (const k of Object.keys(map).sort()) out[k] = map[k]!;
  return out;
}
