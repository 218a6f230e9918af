// /etc/docker/daemon.json as dockerd 28 reads it when it starts
// (moby cmd/dockerd loadDaemonCliConfig, daemon/config
// getConflictFreeConfiguration and Validate, registry newServiceConfig).
//
// Two kinds of failure, as on a real host: a file dockerd cannot use stops
// it before it logs anything ("unable to configure the Docker daemon with
// file …"); registry settings are checked once it is "Starting up", and a
// bad one stops it there ("failed to start daemon: …").
import type { Fs } from '../fs/types.ts';
import { FsError } from '../fs/types.ts';
import { defaultDaemonConfig, type DaemonConfig } from '../config.ts';
import { GoJsonSyntaxError, goJsonKind, parseGoJson, type GoJsonObject, type GoJsonValue } from './gojson.ts';
import { RegistryConfigError, newServiceConfig, type ServiceConfig } from './registry-config.ts';

export const DAEMON_JSON = '/etc/docker/daemon.json';

/** The flags docker.service starts dockerd with (Debian's docker-ce unit): `-H fd:// --containerd=/run/containerd/containerd.sock`. */
const UNIT_FLAGS: Record<string, string> = { hosts: '[fd://]', containerd: '/run/containerd/containerd.sock' };

/**
 * Every name dockerd 28.2's flag set knows (pflag Lookup), and the names of
 * its named options (`registry-mirrors` for --registry-mirror): a key of
 * daemon.json must be one of them.
 */
const KNOWN_KEYS = new Set(
  (
    'add-runtime allow-direct-routing allow-nondistributable-artifacts api-cors-header authorization-plugin authorization-plugins ' +
    'bip bip6 bridge cdi-spec-dir cdi-spec-dirs cgroup-parent config-file containerd containerd-namespace containerd-plugins-namespace ' +
    'cpu-rt-period cpu-rt-runtime cri-containerd data-root debug default-address-pool default-address-pools default-cgroupns-mode ' +
    'default-gateway default-gateway-v6 default-ipc-mode default-network-opt default-network-opts default-runtime default-shm-size ' +
    'default-ulimit default-ulimits dns dns-opt dns-opts dns-search exec-opt exec-opts exec-root experimental feature features ' +
    'fixed-cidr fixed-cidr-v6 group host host-gateway-ip host-gateway-ips hosts http-proxy https-proxy icc init init-path ' +
    'insecure-registries insecure-registry ip ip-forward ip-forward-no-drop ip-masq ip6tables iptables ipv6 label labels live-restore ' +
    'log-driver log-format log-level log-opt log-opts max-concurrent-downloads max-concurrent-uploads max-download-attempts metrics-addr ' +
    'mtu network-control-plane-mtu network-diagnostic-port no-new-privileges no-proxy node-generic-resource node-generic-resources ' +
    'pidfile raw-logs registry-mirror registry-mirrors restart rootless runtimes seccomp-profile selinux-enabled shutdown-timeout ' +
    'storage-driver storage-opt storage-opts swarm-default-advertise-addr tls tlscacert tlscert tlskey tlsverify userland-proxy ' +
    'userland-proxy-path userns-remap validate version builder deprecated-key-path ' +
    'swarm-raft-heartbeat-tick swarm-raft-election-tick default-runtime resolv-conf default-init'
  ).split(' '),
);

/** Keys whose object value is kept whole rather than read as more keys (moby flatOptions). */
const FLAT_OPTIONS = new Set(['cluster-store-opts', 'default-network-opts', 'log-opts', 'runtimes', 'default-ulimits', 'features', 'builder']);

type GoType = 'bool' | 'string' | '[]string' | 'int' | 'map[string]string' | '[]net.IP' | 'log.OutputFormat';

