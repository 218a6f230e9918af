// The simulated host: a bash prompt with `docker` and everyday commands,
// over the host's own file system, talking to one virtual engine.
import type { InputStream, OutputStream, ProcessContext, Program } from '../engine/runtime/process.ts';
import type { CliSignal } from '../cli/command.ts';
import type { Platform } from '../engine/platform.ts';
import type { Registry } from '../engine/registry/registry.ts';
import { Daemon } from '../engine/daemon.ts';
import { Scheduler } from '../engine/runtime/scheduler.ts';
import { RegistryRouter } from '../engine/registry/router.ts';
import { HubRegistry } from '../engine/registry/hub.ts';
import { Network, machineAddress, type Machine } from '../engine/net/network.ts';
import { PidNamespace, EMPTY_INPUT } from '../engine/runtime/namespace.ts';
import { programsFor } from '../engine/runtime/programs/index.ts';
import { Shell, ShellSession } from '../engine/runtime/sh/index.ts';
import { UnionFs } from '../engine/fs/union.ts';
import { LayerTree } from '../engine/layer/tree.ts';
import { runDocker } from '../cli/dispatch.ts';
import { tableResolver } from '../engine/runtime/resolve.ts';
import { containerPrograms, gitProgram, notSimulated } from './programs.ts';
import { Signals } from '../engine/runtime/process.ts';
import type { IdSource } from '../engine/platform.ts';
import { StateTracker, daemonSource, newMemory, prepareRestore, readMeta, type RestoredDaemon } from '../engine/state/index.ts';
import { hostSource, readHostRecords } from './state.ts';
import { storedCredentials } from '../cli/commands/registry/config.ts';
import { systemPrograms } from './system.ts';
import { bootDaemon } from '../engine/dockerd/lifecycle.ts';

export { containerPrograms } from './programs.ts';

export interface HostIO {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Standard input; end of input at once when absent (as `</dev/null`). */
  stdin?: InputStream;
  /** Whether the command runs on a terminal (the browser) or not (transcripts). */
  tty?: boolean;
}

export interface Host {
  /** Runs one command line (here-documents included); resolves to its exit status. */
  run(command: string, io: HostIO): Promise<number>;
  /** The prompt's working directory. */
  cwd(): string;
  /** Ctrl-C: interrupts the command that is running. */
  interrupt?(): void;
  /** Ends this terminal's shell and what it runs (a closed terminal tab). */
  close?(): void;
}

/** The host Berth simulates: the prompt and the engine behind it. */
export interface SimulatedHost extends Host {
  interrupt(): void;
  readonly daemon: Daemon;
  /** Switches a lesson may turn; read at the moment they matter. */
  readonly settings: HostSettings;
  /** The host's own file system (what the prompt's commands see). */
  readonly fs: UnionFs;
  /** Docker Hub and the network this host is on (another host created with them shares them). */
  readonly registries: SharedNetwork;
  /** This machine on that network: its name and address. */
  readonly machine: Machine;
  /** Another prompt on the same host (a second terminal tab): its own bash, the same engine and files. */
  openTerminal(): Promise<Host>;
  /**
   * Whether a command is half-way: some terminal runs a command line that is
   * not waiting for the keyboard (a shell loop, a pull). A program reading
   * the terminal (a container's shell at its prompt) is at a boundary.
   */
  midCommand(): boolean;
  /** Called after each command line run at any terminal's prompt has finished (the workspace saves then). */
  onCommand(listener: (e: CommandEnd) => void): () => void;
  /** The whole state of the engine and the host, as records to save (persistence). */
  readonly state: HostStateApi;
  /** The registry servers on this machine's ports (registry:2 containers publishing one, host services): the registry panel. */
  registryServers(): RegistryServerView[];
}

/** What the machines of one page share: Docker Hub, and the network they reach each other on. */
export interface SharedNetwork {
  hub: Registry;
  network: Network;
}

