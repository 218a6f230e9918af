// Container operations: create, start, stop, kill, pause, remove, rename,
// wait, logs, diff, with moby's state transitions and messages.
import type { DaemonCore } from '../daemon.ts';
import { DaemonError } from '../errors/errors.ts';
import { Errors } from '../errors/messages.ts';
import { lookupImage } from '../image/store.ts';
import type { RunConfig } from '../image/config.ts';
import { Task, type StreamName } from '../runtime/task.ts';
import { DEFAULT_PATH } from '../runtime/resolve.ts';
import { DISCARD, EMPTY_INPUT } from '../runtime/namespace.ts';
import type { ConnectResult, InputStream, OutputStream } from '../runtime/process.ts';
import { isLoopback } from '../net/network.ts';
import type { PortBinding } from './ports.ts';
import { SIGNAL_NUMBERS, Signals } from '../runtime/process.ts';
import { generateName } from './names.ts';
import { freshStdin } from './attach.ts';
import { mountContainer } from './fsevents.ts';
import type { ContainerRecord, HostConfig, LogLine, RestartPolicy } from './container.ts';
import { initialState, setPaused, setRestarting, setRunning, setStopped } from './state.ts';
import { LayerTree } from '../layer/tree.ts';
import type { Fs } from '../fs/types.ts';
import { guardFs } from '../fs/guard.ts';
import { type Credentials, type ExecUser, UserLookupError, resolveUser } from '../runtime/users.ts';
import { execEnv, type ExecOptions, type ExecRecord, type ExecStreams } from './exec.ts';
import { HealthChecks, mergeHealthConfig, validateHealthConfig, type HealthConfig, type ProbeHandle } from './health.ts';

export interface CreateOptions {
  /** The image as the user typed it. */
  image: string;
  name?: string;
  /** Command after the image name; empty means the image's CMD. */
  cmd?: string[];
  /** --entrypoint: a string sets one word, "" clears the image's entrypoint. */
  entrypoint?: string;
  env?: string[];
  workingDir?: string;
  hostname?: string;
  user?: string;
  tty?: boolean;
  openStdin?: boolean;
  autoRemove?: boolean;
  /** --read-only */
  readOnly?: boolean;
  restart?: string;
  labels?: Record<string, string>;
  stopSignal?: string;
  stopTimeout?: number;
  /** --health-* / --no-healthcheck: merged over the image's HEALTHCHECK. */
  healthcheck?: HealthConfig;
  /** -p and --expose: the ports the CLI exposes ("80/tcp"), merged with the image's. */
  exposedPorts?: string[];
  /** -p: host bindings by container port. */
  portBindings?: Record<string, PortBinding[]>;
  /** -P */
  publishAll?: boolean;
}

const NAME_RE = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export function parseSignal(s: string | number): number | undefined {
  if (typeof s === 'number') return s;
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    return n >= 1 && n <= 64 ? n : undefined;
  }
  const name = s.toUpperCase().startsWith('SIG') ? s.toUpperCase() : `SIG${s.toUpperCase()}`;
  return SIGNAL_NUMBERS[name];
}

/** moby ValidateRestartPolicy over what the CLI parsed (`name[:count]`). */
export function parseRestartPolicy(text: string | undefined): RestartPolicy {
  if (!text) return { Name: '', MaximumRetryCount: 0 };
  const [name = '', countText] = text.split(/:(.*)/s);
  const count = countText ? Number(countText) : 0;
  switch (name) {
    case 'always':
    case 'unless-stopped':
    case 'no':
      if (count !== 0) {
        throw Errors.invalidRestartPolicyCount(count < 0 ? " and cannot be negative" : '');
      }
      return { Name: name, MaximumRetryCount: 0 };
    case 'on-failure':
      if (count < 0) throw new DaemonError('invalid-parameter', 'invalid restart policy: maximum retry count cannot be negative');
      return { Name: 'on-failure', MaximumRetryCount: count };
    default:
      throw Errors.invalidRestartPolicy(name);
  }
}

type Sink = (stream: StreamName, text: string) => void;

/** Restart back-off as moby's restartmanager: 100 ms doubling, reset after 10 s up, at most 1 min. */
const BACKOFF_START = 100;
const BACKOFF_MAX = 60_000;

export class ContainerService {
  private sinks = new Map<string, Set<Sink>>();
  private partial = new Map<string, { stdout: string; stderr: string }>();
  /** Resolved at the container's next exit, restart or not, or at its removal (moby's stopWaiters). */
  private waiters = new Map<string, Array<(code: number) => void>>();
  private backoff = new Map<string, number>();
  private restartTimers = new Map<string, () => void>();
  private stopping = new Set<string>();
  /** Containers in a manual `docker restart`: not auto-removed in between. */
  private restarting = new Set<string>();

