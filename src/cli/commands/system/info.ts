// `docker info`: Display system-wide information (docker/cli cli/command/system/info.go).
import type { CliContext, Command, RunFn } from '../../command.ts';
import { CliError, noArgs } from '../../command.ts';
import { ENGINE_VERSION, type Daemon } from '../../../engine/daemon.ts';
import { TemplateError, bytesSize, formatRFC3339Nano, parseTemplate } from '../../format/index.ts';
import { CLIENT, SERVER_EXTRA, clientVersionJson, currentContext, negotiatedVersion } from './version.ts';
import { goMap, goStruct, nilSlice } from './govalues.ts';
import { serviceConfigOf } from '../../../engine/dockerd/config.ts';
import { DAEMON_UNREACHABLE } from '../../dispatch.ts';

/** The host Berth's engine runs on: a Debian 12 machine with cgroup v2 under systemd. */
export const HOST = {
  /** The daemon's ID (a UUID since Docker 23). */
  id: '5b0e4d3a-7c1f-4e8b-9a2d-3f6c8e1b7d40',
  name: 'berth',
  operatingSystem: 'Debian GNU/Linux 12 (bookworm)',
  osVersion: '12',
  architecture: 'x86_64',
  ncpu: 2,
  memTotal: 4_110_000_128,
  dockerRootDir: '/var/lib/docker',
};

/** Container counts as moby's state counter keeps them. */
function containerStates(daemon: Daemon): { running: number; paused: number; stopped: number } {
  let running = 0;
  let paused = 0;
  let stopped = 0;
  for (const c of daemon.containers.values()) {
    if (c.state.Paused) paused++;
    else if (c.state.Running) running++;
    else stopped++;
  }
  return { running, paused, stopped };
}

const commit = (id: string) => goStruct('system.Commit', { ID: id });

