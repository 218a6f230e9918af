// docker exec in the engine, after moby's daemon/exec.go: an exec is
// created against a running container (its ID listed in ExecIDs while it
// runs), then started as one more process in the container's PID namespace,
// over the container's file system, with the daemon's environment rules.
import type { InputStream, OutputStream } from '../runtime/process.ts';
import type { ContainerRecord } from './container.ts';
import { DEFAULT_PATH } from '../runtime/resolve.ts';

export interface ExecOptions {
  cmd: string[];
  /** -e: `K=V` sets, a bare `K` unsets. */
  env?: string[];
  workingDir?: string;
  user?: string;
  tty?: boolean;
  privileged?: boolean;
}

/** Where a started exec's streams go; absent streams are detached (input empty, output discarded). */
export interface ExecStreams {
  stdin?: InputStream;
  stdout?: OutputStream;
  stderr?: OutputStream;
}

export interface ExecRecord {
  /** 64 hex */
  id: string;
  containerId: string;
  config: ExecOptions;
  /** The environment the process gets, in moby's order. */
  env: string[];
  user: string;
  workingDir: string;
  running: boolean;
  exitCode: number | undefined;
  pid: number;
}


/** moby's ReplaceOrAppendEnvValues: overrides replace by key or append; a bare key unsets. */
export function replaceOrAppendEnv(defaults: string[], overrides: string[]): string[] {
  const out: Array<string | null> = [...defaults];
  const index = new Map<string, number>();
  out.forEach((e, i) => index.set(e!.slice(0, e!.indexOf('=') < 0 ? e!.length : e!.indexOf('=')), i));
  for (const v of overrides) {
    const eq = v.indexOf('=');
    if (eq < 0) {
      const i = index.get(v);
      if (i !== undefined) out[i] = null;
      continue;
    }
    const i = index.get(v.slice(0, eq));
    if (i !== undefined) out[i] = v;
    else {
      index.set(v.slice(0, eq), out.length);
      out.push(v);
    }
  }
  return out.filter((e): e is string => e !== null);
}

/**
 * An exec's environment: the daemon's (PATH, HOSTNAME, TERM with a tty)
 * under the container's, then the exec's own -e values; runc adds HOME.
 */
export function execEnv(c: ContainerRecord, o: ExecOptions, home: string | null = '/root'): string[] {
  const daemon = [`PATH=${DEFAULT_PATH}`, `HOSTNAME=${c.config.Hostname ?? ''}`, ...(o.tty ? ['TERM=xterm'] : [])];
  const env = replaceOrAppendEnv(replaceOrAppendEnv(daemon, c.config.Env ?? []), o.env ?? []);
  if (home !== null && !env.some((e) => e.startsWith('HOME='))) env.push(`HOME=${home}`);
  return env;
}
