// Debian's docker-registry (Distribution 2.8) as a service of the machine
// the transcripts were recorded on: 127.0.0.1:5000, storing under
// /var/lib/docker-registry (the package's rootdirectory). The runner's host
// registers it in DaemonCore.hostServices.
import type { Fs } from '../../fs/types.ts';
import type { Listener } from '../../runtime/process.ts';
import type { BlobStore } from '../blobs.ts';
import { FsRegistry } from './fs-registry.ts';
import { serveHttp } from './http.ts';

export const HOST_REGISTRY_ROOT = '/var/lib/docker-registry';

/** The host's registry on port 5000: the same storage and answers as registry:2, with deletion enabled as the recording machine's config has it. */
export function hostRegistryListener(fs: Fs, blobs: BlobStore, now: () => number = () => Date.now()): Listener {
  const registry = new FsRegistry({ fs, root: HOST_REGISTRY_ROOT, blobs, deleteEnabled: true, now });
  // the service's HTTP secret (uploads' _state): fixed for a host, as a configured http.secret is
  const secret = new TextEncoder().encode('berth-docker-registry');
  return {
    pid: 0,
    port: 5000,
    proto: 'tcp',
    registry,
    serve: async (request) => (await serveHttp(registry, request, { now, secret })).response,
  };
}