/** The Go type and field path (json.UnmarshalTypeError's) of the keys Berth reads or checks. */
const FIELDS: Record<string, [GoType, string]> = {
  debug: ['bool', 'CommonConfig.debug'],
  'live-restore': ['bool', 'CommonConfig.live-restore'],
  experimental: ['bool', 'CommonConfig.experimental'],
  'raw-logs': ['bool', 'CommonConfig.raw-logs'],
  'registry-mirrors': ['[]string', 'CommonConfig.ServiceOptions.registry-mirrors'],
  'insecure-registries': ['[]string', 'CommonConfig.ServiceOptions.insecure-registries'],
  dns: ['[]net.IP', 'CommonConfig.DNSConfig.dns'],
  'dns-opts': ['[]string', 'CommonConfig.DNSConfig.dns-opts'],
  'dns-search': ['[]string', 'CommonConfig.DNSConfig.dns-search'],
  'storage-driver': ['string', 'CommonConfig.storage-driver'],
  'storage-opts': ['[]string', 'CommonConfig.storage-opts'],
  'exec-opts': ['[]string', 'CommonConfig.exec-opts'],
  'data-root': ['string', 'CommonConfig.data-root'],
  'exec-root': ['string', 'CommonConfig.exec-root'],
  pidfile: ['string', 'CommonConfig.pidfile'],
  group: ['string', 'CommonConfig.group'],
  labels: ['[]string', 'CommonConfig.labels'],
  hosts: ['[]string', 'CommonConfig.hosts'],
  'log-driver': ['string', 'CommonConfig.LogConfig.log-driver'],
  'log-opts': ['map[string]string', 'CommonConfig.LogConfig.log-opts'],
  'log-level': ['string', 'CommonConfig.log-level'],
  'log-format': ['log.OutputFormat', 'CommonConfig.log-format'],
  'max-concurrent-downloads': ['int', 'CommonConfig.max-concurrent-downloads'],
  'max-concurrent-uploads': ['int', 'CommonConfig.max-concurrent-uploads'],
  'max-download-attempts': ['int', 'CommonConfig.max-download-attempts'],
  'shutdown-timeout': ['int', 'CommonConfig.shutdown-timeout'],
  mtu: ['int', 'CommonConfig.NetworkConfig.BridgeConfig.DefaultBridgeConfig.mtu'],
  iptables: ['bool', 'CommonConfig.NetworkConfig.BridgeConfig.iptables'],
  'ip-forward': ['bool', 'CommonConfig.NetworkConfig.BridgeConfig.ip-forward'],
  'ip-masq': ['bool', 'CommonConfig.NetworkConfig.BridgeConfig.ip-masq'],
  'userland-proxy': ['bool', 'CommonConfig.NetworkConfig.BridgeConfig.userland-proxy'],
  bip: ['string', 'CommonConfig.NetworkConfig.BridgeConfig.DefaultBridgeConfig.bip'],
  icc: ['bool', 'CommonConfig.NetworkConfig.BridgeConfig.DefaultBridgeConfig.icc'],
  ipv6: ['bool', 'CommonConfig.NetworkConfig.BridgeConfig.DefaultBridgeConfig.ipv6'],
  'cgroup-parent': ['string', 'cgroup-parent'],
  'userns-remap': ['string', 'userns-remap'],
  'selinux-enabled': ['bool', 'selinux-enabled'],
  'no-new-privileges': ['bool', 'no-new-privileges'],
  init: ['bool', 'init'],
};

/** Why dockerd did not start, and when: before it logs anything (`file`), or once it is starting (`start`). */
export interface ConfigFailure {
  stage: 'file' | 'start';
  /** The line dockerd writes to stderr before it exits 1. */
  message: string;
}