/** A registry server running on a machine, as the registry panel lists it. */
export interface RegistryServerView {
  /** How this machine's engine names it: `localhost:5000`. */
  address: string;
  /** What serves it: a container's name, or `docker-registry` for a service of the host. */
  server: string;
  /** The container serving it, when one does. */
  containerId?: string;
  registry: Registry;
}

export interface HostStateApi {
  /**
   * Every record at one consistent moment (synchronous). Keys are short
   * strings ('meta', 'image/<id>', 'container/<id>', …); values are
   * structured-cloneable (plain objects, arrays, strings, numbers, booleans,
   * null, Uint8Array) and must not be changed by the caller.
   */
  captureAll(): Map<string, unknown>;
  /**
   * What changed since the previous capture (captureAll or captureChanges):
   * only records whose stamps moved are serialised again.
   */
  captureChanges(): { put: Map<string, unknown>; remove: string[] };
}

export interface CommandEnd {
  command: string;
  status: number;
}

export interface HostSettings {
  /**
   * Package sources that are gone today (CentOS 8 mirrors, EPEL 6, Python
   * 2.7 on PyPI): false (default) they work as when the tutorials were
   * written; true they fail as on a real machine today.
   */
  sourcesAsToday: boolean;
}

export interface HostOptions {
  platform: Platform;
  /**
   * true: the virtual clock follows real time (the browser);
   * false: it jumps whenever everything waits (tests and transcripts).
   */
  realtime?: boolean;
  hostname?: string;
  settings?: Partial<HostSettings>;
  /**
   * Records a host's `state` captured: the new host continues from them
   * (its clock never earlier than the capture). createHost rejects with a
   * StateError when they cannot be restored.
   */
  restore?: Map<string, unknown>;
  /**
   * Another host's `registries`: this one joins its network (reaching that
   * host's published ports by name and address) and the same Docker Hub,
   * with its own images and logins.
   */
  registries?: SharedNetwork;
  /**
   * Services of the machine the transcripts were recorded on: a registry
   * (Distribution) listening on 127.0.0.1:5000. The page's machines have none:
   * a learner starts registry:2.
   */
  recorderServices?: boolean;
}

/** Virtual time between two commands typed at the prompt, in jump mode. */
const COMMAND_GAP_MS = 10;

/** The API version Berth's daemon speaks: Docker Engine 28.2. */
const SERVER = { apiVersion: '1.50', osType: 'linux', experimental: false };

