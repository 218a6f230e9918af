// The registries the engine can reach, by host: Docker Hub, and the private
// registry a learner runs on port 5000 (one server, reachable under either
// loopback name). Any other host does not resolve. The registries are
// servers: several hosts may reach the same ones (each with its own router
// and its own logins), so an image pushed on one host pulls on another.
import { Errors } from '../errors/messages.ts';
import type { Reference } from '../image/reference.ts';
import { HubRegistry, type Sha256 } from './hub.ts';
import { LocalRegistry } from './local.ts';
import type { Registry, RemoteImage, RepositoryWriter } from './registry.ts';
import { isAuthenticating, type Credentials } from './auth.ts';

/** The registry servers by host name, as several simulated hosts may share them. */
export type Registries = ReadonlyMap<string, Registry>;

export class RegistryRouter implements Registry {
  /** The credentials the host's client holds for a registry host (the CLI's config file); a push sends them. */
  credentials: (domain: string) => Credentials | undefined = () => undefined;

  constructor(readonly byDomain: Registries) {}

  /** The registry serving a host (persistence reaches the private registry's contents). */
  registryFor(domain: string): Registry | undefined {
    return this.byDomain.get(domain);
  }

  private route(ref: Reference): Registry {
    const r = this.byDomain.get(ref.domain);
    if (!r) throw Errors.registryUnreachable(ref.domain);
    return r;
  }

  async resolve(ref: Reference): Promise<RemoteImage> {
    return this.route(ref).resolve(ref);
  }

  async tags(ref: Reference): Promise<string[]> {
    return this.route(ref).tags(ref);
  }

  async openPush(ref: Reference): Promise<RepositoryWriter> {
    return this.route(ref).openPush(ref, this.credentials(ref.domain));
  }

  /**
   * The daemon's /auth (`docker login`): checks credentials with the
   * registry of a host (docker.io for the Hub); the client stores them.
   */
  async login(domain: string, c: Credentials): Promise<void> {
    const r = this.byDomain.get(domain);
    if (!r) throw Errors.registryUnreachable(domain);
    if (isAuthenticating(r)) await r.authenticate(c);
  }
}

/** Hosts that reach the private registry. */
export const PRIVATE_REGISTRY_HOSTS = ['127.0.0.1:5000', 'localhost:5000'];

/** Docker Hub (the given one, or the catalogue's) and an empty private registry on port 5000. */
export function defaultRegistries(sha256: Sha256, hub: Registry = new HubRegistry(sha256)): RegistryRouter {
  return new RegistryRouter(registryServers(hub));
}

/** The servers alone: Docker Hub and one private registry under both loopback names. */
export function registryServers(hub: Registry): Registries {
  const local = new LocalRegistry();
  return new Map<string, Registry>([['docker.io', hub], ...PRIVATE_REGISTRY_HOSTS.map((h) => [h, local] as const)]);
}