/** GET /info (system.Info) for Berth's engine, with live counts. */
function systemInfo(daemon: Daemon, now: number) {
  const states = containerStates(daemon);
  const cfg = daemon.config;
  // the registry configuration dockerd started with (daemon.json's registry-mirrors, insecure-registries)
  const service = serviceConfigOf(cfg);
  const indexInfo = (name: string, mirrors: string[], secure: boolean, official: boolean) =>
    goStruct('*registry.IndexInfo', { Name: name, Mirrors: mirrors, Secure: secure, Official: official });
  // a Go map: encoding/json writes it sorted by key, and Berth prints it in that order too
  const indexConfigs: Record<string, ReturnType<typeof indexInfo>> = {};
  for (const name of [...service.insecureNames, 'docker.io'].sort()) {
    indexConfigs[name] = name === 'docker.io' ? indexInfo(name, [...service.mirrors], true, true) : indexInfo(name, [], false, false);
  }
  const registryConfig = goStruct('*registry.ServiceConfig', {
    InsecureRegistryCIDRs: [...service.insecureCIDRs],
    IndexConfigs: goMap('map[string]*registry.IndexInfo', indexConfigs),
    Mirrors: [...service.mirrors],
  });
  const extra = cfg.extra;
  const str = (k: string, dflt: string) => (typeof extra[k] === 'string' && extra[k] !== '' ? (extra[k] as string) : dflt);
  const swarm = goStruct(
    'swarm.Info',
    {
      NodeID: '',
      NodeAddr: '',
      LocalNodeState: 'inactive',
      ControlAvailable: false,
      Error: '',
      RemoteManagers: nilSlice(),
      Nodes: 0,
      Managers: 0,
      Cluster: null,
      Warnings: nilSlice<string>(),
    },
    (s) => ({
      NodeID: s.NodeID,
      NodeAddr: s.NodeAddr,
      LocalNodeState: s.LocalNodeState,
      ControlAvailable: s.ControlAvailable,
      Error: s.Error,
      RemoteManagers: null,
    }),
  );
  const runtime = () => goStruct('system.RuntimeWithStatus', { Path: 'runc', Args: nilSlice<string>(), Status: null }, (r) => ({ path: r.Path }));
  return {
    ID: HOST.id,
    Containers: states.running + states.paused + states.stopped,
    ContainersRunning: states.running,
    ContainersPaused: states.paused,
    ContainersStopped: states.stopped,
    Images: daemon.images.all().length,
    Driver: 'overlay2',
    DriverStatus: [
      ['Backing Filesystem', 'extfs'],
      ['Supports d_type', 'true'],
      ['Using metacopy', 'false'],
      ['Native Overlay Diff', 'true'],
      ['userxattr', 'false'],
    ],
    SystemStatus: nilSlice<string[]>(),
    Plugins: goStruct('system.PluginsInfo', {
      Volume: ['local'],
      Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
      Authorization: nilSlice<string>(),
      Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'],
    }),
    MemoryLimit: true,
    SwapLimit: true,
    KernelMemory: false,
    KernelMemoryTCP: false,
    CPUCfsPeriod: true,
    CPUCfsQuota: true,
    CPUShares: true,
    CPUSet: true,
    PidsLimit: true,
    IPv4Forwarding: true,
    Debug: cfg.debug,
    NFd: 24,
    OomKillDisable: false,
    NGoroutines: 41,
    SystemTime: formatRFC3339Nano(now),
    LoggingDriver: str('log-driver', 'json-file'),
    CgroupDriver: 'systemd',
    CgroupVersion: '2',
    NEventsListener: 0,
    KernelVersion: daemon.opts.kernel ?? ENGINE_VERSION.KernelVersion,
    OperatingSystem: HOST.operatingSystem,
    OSVersion: HOST.osVersion,
    OSType: 'linux',
    Architecture: HOST.architecture,
    IndexServerAddress: 'https://index.docker.io/v1/',
    RegistryConfig: registryConfig,
    NCPU: HOST.ncpu,
    MemTotal: HOST.memTotal,
    GenericResources: nilSlice(),
    DockerRootDir: str('data-root', HOST.dockerRootDir),
    HTTPProxy: '',
    HTTPSProxy: '',
    NoProxy: '',
    Name: HOST.name,
    Labels: Array.isArray(extra.labels) ? (extra.labels as unknown[]).filter((l): l is string => typeof l === 'string') : ([] as string[]),
    ExperimentalBuild: false,
    ServerVersion: ENGINE_VERSION.Version,
    Runtimes: goMap('map[string]system.RuntimeWithStatus', { 'io.containerd.runc.v2': runtime(), runc: runtime() }),
    DefaultRuntime: 'runc',
    Swarm: swarm,
    LiveRestoreEnabled: extra['live-restore'] === true,
    Isolation: '',
    InitBinary: 'docker-init',
    ContainerdCommit: commit(SERVER_EXTRA.containerd.gitCommit),
    RuncCommit: commit(SERVER_EXTRA.runc.gitCommit),
    InitCommit: commit(SERVER_EXTRA.init.gitCommit),
    SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
    ProductLicense: '',
    DefaultAddressPools: nilSlice(),
    FirewallBackend: goStruct('*system.FirewallInfo', { Driver: 'iptables', Info: nilSlice<string[]>() }, (f) => ({ Driver: f.Driver })),
    CDISpecDirs: ['/etc/cdi', '/var/run/cdi'],
    DiscoveredDevices: [] as unknown[],
    Containerd: goStruct('*system.ContainerdInfo', {
      Address: '/run/containerd/containerd.sock',
      Namespaces: goStruct('system.ContainerdNamespaces', { Containers: 'moby', Plugins: 'plugins.moby' }),
    }),
    Warnings: nilSlice<string>(),
  };
}

type Info = ReturnType<typeof systemInfo>;

/** system.Info as encoding/json writes it (JSON names, omitempty). */
function infoJson(i: Info): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(i)) {
    switch (k) {
      case 'SystemStatus':
      case 'DefaultAddressPools':
      case 'DiscoveredDevices':
        if ((v as unknown[]).length > 0) o[k] = v;
        break;
      case 'KernelMemory':
      case 'KernelMemoryTCP':
        if (v) o[k] = v;
        break;
      case 'ProductLicense':
      case 'CgroupVersion':
        if (v !== '') o[k] = v;
        break;
      case 'CPUCfsPeriod':
        o.CpuCfsPeriod = v;
        break;
      case 'CPUCfsQuota':
        o.CpuCfsQuota = v;
        break;
      case 'HTTPProxy':
        o.HttpProxy = v;
        break;
      case 'HTTPSProxy':
        o.HttpsProxy = v;
        break;
      default:
        o[k] = v;
    }
  }
  return o;
}