function hostFileSystem(scheduler: Scheduler, programs: Iterable<string>, hostname: string, address: string): UnionFs {
  const fs = new UnionFs([new LayerTree()], { clock: scheduler });
  for (const d of ['/root', '/tmp', '/etc', '/etc/docker', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/var/lib/docker', '/home', '/proc']) {
    fs.mkdir(d, { recursive: true });
  }
  fs.chmod('/tmp', 0o1777);
  fs.symlink('usr/bin', '/bin');
  fs.symlink('usr/sbin', '/sbin');
  const enc = new TextEncoder();
  for (const p of programs) fs.writeFile(`/usr/bin/${p}`, enc.encode('\x7fELF'), { mode: 0o755 });
  fs.writeFile('/etc/hostname', enc.encode(`${hostname}\n`));
  // the machine's address on the page's network (hostname -I reads it here)
  fs.writeFile(
    '/etc/hosts',
    enc.encode(`127.0.0.1\tlocalhost\n${address}\t${hostname}\n\n# The following lines are desirable for IPv6 capable hosts\n::1     localhost ip6-localhost ip6-loopback\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`),
  );
  fs.writeFile('/etc/os-release', enc.encode('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n'));
  fs.writeFile('/proc/version', enc.encode('Linux version 6.8.0-berth (berth@berth) (gcc (Debian 12.2.0-14) 12.2.0) #1 SMP PREEMPT_DYNAMIC\n'));
  return fs;
}

/**
 * SIGINT as the docker CLI sees it: while a command listens (an attached
 * run, start -a, logs -f, wait), the process catches SIGINT, as docker/cli
 * does, and the command lets go of the container and returns; otherwise
 * SIGINT's default action ends the process.
 */
class SigintSignal implements CliSignal {
  aborted = false;
  private readonly listeners = new Set<() => void>();
  constructor(private readonly process: ProcessContext) {}

  private rawHandler: (() => void) | null = null;

  onAbort(cb: () => void): () => void {
    if (this.aborted) {
      cb();
      return () => {};
    }
    this.listeners.add(cb);
    if (this.listeners.size === 1) this.install();
    return () => {
      if (this.listeners.delete(cb) && this.listeners.size === 0 && !this.aborted && !this.rawHandler) {
        this.process.onSignal(Signals.SIGINT, null);
      }
    };
  }

  raw(onCtrlC: () => void): () => void {
    this.rawHandler = onCtrlC;
    this.install();
    return () => {
      if (this.rawHandler !== onCtrlC) return;
      this.rawHandler = null;
      if (this.listeners.size === 0 && !this.aborted) this.process.onSignal(Signals.SIGINT, null);
    };
  }

  private install(): void {
    this.process.onSignal(Signals.SIGINT, () => (this.rawHandler ? this.rawHandler() : this.fire()));
  }

  private fire(): void {
    if (this.aborted) return;
    this.aborted = true;
    // the handler stays: further Ctrl-Cs while the command winds down (it
    // returns within a second) change nothing, as they would not in docker/cli
    const listeners = [...this.listeners];
    this.listeners.clear();
    for (const cb of listeners) cb();
  }
}

/** A stream whose destination changes with each command the prompt runs. */
class Redirect implements OutputStream {
  target: OutputStream = { write() {} };
  /** Whether the command's terminal is a real one (the page) rather than a transcript's capture. */
  isTty: () => boolean = () => false;
  get terminal(): boolean {
    return this.isTty();
  }
  write(text: string): void {
    this.target.write(text);
  }
  writeBytes(data: Uint8Array): void {
    if (this.target.writeBytes) this.target.writeBytes(data);
    else this.target.write(new TextDecoder().decode(data));
  }
}

export async function createHost(options: HostOptions): Promise<SimulatedHost> {
  const { platform, restore } = options;
  // saved records are read before anything is built: the clock starts from them
  const meta = restore ? readMeta(restore) : undefined;
  const savedHost = restore ? readHostRecords(restore) : undefined;
  const settings: HostSettings = { sourcesAsToday: false, ...savedHost?.settings, ...options.settings };
  const scheduler = new Scheduler(Math.max(platform.clock.now(), meta?.now ?? -Infinity), platform.yieldTask);
  const sha256 = (d: Uint8Array | string) =>
    scheduler.track(platform.hasher.sha256(typeof d === 'string' ? new TextEncoder().encode(d) : d));
  const shared: SharedNetwork = options.registries ?? { hub: new HubRegistry(sha256), network: new Network() };
  const hostnameOf = options.hostname ?? 'berth';
  const machine: Machine = {
    hostname: hostnameOf,
    address: machineAddress(shared.network.size),
    listener: (port) => daemon.hostListener(port),
  };
  shared.network.add(machine);
  const daemon: Daemon = new Daemon({
    scheduler,
    // a restored engine's IDs must not collide with the saved ones (a sequential source starts again at 1)
    ids: restore ? skipUsedIds(platform.ids, (hex) => daemon.containers.has(hex) || daemon.execs.has(hex)) : platform.ids,
    hasher: platform.hasher,
    registry: new RegistryRouter(shared.hub, (host, port) => shared.network.connect(machine, host, port), {
      config: () => daemon.config,
      log: (level, msg) => daemon.logLine(level, msg),
      resolveAddress: (host) => shared.network.lookup(machine, host)?.address,
    }),
    resolve: tableResolver(containerPrograms(settings, { blobs: () => daemon.registryBlobs }), notSimulated),
  });

  const hostPrograms = new Map(programsFor('gnu'));
  /** Each terminal's shell by PID, and whether its command runs on a terminal. */
  const terminals = new Map<number, { tty: boolean }>();
  const onTerminal = (pid: number): boolean => {
    for (let p = ns.get(pid); p; p = ns.get(p.info.ppid)) {
      const t = terminals.get(p.info.pid);
      if (t) return t.tty;
      if (p.info.ppid === p.info.pid) break;
    }
    return false;
  };
  const docker: Program = (ctx) =>
    runDocker(ctx.argv.slice(1), {
      stdout: ctx.stdout,
      stderr: ctx.stderr,
      stdin: ctx.stdin,
      env: ctx.env,
      tty: onTerminal(ctx.pid),
      host: { fs: ctx.fs, cwd: ctx.cwd },
      daemon,
      server: SERVER,
      buildx: true,
      signal: new SigintSignal(ctx),
    });
  hostPrograms.set('docker', docker);
  hostPrograms.set('git', gitProgram);
  // systemctl, service, journalctl, sudo, dockerd: the host's view of the docker service
  for (const [name, p] of systemPrograms({ daemon, fs: () => fs })) hostPrograms.set(name, p);
  const prepared = restore ? await prepareRestore(daemon, restore) : undefined;
  const fs = savedHost?.fs ? restoredFileSystem(scheduler, savedHost.fs, hostPrograms.keys()) : hostFileSystem(scheduler, hostPrograms.keys(), options.hostname ?? 'berth', machine.address);
  const ns = new PidNamespace({
    scheduler,
    resolve: tableResolver({ busybox: new Map(), gnu: hostPrograms, byPath: new Map() }, notSimulated),
    hostname: options.hostname ?? 'berth',
    foreground: true,
    connect: (host, port) => shared.network.connect(machine, host, port),
  });
  if (options.recorderServices) {
    const { hostRegistryListener } = await import('../engine/registry/distribution/host-service.ts');
    daemon.hostServices.set(5000, hostRegistryListener(fs, daemon.registryBlobs, () => scheduler.now()));
  }
  const hostname = options.hostname ?? 'berth';
  const commandListeners = new Set<(e: CommandEnd) => void>();

  /** Terminals running a command line, and how many keyboard reads each has pending. */
  const busyTerminals = new Set<{ reads: number }>();

  /** One bash process at the prompt of one terminal. */
  async function openTerminal(): Promise<Host> {
    const stdout = new Redirect();
    const stderr = new Redirect();
    stdout.isTty = stderr.isTty = () => terminal.tty;
    let stdin: InputStream = EMPTY_INPUT;
    const terminal = { tty: false };
    const activity = { reads: 0 };
    let session!: ShellSession;
    let shellPid = 0;
    let ended: () => void = () => {};

    /** A login shell at /root: the terminal's first, and the next one after `exit`. */
    const startBash = () =>
      new Promise<void>((resolve) => {
        const env = new Map([
          ['HOME', '/root'],
          ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
          ['HOSTNAME', hostname],
          ['USER', 'root'],
          ['SHELL', '/bin/bash'],
          ['TERM', 'xterm-256color'],
          ['PWD', '/root'],
        ]);
        const shellProcess: Program = async (ctx) => {
          const shell = new Shell(ctx, { dialect: 'bash', arg0: 'bash', source: 'interactive' });
          session = new ShellSession(shell);
          const done = new Promise<void>((r) => (ended = r));
          resolve();
          await done;
          return session.exited ?? 0;
        };
        terminals.delete(shellPid);
        shellPid = ns.start({
          argv: ['bash'],
          fs,
          env,
          cwd: '/root',
          stdin: {
            read: (cancel) => {
              activity.reads++;
              return stdin.read(cancel).finally(() => activity.reads--);
            },
          },
          stdout,
          stderr,
          tty: false,
          user: 'root',
          ppid: 0,
          program: shellProcess,
        }).pid;
        terminals.set(shellPid, terminal);
      });
    await startBash();

    let running: Promise<number> | null = null;
    let closed = false;
    return {
      cwd: () => session.shell.cwd,
      interrupt() {
        // Ctrl-C reaches the foreground processes of this terminal's shell
        for (const pid of descendants(ns, shellPid)) ns.get(pid)?.signal(Signals.SIGINT);
      },
      close() {
        if (closed) return;
        closed = true;
        for (const pid of descendants(ns, shellPid).reverse()) ns.get(pid)?.signal(Signals.SIGKILL);
        terminals.delete(shellPid);
        busyTerminals.delete(activity);
        ended();
      },
      async run(command, io) {
        while (running) await running.catch(() => 0);
        if (closed) return 0;
        stdout.target = io.stdout;
        stderr.target = io.stderr;
        stdin = io.stdin ?? EMPTY_INPUT;
        terminal.tty = io.tty ?? false;
        const text = command.endsWith('\n') ? command : command + '\n';
        // in jump mode, time still passes between commands as it does at a real prompt
        if (!options.realtime) await scheduler.runUntil(scheduler.advance(COMMAND_GAP_MS));
        busyTerminals.add(activity);
        running = drive(
          session.feed(text).then(async (r) => {
            // the shell exited (`exit`, `false || exit`): its process ends and the terminal logs in again
            if (r.exited && !closed) {
              ended();
              await startBash();
            }
            return r.status;
          }),
        );
        let status = 1;
        try {
          return (status = await running);
        } finally {
          running = null;
          busyTerminals.delete(activity);
          for (const l of commandListeners) l({ command, status });
        }
      },
    };
  }

  const drive = <T>(work: Promise<T>): Promise<T> => (options.realtime ? work : scheduler.runUntil(work));
  const restored: RestoredDaemon | undefined = prepared?.apply();
  const tracker = new StateTracker([daemonSource(daemon, restored?.memory ?? newMemory()), hostSource(fs, settings)]);
  if (restore) tracker.prime(restore);
  // containers that were running come back as after a reboot with their disks: their main process starts afresh
  for (const c of restored?.running ?? []) daemon.containerService.revive(c);
  const state: HostStateApi = {
    captureAll: () => tracker.captureAll(),
    captureChanges: () => tracker.captureChanges(),
  };
  // dockerd starts with the machine: /etc/docker/daemon.json read, containers restarted by their policies
  await bootDaemon(daemon, fs);
  const first = await openTerminal();
  if (options.realtime) startRealtimeDriver(scheduler, platform.clock);
  const onCommand = (listener: (e: CommandEnd) => void) => {
    commandListeners.add(listener);
    return () => void commandListeners.delete(listener);
  };
  const midCommand = () => [...busyTerminals].some((t) => t.reads === 0);
  const router = daemon.opts.registry as RegistryRouter;
  // a push sends what `docker login` stored in the client's config file, as docker/cli does
  router.credentials = (domain) => storedCredentials(fs, '/root', domain);
  const registries = shared;
  const registryServers = (): RegistryServerView[] => {
    const out: RegistryServerView[] = [];
    for (const [port, l] of daemon.hostServices) if (l.registry) out.push({ address: `localhost:${port}`, server: 'docker-registry', registry: l.registry });
    for (const p of daemon.publishedListeners()) {
      const c = daemon.containers.get(p.containerId);
      if (p.listener?.registry && c) out.push({ address: `localhost:${p.hostPort}`, server: c.name.replace(/^\//, ''), containerId: c.id, registry: p.listener.registry });
    }
    return out;
  };
  return { ...first, interrupt: first.interrupt!, daemon, settings, fs, registries, machine, openTerminal, onCommand, midCommand, state, registryServers };
}

/** The host's saved files, with the stubs of today's programs (a newer Berth may have more). */
function restoredFileSystem(scheduler: Scheduler, tree: LayerTree, programs: Iterable<string>): UnionFs {
  const fs = new UnionFs([tree], { clock: scheduler });
  const stub = new TextEncoder().encode('\x7fELF');
  for (const p of programs) {
    if (!tree.lookup(`usr/bin/${p}`)) tree.addFile(`usr/bin/${p}`, stub, { mode: 0o755 });
  }
  // the docker package's configuration directory (workspaces saved before it was made)
  if (!tree.lookup('etc/docker') && tree.lookup('etc')) tree.addDir('etc/docker', { mode: 0o755 });
  return fs;
}

/** An IdSource that never returns an ID `used` reports taken. */
function skipUsedIds(ids: IdSource, used: (hex: string) => boolean): IdSource {
  return {
    randomHex(bytes) {
      for (;;) {
        const hex = ids.randomHex(bytes);
        if (!used(hex)) return hex;
      }
    },
    randomInt: (n) => ids.randomInt(n),
  };
}

/** Every process below `pid`, children first. */
function descendants(ns: PidNamespace, pid: number): number[] {
  const procs = ns.processes();
  const out: number[] = [];
  const walk = (parent: number) => {
    for (const p of procs) {
      if (p.ppid === parent && p.pid !== parent) {
        out.push(p.pid);
        walk(p.pid);
      }
    }
  };
  walk(pid);
  return out;
}

/**
 * The longest the real-time driver sleeps. It wakes for the next timer
 * anyway, and between its ticks `now()` reads the wall clock (Scheduler.follow),
 * so this is only a guard: an idle page wakes once a second for it.
 */
const REALTIME_TICK_MS = 1000;

/**
 * Timers the real-time driver fires in the task that set them, before a task
 * has gone by (see Scheduler.fireDueNow); more wait for the next task, so a
 * loop of `sleep 0` cannot hold the page's thread.
 */
const REALTIME_QUICK_FIRES = 16;

/**
 * Browser mode: the virtual clock follows the wall clock. The driver wakes
 * when the next timer is due (a `docker stop -t 0` answers at once, not at
 * the next tick) and at least every REALTIME_TICK_MS. A timer already due
 * when it is set fires once the current microtasks have run, in the same
 * task: in the page, a task queued after a key press runs only after the
 * next frame is drawn, and the command's answer would miss that frame.
 */
export function startRealtimeDriver(scheduler: Scheduler, clock: { now(): number }): void {
  const offset = scheduler.now() - clock.now();
  let timer: unknown = null;
  let ticking = false;
  let quickFires = 0;
  let quickQueued = false;
  /** A timer is due already: fire it once the current microtasks have run, even while a tick is under way. */
  const quickIfDue = () => {
    const next = scheduler.nextTimerAt;
    if (next === undefined || next - offset - clock.now() > 0 || quickFires >= REALTIME_QUICK_FIRES || quickQueued) return;
    quickQueued = true;
    void Promise.resolve().then(quick);
  };
  const quick = () => {
    quickQueued = false;
    if (quickFires === 0) setTimeoutish(() => (quickFires = 0), 0);
    // an attempt that fired nothing (the clock held) counts too: no endless microtasks
    quickFires += Math.max(1, scheduler.fireDueNow(clock.now() + offset, REALTIME_QUICK_FIRES - quickFires));
    quickIfDue();
    arm();
  };
  const arm = () => {
    if (ticking) return;
    if (timer !== null) clearTimeoutish(timer);
    const next = scheduler.nextTimerAt;
    const due = next === undefined ? REALTIME_TICK_MS : next - offset - clock.now();
    timer = setTimeoutish(tick, Math.max(0, Math.min(REALTIME_TICK_MS, due)));
  };
  const tick = () => {
    timer = null;
    ticking = true;
    void scheduler.advanceTo(clock.now() + offset).then(() => {
      ticking = false;
      arm();
    });
  };
  scheduler.onEarlierTimer = () => {
    quickIfDue();
    arm();
  };
  scheduler.follow(() => clock.now() + offset);
  tick();
}

const timers = globalThis as unknown as { setTimeout(f: () => void, ms: number): unknown; clearTimeout(t: unknown): void };

function setTimeoutish(fn: () => void, ms: number): unknown {
  return timers.setTimeout(fn, ms);
}

function clearTimeoutish(t: unknown): void {
  timers.clearTimeout(t);
}
