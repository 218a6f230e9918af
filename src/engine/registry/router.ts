// The registries the engine can reach, by host: Docker Hub, and the private
// registry a learner runs on port 5000 (one server, reachable under either
// loopback name). Any other host does not resolve.
import { Errors } from '../errors/messages.ts';
import type { Reference } from '../image/reference.ts';
import { HubRegistry, type Sha256 } from './hub.ts';
import { LocalRegistry } from './local.ts';
import type { Registry, RemoteImage, RepositoryWriter } from './registry.ts';

export class RegistryRouter implements Registry {
  constructor(private readonly byDomain: ReadonlyMap<string, Registry>) {}

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
    return this.route(ref).openPush(ref);
  }
}

/** Hosts that reach the private registry. */
export const PRIVATE_REGISTRY_HOSTS = ['127.0.0.1:5000', 'localhost:5000'];

/** Docker Hub (the given one, or the catalogue's) and an empty private registry on port 5000. */
export function defaultRegistries(sha256: Sha256, hub: Registry = new HubRegistry(sha256)): RegistryRouter {
  const local = new LocalRegistry();
  return new RegistryRouter(new Map<string, Registry>([['docker.io', hub], ...PRIVATE_REGISTRY_HOSTS.map((h) => [h, local] as const)]));
}