  /** The containers' health monitors. */
  readonly health: HealthChecks;

  constructor(private readonly core: DaemonCore) {
    this.health = new HealthChecks(core, (c, argv, out) => this.startProbe(c, argv, out));
  }

  async create(o: CreateOptions): Promise<ContainerRecord> {
    const core = this.core;
    // moby validates the config, then the host config, before it looks for the image
    const invalidHealth = validateHealthConfig(o.healthcheck);
    if (invalidHealth) throw invalidHealth;
    const restart = parseRestartPolicy(o.restart);
    if (o.autoRemove && restart.Name !== '' && restart.Name !== 'no') throw Errors.autoRemoveRestart();
    const found = lookupImage(core.images, core.refs, o.image);
    const img = found.image;
    const ic = img.config.config;
    if (o.name !== undefined && !NAME_RE.test(o.name)) throw Errors.invalidContainerName(o.name);
    const entrypoint =
      o.entrypoint === undefined ? (ic.Entrypoint ?? null) : o.entrypoint === '' ? null : [o.entrypoint];
    let cmd = o.cmd && o.cmd.length > 0 ? o.cmd : null;
    if (!cmd && o.entrypoint === undefined) cmd = ic.Cmd ?? null;
    const argv = [...(entrypoint ?? []), ...(cmd ?? [])];
    if (argv.length === 0) throw Errors.noCommand();

    const hostConfig: HostConfig = { AutoRemove: !!o.autoRemove, RestartPolicy: restart, ReadonlyRootfs: !!o.readOnly };
    if (o.portBindings && Object.keys(o.portBindings).length > 0) hostConfig.PortBindings = sortedKeys(o.portBindings);
    if (o.publishAll) hostConfig.PublishAllPorts = true;
    const exposed = mergeExposedPorts(ic.ExposedPorts, o.exposedPorts);
    const c = this.register(img.id, img.chainIds, o.image, argv, (id) => ({
      Hostname: o.hostname ?? id.slice(0, 12),
      Domainname: '',
      User: o.user ?? ic.User ?? '',
      AttachStdin: false,
      AttachStdout: false,
      AttachStderr: false,
      Tty: !!o.tty,
      OpenStdin: !!o.openStdin,
      StdinOnce: false,
      Env: mergeEnv(ic.Env ?? [], o.env ?? []),
      Cmd: cmd,
      Image: o.image,
      Volumes: ic.Volumes ?? null,
      WorkingDir: o.workingDir ?? ic.WorkingDir ?? '',
      Entrypoint: entrypoint,
      OnBuild: null,
      Labels: { ...(ic.Labels ?? {}), ...(o.labels ?? {}) },
      ...(exposed ? { ExposedPorts: exposed } : {}),
      ...(o.stopSignal ?? ic.StopSignal ? { StopSignal: o.stopSignal ?? ic.StopSignal } : {}),
      ...withHealthcheck(mergeHealthConfig(o.healthcheck, ic.Healthcheck as HealthConfig | undefined)),
    }), hostConfig, o.name);
    if (o.stopTimeout !== undefined) c.stopTimeout = o.stopTimeout;
    return c;
  }

