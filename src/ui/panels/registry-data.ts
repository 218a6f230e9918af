// What the registry panel shows of registries that change under it: the
// servers on this machine's ports and what learners pushed to Docker Hub.
// Reading them is asynchronous (a registry answers later), so the panel never
// reads in the frame a command runs in: engine changes only ask for a reading
// (`LiveReader.poke`), readings come at most every `delayMs`, one at a time,
// and a change during a reading brings another one after it.
import type { SimulatedHost } from '../../shell/host.ts';
import { familiarName } from '../../engine/image/reference.ts';
import {
  hubPushedRegistry,
  registryContents,
  serverViews,
  stoppedServers,
  type RegistryRepoView,
  type ServerView,
  type StoppedServer,
} from '../../engine/views/registry.ts';

export interface LiveRegistries {
  servers: ServerView[];
  stopped: StoppedServer[];
  /** What learners pushed to Docker Hub (by both machines: they share it). */
  hub: RegistryRepoView[];
  hubError?: string;
}

/** One reading of everything the panel shows that a registry serves. */
export async function readRegistries(host: SimulatedHost): Promise<LiveRegistries> {
  const daemon = host.daemon;
  const pushed = hubPushedRegistry(host.registries.hub);
  const [servers, hub] = await Promise.all([
    serverViews(daemon, host.registryServers()),
    pushed ? registryContents(pushed, 'docker.io', (s) => daemon.sha256(s)) : Promise.resolve<{ repos: RegistryRepoView[]; error?: string }>({ repos: [] }),
  ]);
  return { servers, stopped: stoppedServers(daemon, servers), hub: hub.repos, ...(hub.error !== undefined ? { hubError: hub.error } : {}) };
}

/**
 * A number that moves when a registry the host can see changes without an
 * event of this engine: a push from the other machine to the shared Hub, a
 * server appearing on a port. Cheap: the panel compares it once a second.
 */
export function registriesStamp(host: SimulatedHost): string {
  const revision = (r: unknown) => (typeof (r as { revision?: unknown }).revision === 'number' ? (r as { revision: number }).revision : 0);
  const servers = host.registryServers().map((s) => `${s.address}=${s.containerId ?? s.server}@${revision(s.registry)}`);
  return [revision(hubPushedRegistry(host.registries.hub)), ...servers].join(',');
}

/** Tags this machine pushed to Docker Hub (the engine's push events), as `alice/app:v1`. */
export function pushedHere(pushes: ReadonlyArray<{ ref: string }>): Set<string> {
  return new Set(pushes.map((p) => p.ref));
}

/** A Hub repository as `docker push` names it: `alice/app` (`library/x` is `x`). */
export const hubRepoName = (path: string): string => familiarName({ domain: 'docker.io', path });

/** Reads on request, at most one at a time and one per `delayMs`; nothing after `dispose`. */
export class LiveReader<T> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private again = false;
  private disposed = false;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly apply: (value: T) => void,
    private readonly delayMs = 120,
  ) {}

  /** Something changed: read again soon (several pokes before then make one reading). */
  poke(): void {
    if (this.disposed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.timer ??= setTimeout(() => void this.run(), this.delayMs);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    this.running = true;
    this.again = false;
    try {
      const value = await this.read();
      // still newer than what is on screen, even if a change came meanwhile (the next reading follows)
      if (!this.disposed) this.apply(value);
    } catch {
      // a registry that fails to answer leaves the last reading on screen
    } finally {
      this.running = false;
      if (this.again) this.poke();
    }
  }
}
