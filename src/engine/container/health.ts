// Container health checks, after moby's daemon/health.go and
// daemon/container/health.go: while a container runs (and is not paused) a
// monitor runs its HEALTHCHECK as an exec every Interval, keeps the last five
// results and turns Retries consecutive failures into "unhealthy". Everything
// runs on the engine's virtual clock.
import type { DaemonCore } from '../daemon.ts';
import { DaemonError } from '../errors/errors.ts';
import { goDuration } from '../build/history.ts';
import type { OutputStream } from '../runtime/process.ts';
import type { ContainerRecord } from './container.ts';

/** moby's container.HealthConfig; durations in nanoseconds, 0 = the default (or the image's). */
export interface HealthConfig {
  /** [] inherit, ["NONE"] disabled, ["CMD", argv...], ["CMD-SHELL", command]. */
  Test?: string[] | null;
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

export type HealthStatus = 'starting' | 'healthy' | 'unhealthy';

/** One run of the probe (moby's HealthcheckResult); times in ms since the epoch. */
export interface HealthResult {
  Start: number;
  End: number;
  ExitCode: number;
  Output: string;
}

/** State.Health: kept with the container's state, and persisted with it. */
export interface HealthState {
  Status: HealthStatus;
  FailingStreak: number;
  /** The last results, oldest first. */
  Log: HealthResult[];
}

const MS = 1e6;
/** Longest probe output kept, in bytes; more is cut and "..." appended. */
export const MAX_OUTPUT = 4096;
const DEFAULT_INTERVAL = 30_000 * MS;
const DEFAULT_TIMEOUT = 30_000 * MS;
const DEFAULT_START_PERIOD = 0;
const DEFAULT_START_INTERVAL = 5_000 * MS;
const DEFAULT_RETRIES = 3;
const MAX_LOG_ENTRIES = 5;
/** moby's container.MinimumDuration: 1ms. */
const MINIMUM_DURATION = 1 * MS;

const withDefault = (v: number | undefined, d: number) => (v ? v : d);

/** The container's health configuration, if it has one. */
export function healthConfig(c: ContainerRecord): HealthConfig | undefined {
  const h = c.config.Healthcheck;
  return h && typeof h === 'object' ? (h as HealthConfig) : undefined;
}

/** moby getProbe: whether the configuration runs a probe (CMD or CMD-SHELL; NONE and unknown types do not). */
export function hasProbe(h: HealthConfig | undefined): boolean {
  const kind = h?.Test?.[0];
  return kind === 'CMD' || kind === 'CMD-SHELL';
}

/** moby validateHealthCheck, on the configuration a create request carries (before the image's is merged in). */
export function validateHealthConfig(h: HealthConfig | undefined): DaemonError | undefined {
  if (!h) return undefined;
  const min = goDuration(MINIMUM_DURATION);
  const bad = (m: string) => new DaemonError('invalid-parameter', m);
  if (h.Interval && h.Interval < MINIMUM_DURATION) return bad(`Interval in Healthcheck cannot be less than ${min}`);
  if (h.Timeout && h.Timeout < MINIMUM_DURATION) return bad(`Timeout in Healthcheck cannot be less than ${min}`);
  if ((h.Retries ?? 0) < 0) return bad('Retries in Healthcheck cannot be negative');
  if (h.StartPeriod && h.StartPeriod < MINIMUM_DURATION) return bad(`StartPeriod in Healthcheck cannot be less than ${min}`);
  if (h.StartInterval && h.StartInterval < MINIMUM_DURATION) return bad(`StartInterval in Healthcheck cannot be less than ${min}`);
  return undefined;
}

/**
 * moby's merge (daemon/commit.go) of the image's health check under the
 * user's: no user config takes the image's; unset fields (empty Test, zero
 * durations and retries) take the image's values.
 */
export function mergeHealthConfig(user: HealthConfig | undefined, image: HealthConfig | undefined): HealthConfig | undefined {
  if (!image) return user ? { ...user } : undefined;
  if (!user) return { ...image };
  const out: HealthConfig = {};
  const test = user.Test && user.Test.length > 0 ? user.Test : image.Test;
  if (test && test.length > 0) out.Test = [...test];
  const pick = (k: 'Interval' | 'Timeout' | 'StartPeriod' | 'StartInterval' | 'Retries') => {
    const v = user[k] || image[k];
    if (v) out[k] = v;
  };
  pick('Interval');
  pick('Timeout');
  pick('StartPeriod');
  pick('StartInterval');
  pick('Retries');
  return out;
}

/** The text after `Up …` in `docker ps` (moby Health.String). */
export function healthText(h: HealthState): string {
  return h.Status === 'starting' ? 'health: starting' : h.Status;
}

/** A started probe: its exit status, and how to kill it. */
export interface ProbeHandle {
  exited: Promise<number>;
  kill(): void;
}

/** Runs a probe as an exec in the container (stdout and stderr to `out`); throws a DaemonError when it cannot start. */
export type ProbeStarter = (c: ContainerRecord, argv: string[], out: OutputStream) => ProbeHandle;

/** moby's limitedBuffer: the first 4096 bytes of what the probe wrote, "..." when more was cut. */
export class LimitedBuffer implements OutputStream {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private truncated = false;
  private static encoder = new TextEncoder();