  /**
   * The legacy builder's intermediate container (moby's builder create):
   * the step's whole configuration is given; its name is generated.
   */
  createForBuild(imageId: string, chainIds: string[], config: RunConfig): ContainerRecord {
    const argv = [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])];
    if (argv.length === 0) throw Errors.noCommand();
    const hostConfig: HostConfig = { AutoRemove: false, RestartPolicy: { Name: '', MaximumRetryCount: 0 }, ReadonlyRootfs: false };
    return this.register(imageId, chainIds, imageId, argv, (id) => ({ ...config, Hostname: id.slice(0, 12), Domainname: '', Image: imageId }), hostConfig);
  }

  private register(
    imageId: string,
    chainIds: string[],
    typed: string,
    argv: string[],
    makeConfig: (id: string) => RunConfig,
    hostConfig: HostConfig,
    chosenName?: string,
  ): ContainerRecord {
    const core = this.core;
    const id = core.opts.ids.randomHex(32);
    let name = chosenName?.replace(/^\//, '');
    if (name !== undefined) {
      const holder = core.names.get(name);
      if (holder) throw Errors.nameInUse(name, holder);
    } else {
      for (let retry = 0; ; retry++) {
        name = generateName(core.opts.ids, retry);
        if (!core.names.has(name)) break;
      }
    }
    const config = makeConfig(id);
    const created = core.now();
    // an idle container costs no init layer until something mounts it
    const rwLayer = core.layers.createRw(id, chainIds, () => initLayer(config.Hostname!, created, core.opts.kernel));
    const c: ContainerRecord = {
      id,
      name: name!,
      created,
      image: imageId,
      path: argv[0]!,
      args: argv.slice(1),
      config,
      hostConfig,
      state: initialState(),
      restartCount: 0,
      manuallyStopped: false,
      rwLayer,
      logs: [],
      removing: false,
    };
    core.containers.set(id, c);
    core.names.set(c.name, id);
    core.emit({ type: 'container', action: 'create', id, name: c.name, image: typed });
    return c;
  }

  /** Starts a created or exited container; a running one is left alone. */
  async start(ref: string, io?: { stdin?: InputStream }): Promise<ContainerRecord> {
    const c = this.core.container(ref);
    if (c.state.Paused) throw new DaemonError('conflict', 'cannot start a paused container, try unpause instead');
    if (c.state.Running) return c;
    // a manual start resets the restart manager (moby containerStart(resetRestartManager))
    c.manuallyStopped = false;
    c.restartCount = 0;
    this.backoff.delete(c.id);
    try {
      this.launch(c, io?.stdin ?? this.ttyStdin(c));
    } catch (e) {
      // moby removes an --rm container whose start failed
      if (c.hostConfig.AutoRemove) this.destroy(c);
      throw e;
    }
    return c;
  }

  private launch(c: ContainerRecord, stdin: InputStream): void {
    const core = this.core;
    const fs = mountContainer(core, c);
    // moby makes the working directory and the volumes' mount points before PID 1 starts
    for (const dir of [c.config.WorkingDir ?? '', ...Object.keys(c.config.Volumes ?? {})]) {
      if (dir.startsWith('/') && !fs.exists(dir)) {
        try {
          fs.mkdir(dir, { recursive: true, mode: 0o755 });
        } catch {
          // a file in the way: the process meets it as it is
        }
      }
    }
    const env = new Map<string, string>();
    for (const e of c.config.Env ?? []) {
      const i = e.indexOf('=');
      if (i > 0) env.set(e.slice(0, i), e.slice(i + 1));
    }
    if (!env.has('HOSTNAME')) env.set('HOSTNAME', c.config.Hostname ?? '');
    let who: ExecUser;
    try {
      who = resolveUser(fs, c.config.User ?? '');
    } catch (e) {
      if (!(e instanceof UserLookupError)) throw e;
      const err = Errors.userLookup(e.message);
      c.state.ExitCode = 128;
      c.state.Error = err.message;
      throw err;
    }
    if (!env.has('HOME')) env.set('HOME', who.home);
    if (!env.has('PATH')) env.set('PATH', DEFAULT_PATH);
    const argv = [c.path, ...c.args];
    const found = core.opts.resolve(fs, c.path, env);
    if (!found) {
      const err = c.path.includes('/') ? Errors.executableNoSuchFile(c.path) : Errors.executableNotFound(c.path);
      c.state.ExitCode = err.exitCode ?? 127;
      c.state.Error = err.message;
      throw err;
    }
    this.publishPorts(c);
    const task = new Task({
      scheduler: core.clock,
      resolve: core.opts.resolve,
      fs,
      argv,
      program: found.program,
      env,
      cwd: c.config.WorkingDir || '/',
      hostname: c.config.Hostname ?? c.id.slice(0, 12),
      user: who.name ?? String(who.uid),
      cred: who,
      view: this.processFs(c, fs, who),
      tty: !!c.config.Tty,
      stdin,
      output: { write: (stream, text) => this.output(c, stream, text) },
      connect: (host, port) => this.containerConnect(c, host, port),
    });
    core.tasks.set(c.id, task);
    setRunning(c.state, core.hostPids.register(task), core.now());
    this.health.init(c);
    core.emit({ type: 'container', action: 'start', id: c.id, name: c.name, image: c.config.Image ?? '' });
    void task.exited.then((status) => this.exited(c, task, status));
  }

  /**
   * Binds the container's published ports on the host (moby's network
   * setup at task creation). A port taken fails the start with Docker 28's
   * error; the container stays as it was, exit code 128.
   */
  private publishPorts(c: ContainerRecord): void {
    const core = this.core;
    const hc = c.hostConfig;
    const result = core.ports.bind(
      c.id,
      { exposed: Object.keys(c.config.ExposedPorts ?? {}), bindings: hc.PortBindings ?? {}, publishAll: hc.PublishAllPorts === true },
      (port) => core.hostServices.has(port),
    );
    if ('map' in result) return;
    core.logLine('warning', `Failed to allocate and map port: ${result.error}`);
    // moby names the endpoint it made for this start: the container's name and a fresh ID
    const endpoint = core.opts.ids.randomHex(32);
    const err = new DaemonError(
      'system',
      `failed to set up container networking: driver failed programming external connectivity on endpoint ${c.name} (${endpoint}): ${result.error}`,
    );
    c.state.ExitCode = 128;
    c.state.Error = err.message;
    throw err;
  }

  /**
   * A connection from a process in the container (curl, wget): loopback
   * and the container's own name reach its own listeners; the rest of the
   * network is not there yet, as a container cut off from it.
   */
  private containerConnect(c: ContainerRecord, host: string, port: number): ConnectResult {
    const self = isLoopback(host) || host === c.config.Hostname || host === CONTAINER_ADDRESS;
    if (!self) {
      if (/^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(':')) return { error: `dial tcp ${host.includes(':') ? `[${host.replace(/^\[|\]$/g, '')}]` : host}:${port}: connect: network is unreachable` };
      return { error: `dial tcp: lookup ${host}: no such host` };
    }
    const address = host === '::1' || host === '[::1]' ? '[::1]' : isLoopback(host) ? (host === 'localhost' ? '127.0.0.1' : host) : CONTAINER_ADDRESS;
    const listener = this.core.tasks.get(c.id)?.ns.ports().find((l) => l.port === port && l.proto === 'tcp');
    if (!listener) return { error: `dial tcp ${address}:${port}: connect: connection refused` };
    return { listener, address };
  }

  /**
   * After a restore: runs afresh the main process of a container that was
   * running when the workspace was saved, as a machine that kept its disks
   * but not its memory. It keeps its StartedAt and restart count; a paused
   * one is paused again. A process that cannot start leaves it exited.
   */
  revive(c: ContainerRecord): void {
    const { StartedAt: startedAt, Paused: paused } = c.state;
    const health = c.state.Health && { ...c.state.Health, Log: [...c.state.Health.Log] };
    c.state.Running = false;
    c.state.Restarting = false;
    c.state.Paused = false;
    try {
      this.launch(c, this.ttyStdin(c));
    } catch {
      setStopped(c.state, c.state.ExitCode, this.core.now());
      return;
    }
    c.state.StartedAt = startedAt;
    if (paused) {
      this.core.tasks.get(c.id)!.ns.freeze();
      setPaused(c.state, true);
      // moby leaves a paused container's health as it was saved; its checks resume with unpause
      this.health.update(c);
      if (health) c.state.Health = health;
    }
  }

  /** A fresh stdin for a start; with a TTY, Ctrl-C in it interrupts the foreground processes. */
  private ttyStdin(c: ContainerRecord): InputStream {
    const s = freshStdin(c);
    if (c.config.Tty) s.interrupt = () => this.ttyInterrupt(c.id, 1);
    return s;
  }

  /**
   * Ctrl-C on a container's terminal: SIGINT to the foreground processes,
   * PID 1 (an exec's process) and what it started. PID 1 ignores it unless
   * it handles it, as Linux shields a namespace's init.
   */
  ttyInterrupt(ref: string, root: number): void {
    const task = this.core.tasks.get(this.core.container(ref).id);
    if (!task) return;
    const tree = processTree(task.ns.processes(), root);
    for (const pid of tree) task.ns.get(pid)?.signal(Signals.SIGINT);
  }

  /** What a container's process sees of its file system: permissions for its user, --read-only. */
  private processFs(c: ContainerRecord, fs: Fs, cred: Credentials): Fs {
    return guardFs(fs, { cred, readOnly: c.hostConfig.ReadonlyRootfs ? (p) => !writableUnderReadOnly(p) : undefined });
  }

  private output(c: ContainerRecord, stream: StreamName, text: string): void {
    for (const sink of this.sinks.get(c.id) ?? []) sink(stream, text);
    let buf = this.partial.get(c.id);
    if (!buf) this.partial.set(c.id, (buf = { stdout: '', stderr: '' }));
    const all = buf[stream] + text;
    const lines = all.split('\n');
    buf[stream] = lines.pop()!;
    const time = this.core.now();
    for (const line of lines) this.log(c, { stream, time, text: line + '\n' });
  }

  private log(c: ContainerRecord, line: LogLine): void {
    c.logs.push(line);
    this.core.emit({ type: 'log', containerId: c.id, stream: line.stream, text: line.text });
  }

  private flush(c: ContainerRecord): void {
    const buf = this.partial.get(c.id);
    if (!buf) return;
    for (const stream of ['stdout', 'stderr'] as const) {
      if (buf[stream]) this.log(c, { stream, time: this.core.now(), text: buf[stream] });
    }
    this.partial.delete(c.id);
  }

  private exited(c: ContainerRecord, task: Task, status: number): void {
    const core = this.core;
    if (core.tasks.get(c.id) !== task) return;
    core.tasks.delete(c.id);
    core.ports.release(c.id);
    // health checks restart with the container, if it starts again
    this.health.stop(c);
    this.flush(c);
    const startedAt = c.state.StartedAt;
    setStopped(c.state, status, core.now());
    core.emit({ type: 'container', action: 'die', id: c.id, name: c.name, image: c.config.Image ?? '', exitCode: status });
    if (this.stopping.has(c.id)) {
      core.emit({ type: 'container', action: 'stop', id: c.id, name: c.name, image: c.config.Image ?? '' });
    }
    this.notifyWaiters(c);
    if (!this.stopping.has(c.id) && this.shouldRestart(c, status)) {
      const ranFor = core.now() - startedAt;
      let delay = this.backoff.get(c.id) ?? BACKOFF_START;
      if (ranFor >= 10_000) delay = BACKOFF_START;
      this.backoff.set(c.id, Math.min(delay * 2, BACKOFF_MAX));
      setRestarting(c.state, status, core.now());
      // moby counts the restart when it handles the exit, and a policy restart is a plain start
      c.restartCount++;
      const cancel = core.clock.setTimer(delay, () => {
        this.restartTimers.delete(c.id);
        if (!c.state.Restarting || !core.containers.has(c.id)) return;
        try {
          this.launch(c, this.ttyStdin(c));
        } catch {
          setStopped(c.state, c.state.ExitCode, core.now());
        }
      });
      this.restartTimers.set(c.id, cancel);
      return;
    }
    if (c.hostConfig.AutoRemove && !this.restarting.has(c.id)) this.destroy(c);
  }

  private shouldRestart(c: ContainerRecord, status: number): boolean {
    const p = c.hostConfig.RestartPolicy;
    if (c.manuallyStopped) return false;
    switch (p.Name) {
      case 'always':
      case 'unless-stopped':
        return true;
      case 'on-failure':
        return status !== 0 && (p.MaximumRetryCount === 0 || c.restartCount < p.MaximumRetryCount);
      default:
        return false;
    }
  }

  private cancelRestart(id: string): void {
    this.restartTimers.get(id)?.();
    this.restartTimers.delete(id);
  }

  private notifyWaiters(c: ContainerRecord): void {
    const ws = this.waiters.get(c.id) ?? [];
    this.waiters.delete(c.id);
    for (const w of ws) w(c.state.ExitCode);
  }

  /** Resolves with the exit code once the container is not running (docker wait). */
  wait(ref: string): Promise<number> {
    const c = this.core.container(ref);
    if (!c.state.Running) return Promise.resolve(c.state.ExitCode);
    return this.nextExit(c.id);
  }

  /** Resolves with the exit code of the container's next exit (or removal), as `docker run` waits. */
  nextExit(ref: string): Promise<number> {
    const c = this.core.container(ref);
    return new Promise((resolve) => {
      const ws = this.waiters.get(c.id) ?? [];
      ws.push(resolve);
      this.waiters.set(c.id, ws);
    });
  }

  /** Live output of a container (attach); returns the detach function. */
  attach(ref: string, out: { stdout: OutputStream; stderr: OutputStream }): () => void {
    const c = this.core.container(ref);
    const sink: Sink = (stream, text) => out[stream].write(text);
    let set = this.sinks.get(c.id);
    if (!set) this.sinks.set(c.id, (set = new Set()));
    set.add(sink);
    return () => {
      set!.delete(sink);
      if (set!.size === 0) this.sinks.delete(c.id);
    };
  }

  /** docker exec, first half (moby ContainerExecCreate): only a running container that is not paused takes one. */
  execCreate(ref: string, o: ExecOptions): ExecRecord {
    const core = this.core;
    const c = core.container(ref);
    if (!c.state.Running) throw Errors.notRunning(c.id);
    if (c.state.Paused) throw Errors.pausedExec(ref);
    if (c.state.Restarting) throw Errors.restartingWait(c.id);
    const e: ExecRecord = {
      id: core.opts.ids.randomHex(32),
      containerId: c.id,
      config: { ...o, cmd: [...o.cmd] },
      // runc adds HOME from the exec user's passwd entry at start
      env: execEnv(c, o, null),
      user: o.user || c.config.User || '',
      workingDir: o.workingDir || c.config.WorkingDir || '',
      running: false,
      exitCode: undefined,
      pid: 0,
    };
    core.execs.set(e.id, e);
    this.emitExec(c, 'exec_create', e);
    return e;
  }

  /**
   * docker exec, second half (moby ContainerExecStart): one more process in
   * the container's PID namespace, over its file system. Fails as runc exec
   * does when the command or the working directory is missing.
   */
  execStart(execId: string, io: ExecStreams = {}): { pid: number; exited: Promise<number> } {
    const core = this.core;
    const e = core.execs.get(execId);
    if (!e) throw Errors.noSuchExec(execId);
    if (e.running) throw Errors.execAlreadyRunning(e.id);
    if (e.exitCode !== undefined) throw Errors.execAlreadyRan(e.id);
    const c = core.container(e.containerId);
    if (c.state.Paused) throw Errors.pausedExec(c.id);
    if (!c.state.Running) throw Errors.notRunning(c.id);
    if (c.state.Restarting) throw Errors.restartingWait(c.id);
    const task = core.tasks.get(c.id)!;
    const env = new Map<string, string>();
    for (const kv of e.env) env.set(kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1));
    this.emitExec(c, 'exec_start', e);
    const fail = (err: DaemonError): never => {
      e.exitCode = err.exitCode;
      throw err;
    };
    let who: ExecUser;
    try {
      who = resolveUser(task.fs, e.user);
    } catch (err) {
      if (!(err instanceof UserLookupError)) throw err;
      return fail(Errors.execUserLookup(err.message));
    }
    if (!env.has('HOME')) env.set('HOME', who.home);
    const view = this.processFs(c, task.fs, who);
    const cwd = e.workingDir || '/';
    if (!cwd.startsWith('/')) fail(Errors.execCwdRelative());
    if (!isDirectory(task.fs, cwd)) fail(Errors.execChdir(cwd));
    const cmd = e.config.cmd[0]!;
    const found = core.opts.resolve(task.fs, cmd, env) ?? fail(cmd.includes('/') ? Errors.execNoSuchFile(cmd) : Errors.execNotFound(cmd));
    const stdout = io.stdout ?? DISCARD;
    const proc = task.ns.start({
      argv: e.config.cmd,
      fs: view,
      cred: who,
      env,
      cwd,
      stdin: io.stdin ?? EMPTY_INPUT,
      stdout,
      stderr: e.config.tty ? stdout : (io.stderr ?? DISCARD),
      tty: !!e.config.tty,
      user: who.name ?? String(who.uid),
      ppid: 0,
      program: found.program,
    });
    e.running = true;
    e.pid = proc.pid;
    const exited = proc.exited.then((status) => {
      e.running = false;
      e.exitCode = status;
      this.emitExec(c, 'exec_die', e, status);
      return status;
    });
    return { pid: proc.pid, exited };
  }

  /**
   * A health probe (moby cmdProbe): an exec with the container's user and
   * working directory, its output to `out`. The exec record is dropped once
   * the probe ends, so checks every second do not pile up.
   */
  private startProbe(c: ContainerRecord, argv: string[], out: OutputStream): ProbeHandle {
    const core = this.core;
    const e = this.execCreate(c.id, { cmd: argv });
    let started: { pid: number; exited: Promise<number> };
    try {
      started = this.execStart(e.id, { stdout: out, stderr: out });
    } catch (err) {
      core.execs.delete(e.id);
      throw err;
    }
    const exited = started.exited.finally(() => core.execs.delete(e.id));
    const kill = () => {
      const ns = core.tasks.get(c.id)?.ns;
      if (!ns) return;
      // the probe and what it started
      const tree = processTree(ns.processes(), started.pid);
      for (const pid of tree) ns.get(pid)?.terminate(Signals.SIGKILL);
    };
    return { exited, kill };
  }

  private emitExec(c: ContainerRecord, action: 'exec_create' | 'exec_start' | 'exec_die', e: ExecRecord, exitCode?: number): void {
    this.core.emit({
      type: 'container',
      action,
      id: c.id,
      name: c.name,
      image: c.config.Image ?? '',
      exec: { id: e.id, command: e.config.cmd.join(' ') },
      ...(exitCode !== undefined ? { exitCode } : {}),
    });
  }

  async stop(ref: string, timeoutSeconds?: number, signal?: string): Promise<void> {
    const c = this.core.container(ref);
    const sig = parseSignal(signal ?? c.config.StopSignal ?? 'SIGTERM');
    if (sig === undefined) throw Errors.cannotStop(ref, `invalid signal: ${signal}`);
    if (c.state.Restarting) {
      this.endRestarting(c);
      this.core.emit({ type: 'container', action: 'stop', id: c.id, name: c.name, image: c.config.Image ?? '' });
      return;
    }
    if (!c.state.Running) return;
    c.manuallyStopped = true;
    const task = this.core.tasks.get(c.id)!;
    if (c.state.Paused) this.unpauseTask(c);
    this.stopping.add(c.id);
    try {
      this.core.emit({ type: 'container', action: 'kill', id: c.id, name: c.name, image: c.config.Image ?? '', signal: sig });
      task.signal(sig);
      const timeout = timeoutSeconds ?? c.stopTimeout ?? 10;
      if (timeout >= 0) {
        let cancel = () => {};
        const timedOut = new Promise<'timeout'>((r) => (cancel = this.core.clock.setTimer(timeout * 1000, () => r('timeout'))));
        const outcome = await Promise.race([task.exited.then(() => 'exited' as const), timedOut]);
        cancel();
        if (outcome === 'timeout') {
          this.core.emit({ type: 'container', action: 'kill', id: c.id, name: c.name, image: c.config.Image ?? '', signal: Signals.SIGKILL });
          task.kill(Signals.SIGKILL);
        }
      }
      await task.exited;
    } finally {
      this.stopping.delete(c.id);
    }
  }

  async restart(ref: string, timeoutSeconds?: number, signal?: string): Promise<void> {
    const c = this.core.container(ref);
    // a manual restart keeps an --rm container (moby's HasBeenManuallyRestarted)
    this.restarting.add(c.id);
    try {
      if (c.state.Running) await this.stop(ref, timeoutSeconds, signal);
      await this.start(c.id);
    } finally {
      this.restarting.delete(c.id);
    }
    this.core.emit({ type: 'container', action: 'restart', id: c.id, name: c.name, image: c.config.Image ?? '' });
  }

  /** A restarting container stops for good: its pending restart is cancelled. */
  private endRestarting(c: ContainerRecord): void {
    this.cancelRestart(c.id);
    c.manuallyStopped = true;
    setStopped(c.state, c.state.ExitCode, this.core.now());
  }

  async kill(ref: string, signal = 'SIGKILL'): Promise<void> {
    let c: ContainerRecord;
    try {
      c = this.core.container(ref);
    } catch (e) {
      if (e instanceof DaemonError) throw Errors.cannotKill(ref, e.message);
      throw e;
    }
    const sig = parseSignal(signal);
    if (sig === undefined) throw Errors.cannotKill(ref, `invalid signal: ${signal}`);
    if (!c.state.Running) throw Errors.cannotKill(ref, `container ${c.id} is not running`);
    // moby killWithSignal: a kill is a manual stop, and SIGKILL, the stop
    // signal or any signal when none is configured also cancels the restart policy
    c.manuallyStopped = true;
    const stopSignal = c.config.StopSignal ? parseSignal(c.config.StopSignal) : undefined;
    const exitOnNext = sig === Signals.SIGKILL || stopSignal === undefined || stopSignal === sig;
    this.core.emit({ type: 'container', action: 'kill', id: c.id, name: c.name, image: c.config.Image ?? '', signal: sig });
    if (c.state.Restarting) {
      if (exitOnNext) this.endRestarting(c);
      return;
    }
    const task = this.core.tasks.get(c.id)!;
    if (exitOnNext && c.state.Paused) this.unpauseTask(c);
    if (sig === Signals.SIGKILL) {
      // the exit has been handled once `exited` resolves: no task to wait for
      task.kill(sig);
      await task.exited;
    } else {
      // the process's handler runs before the command returns, as far as it goes without waiting
      task.signal(sig);
      await this.core.clock.yieldNow(true);
    }
  }

  pause(ref: string): void {
    const c = this.core.container(ref);
    if (c.state.Restarting) throw Errors.restartingWait(c.id);
    if (!c.state.Running) throw Errors.notRunning(c.id);
    if (c.state.Paused) throw Errors.alreadyPaused(c.id);
    this.core.tasks.get(c.id)!.ns.freeze();
    setPaused(c.state, true);
    this.health.update(c);
    this.core.emit({ type: 'container', action: 'pause', id: c.id, name: c.name, image: c.config.Image ?? '' });
  }

  unpause(ref: string): void {
    const c = this.core.container(ref);
    if (!c.state.Paused) throw Errors.notPaused(c.id);
    this.unpauseTask(c);
  }

  private unpauseTask(c: ContainerRecord): void {
    this.core.tasks.get(c.id)?.ns.thaw();
    setPaused(c.state, false);
    this.health.update(c);
    this.core.emit({ type: 'container', action: 'unpause', id: c.id, name: c.name, image: c.config.Image ?? '' });
  }

  rename(ref: string, newName: string): void {
    const c = this.core.container(ref);
    const name = newName.replace(/^\//, '');
    if (name === c.name) throw Errors.renameSameName();
    if (!NAME_RE.test(newName)) throw Errors.allocatingName(Errors.invalidContainerName(`/${name}`).message);
    const holder = this.core.names.get(name);
    if (holder) throw Errors.allocatingName(Errors.nameInUse(name, holder).message);
    this.core.names.delete(c.name);
    c.name = name;
    this.core.names.set(name, c.id);
    this.core.emit({ type: 'container', action: 'rename', id: c.id, name, image: c.config.Image ?? '' });
  }

  /** docker rm: refuses running and paused containers unless forced. */
  async remove(ref: string, force = false): Promise<void> {
    const c = this.core.container(ref);
    if (c.removing) throw Errors.removalInProgress(c.id);
    if (c.state.Paused && !force) throw Errors.removePaused(ref);
    if (c.state.Running && !force) throw Errors.removeRunning(ref, c.state.Restarting ? 'restarting' : 'running');
    if (c.state.Running || c.state.Restarting) {
      this.cancelRestart(c.id);
      const task = this.core.tasks.get(c.id);
      c.manuallyStopped = true;
      if (task) {
        task.ns.thaw();
        task.kill(Signals.SIGKILL);
        await task.exited;
      } else {
        setStopped(c.state, c.state.ExitCode, this.core.now());
      }
      // auto-remove may already have taken it
      if (!this.core.containers.has(c.id)) return;
    }
    this.destroy(c);
  }

  private destroy(c: ContainerRecord): void {
    const core = this.core;
    if (!core.containers.has(c.id)) return;
    this.cancelRestart(c.id);
    this.health.stop(c);
    core.ports.release(c.id);
    core.containers.delete(c.id);
    core.names.delete(c.name);
    core.layers.removeRw(c.rwLayer);
    for (const e of [...core.execs.values()]) if (e.containerId === c.id) core.execs.delete(e.id);
    this.sinks.delete(c.id);
    this.partial.delete(c.id);
    this.backoff.delete(c.id);
    this.notifyWaiters(c);
    core.emit({ type: 'container', action: 'destroy', id: c.id, name: c.name, image: c.config.Image ?? '' });
  }

  /** docker container prune: removes every stopped container. */
  prune(): { deleted: string[]; spaceReclaimed: number } {
    const deleted: string[] = [];
    let space = 0;
    for (const c of this.core.containersByCreation()) {
      if (c.state.Running) continue;
      space += this.core.layers.rwSize(c.rwLayer);
      deleted.push(c.id);
      this.destroy(c);
    }
    return { deleted, spaceReclaimed: space };
  }
}

