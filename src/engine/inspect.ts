// The JSON `docker inspect` prints, shaped as Docker 28 (API 1.50) returns it.
import type { ContainerRecord } from './container/container.ts';
import type { DaemonCore } from './daemon.ts';
import { rfc3339Nano } from './image/config.ts';
import { familiarString } from './image/reference.ts';
import type { ImageRecord } from './image/store.ts';

const ZERO_TIME = '0001-01-01T00:00:00Z';
const goTime = (ms: number) => (ms === 0 ? ZERO_TIME : rfc3339Nano(ms));

export function inspectImage(core: DaemonCore, img: ImageRecord): Record<string, unknown> {
  const c = img.config;
  const cc = c.config;
  const ociConfig: Record<string, unknown> = {};
  if (cc.User) ociConfig.User = cc.User;
  if (cc.ExposedPorts) ociConfig.ExposedPorts = cc.ExposedPorts;
  if (cc.Env) ociConfig.Env = cc.Env;
  if (cc.Entrypoint) ociConfig.Entrypoint = cc.Entrypoint;
  if (cc.Cmd) ociConfig.Cmd = cc.Cmd;
  if (cc.Volumes) ociConfig.Volumes = cc.Volumes;
  if (cc.WorkingDir) ociConfig.WorkingDir = cc.WorkingDir;
  if (cc.Labels && Object.keys(cc.Labels).length > 0) ociConfig.Labels = cc.Labels;
  if (cc.StopSignal) ociConfig.StopSignal = cc.StopSignal;
  if (cc.ArgsEscaped) ociConfig.ArgsEscaped = cc.ArgsEscaped;
  if (cc.Healthcheck) ociConfig.Healthcheck = cc.Healthcheck;
  if (cc.OnBuild) ociConfig.OnBuild = cc.OnBuild;
  if (cc.Shell) ociConfig.Shell = cc.Shell;
  const tags = core.refs.tagsOf(img.id).map(familiarString);
  const digests = core.refs.digestsOf(img.id).map(familiarString);
  return {
    Id: img.id,
    RepoTags: tags,
    RepoDigests: digests,
    Parent: img.parent,
    // moby's image inspect: without a comment of its own, the last history row's (BuildKit's buildkit.dockerfile.v0)
    Comment: c.comment || (c.history[c.history.length - 1]?.comment ?? ''),
    Created: c.created,
    DockerVersion: c.docker_version ?? '',
    Author: c.author ?? '',
    Config: ociConfig,
    Architecture: c.architecture,
    Os: c.os,
    Size: img.size,
    GraphDriver: { Data: graphDriverData(img.id.slice(7)), Name: 'overlay2' },
    RootFS: { Type: 'layers', Layers: c.rootfs.diff_ids },
    Metadata: { LastTagTime: ZERO_TIME },
  };
}

function graphDriverData(key: string): Record<string, string> {
  const dir = `/var/lib/docker/overlay2/${key}`;
  return { MergedDir: `${dir}/merged`, UpperDir: `${dir}/diff`, WorkDir: `${dir}/work` };
}