  write(text: string | Uint8Array): void {
    const data = typeof text === 'string' ? LimitedBuffer.encoder.encode(text) : text;
    const keep = Math.min(MAX_OUTPUT - this.size, data.length);
    if (keep > 0) {
      this.chunks.push(data.slice(0, keep));
      this.size += keep;
    }
    if (keep < data.length) this.truncated = true;
  }

  toString(): string {
    const all = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      all.set(c, at);
      at += c.length;
    }
    // Go's JSON replaces invalid UTF-8 (a character cut in two) with U+FFFD, as the decoder does
    const out = new TextDecoder().decode(all);
    return this.truncated ? `${out}...` : out;
  }
}

interface Monitor {
  stopped: boolean;
  cancelTimer: () => void;
  killProbe: (() => void) | null;
}

/** The health monitors of a daemon's containers: at most one per container. */
export class HealthChecks {
  private monitors = new Map<string, Monitor>();

  constructor(
    private readonly core: DaemonCore,
    private readonly startProbe: ProbeStarter,
  ) {}

  /** moby initHealthMonitor: a (re)started container with a probe starts "starting", its log kept. */
  init(c: ContainerRecord): void {
    if (!hasProbe(healthConfig(c))) return;
    this.stop(c);
    const h = c.state.Health;
    if (h) {
      h.Status = 'starting';
      h.FailingStreak = 0;
    } else {
      c.state.Health = { Status: 'starting', FailingStreak: 0, Log: [] };
    }
    this.update(c);
  }

  /** moby updateHealthMonitor: the monitor runs while the container runs unpaused, else it stops. */
  update(c: ContainerRecord): void {
    if (!c.state.Health) return;
    const want = c.state.Running && !c.state.Paused && !c.state.Restarting && hasProbe(healthConfig(c));
    if (!want) {
      this.stop(c);
      return;
    }
    if (this.monitors.has(c.id)) return;
    const m: Monitor = { stopped: false, cancelTimer: () => {}, killProbe: null };
    this.monitors.set(c.id, m);
    this.schedule(c, m);
  }

  /**
   * moby stopHealthchecks/CloseMonitorChannel: the monitor ends (a probe
   * running is killed, its result dropped) and the status reads "unhealthy",
   * as moby leaves it for compatibility.
   */
  stop(c: ContainerRecord): void {
    const m = this.monitors.get(c.id);
    if (!m) return;
    this.monitors.delete(c.id);
    m.stopped = true;
    m.cancelTimer();
    m.killProbe?.();
    if (c.state.Health) c.state.Health.Status = 'unhealthy';
  }