/**
 * The init layer Docker puts under every container: the files the daemon
 * bind-mounts (/etc/hostname, /etc/hosts, /etc/resolv.conf) and the mount
 * points of /proc, /sys and /dev. `docker diff` and commit never see it.
 */
export function initLayer(hostname: string, now: number, kernel = '6.8.0-berth'): LayerTree {
  const t = new LayerTree();
  const meta = { mtime: now };
  for (const d of ['/dev', '/dev/pts', '/dev/shm', '/proc', '/sys', '/etc']) t.addDir(d, meta);
  t.addFile('/etc/hostname', `${hostname}\n`, meta);
  t.addFile('/etc/hosts', `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::\tip6-localnet\nff00::\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n172.17.0.2\t${hostname}\n`, meta);
  t.addFile('/etc/resolv.conf', '# Generated by Docker Engine.\nnameserver 8.8.8.8\nnameserver 8.8.4.4\n', meta);
  t.addFile('/proc/version', `Linux version ${kernel} (buildd@berth) (gcc (Ubuntu 13.3.0-6ubuntu2~24.04) 13.3.0, GNU ld (GNU Binutils for Ubuntu) 2.42) #1 SMP PREEMPT_DYNAMIC\n`, meta);
  return t;
}

function isDirectory(fs: Fs, path: string): boolean {
  try {
    return fs.stat(path).type === 'dir';
  } catch {
    return false;
  }
}