/** docker/cli's clientInfo: what `docker info` says of the client, with or without a daemon. */
function clientInfoOf(ctx: CliContext, prettyApiVersion: boolean) {
  const debug = ctx.invocation?.globals.debug === true;
  return goStruct(
    '*system.clientInfo',
    {
      Debug: debug,
      Platform: null as null,
      Version: CLIENT.version,
      APIVersion: prettyApiVersion ? negotiatedVersion(ctx) : '',
      DefaultAPIVersion: CLIENT.defaultAPIVersion,
      GitCommit: CLIENT.gitCommit,
      GoVersion: CLIENT.goVersion,
      Os: CLIENT.os,
      Arch: CLIENT.arch,
      BuildTime: CLIENT.buildTime,
      Context: currentContext(ctx),
      Plugins: [] as unknown[],
      Warnings: nilSlice<string>(),
    },
    (c) => ({ Debug: c.Debug, ...clientVersionJson(c), Plugins: c.Plugins, Warnings: c.Warnings }),
  );
}

/** The dockerInfo the CLI prints: the server's info, then the client's. */
function dockerInfo(ctx: CliContext, daemon: Daemon, prettyApiVersion: boolean) {
  const clientInfo = clientInfoOf(ctx, prettyApiVersion);
  const info = systemInfo(daemon, daemon.now());
  return goStruct(
    'system.dockerInfo',
    { ...info, ServerErrors: nilSlice<string>(), UserName: '', ClientInfo: clientInfo, ClientErrors: nilSlice<string>() },
    (d) => {
      const { ServerErrors: _s, UserName: _u, ClientInfo, ClientErrors: _c, ...rest } = d;
      return { ...infoJson(rest as Info), ClientInfo };
    },
  );
}

/** Go's fmt.Println of the operands: spaces between, a newline after. */
function println(...a: unknown[]): string {
  return a.map(String).join(' ') + '\n';
}

/** The Client section, and the Server heading. */
function prettyPrintClient(c: ReturnType<typeof clientInfoOf>): string {
  let out = 'Client:\n';
  out += println(' Version:   ', c.Version);
  out += println(' Context:   ', c.Context);
  out += println(' Debug Mode:', c.Debug);
  out += '\nServer:\n';
  return out;
}

function prettyPrint(d: ReturnType<typeof dockerInfo>): string {
  const c = d.ClientInfo;
  let out = prettyPrintClient(c);
  out += println(' Containers:', d.Containers);
  out += println('  Running:', d.ContainersRunning);
  out += println('  Paused:', d.ContainersPaused);
  out += println('  Stopped:', d.ContainersStopped);
  out += println(' Images:', d.Images);
  out += println(' Server Version:', d.ServerVersion);
  out += println(' Storage Driver:', d.Driver);
  for (const [k, v] of d.DriverStatus) out += `  ${k}: ${v}\n`;
  out += println(' Logging Driver:', d.LoggingDriver);
  out += println(' Cgroup Driver:', d.CgroupDriver);
  out += println(' Cgroup Version:', d.CgroupVersion);
  out += ' Plugins:\n';
  out += println('  Volume:', d.Plugins.Volume.join(' '));
  out += println('  Network:', d.Plugins.Network.join(' '));
  out += println('  Log:', d.Plugins.Log.join(' '));
  if (d.CDISpecDirs.length > 0) {
    out += ' CDI spec directories:\n';
    for (const dir of d.CDISpecDirs) out += `  ${dir}\n`;
  }
  out += println(' Swarm:', d.Swarm.LocalNodeState);
  // Go ranges over the runtimes map (random order); Berth lists them sorted
  out += println(' Runtimes:', Object.keys(d.Runtimes).sort().join(' '));
  out += println(' Default Runtime:', d.DefaultRuntime);
  out += println(' Init Binary:', d.InitBinary);
  out += println(' containerd version:', d.ContainerdCommit.ID);
  out += println(' runc version:', d.RuncCommit.ID);
  out += println(' init version:', d.InitCommit.ID);
  out += ' Security Options:\n';
  for (const so of d.SecurityOptions) {
    const kv = new Map(so.split(',').map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as const));
    out += `  ${kv.get('name')}\n`;
    if (kv.has('profile')) out += println('   Profile:', kv.get('profile'));
  }
  out += println(' Kernel Version:', d.KernelVersion);
  out += println(' Operating System:', d.OperatingSystem);
  out += println(' OSType:', d.OSType);
  out += println(' Architecture:', d.Architecture);
  out += println(' CPUs:', d.NCPU);
  out += println(' Total Memory:', bytesSize(d.MemTotal));
  out += println(' Name:', d.Name);
  out += println(' ID:', d.ID);
  out += println(' Docker Root Dir:', d.DockerRootDir);
  out += println(' Debug Mode:', d.Debug);
  if (d.Debug || c.Debug) {
    out += println('  File Descriptors:', d.NFd);
    out += println('  Goroutines:', d.NGoroutines);
    out += println('  System Time:', d.SystemTime);
    out += println('  EventsListeners:', d.NEventsListener);
  }
  if (d.Labels.length > 0) {
    out += ' Labels:\n';
    for (const l of d.Labels) out += `  ${l}\n`;
  }
  out += println(' Experimental:', d.ExperimentalBuild);
  const rc = d.RegistryConfig;
  out += ' Insecure Registries:\n';
  for (const ic of Object.values(rc.IndexConfigs)) if (!ic.Secure) out += `  ${ic.Name}\n`;
  for (const cidr of rc.InsecureRegistryCIDRs) out += `  ${cidr}\n`;
  if (rc.Mirrors.length > 0) {
    out += ' Registry Mirrors:\n';
    for (const m of rc.Mirrors) out += `  ${m}\n`;
  }
  out += println(' Live Restore Enabled:', d.LiveRestoreEnabled);
  out += '\n';
  return out;
}