export function inspectContainer(core: DaemonCore, c: ContainerRecord): Record<string, unknown> {
  const s = c.state;
  const dir = `/var/lib/docker/containers/${c.id}`;
  return {
    Id: c.id,
    Created: rfc3339Nano(c.created),
    Path: c.path,
    Args: c.args,
    State: {
      Status: s.Status,
      Running: s.Running,
      Paused: s.Paused,
      Restarting: s.Restarting,
      OOMKilled: s.OOMKilled,
      Dead: s.Dead,
      Pid: s.Running ? s.Pid : 0,
      ExitCode: s.ExitCode,
      Error: s.Error,
      StartedAt: goTime(s.StartedAt),
      FinishedAt: goTime(s.FinishedAt),
      ...(s.Health
        ? {
            Health: {
              Status: s.Health.Status,
              FailingStreak: s.Health.FailingStreak,
              Log: s.Health.Log.map((r) => ({ Start: rfc3339Nano(r.Start), End: rfc3339Nano(r.End), ExitCode: r.ExitCode, Output: r.Output })),
            },
          }
        : {}),
    },
    Image: c.image,
    ResolvConfPath: `${dir}/resolv.conf`,
    HostnamePath: `${dir}/hostname`,
    HostsPath: `${dir}/hosts`,
    LogPath: `${dir}/${c.id}-json.log`,
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: runningExecIds(core, c.id),
    HostConfig: {
      Binds: null,
      ContainerIDFile: '',
      LogConfig: { Type: 'json-file', Config: {} },
      NetworkMode: 'bridge',
      PortBindings: c.hostConfig.PortBindings ?? {},
      RestartPolicy: c.hostConfig.RestartPolicy,
      AutoRemove: c.hostConfig.AutoRemove,
      VolumeDriver: '',
      VolumesFrom: null,
      ConsoleSize: [0, 0],
      CapAdd: null,
      CapDrop: null,
      CgroupnsMode: 'private',
      Dns: [],
      DnsOptions: [],
      DnsSearch: [],
      ExtraHosts: null,
      GroupAdd: null,
      IpcMode: 'private',
      Cgroup: '',
      Links: null,
      OomScoreAdj: 0,
      PidMode: '',
      Privileged: false,
      PublishAllPorts: c.hostConfig.PublishAllPorts === true,
      ReadonlyRootfs: c.hostConfig.ReadonlyRootfs === true,
      SecurityOpt: null,
      UTSMode: '',
      UsernsMode: '',
      ShmSize: 67108864,
      Runtime: 'runc',
      Isolation: '',
      CpuShares: 0,
      Memory: 0,
      NanoCpus: 0,
      CgroupParent: '',
      BlkioWeight: 0,
      BlkioWeightDevice: [],
      BlkioDeviceReadBps: [],
      BlkioDeviceWriteBps: [],
      BlkioDeviceReadIOps: [],
      BlkioDeviceWriteIOps: [],
      CpuPeriod: 0,
      CpuQuota: 0,
      CpuRealtimePeriod: 0,
      CpuRealtimeRuntime: 0,
      CpusetCpus: '',
      CpusetMems: '',
      Devices: [],
      DeviceCgroupRules: null,
      DeviceRequests: null,
      MemoryReservation: 0,
      MemorySwap: 0,
      MemorySwappiness: null,
      OomKillDisable: null,
      PidsLimit: null,
      Ulimits: [],
      CpuCount: 0,
      CpuPercent: 0,
      IOMaximumIOps: 0,
      IOMaximumBandwidth: 0,
      MaskedPaths: ['/proc/asound', '/proc/acpi', '/proc/interrupts', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list', '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware', '/sys/devices/virtual/powercap'],
      ReadonlyPaths: ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'],
    },
    GraphDriver: {
      Data: {
        ID: c.id,
        LowerDir: `/var/lib/docker/overlay2/${c.rwLayer}-init/diff`,
        ...graphDriverData(c.rwLayer),
      },
      Name: 'overlay2',
    },
    Mounts: [],
    Config: {
      Hostname: c.config.Hostname,
      Domainname: c.config.Domainname ?? '',
      User: c.config.User ?? '',
      AttachStdin: c.config.AttachStdin ?? false,
      AttachStdout: c.config.AttachStdout ?? false,
      AttachStderr: c.config.AttachStderr ?? false,
      ...(c.config.ExposedPorts ? { ExposedPorts: c.config.ExposedPorts } : {}),
      Tty: c.config.Tty ?? false,
      OpenStdin: c.config.OpenStdin ?? false,
      StdinOnce: c.config.StdinOnce ?? false,
      Env: c.config.Env ?? null,
      Cmd: c.config.Cmd ?? null,
      ...(c.config.Healthcheck ? { Healthcheck: c.config.Healthcheck } : {}),
      Image: c.config.Image,
      Volumes: c.config.Volumes ?? null,
      WorkingDir: c.config.WorkingDir ?? '',
      Entrypoint: c.config.Entrypoint ?? null,
      OnBuild: null,
      Labels: c.config.Labels ?? {},
      ...(c.config.StopSignal ? { StopSignal: c.config.StopSignal } : {}),
    },
    NetworkSettings: {
      Bridge: '',
      SandboxID: '',
      SandboxKey: '',
      // a running container's exposed ports (null) and host bindings; none while it is not running
      Ports: c.state.Running ? (core.ports.portMap(c.id) ?? Object.fromEntries(Object.keys(c.config.ExposedPorts ?? {}).map((k) => [k, null]))) : {},
      HairpinMode: false,
      LinkLocalIPv6Address: '',
      LinkLocalIPv6PrefixLen: 0,
      SecondaryIPAddresses: null,
      SecondaryIPv6Addresses: null,
      EndpointID: '',
      Gateway: '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      IPAddress: '',
      IPPrefixLen: 0,
      IPv6Gateway: '',
      MacAddress: '',
      Networks: {},
    },
  };
}

/** moby lists the execs still running (GetExecIDs), or null when there are none. */
function runningExecIds(core: DaemonCore, containerId: string): string[] | null {
  const ids = [...core.execs.values()].filter((e) => e.containerId === containerId && e.running).map((e) => e.id);
  return ids.length > 0 ? ids : null;
}
