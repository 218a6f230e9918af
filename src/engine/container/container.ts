// A container: its configuration, state, read-write layer and logs.
import type { RunConfig } from '../image/config.ts';
import type { ContainerState } from './state.ts';
import type { PortBinding } from './ports.ts';

export interface RestartPolicy {
  Name: '' | 'no' | 'always' | 'on-failure' | 'unless-stopped';
  MaximumRetryCount: number;
}

export interface HostConfig {
  AutoRemove: boolean;
  RestartPolicy: RestartPolicy;
  /** --read-only: the root file system cannot be written (absent in records made before it existed). */
  ReadonlyRootfs?: boolean;
  /** -p: host bindings by container port ("80/tcp"); absent: none. */
  PortBindings?: Record<string, PortBinding[]>;
  /** -P: every exposed port without a binding gets an ephemeral host port. */
  PublishAllPorts?: boolean;
}

export interface LogLine {
  stream: 'stdout' | 'stderr';
  /** ms since the epoch */
  time: number;
  text: string;
}

export interface ContainerRecord {
  /** 64 hex */
  id: string;
  /** Without the leading slash. */
  name: string;
  created: number;
  /** The image ID (sha256:...). */
  image: string;
  path: string;
  args: string[];
  config: RunConfig;
  hostConfig: HostConfig;
  state: ContainerState;
  restartCount: number;
  /** Set when the user stopped it: `unless-stopped`/`always` do not restart it. */
  manuallyStopped: boolean;
  /** Key of the read-write layer in the layer store. */
  rwLayer: string;
  logs: LogLine[];
  removing: boolean;
  /** --stop-timeout, seconds */
  stopTimeout?: number;
}