const run: RunFn<Daemon> = async (ctx, opts) => {
  const daemon = ctx.daemon;
  const format = String(opts.format ?? '');
  if (!daemon.running) return runWithoutDaemon(ctx, format);
  if (format === '') {
    ctx.stdout.write(prettyPrint(dockerInfo(ctx, daemon, true)));
    return 0;
  }
  let tmpl;
  try {
    tmpl = parseTemplate(format === 'json' ? '{{json .}}' : format);
  } catch (e) {
    if (e instanceof TemplateError) throw new CliError(`template parsing error: ${e.message}`, 64);
    throw e;
  }
  const data = dockerInfo(ctx, daemon, false);
  let out = '';
  let err: string | undefined;
  try {
    out = tmpl.execute(data, { numbers: 'int' });
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    err = e.message;
  }
  ctx.stdout.write(out + '\n');
  if (err !== undefined) throw new CliError(err, 1);
  return 0;
};

/**
 * dockerd not answering (docker/cli runInfo): the Client section and the
 * connection's error; a template that reads only the client's fields
 * (needsServerInfo) is printed without asking the daemon.
 */
function runWithoutDaemon(ctx: CliContext, format: string): number {
  if (format === '') {
    ctx.stdout.write(prettyPrintClient(clientInfoOf(ctx, true)));
    throw new CliError(DAEMON_UNREACHABLE, 1);
  }
  let tmpl;
  try {
    tmpl = parseTemplate(format === 'json' ? '{{json .}}' : format);
  } catch (e) {
    if (e instanceof TemplateError) throw new CliError(`template parsing error: ${e.message}`, 64);
    throw e;
  }
  const needsServer = format === 'json' || format === '{{json .}}' || !/\{\{.*\}\}/s.test(format);
  if (!needsServer) {
    try {
      const out = tmpl.execute(goStruct('system.sparseInfo', { ClientInfo: clientInfoOf(ctx, false), ClientErrors: nilSlice<string>() }), { numbers: 'int' });
      ctx.stdout.write(out + '\n');
      return 0;
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
    }
  }
  throw new CliError(DAEMON_UNREACHABLE, 1);
}

export const infoCommand: Command = {
  spec: {
    use: 'info [OPTIONS]',
    aliasesText: 'docker system info, docker info',
    short: 'Display system-wide information',
    args: noArgs,
    categoryTop: 12,
    flags: [
      { name: 'format', shorthand: 'f', type: 'string', usage: `Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates` },
    ],
  },
  run: run as RunFn,
};
