// The daemon's configuration: what /etc/docker/daemon.json sets (moby's
// config.Config), read when dockerd starts. The defaults are an empty file's.

export interface DaemonConfig {
  /** "registry-mirrors": Docker Hub mirrors, normalised as moby's ValidateMirror does (a trailing slash). */
  registryMirrors: string[];
  /** "insecure-registries": host[:port] names or CIDRs reached over plain HTTP (after 127.0.0.0/8 and ::1/128). */
  insecureRegistries: string[];
  /** "debug": docker info's `Debug Mode` (server). */
  debug: boolean;
  /** Every other key the file held, as read (docker info shows some; unknown ones stop the daemon). */
  extra: Record<string, unknown>;
}

export const defaultDaemonConfig = (): DaemonConfig => ({ registryMirrors: [], insecureRegistries: [], debug: false, extra: {} });

/** One line of dockerd's log (journalctl -u docker): logrus fields as moby writes them. */
export interface DaemonLogEntry {
  /** Virtual time, ms. */
  time: number;
  level: 'debug' | 'info' | 'warning' | 'error' | 'fatal';
  msg: string;
  /** Further key=value fields, in order (error="…", module=…). */
  fields?: Array<[string, string]>;
  /**
   * Who wrote it: dockerd through its logger (absent), dockerd's plain
   * stderr (the error it exits with), or systemd about docker.service.
   */
  source?: 'stderr' | 'systemd';
  /** dockerd's PID when it wrote the line (journalctl's `dockerd[PID]`). */
  pid?: number;
}
