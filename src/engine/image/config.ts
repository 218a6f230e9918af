// Docker/OCI image configuration JSON (the blob whose sha256 is the image
// ID) and the container configuration it carries.

export interface RunConfig {
  Hostname?: string;
  Domainname?: string;
  User?: string;
  AttachStdin?: boolean;
  AttachStdout?: boolean;
  AttachStderr?: boolean;
  ExposedPorts?: Record<string, Record<string, never>> | null;
  Tty?: boolean;
  OpenStdin?: boolean;
  StdinOnce?: boolean;
  Env?: string[] | null;
  Cmd?: string[] | null;
  Healthcheck?: unknown;
  ArgsEscaped?: boolean;
  Image?: string;
  Volumes?: Record<string, Record<string, never>> | null;
  WorkingDir?: string;
  Entrypoint?: string[] | null;
  OnBuild?: string[] | null;
  Labels?: Record<string, string> | null;
  StopSignal?: string;
  Shell?: string[] | null;
}

export interface HistoryEntry {
  created: string;
  created_by?: string;
  author?: string;
  comment?: string;
  empty_layer?: boolean;
}

export interface ImageConfig {
  architecture: string;
  author?: string;
  comment?: string;
  config: RunConfig;
  container?: string;
  /** The legacy builder's step container config (its cache compares it). */
  container_config?: RunConfig;
  created: string;
  docker_version?: string;
  history: HistoryEntry[];
  os: string;
  rootfs: { type: 'layers'; diff_ids: string[] };
  variant?: string;
}

/** The bytes whose sha256 is the image ID. Key order as moby marshals image.Image. */
export function serializeImageConfig(c: ImageConfig): string {
  const o: Record<string, unknown> = { architecture: c.architecture };
  if (c.author) o.author = c.author;
  if (c.comment) o.comment = c.comment;
  o.config = c.config;
  if (c.container) o.container = c.container;
  if (c.container_config) o.container_config = c.container_config;
  o.created = c.created;
  if (c.docker_version) o.docker_version = c.docker_version;
  o.history = c.history;
  o.os = c.os;
  o.rootfs = c.rootfs;
  if (c.variant) o.variant = c.variant;
  return JSON.stringify(o);
}

/** RFC 3339 with nanoseconds, as Go marshals time.Time (trailing zeros trimmed). */
export function rfc3339Nano(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2026-11-23T12:50:53.539Z
  const [base, frac = '000Z'] = iso.split('.');
  const digits = frac.slice(0, 3).replace(/0+$/, '');
  return digits ? `${base}.${digits}Z` : `${base}Z`;
}