  /** Whether a monitor is running for the container (tests, panels). */
  running(id: string): boolean {
    return this.monitors.has(id);
  }

  private schedule(c: ContainerRecord, m: Monitor): void {
    const cfg = healthConfig(c) ?? {};
    const interval = withDefault(cfg.Interval, DEFAULT_INTERVAL);
    const startInterval = withDefault(cfg.StartInterval, DEFAULT_START_INTERVAL);
    const startPeriod = withDefault(cfg.StartPeriod, DEFAULT_START_PERIOD);
    let next = interval;
    // during the start period a container still starting is probed every StartInterval
    if (this.core.now() - c.state.StartedAt < startPeriod / MS && c.state.Health?.Status === 'starting') next = startInterval;
    m.cancelTimer = this.core.clock.setTimer(next / MS, () => {
      m.cancelTimer = () => {};
      void this.probe(c, m, cfg);
    });
  }

  private async probe(c: ContainerRecord, m: Monitor, cfg: HealthConfig): Promise<void> {
    const start = this.core.now();
    const result = await this.run(c, m, cfg, start);
    if (m.stopped || this.monitors.get(c.id) !== m) return;
    this.record(c, cfg, result);
    this.schedule(c, m);
  }

  /** moby cmdProbe.run: the check as an exec, killed after Timeout. */
  private async run(c: ContainerRecord, m: Monitor, cfg: HealthConfig, start: number): Promise<HealthResult> {
    const failed = (output: string): HealthResult => ({ Start: start, End: this.core.now(), ExitCode: -1, Output: output });
    const test = cfg.Test ?? [];
    let argv = test.slice(1);
    if (argv.length === 0) return failed(`healthcheck for container ${c.id} has no command`);
    if (test[0] === 'CMD-SHELL') argv = [...(c.config.Shell && c.config.Shell.length > 0 ? c.config.Shell : ['/bin/sh', '-c']), ...argv];
    const out = new LimitedBuffer();
    let handle: ProbeHandle;
    try {
      handle = this.startProbe(c, argv, out);
    } catch (e) {
      // moby logs the error as the result; a monitor never dies of its probe
      return failed(e instanceof Error ? e.message : String(e));
    }
    const timeout = withDefault(cfg.Timeout, DEFAULT_TIMEOUT);
    let timedOut = false;
    m.killProbe = () => handle.kill();
    const cancel = this.core.clock.setTimer(timeout / MS, () => {
      timedOut = true;
      handle.kill();
    });
    const code = await handle.exited;
    cancel();
    m.killProbe = null;
    const text = out.toString();
    if (timedOut) {
      const msg = `Health check exceeded timeout (${goDuration(timeout)})`;
      return failed(text ? `${msg}: ${text}` : msg);
    }
    return { Start: start, End: this.core.now(), ExitCode: code, Output: text };
  }

  /** moby handleProbeResult. */
  private record(c: ContainerRecord, cfg: HealthConfig, result: HealthResult): void {
    const h = c.state.Health;
    if (!h) return;
    const retries = cfg.Retries && cfg.Retries > 0 ? cfg.Retries : DEFAULT_RETRIES;
    const old = h.Status;
    h.Log = [...h.Log, result].slice(-MAX_LOG_ENTRIES);
    if (result.ExitCode === 0) {
      h.FailingStreak = 0;
      h.Status = 'healthy';
    } else {
      // failures in the start period do not count while the container has never been healthy
      const startPeriod = withDefault(cfg.StartPeriod, DEFAULT_START_PERIOD);
      const inStartPeriod = h.Status === 'starting' && result.Start - c.state.StartedAt < startPeriod / MS;
      if (!inStartPeriod) {
        h.FailingStreak++;
        if (h.FailingStreak >= retries) h.Status = 'unhealthy';
      }
    }
    if (h.Status !== old) {
      this.core.emit({ type: 'container', action: 'health_status', id: c.id, name: c.name, image: c.config.Image ?? '', health: h.Status });
    }
  }
}