export interface LoadedConfig {
  config: DaemonConfig;
  /** The registry configuration as dockerd holds it (`docker info`). */
  registry: ServiceConfig;
  /** Warnings dockerd logs while starting with it. */
  warnings: string[];
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** The first json.UnmarshalTypeError (or TextUnmarshaler error) decoding a key's value into its Go type. */
function typeError(key: string, v: GoJsonValue): string | undefined {
  const field = FIELDS[key];
  if (!field || v === null) return undefined;
  const [type, path] = field;
  const err = (value: string, t: string) => `json: cannot unmarshal ${value} into Go struct field Config.${path} of type ${t}`;
  const kind = goJsonKind(v);
  switch (type) {
    case 'bool':
      return typeof v === 'boolean' ? undefined : err(kind, 'bool');
    case 'string':
    case 'log.OutputFormat':
      return typeof v === 'string' ? undefined : err(kind, type === 'string' ? 'string' : 'log.OutputFormat');
    case 'int':
      if (typeof v !== 'number') return err(kind, 'int');
      return Number.isInteger(v) ? undefined : err(`number ${v}`, 'int');
    case '[]string':
    case '[]net.IP': {
      if (!Array.isArray(v)) return err(kind, type);
      for (const e of v) {
        if (e === null) continue;
        if (typeof e !== 'string') return err(goJsonKind(e), type === '[]string' ? 'string' : 'net.IP');
        if (type === '[]net.IP' && !IPV4.test(e) && !(e.includes(':') && /^[0-9a-fA-F:.]+$/.test(e))) return `invalid IP address: ${e}`;
      }
      return undefined;
    }
    case 'map[string]string': {
      if (!(v instanceof Map)) return err(kind, 'map[string]string');
      for (const e of v.values()) if (e !== null && typeof e !== 'string') return err(goJsonKind(e), 'string');
      return undefined;
    }
  }
}

/** Go's %v of a decoded JSON value (a conflict's "from file" part). */
function goPrint(v: GoJsonValue): string {
  if (v === null) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goPrint).join(' ')}]`;
  if (v instanceof Map) return `map[${[...v.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => `${k}:${goPrint(x)}`).join(' ')}]`;
  return String(v);
}

const strings = (v: GoJsonValue | undefined): string[] => (Array.isArray(v) ? v.filter((e): e is string => typeof e === 'string') : []);

/** What the file's JSON holds, as plain values (DaemonConfig.extra). */
function plain(v: GoJsonValue): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [k, plain(x)]));
  return v;
}

/**
 * Reads and checks daemon.json as dockerd 28 does at start: the
 * configuration it runs with, or why it does not start. A missing file is an
 * empty configuration.
 */
export function loadDaemonConfig(fs: Fs, path = DAEMON_JSON): LoadedConfig | ConfigFailure {
  const unable = (why: string): ConfigFailure => ({ stage: 'file', message: `unable to configure the Docker daemon with file ${path}: ${why}` });
  let bytes: Uint8Array;
  try {
    if (fs.stat(path).type === 'dir') return unable(`read ${path}: is a directory`);
    bytes = fs.readFile(path);
  } catch (e) {
    if (e instanceof FsError && e.code === 'ENOENT') return started(defaultDaemonConfig());
    if (e instanceof FsError) return unable(`open ${path}: ${e.description.toLowerCase()}`);
    throw e;
  }
  // a UTF-8 byte order mark is dropped (moby decodes through BOMOverride)
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') return started(defaultDaemonConfig());

  let doc: GoJsonValue;
  try {
    doc = parseGoJson(bytes);
  } catch (e) {
    if (e instanceof GoJsonSyntaxError) return unable(e.message);
    throw e;
  }
  if (doc !== null && !(doc instanceof Map)) return unable(`json: cannot unmarshal ${goJsonKind(doc)} into Go value of type map[string]interface {}`);
  const file: GoJsonObject = doc ?? new Map();

  // configValuesSet: an object's keys count as keys of the file, but for the flat options
  const set = new Map<string, GoJsonValue>();
  for (const [k, v] of file) {
    if (v instanceof Map && !FLAT_OPTIONS.has(k)) for (const [km, vm] of v) set.set(km, vm);
    else set.set(k, v);
  }
  const unknown = [...set.keys()].filter((k) => !KNOWN_KEYS.has(k));
  if (unknown.length > 0) return unable(`the following directives don't match any configuration option: ${unknown.join(', ')}`);
  const conflicts = Object.keys(UNIT_FLAGS)
    .filter((k) => set.has(k))
    .map((k) => `${k}: (from flag: ${UNIT_FLAGS[k]}, from file: ${goPrint(set.get(k)!)})`);
  if (conflicts.length > 0) return unable(`the following directives are specified both as a flag and in the configuration file: ${conflicts.join(', ')}`);

  for (const [k, v] of file) {
    const err = typeError(k, v);
    if (err) return unable(err);
  }

  // config.Validate, over the file and the unit's flags merged
  const merged = (why: string) => unable(`merged configuration validation from file and command line flags failed: ${why}`);
  const level = file.get('log-level');
  if (typeof level === 'string' && level !== '' && !['panic', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'].includes(level.toLowerCase())) {
    return merged(`invalid logging level: ${level}`);
  }
  const format = file.get('log-format');
  if (typeof format === 'string' && format !== '' && format !== 'text' && format !== 'json') return merged(`invalid log format: ${format}`);
  for (const key of ['max-concurrent-downloads', 'max-concurrent-uploads', 'max-download-attempts'] as const) {
    const n = file.get(key);
    if (typeof n === 'number' && n < 0) return merged(`invalid ${key.replace(/-/g, ' ')}: ${n}`);
  }
  const mtu = file.get('mtu');
  if (typeof mtu === 'number' && mtu < 0) return merged(`invalid default MTU: ${mtu}`);
  if (typeof file.get('api-cors-header') === 'string' && file.get('api-cors-header') !== '') {
    return merged(`DEPRECATED: The "api-cors-header" config parameter and the dockerd "--api-cors-header" option have been removed; use a reverse proxy if you need CORS headers`);
  }

  const config = defaultDaemonConfig();
  config.registryMirrors = strings(file.get('registry-mirrors'));
  config.insecureRegistries = strings(file.get('insecure-registries'));
  config.debug = file.get('debug') === true;
  for (const [k, v] of file) if (!['registry-mirrors', 'insecure-registries', 'debug'].includes(k)) config.extra[k] = plain(v);
  return started(config);
}

/** The registry settings dockerd checks as it starts (NewDaemon → registry.NewService). */
function started(config: DaemonConfig): LoadedConfig | ConfigFailure {
  let registry: ServiceConfig;
  try {
    registry = newServiceConfig(config.registryMirrors, config.insecureRegistries);
  } catch (e) {
    if (e instanceof RegistryConfigError) return { stage: 'start', message: `failed to start daemon: ${e.message}` };
    throw e;
  }
  // what pulls and pushes use: the mirrors normalised, the insecure names and CIDRs as dockerd holds them
  config.registryMirrors = registry.mirrors;
  config.insecureRegistries = [...registry.insecureNames, ...registry.insecureCIDRs.filter((c) => c !== '::1/128' && c !== '127.0.0.0/8')];
  return { config, registry, warnings: registry.warnings };
}

export function isConfigFailure(r: LoadedConfig | ConfigFailure): r is ConfigFailure {
  return 'stage' in r;
}

/** The registry configuration of a DaemonConfig (what `docker info` shows). */
export function serviceConfigOf(config: DaemonConfig): ServiceConfig {
  try {
    return newServiceConfig(config.registryMirrors, config.insecureRegistries);
  } catch {
    return { mirrors: [], insecureNames: [], insecureCIDRs: ['::1/128', '127.0.0.0/8'], warnings: [] };
  }
}