/** The address every container has on the default bridge (its /etc/hosts line). */
const CONTAINER_ADDRESS = '172.17.0.2';

/** moby's Merge: the image's exposed ports added to the ones the client asked for, keys sorted as Go marshals a map. */
function mergeExposedPorts(image: Record<string, unknown> | null | undefined, user: string[] | undefined): Record<string, Record<string, never>> | undefined {
  const keys = new Set([...(user ?? []), ...Object.keys(image ?? {})]);
  if (keys.size === 0) return image ? {} : undefined;
  return Object.fromEntries([...keys].sort().map((k) => [k, {}]));
}

function sortedKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]!]));
}

function withHealthcheck(h: HealthConfig | undefined): { Healthcheck?: HealthConfig } {
  return h ? { Healthcheck: h } : {};
}

/** moby's merge: the user's variables first, then the image's that the user did not set. */
function mergeEnv(image: string[], user: string[]): string[] {
  if (user.length === 0) return [...image];
  const key = (e: string) => (e.includes('=') ? e.slice(0, e.indexOf('=')) : e);
  const userKeys = new Set(user.map(key));
  return [...user, ...image.filter((e) => !userKeys.has(key(e)))];
}

/** Under --read-only, what Docker still mounts writable: /dev, /proc, and the files it bind-mounts into /etc. */
function writableUnderReadOnly(p: string): boolean {
  return p === '/dev' || p.startsWith('/dev/') || p === '/proc' || p.startsWith('/proc/') || p === '/etc/hostname' || p === '/etc/hosts' || p === '/etc/resolv.conf';
}

/** A process and everything it started, as PIDs. */
function processTree(procs: ReadonlyArray<{ pid: number; ppid: number }>, root: number): Set<number> {
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) {
      if (!tree.has(p.pid) && tree.has(p.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
    }
  }
  return tree;
}
